// Search in a real browser, from disk and from a web server: every query returns exactly the documents
// whose text contains it, with the hit's paragraph linked. The expected answer is not written down here: it
// is derived by scanning the text of the built document pages, so the test holds on any corpus.
// Sites: the project's own content (the five seeds) when its documents are readable, and a fixture
// archive (tests/browser/fixtures/search plus a small synthetic corpus from ../shared/corpus/make-corpus).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, buildSite, launch, origins, serve, tempDir } from './support.mjs';
import { siteFold, scanPages, expected, results, pageErrors, checkQuery } from './search-support.mjs';

const MAKE_CORPUS = join(ROOT, '..', 'shared', 'corpus', 'make-corpus');
const NO_HITS = '这个短语不会出现在任何文件里';

function fixtureSite() {
  const dir = tempDir('acta-search-fixture-');  // removed when the process exits
  const content = join(dir, 'content');
  cpSync(join(ROOT, 'tests', 'browser', 'fixtures', 'search'), content, { recursive: true });
  if (existsSync(MAKE_CORPUS)) {
    execFileSync('python3', [MAKE_CORPUS, '--docs', '40', '--out', join(dir, 'corpus')], { stdio: 'pipe' });
    for (const f of readdirSync(join(dir, 'corpus'))) cpSync(join(dir, 'corpus', f), join(content, f));
  }
  const cfg = join(dir, 'site-config.yaml');
  writeFileSync(cfg, readFileSync(join(ROOT, 'site-config.yaml'), 'utf8')
    .replace(/^content:.*$/m, `content: ${content}`).replace(/^templates:.*$/m, `templates: ${join(ROOT, 'templates')}`)
    .replace(/^output:.*$/m, `output: ${join(dir, 'public')}`));
  return buildSite({ config: cfg });
}

// A phrase that a line break of a raw seed text cut in two: the last two characters of a line and the
// first two of the next, both Chinese; the first such phrase that the built pages contain.
function lineBreakPhrases() {
  const dir = join(ROOT, 'content');
  const out = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    const lines = readFileSync(join(dir, f), 'utf8').split('\n');
    for (let i = 0; i + 1 < lines.length; i++) {
      const a = lines[i].trimEnd(), b = lines[i + 1].trimStart();
      if (/\p{Script=Han}{2}$/u.test(a) && /^\p{Script=Han}{2}/u.test(b)) out.push(a.slice(-2) + b.slice(0, 2));
    }
  }
  return out;
}

let browser, sites = [];
before(async () => {
  browser = await launch();
  const seeds = buildSite();
  const fixture = fixtureSite();
  for (const [name, dir] of [['seeds', seeds], ['fixture', fixture]]) {
    const where = await origins(dir);
    const scan = await scanPages(browser, where.list[0].base, siteFold(dir));
    sites.push({ name, where, scan });
  }
});
after(async () => {
  await browser?.close();
  for (const s of sites) await s.where.close();
});

function queriesFor(site) {
  const qs = ['冰川', '荒漠化', '淡水', '62/196', NO_HITS];
  if (site.name === 'seeds') {
    const phrase = lineBreakPhrases().find((p) => expected(site.scan, p).size > 0);
    assert.ok(phrase, 'some phrase of the seeds crossed a line break and is in the pages');
    qs.push(phrase);
  } else {
    qs.push('高山冰川', 'A/RES/71/228', 'covid-19', 'ＣＯＶＩＤ', 'full-width', '１２３', '冰川退缩');
  }
  return qs;
}

for (const siteName of ['seeds', 'fixture']) {
  for (const origin of ['file', 'http']) {
    test(`${siteName}: queries return exactly the documents containing them (${origin})`, async (t) => {
      const site = sites.find((s) => s.name === siteName);
      assert.ok(site.scan.length > 0, `the ${siteName} site has readable documents`);
      const { base } = site.where.list.find((o) => o.name === origin);
      for (const q of queriesFor(site)) await checkQuery(browser, base, site.scan, q);
      // The derived expectations must not be vacuous: these queries occur in both sites.
      for (const q of ['冰川', '荒漠化', '62/196']) assert.ok(expected(site.scan, q).size >= 1, `${q} occurs in the ${siteName}`);
      if (siteName === 'fixture') {
        // Sanity of the fixture itself: the derived expectations are not empty where they must not be.
        assert.ok(expected(site.scan, '高山冰川').size >= 1);
        assert.equal(expected(site.scan, NO_HITS).size, 0);
        assert.ok(expected(site.scan, '62/196').size >= 1);
      }
    });
  }
}

test('the fixture: a heading and a title rank first, and results show symbol, paragraph and excerpt', async () => {
  const site = sites.find((s) => s.name === 'fixture');
  const { base } = site.where.list[0];
  const page = await browser.newPage();
  await page.goto(base + 'search.html?q=' + encodeURIComponent('荒漠化'));
  await page.waitForSelector('#search-results[data-state=done]', { state: 'attached' });
  const first = page.locator('.search-result').first();
  assert.match(await first.locator('.result-link').textContent(), /荒漠化/);  // a title hit outranks body hits
  // 保护高山冰川 was cut by a line break in the Markdown source.
  await page.goto(base + 'search.html?q=' + encodeURIComponent('保护高山冰川'));
  await page.waitForSelector('#search-results[data-state=done]', { state: 'attached' });
  assert.equal(await page.locator('.search-result').count(), 1);
  const r = page.locator('.search-result').first();
  assert.match(await r.locator('.result-symbol').textContent(), /A\/RES\/90\/1/);
  assert.equal(await r.locator('.result-where').textContent(), '第 1 段');
  assert.equal((await r.locator('mark').textContent()).replace(/\s/g, ''), '保护高山冰川');
  // The link lands on the paragraph.
  await r.locator('a').click();
  await page.waitForURL(/#para_1$/);
  assert.match(await page.locator('#para_1').textContent(), /冰川/);
  await page.close();
});

test('filters by topic and year, the URL keeps the query, and Back returns to the previous search', async () => {
  const site = sites.find((s) => s.name === 'fixture');
  const { base } = site.where.list.find((o) => o.name === 'http');
  const page = await browser.newPage();
  const errors = pageErrors(page);
  await page.goto(base + 'index.html');
  // The search box on every page submits to search.html?q=…
  await page.fill('.site-search input[name=q]', '冰川');
  await page.press('.site-search input[name=q]', 'Enter');
  await page.waitForURL(/search\.html\?q=/);
  const all = await results(page);
  assert.ok(all.length >= 2);
  await page.selectOption('#search-year', '2030');
  await page.waitForURL(/year=2030/);
  const in2030 = await results(page);
  assert.deepEqual(in2030.map((r) => r.href.split('#')[0]), ['doc/a-res-90-1.html']);
  await page.selectOption('#search-year', '');
  await page.selectOption('#search-topic', 'climate');
  await page.waitForURL(/topic=climate/);
  const climate = await results(page);
  assert.ok(climate.some((r) => r.href.startsWith('doc/a-res-90-2.html')), 'the climate fixture is under climate');
  assert.ok(!climate.some((r) => r.href.startsWith('doc/a-res-90-1.html')), 'the water fixture is not');
  await page.selectOption('#search-topic', '');
  // Typing updates the results and the URL.
  await page.fill('#search-q', '荒漠化');
  await page.waitForURL(/q=%E8%8D%92%E6%BC%A0%E5%8C%96/);
  await page.press('#search-q', 'Enter');
  await results(page);
  await page.goBack();
  await page.waitForFunction(() => document.getElementById('search-q').value === '冰川');
  await page.goBack();
  await page.waitForFunction(() => !new URLSearchParams(location.search).get('topic'));
  assert.deepEqual(errors.list(), []);
  await page.close();
});

test('a query is shown as text, never parsed as HTML', async () => {
  const site = sites.find((s) => s.name === 'fixture');
  const page = await browser.newPage();
  const q = '<img src=x onerror="window.pwned=1">';
  await page.goto(site.where.list[0].base + 'search.html?q=' + encodeURIComponent(q));
  await page.waitForSelector('#search-results[data-state=done]', { state: 'attached' });
  assert.equal(await page.locator('main img').count(), 0);
  assert.match(await page.locator('#search-status').textContent(), /<img/);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await page.close();
});

test('the search page with results: no serious axe-core violation, and it runs under a strict CSP', async () => {
  const site = sites.find((s) => s.name === 'fixture');
  const dir = new URL(site.where.list[0].base).pathname;
  const server = await serve(dir, { csp: "default-src 'self'" });
  const page = await browser.newPage();
  const errors = pageErrors(page);
  await page.goto(server.url + 'search.html?q=' + encodeURIComponent('冰川'));
  await page.waitForSelector('#search-results[data-state=done]', { state: 'attached' });
  assert.ok(await page.locator('.search-result').count() >= 1, 'results under CSP (no inline script, no eval)');
  assert.deepEqual(errors.list(), []);
  await page.close();
  await server.close();
  // axe-core is injected as an inline script, which that CSP forbids: check on the plain server.
  const plain = await browser.newPage();
  await plain.goto(site.where.list.find((o) => o.name === 'http').base + 'search.html?q=' + encodeURIComponent('冰川'));
  await plain.waitForSelector('#search-results[data-state=done]', { state: 'attached' });
  await plain.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  const violations = await plain.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
  assert.deepEqual(violations, []);
  await plain.close();
});
