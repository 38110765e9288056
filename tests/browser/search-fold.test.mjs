// Traditional characters in a query (search_fold_traditional, on by default): a query typed in traditional
// forms finds the simplified text of the seeds, from disk and from a server, with the match highlighted;
// with the switch off it does not fold. The query is made here from a simplified phrase of the built pages
// through the site's own table, and the expected documents are derived by scanning the pages' text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, launch, origins } from './support.mjs';
import { siteFold, scanPages, expected, results, checkQuery } from './search-support.mjs';

let browser, on, off;
before(async () => {
  browser = await launch();
  const onDir = buildSite(), offDir = buildSite({ extraConfig: 'search_fold_traditional: false' });
  on = { dir: onDir, where: await origins(onDir), fold: siteFold(onDir) };
  off = { dir: offDir, where: await origins(offDir) };
  on.scan = await scanPages(browser, on.where.list[0].base, on.fold);
});
after(async () => {
  await browser?.close();
  for (const s of [on, off]) await s?.where.close();
});

// The first run of four Chinese characters of the pages of which at least two have a traditional form,
// written with those forms (the smallest traditional code point of each), and the simplified run.
function traditionalPhrase(scan, fold) {
  const back = new Map();
  for (const [trad, simp] of [...fold].sort((a, b) => a[0].codePointAt(0) - b[0].codePointAt(0)))
    if (!back.has(simp)) back.set(simp, trad);
  for (const s of scan) {
    const cs = Array.from(s.text.replace(/\s+/g, ''));
    for (let i = 0; i + 4 <= cs.length; i++) {
      const run = cs.slice(i, i + 4);
      if (!run.every((c) => /\p{Script=Han}/u.test(c)) || run.filter((c) => back.has(c)).length < 2) continue;
      return { simplified: run.join(''), traditional: run.map((c) => back.get(c) || c).join('') };
    }
  }
  return null;
}

for (const origin of ['file', 'http']) {
  test(`a traditional query finds exactly the documents holding its simplified form (${origin})`, async (t) => {
    assert.ok(on.scan.length > 0, 'the seeds give the site readable documents');
    assert.ok(on.fold && on.fold.size > 2000, 'the site carries the folding table (search/fold.js)');
    assert.equal(on.fold.get('發'), '发');
    const p = traditionalPhrase(on.scan, on.fold);
    assert.ok(p, 'the seeds hold a phrase with traditional forms');
    assert.notEqual(p.traditional, p.simplified);
    const want = expected(on.scan, p.simplified);
    assert.ok(want.size >= 1);
    assert.deepEqual([...expected(on.scan, p.traditional).keys()].sort(), [...want.keys()].sort());
    const { base } = on.where.list.find((o) => o.name === origin);
    // Same documents, linked paragraphs and highlighted match as the derived expectation (checkQuery).
    const got = await checkQuery(browser, base, on.scan, p.traditional);
    assert.equal(got.length, want.size, `${p.traditional} (${p.simplified})`);
    for (const r of got) assert.equal(r.mark.replace(/\s/g, ''), p.simplified, 'the simplified text is marked');
  });
}

test('with search_fold_traditional off, a traditional query does not fold', async (t) => {
  assert.ok(on.scan.length > 0, 'the seeds give the site readable documents');
  assert.ok(!existsSync(join(off.dir, 'search', 'fold.js')), 'no table is written');
  const p = traditionalPhrase(on.scan, on.fold);
  for (const { base } of off.where.list) {
    const page = await browser.newPage();
    await page.goto(base + 'search.html?q=' + encodeURIComponent(p.traditional));
    assert.deepEqual(await results(page), [], `${p.traditional} finds nothing in simplified text`);
    await page.goto(base + 'search.html?q=' + encodeURIComponent(p.simplified));
    assert.ok((await results(page)).length >= 1, `${p.simplified} is still found`);
    await page.close();
  }
});
