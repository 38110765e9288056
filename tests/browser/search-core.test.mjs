// The search engine's pure parts (templates/assets/search-core.js) in Node: query planning, posting
// decoding (sparse and dense), candidates, ranking and verification against a text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT } from './support.mjs';

await import(join(ROOT, 'templates', 'assets', 'search-core.js'));
const Core = globalThis.ActaSearchCore;
const D = "#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~!";

test('plan: pairs of characters, lone characters, words (the last as a prefix)', () => {
  const keys = (q) => Core.plan(Core.terms(q)[0]).map((l) => l.key + (l.prefix ? '*' : ''));
  assert.deepEqual(keys('可持续发展'), ['可持', '持续', '续发', '发展']);
  assert.deepEqual(keys('水'), ['水']);
  assert.deepEqual(keys('第62/196号'), ['第62', '62/', '/196', '196号']);
  assert.deepEqual(keys('62/196'), ['62/', '/196*']);
  assert.deepEqual(keys('ＣＯＶＩＤ－１９'), ['covid-', '-19*']);
  assert.deepEqual(keys('covid'), ['covid*']);
  assert.deepEqual(keys('covid19'), ['covid19*']);
  assert.deepEqual(keys('第1'), ['第1*']);
  assert.ok(Core.exactPlan(Core.plan(Core.terms('冰川')[0])));
  assert.ok(!Core.exactPlan(Core.plan(Core.terms('高山冰川')[0])));
});

test('decode: sparse gaps and impacts, and dense two-bit thirds', () => {
  // documents 0 (impact 5) and 3 (impact 63)
  assert.deepEqual([...Core.decode(D[0] + D[5] + D[2] + D[63])], [[0, 5], [3, 63]]);
  // dense: digit 1 + (3 << 4) = documents 0 (third 1) and 2 (third 3); digit 2<<2: document 4 (third 2)
  assert.deepEqual([...Core.decode(' ' + D[1 + (3 << 4)] + D[2 << 2])], [[0, 11], [2, 53], [4, 32]]);
});

test('candidates hold every key; ranking puts the exact phrase first, then the score', () => {
  const a = new Map([[1, 10], [2, 40], [3, 5]]), b = new Map([[2, 3], [3, 50], [4, 9]]);
  assert.deepEqual([...Core.intersect([a, b])], [[2, 3], [3, 5]]);
  const ranked = Core.rank([new Map([[1, 60], [2, 10]])], null, 100).map((r) => r.doc);
  assert.deepEqual(ranked, [1, 2]);
  const two = Core.rank([new Map([[1, 60], [2, 10]]), new Map([[1, 60], [2, 10]])], new Map([[2, 1]]), 100);
  assert.deepEqual(two.map((r) => [r.doc, r.exact]), [[2, true], [1, false]]);
});

test('verification finds the term in the text, across spaces and widths, words whole', () => {
  const fields = [[2, '', '标题', '关于冰川'], [0, 'para_1', '第 1 段', '保护高山\n冰川和 COVID-19 应对'], [0, 'para_2', '第 2 段', '冰 川']];
  const unitsOf = (f) => Core.unitsOfOriginal(fields[f][3]);
  const hits = Core.hitsIn(fields, Core.terms('高山冰川'), unitsOf);
  assert.deepEqual(hits.map((h) => [h.field, h.at]), [[1, 2]]);
  assert.equal(Core.hitsIn(fields, Core.terms('山冰川和'), unitsOf).length, 1);
  assert.equal(Core.hitsIn(fields, Core.terms('冰川保护'), unitsOf), null);  // candidate only
  assert.equal(Core.hitsIn(fields, Core.terms('ｃｏｖｉ'), unitsOf).length, 1);  // a word's start
  assert.equal(Core.hitsIn(fields, Core.terms('ovid'), unitsOf), null);  // not inside a word
  const glacier = Core.hitsIn(fields, Core.terms('冰川'), unitsOf);
  assert.deepEqual(glacier.map((h) => h.field), [0, 1, 2]);
  assert.equal(Core.bestHit(glacier, fields).field, 1);  // the first anchored field, not the title
});

test('ranking by words: a term is cut by Intl.Segmenter and scored by its words', () => {
  const ws = Core.words(Core.terms('山区妇女')[0]).map((w) => w.map((u) => u.t).join(''));
  assert.deepEqual(ws, ['山区', '妇女']);
  assert.deepEqual(Core.words(Core.terms('冰川')[0]).length, 1);
  // Two candidates of 山区妇女; doc 2 has the rarer word 妇女 more often: it ranks first.
  const term = new Map([[1, 20], [2, 20]]);
  const shanqu = new Map([[1, 60], [2, 10], [3, 30], [4, 30]]), funv = new Map([[1, 5], [2, 60]]);
  assert.deepEqual(Core.rank([term], null, 100, [[shanqu, funv]]).map((r) => r.doc), [2, 1]);
});

test('one-character words do not count as words of a term', () => {
  const ws = Core.words(Core.terms('冰川融化的速度')[0]).map((w) => w.map((u) => u.t).join(''));
  assert.ok(!ws.includes('的'));
  assert.ok(ws.includes('冰川'));
});

test('folding: the table of search/fold.js decodes, and normalize folds only once it is set', () => {
  // Two pairs: 發 (U+767C) -> 发, 區 (U+5340) -> 区, gaps from 0 in the codec's numbers.
  const put = (n) => { let s = ''; while (n >= 64) { s += D[64 + (n % 28)]; n = Math.floor(n / 28); } return s + D[n]; };
  const data = [put(0x5340 - 1) + put(0x767c - 0x5340 - 1), '区发'];
  assert.deepEqual([...Core.foldTable(data)], [['區', '区'], ['發', '发']]);
  assert.equal(Core.normalize('地區發展'), '地區發展');
  Core.setFold(data);
  try {
    assert.equal(Core.normalize('地區發展 ＣＯＶＩＤ'), '地区发展 covid');
    // Highlighting: the units of the original text keep their extents, so 区发 marks the simplified text.
    const us = Core.unitsOfOriginal('地区发展');
    assert.deepEqual(Core.occurrences(us, Core.terms('區發')[0]), [1]);
  } finally {
    Core.setFold(null);
  }
});
