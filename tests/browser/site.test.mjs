// The generated site in a real browser: the home page lists every document and its links open the pages,
// from disk and from a web server, with no console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildSite, launch, origins, watchErrors } from './support.mjs';

let browser, site, where;
before(async () => {
  site = buildSite();
  browser = await launch();
  where = await origins(site);
});
after(async () => {
  await browser?.close();
  await where?.close();
});

for (const origin of ['file', 'http']) {
  test(`home page links every document and they open (${origin})`, async () => {
    const { base } = where.list.find((o) => o.name === origin);
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(base + 'index.html');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
    const links = await page.$$eval('.doc-list a', (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(links.length >= 1, 'the home page lists documents');
    for (const href of links) {
      await page.goto(new URL(href, base + 'index.html').href);
      assert.ok(await page.locator('h1.doc-title').count() === 1, `${href} has a title`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
}
