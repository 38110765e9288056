// The topic index in a real browser, from disk and from a server (with a strict CSP): the topic pages link
// documents and paragraphs, the overview's heat map is there, and a document page's topic filter shows only
// the chosen topic's paragraphs with JavaScript and every paragraph without it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildSite, launch, origins, serve, watchErrors } from './support.mjs';

// Console errors and failed responses. Chromium asks every http origin for /favicon.ico, which the site does
// not have; that request is not a page resource (it never reaches page.on('response')), so its console line
// is left out here and every real resource is checked by status instead.
function watch(page) {
  const errors = watchErrors(page);
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
  return { get list() { return errors.filter((e) => !/^Failed to load resource: .* 404/.test(e)); } };
}

let browser, site, where, strict;
before(async () => {
  site = buildSite();
  browser = await launch();
  where = await origins(site);
  strict = await serve(site, { csp: "default-src 'self'; script-src 'self'; style-src 'self'" });
});
after(async () => {
  await browser?.close();
  await where?.close();
  await strict?.close();
});

for (const origin of ['file', 'http']) {
  test(`topic pages and overview (${origin})`, async () => {
    const { base } = where.list.find((o) => o.name === origin);
    const page = await browser.newPage();
    const errors = watch(page);
    await page.goto(base + 'index.html');
    await page.click('.site-nav a[href$="topics/index.html"]');
    assert.equal(await page.locator('svg.heatmap').count(), 1);
    assert.ok(await page.locator('svg.heatmap rect').count() >= 4);
    await page.click('.topic-table a[href="mountains.html"]');
    const docs = await page.$$eval('.topic-doc h2 a', (as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(docs.sort(), ['../doc/a-res-62-196.html', '../doc/a-res-80-144.html']);
    assert.ok(await page.locator('.excerpt mark').count() > 0, 'terms are highlighted');
    // An excerpt link lands on its paragraph.
    const href = await page.getAttribute('.excerpts a.excerpt-link >> nth=0', 'href');
    // goto, not click: hovering a document link starts a citation preview load that the navigation would abort.
    await page.goto(new URL(href, page.url()).href);
    const id = href.split('#')[1];
    assert.equal(await page.locator(`[id="${id}"]`).count(), 1);
    assert.deepEqual(errors.list, []);
    await page.close();
  });
}

test('document page topic filter (http, strict CSP)', async () => {
  const page = await browser.newPage();
  const errors = watch(page);
  await page.goto(strict.url + 'doc/a-72-152.html');
  const all = await page.locator('p.para:visible').count();
  assert.ok(await page.locator('.doc-topics a[href="../topics/climate.html"]').count() === 1);
  await page.click('[data-topic-choice="climate"]');
  const climate = await page.locator('p.para:visible').count();
  assert.ok(climate > 0 && climate < all, `filter keeps ${climate} of ${all}`);
  const visible = await page.$$eval('p.para', (ps) => ps.filter((p) => !p.hidden).map((p) => p.dataset.topics));
  assert.ok(visible.every((t) => t.split(' ').includes('climate')));
  assert.equal(await page.getAttribute('[data-topic-choice="climate"]', 'aria-pressed'), 'true');
  await page.click('[data-topic-choice=""]');
  assert.equal(await page.locator('p.para:visible').count(), all);
  assert.deepEqual(errors.list, []);
  await page.close();
});

// A topic page links each document's full evidence as ?topic=<id>: the page opens with that topic chosen.
for (const origin of ['file', 'http']) {
  test(`?topic= opens a document with the topic filter on (${origin})`, async () => {
    const { base } = where.list.find((o) => o.name === origin);
    const page = await browser.newPage();
    const errors = watch(page);
    await page.goto(base + 'doc/a-72-152.html?topic=climate');
    const visible = await page.$$eval('p.para', (ps) => ps.filter((p) => !p.hidden).map((p) => p.dataset.topics));
    assert.ok(visible.length > 0 && visible.length < (await page.locator('p.para').count()));
    assert.ok(visible.every((t) => t.split(' ').includes('climate')));
    assert.equal(await page.getAttribute('[data-topic-choice="climate"]', 'aria-pressed'), 'true');
    // An unknown topic changes nothing.
    await page.goto(base + 'doc/a-72-152.html?topic=nonesuch');
    assert.equal(await page.locator('p.para:visible').count(), await page.locator('p.para').count());
    assert.deepEqual(errors.list, []);
    await page.close();
  });
}

test('without JavaScript every paragraph shows and the filter stays hidden (file)', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const { base } = where.list.find((o) => o.name === 'file');
  await page.goto(base + 'doc/a-72-152.html');
  assert.equal(await page.locator('[data-topic-filter]').isVisible(), false);
  assert.equal(await page.locator('p.para:visible').count(), await page.locator('p.para').count());
  await context.close();
});
