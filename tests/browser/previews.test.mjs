// Citation previews in Chromium, from disk and from a web server: hovering or focusing a link to another
// document page of the archive shows its symbol, title and date, and the linked paragraph's text, from the
// previews/<slug>.js data the build writes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, origins, watchErrors } from './support.mjs';
import { popupSites, FIXTURE } from './popup-sites.mjs';

const PREVIEW = '[data-cite-preview]';
const OPEN = '[data-cite-preview]:not([hidden])';

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

// What the linked page itself says: its title and symbol, and the text of the linked paragraph.
async function truth(browserPage, href) {
  const page = await browser.newPage();
  await page.goto(href);
  const hash = decodeURIComponent(new URL(href).hash.slice(1));
  const t = {
    title: norm(await page.textContent('h1.doc-title')),
    symbol: (await page.locator('.doc-symbol').count()) ? norm(await page.textContent('.doc-symbol')) : '',
    para: hash && (await page.locator(`[id="${hash}"]`).count())
      ? norm(await page.$eval(`[id="${hash}"]`, (e) => e.textContent)) : '',
  };
  await page.close();
  return t;
}

for (const origin of ['file', 'http']) {
  test(`hovering a link to another document shows its preview (${origin})`, async (t) => {
    for (const site of sites) {
      await t.test(site.name, async () => {
        assert.ok(site.linkPages.length, 'some page links to another document');
        const { base } = site.where.list.find((o) => o.name === origin);
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const errors = watchErrors(page);
        let checked = 0;
        for (const p of site.linkPages.slice(0, 3)) {
          await page.goto(base + p.path);
          // Prefer links into a paragraph: they show the most.
          const hrefs = [...new Set(p.links)].sort((a, b) => b.includes('#') - a.includes('#')).slice(0, 2);
          for (const href of hrefs) {
            const link = page.locator(`.doc-body a[href="${href}"], .footnotes a[href="${href}"]`).first();
            if (!(await link.count())) continue;
            const want = await truth(page, new URL(href, base + p.path).href);
            await link.hover();
            await page.waitForSelector(`${OPEN} .cite-title`);
            assert.equal(norm(await page.textContent(`${OPEN} .cite-title`)), want.title);
            if (want.symbol) assert.equal(norm(await page.textContent(`${OPEN} .cite-symbol`)), want.symbol);
            if (want.para) {
              const shown = norm(await page.textContent(`${OPEN} .cite-para`)).replace(/…$/, '');
              assert.ok(want.para.replace(/\s/g, '').startsWith(shown.replace(/\s/g, '')), `paragraph text: ${shown} vs ${want.para}`);
            }
            assert.equal(await link.getAttribute('aria-describedby'), await page.getAttribute(PREVIEW, 'id'));
            await page.mouse.move(2, 2);
            await page.waitForSelector(PREVIEW, { state: 'hidden' });
            checked++;
          }
        }
        assert.ok(checked >= 1, 'at least one preview checked');
        assert.deepEqual(errors, []);
        await page.close();
      });
    }
  });
}

test('the fixture preview shows symbol, title, date and the cited paragraph; focus and Escape', async () => {
  const site = sites.find((s) => s.fixture);
  for (const { base } of site.where.list) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(base + FIXTURE.citing);
    const link = page.locator(`#para_1 a[href$="#${FIXTURE.citedPara.id}"]`);
    await link.focus();
    await page.waitForSelector(`${OPEN} .cite-title`);
    assert.equal(await page.textContent(`${OPEN} .cite-symbol`), FIXTURE.citedSymbol);
    assert.equal(await page.textContent(`${OPEN} .cite-title`), FIXTURE.citedTitle);
    assert.equal(await page.textContent(`${OPEN} .cite-date`), '2007年12月19日');
    assert.match(await page.textContent(`${OPEN} .cite-para`), new RegExp(FIXTURE.citedPara.text));
    await page.keyboard.press('Escape');
    await page.waitForSelector(PREVIEW, { state: 'hidden' });
    assert.equal(await link.getAttribute('aria-describedby'), null);
    // A link to the whole document shows no paragraph.
    await page.hover(`#preamble__p_1 a[href="a-res-62-196.html"]`);
    await page.waitForSelector(`${OPEN} .cite-title`);
    assert.equal(await page.locator(`${OPEN} .cite-para`).count(), 0);
    // The data is text: markup in it is never parsed.
    assert.equal(await page.locator(`${OPEN} *:not(span)`).count(), 0);
    await page.close();
  }
});

// On the search page the preview borrows the search's own loader (search.js): hovering a result shows the
// document's preview, the paragraph of the hit among it, and the files it loads are the search's.
test('a search result previews its document through the search page\'s loader', async () => {
  const site = sites.find((s) => s.fixture);
  for (const { base } of site.where.list) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(base + 'search.html?q=' + encodeURIComponent(FIXTURE.citedPara.text));
    await page.waitForSelector('#search-results[data-state=done]', { state: 'attached' });
    const link = page.locator(`#search-results a[href*="${FIXTURE.cited}#${FIXTURE.citedPara.id}"]`).first();
    assert.equal(await link.count(), 1, 'the hit links to its paragraph');
    await link.hover();
    await page.waitForSelector(`${OPEN} .cite-title`);
    assert.equal(await page.textContent(`${OPEN} .cite-title`), FIXTURE.citedTitle);
    assert.match(await page.textContent(`${OPEN} .cite-para`), new RegExp('^2\\. ' + FIXTURE.citedPara.text));
    const loaded = await page.evaluate(() => window.ActaSearch.loaded);
    assert.ok(loaded.some((n) => /^p\/\d+$/.test(n)), `the slug's bucket came through the search's loader: ${loaded}`);
    assert.equal(new Set(loaded).size, loaded.length, `no file loaded twice: ${loaded}`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

// A file that fails to load (a flaky connection) is asked for again on the next hover, not remembered as
// missing.
test('a preview whose data failed to load is tried again', async () => {
  const site = sites.find((s) => s.fixture);
  const { base } = site.where.list.find((o) => o.name === 'http');
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  let refused = 0, refusedOnce;
  const firstRefused = new Promise((resolve) => (refusedOnce = resolve));
  await page.route('**/search/p/*.js', (route) => {
    if (refused++ > 0) return route.continue();
    refusedOnce();
    return route.abort();
  });
  await page.goto(base + FIXTURE.citing);
  const link = page.locator(`#para_1 a[href$="#${FIXTURE.citedPara.id}"]`);
  await link.hover();
  await firstRefused;
  await page.waitForSelector(PREVIEW, { state: 'hidden' });
  assert.equal(refused, 1);
  await page.mouse.move(2, 2);
  await link.hover();
  await page.waitForSelector(`${OPEN} .cite-title`);
  assert.equal(await page.textContent(`${OPEN} .cite-title`), FIXTURE.citedTitle);
  assert.equal(refused, 2);
  await page.close();
});
