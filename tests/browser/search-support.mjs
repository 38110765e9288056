// Helpers of the search tests: what a query must return, derived by scanning the text of the built document
// pages (never a hand-written list), and what the search page returned.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, watchErrors } from './support.mjs';

await import(join(ROOT, 'templates', 'assets', 'search-core.js'));
const Core = globalThis.ActaSearchCore;

// The folding table a built site carries (search/fold.js, present when search_fold_traditional is on), as a
// Map of character to character; null when the site does not fold.
export function siteFold(siteDir) {
  const file = join(siteDir, 'search', 'fold.js');
  if (!existsSync(file)) return null;
  let data = null;
  new Function('ActaSearch', readFileSync(file, 'utf8'))({ register: (name, d) => { if (name === 'fold') data = d; } });
  return Core.foldTable(data);
}

// The query semantics of the README: white space takes no position, text is compared after NFKC and
// lowercasing, and a query that starts with a letter or digit starts at the start of a word.
// `fold`: the site's folding table (siteFold), applied after NFKC and lowercasing as the site does.
const normalize = (s, fold) => Array.from(s.normalize('NFKC').toLowerCase().replace(/[\p{Cc}\p{Cf}]/gu, '')
  .replace(/\p{White_Space}+/gu, ''), (c) => (fold && fold.get(c)) || c).join('');
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
const isWordChar = (c) => /[\p{L}\p{N}\p{M}]/u.test(c) && !IDEOGRAPHIC.test(c);
export function contains(text, query, fold = null) {
  const t = normalize(text, fold), q = normalize(query, fold);
  for (let i = t.indexOf(q); i >= 0; i = t.indexOf(q, i + 1)) {
    if (!(isWordChar(q[0]) && i > 0 && isWordChar(t[i - 1]))) return true;
  }
  return false;
}

// Every searchable piece of text of every document page: [{page, id, text}], id '' for title and symbol.
export async function scanPages(browser, base, fold = null) {
  const page = await browser.newPage();
  await page.goto(base + 'index.html');
  const hrefs = await page.$$eval('.doc-list a', (as) => as.map((a) => a.getAttribute('href')));
  const out = [];
  for (const href of hrefs) {
    await page.goto(base + href);
    const parts = await page.evaluate(() => {
      const text = (el) => {
        const c = el.cloneNode(true);
        c.querySelectorAll('[data-footnote-ref], .pnum, .fn-back, .fn-label, .annotation-label').forEach((x) => x.remove());
        return c.textContent;
      };
      const res = [];
      for (const el of document.querySelectorAll('h1.doc-title, .doc-symbol')) res.push({ id: '', text: text(el) });
      let last = '';
      for (const el of document.querySelectorAll('.doc-body > [id], .doc-body > .annotations')) {
        if (el.id) { last = el.id; res.push({ id: el.id, text: text(el) }); }
        else for (const a of el.querySelectorAll('.annotation')) res.push({ id: last, text: text(a) });
      }
      for (const el of document.querySelectorAll('.footnote[role="doc-footnote"]')) res.push({ id: el.id, text: text(el.querySelector('.fn-text')) });
      return res;
    });
    for (const p of parts) out.push({ page: href, ...p });
  }
  await page.close();
  out.fold = fold;  // the expectations fold as the site does
  return out;
}

// What a query must return: the pages containing it, and for each the ids of the elements that do.
export function expected(scan, query) {
  const pages = new Map();
  for (const s of scan) if (contains(s.text, query, scan.fold)) {
    if (!pages.has(s.page)) pages.set(s.page, new Set());
    pages.get(s.page).add(s.id);
  }
  return pages;
}

export async function results(page) {
  await page.waitForSelector('#search-results[data-state=done]', { state: 'attached', timeout: 60000 });
  for (;;) {
    const more = await page.$('.search-more');
    if (!more) break;
    await more.click();
    // A turn ends when its button is gone (a new one follows when candidates are left to check); it may
    // add no result when the candidates it checked were not hits.
    await page.waitForFunction(() => !document.querySelector('.search-more[disabled]'));
  }
  return page.$$eval('#search-results .search-result', (ls) => ls.map((li) => ({
    href: li.querySelector('a').getAttribute('href'),
    where: li.querySelector('.result-where')?.textContent || '',
    title: li.querySelector('.result-title')?.textContent || '',
    mark: li.querySelector('.result-excerpt mark')?.textContent || '',
  })));
}

// Console errors and failed loads of a page. Chromium's own favicon request (a 404 on the test server, and
// invisible to page events) is not the site's: 404s are counted from the page's responses instead.
export function pageErrors(page) {
  const errors = watchErrors(page);
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  return {
    list: () => errors.filter((e) => !/^Failed to load resource: the server responded with a status of 404/.test(e)),
  };
}

export async function checkQuery(browser, base, scan, query) {
  const page = await browser.newPage();
  const errors = pageErrors(page);
  await page.goto(base + 'search.html?q=' + encodeURIComponent(query));
  const got = await results(page);
  const want = expected(scan, query);
  const gotPages = got.map((r) => r.href.split('#')[0]).sort();
  assert.deepEqual(gotPages, [...want.keys()].sort(), `documents for ${query}`);
  for (const r of got) {
    const [pagePath, frag = ''] = r.href.split('#');
    const ids = want.get(pagePath);
    assert.ok(ids.has(frag), `${query}: ${r.href} links an element that contains the query (${[...ids].join(', ')})`);
    if ([...ids].some((id) => id)) assert.ok(frag, `${query}: ${r.href} links the paragraph, not just the page`);
    assert.ok(r.title.length > 0, 'a result shows the document title');
    assert.ok(contains(r.mark, query, scan.fold) || contains(query, r.mark, scan.fold), `${query}: excerpt highlights the match (${r.mark})`);
  }
  assert.deepEqual(errors.list(), []);
  await page.close();
  return got;
}

