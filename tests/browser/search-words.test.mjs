// Ranking by the build's word segmentation: a document where the query is a word of the text (日本|和服)
// ranks above one where its characters straddle two words (我们|和|服务), all else equal; both are found.
// The archive is built here: two documents of the same length with 和服 once, the straddling one first in
// archive order (so the order of equal scores would put it first), and fillers that keep postings sparse.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { ROOT, buildSite, launch, origins, tempDir } from './support.mjs';
import { results } from './search-support.mjs';

const doc = (n, title, body) => `---\ntitle: ${title}\nsymbol: A/RES/99/${n}\ndate: 2030-01-01\n---\n大会，\n\n1. ${body}\n`;

let browser, where, site;
before(async () => {
  const dir = tempDir('acta-search-words-');  // removed when the process exits
  const content = join(dir, 'content');
  mkdirSync(content);
  writeFileSync(join(content, 'a1.md'), doc(1, '服务', '我们和服务人员。'));
  writeFileSync(join(content, 'a2.md'), doc(2, '穿着', '人们都穿着和服。'));
  for (let i = 3; i < 15; i++) writeFileSync(join(content, `a${i}.md`), doc(i, '冰川', '冰川融化的速度。'));
  const cfg = join(dir, 'site-config.yaml');
  writeFileSync(cfg, readFileSync(join(ROOT, 'site-config.yaml'), 'utf8')
    .replace(/^content:.*$/m, `content: ${content}`).replace(/^templates:.*$/m, `templates: ${join(ROOT, 'templates')}`)
    .replace(/^output:.*$/m, `output: ${join(dir, 'public')}`));
  browser = await launch();
  site = buildSite({ config: cfg });
  where = await origins(site);
});
after(async () => {
  await browser?.close();
  await where?.close();
});

// The titles of the documents in index order (search/t/N.js: deflated UTF-16LE JSON in base64).
function indexOrder() {
  const n = readdirSync(join(site, 'search', 't')).length;
  return Array.from({ length: n }, (_, i) => {
    const js = readFileSync(join(site, 'search', 't', `${i}.js`), 'utf8');
    return JSON.parse(inflateRawSync(Buffer.from(js.match(/^ActaSearch\.text\("([^"]+)"\)/)[1], 'base64')).toString('utf16le')).t;
  });
}

test('a query that is a word of the text ranks above the same characters across two words', async () => {
  // Index order: the straddling document comes first, so equal scores would put it first.
  const order = indexOrder();
  assert.ok(order.indexOf('服务') >= 0 && order.indexOf('服务') < order.indexOf('穿着'), order.join(' '));
  for (const { base } of where.list) {
    const page = await browser.newPage();
    await page.goto(base + 'search.html?q=' + encodeURIComponent('和服'));
    const got = await results(page);
    assert.deepEqual(got.map((r) => r.title), ['穿着', '服务'], 'both found, the word first');
    assert.deepEqual(got.map((r) => r.mark), ['和服', '和服']);
    await page.close();
  }
});
