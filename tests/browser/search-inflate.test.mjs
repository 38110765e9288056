// Browsers without DecompressionStream (Safari before 16.4, Firefox before 113) still search and show
// citation previews: search-files.js inflates the texts itself. Its decoder gives back exactly what zlib
// deflated, in stored, fixed and dynamic blocks; and with DecompressionStream taken away before any script
// runs, a query on the seeds' site finds and marks what it finds with it, and a preview opens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync, constants } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { buildSite, launch, origins } from './support.mjs';
import { results } from './search-support.mjs';

let browser, where;
before(async () => {
  browser = await launch();
  where = await origins(buildSite());
});
after(async () => {
  await browser?.close();
  await where?.close();
});

const withoutDecompression = () => { delete window.DecompressionStream; };

test('the fallback decoder gives back what zlib deflated, every kind of block', async () => {
  const page = await browser.newPage();
  await page.goto(where.list[0].base + 'search.html');
  await page.waitForFunction(() => window.ActaSearch);
  const inputs = [Buffer.alloc(0), Buffer.from('a'), Buffer.from('冰川和淡水资源的可持续管理；'.repeat(300), 'utf16le'),
    randomBytes(100000), Buffer.from('abcabcabc'.repeat(4000)), Buffer.concat([randomBytes(5000), Buffer.from('x'.repeat(70000))])];
  const options = [{ level: 0 }, { level: 1 }, { level: 9 }, { level: 6, strategy: constants.Z_FIXED },
    { level: 6, strategy: constants.Z_HUFFMAN_ONLY }, { level: 6, strategy: constants.Z_RLE }];
  for (const input of inputs)
    for (const o of options) {
      const packed = deflateRawSync(input, o).toString('base64');
      const got = await page.evaluate((b64) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        return btoa(String.fromCharCode(...new Uint8Array(window.ActaSearch.inflateRaw(bytes))));
      }, packed).catch((e) => 'error: ' + e.message);
      assert.equal(got, input.toString('base64'), `${input.length} bytes, ${JSON.stringify(o)}`);
    }
  // Damaged data is refused with an error, never taken for text.
  const broken = deflateRawSync(Buffer.from('冰川'.repeat(500), 'utf16le')).subarray(0, 20).toString('base64');
  const error = await page.evaluate((b64) => {
    try { window.ActaSearch.inflateRaw(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))); return null; } catch (e) { return e.message; }
  }, broken);
  assert.match(error ?? '', /^inflate: /);
  await page.close();
});

test('without DecompressionStream a query finds what it finds with it, from disk and from a server', async () => {
  for (const { base } of where.list) {
    const found = {};
    for (const take of [false, true]) {
      const page = await browser.newPage();
      if (take) await page.addInitScript(withoutDecompression);
      await page.goto(base + 'search.html?q=' + encodeURIComponent('山区发展'));
      assert.equal(await page.evaluate(() => typeof window.DecompressionStream), take ? 'undefined' : 'function');
      found[take] = (await results(page)).map((r) => [r.title, r.mark]);
      await page.close();
    }
    assert.ok(found[false].length >= 2, JSON.stringify(found[false]));
    assert.deepEqual(found[true], found[false], base);
  }
});

test('without DecompressionStream a citation preview opens', async () => {
  const OPEN = '[data-cite-preview]:not([hidden])';
  for (const { base } of where.list) {
    const page = await browser.newPage();
    await page.addInitScript(withoutDecompression);
    await page.goto(base + 'doc/a-res-80-144.html');
    await page.locator('a.cite-archive', { hasText: '62/196' }).first().hover();
    await page.waitForSelector(`${OPEN} .cite-title`);
    assert.equal(await page.textContent(`${OPEN} .cite-title`), '山区可持续发展');
    assert.equal(await page.textContent(`${OPEN} .cite-date`), '2007年12月19日');
    await page.close();
  }
});
