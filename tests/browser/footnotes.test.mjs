// Footnote popups in Chromium, on the fixture archive and (once it has footnotes) the project's own content,
// opened from disk and from a web server: hover, keyboard focus, click and tap open the popup with the
// footnote's text; the pointer can move onto it; links in it work; Escape and a click outside close it; on a
// phone it is a panel at the bottom inside the viewport; without JavaScript the links still jump; print
// hides it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launch, origins, watchErrors } from './support.mjs';
import { popupSites, FIXTURE } from './popup-sites.mjs';

const POPUP = '[data-footnote-popup]';
const OPEN = '[data-footnote-popup]:not([hidden])';

let browser, sites;
before(async () => {
  sites = popupSites();
  for (const s of sites) s.where = await origins(s.dir);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const s of sites ?? []) await s.where?.close();
});

const norm = (s) => s.replace(/\s+/g, ' ').trim();

// The text of footnote `id` as the footnote list shows it.
const footnoteText = (page, id) => page.$eval(`[id="${id}"] .fn-text`, (e) => e.textContent);
const popupText = (page) => page.$eval(`${OPEN} .popup-text`, (e) => e.textContent);

// Waits until the popup shows footnote `id` (its text equals the list entry's).
async function waitForFootnote(page, id) {
  await page.waitForSelector(OPEN);
  await page.waitForFunction((fid) => {
    const p = document.querySelector('[data-footnote-popup]:not([hidden]) .popup-text');
    const f = document.querySelector(`[id="${fid}"] .fn-text`);
    return p && f && p.textContent.trim() === f.textContent.trim();
  }, id);
}

async function inViewport(page, selector) {
  const box = await page.locator(selector).boundingBox();
  const vp = page.viewportSize();
  assert.ok(box, `${selector} has a box`);
  assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= vp.width + 0.5 && box.y + box.height <= vp.height + 0.5,
    `${selector} ${JSON.stringify(box)} inside the ${vp.width}x${vp.height} viewport`);
  return box;
}

const refFor = (id) => `a[data-footnote-ref][href="#${id}"]`;

function eachSite(title, fn) {
  for (const origin of ['file', 'http']) {
    test(`${title} (${origin})`, async (t) => {
      for (const site of sites) {
        const { base } = site.where.list.find((o) => o.name === origin);
        await t.test(site.name, () => fn(site, base));
      }
    });
  }
}

eachSite('hover opens a popup with the footnote text, for several footnotes', async (site, base) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = watchErrors(page);
  let checked = 0;
  for (const p of site.footnotePages.slice(0, 3)) {
    await page.goto(base + p.path);
    for (const id of p.refs.slice(0, 4)) {
      await page.hover(refFor(id));
      await waitForFootnote(page, id);
      assert.equal(norm(await popupText(page)), norm(await footnoteText(page, id)));
      assert.equal(await page.getAttribute(`${refFor(id)} >> nth=0`, 'aria-expanded'), 'true');
      const controls = await page.getAttribute(`${refFor(id)} >> nth=0`, 'aria-controls');
      assert.equal(await page.getAttribute(POPUP, 'id'), controls, 'aria-controls names the popup');
      if (site.fixture && FIXTURE.footnotes[id]) assert.equal(norm(await popupText(page)), FIXTURE.footnotes[id]);
      await inViewport(page, OPEN);
      checked++;
      // Leaving the reference (not towards the popup) closes it.
      await page.mouse.move(2, 2);
      await page.waitForSelector(POPUP, { state: 'hidden' });
      assert.equal(await page.locator('a[data-footnote-ref][aria-expanded="true"]').count(), 0);
    }
  }
  assert.ok(checked >= Math.min(3, site.footnotePages.reduce((n, p) => n + p.refs.length, 0)), `checked ${checked} footnotes`);
  assert.deepEqual(errors, []);
  await page.close();
});

eachSite('the pointer can move onto the popup, and its links work', async (site, base) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const p = site.footnotePages[0];
  await page.goto(base + p.path);
  const id = p.refs[0];
  await page.hover(refFor(id));
  await waitForFootnote(page, id);
  const box = await page.locator(OPEN).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
  await page.waitForTimeout(700);  // longer than the close grace period: it must still be open
  assert.ok(await page.locator(OPEN).isVisible(), 'still open with the pointer on it');
  await page.click(`${OPEN} .popup-jump`);
  await page.waitForFunction((fid) => decodeURIComponent(location.hash) === '#' + fid, id);
  await page.waitForSelector(POPUP, { state: 'hidden' });
  await page.close();
});

test('a link to another document inside a footnote popup works (fixture)', async () => {
  const site = sites.find((s) => s.fixture);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(site.where.list[0].base + FIXTURE.citing);
  await page.click(refFor('fn_2'));
  await waitForFootnote(page, 'fn_2');
  await page.click(`${OPEN} .popup-text a[href*="a-res-62-196.html"]`);
  await page.waitForURL(/a-res-62-196\.html#para_1$/);
  assert.equal(await page.textContent('h1'), FIXTURE.citedTitle);
  await page.close();
});

eachSite('keyboard focus opens it, Tab reaches its links, Escape closes it and returns focus', async (site, base) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(base + site.footnotePages[0].path);
  let found = false;
  for (let i = 0; i < 200 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement?.hasAttribute('data-footnote-ref'));
  }
  assert.ok(found, 'Tab reaches a footnote reference');
  const id = await page.evaluate(() => decodeURIComponent(document.activeElement.getAttribute('href').slice(1)));
  await waitForFootnote(page, id);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-expanded')), 'true');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => !!document.activeElement.closest('[data-footnote-popup]')), 'focus moved into the popup');
  assert.ok(await page.locator(OPEN).isVisible());
  await page.keyboard.press('Escape');
  await page.waitForSelector(POPUP, { state: 'hidden' });
  assert.ok(await page.evaluate(() => document.activeElement.hasAttribute('data-footnote-ref')), 'focus is back on the reference');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-expanded')), 'false');
  // Enter toggles the disclosure.
  await page.keyboard.press('Enter');
  await waitForFootnote(page, id);
  await page.keyboard.press('Enter');
  await page.waitForSelector(POPUP, { state: 'hidden' });
  await page.close();
});

eachSite('click opens and pins it; a click outside closes it; Escape closes it', async (site, base) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const p = site.footnotePages[0];
  await page.goto(base + p.path);
  const id = p.refs[p.refs.length > 1 ? 1 : 0];
  await page.click(refFor(id));
  await waitForFootnote(page, id);
  assert.equal(await page.evaluate(() => location.hash), '', 'the click shows the popup instead of jumping');
  await page.mouse.move(2, 2);
  await page.waitForTimeout(700);
  assert.ok(await page.locator(OPEN).isVisible(), 'a clicked popup stays open when the pointer leaves');
  await page.mouse.click(2, 400);
  await page.waitForSelector(POPUP, { state: 'hidden' });
  await page.click(refFor(id));
  await waitForFootnote(page, id);
  await page.keyboard.press('Escape');
  await page.waitForSelector(POPUP, { state: 'hidden' });
  // The close button closes it too.
  await page.click(refFor(id));
  await page.click(`${OPEN} .popup-close`);
  await page.waitForSelector(POPUP, { state: 'hidden' });
  await page.close();
});

eachSite('on a phone a tap shows a panel at the bottom, inside the viewport', async (site, base) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  const p = site.footnotePages[0];
  await page.goto(base + p.path);
  for (const id of p.refs.slice(0, 4)) {
    await page.tap(refFor(id));
    await waitForFootnote(page, id);
    const box = await inViewport(page, OPEN);
    assert.ok(await page.$eval(OPEN, (e) => e.classList.contains('is-panel')), 'shown as a panel');
    assert.ok(Math.abs(box.y + box.height - 844) <= 1, `the panel sits at the bottom (${JSON.stringify(box)})`);
    assert.ok(box.width >= 389, 'the panel spans the width');
    await page.tap(`${OPEN} .popup-close`);
    await page.waitForSelector(POPUP, { state: 'hidden' });
  }
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a long footnote stays inside the viewport on desktop and phone (fixture)', async () => {
  const site = sites.find((s) => s.fixture);
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }, { width: 800, height: 400 }]) {
    const page = await browser.newPage({ viewport });
    await page.goto(site.where.list[0].base + FIXTURE.citing);
    await page.click(refFor('fn_long'));
    await waitForFootnote(page, 'fn_long');
    await inViewport(page, OPEN);
    // Scrolling the reference out of view does not push the popup off the screen.
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(100);
    await inViewport(page, OPEN);
    await page.close();
  }
});

eachSite('without JavaScript the reference jumps to the footnote and it links back', async (site, base) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  const p = site.footnotePages[0];
  await page.goto(base + p.path);
  const id = p.refs[0];
  await page.click(refFor(id));
  await page.waitForFunction((fid) => decodeURIComponent(location.hash) === '#' + fid, id);
  assert.equal(await page.locator(POPUP).count(), 0);
  const back = await page.getAttribute(`[id="${id}"] [role="doc-backlink"] >> nth=0`, 'href');
  assert.match(back, /^#fnref_/);
  await page.click(`[id="${id}"] [role="doc-backlink"] >> nth=0`);
  await page.waitForFunction((h) => location.hash === h, back);
  await ctx.close();
});

test('print shows the footnotes at the foot and no popup (fixture)', async () => {
  const site = sites.find((s) => s.fixture);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(site.where.list[0].base + FIXTURE.citing);
  await page.click(refFor('fn_1'));
  await waitForFootnote(page, 'fn_1');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.$eval(POPUP, (e) => getComputedStyle(e).display), 'none');
  assert.ok(await page.locator('.footnotes').isVisible());
  assert.equal(await page.$eval('.site-header', (e) => getComputedStyle(e).display), 'none');
  // The footnotes come after the last paragraph of the text.
  assert.ok(await page.evaluate(() => {
    const paras = document.querySelectorAll('.doc-body .para');
    return paras[paras.length - 1].getBoundingClientRect().bottom <= document.querySelector('.footnotes').getBoundingClientRect().top;
  }));
  await page.close();
});

// Screenshots for a person to look at: a document page with a popup open, desktop and phone width.
test('screenshots of an open popup', async () => {
  const dir = join(ROOT, 'tests', 'browser', 'screenshots');
  mkdirSync(dir, { recursive: true });
  for (const site of sites) {
    const p = site.footnotePages[0];
    const id = p.refs[Math.min(1, p.refs.length - 1)];
    for (const [name, viewport, mobile] of [['desktop', { width: 1280, height: 900 }, false], ['phone', { width: 390, height: 844 }, true]]) {
      const ctx = await browser.newContext({ viewport, isMobile: mobile, hasTouch: mobile });
      const page = await ctx.newPage();
      await page.goto(site.where.list[0].base + p.path);
      await page.locator(refFor(id)).first().scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, -200));
      if (mobile) await page.tap(refFor(id)); else await page.hover(refFor(id));
      await waitForFootnote(page, id);
      await page.screenshot({ path: join(dir, `footnote-${site.name}-${name}.png`) });
      await ctx.close();
    }
  }
});
