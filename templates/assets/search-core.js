// Acta search, the engine: the same normalization and units as generator/analyze/search/text.cpp, the
// posting decoder of analyze/search/codec.hpp, candidates, ranking, and verifying hits against the text. No DOM here; search.js
// drives it. Loads as a plain script (no modules, so it works from file://) and defines ActaSearchCore.
(function (root) {
  'use strict';

  // ---- Normalization and units (keep in step with text.cpp) -------------------------------------------
  const SPACE = /\p{White_Space}/u;
  const WORD = /[\p{L}\p{N}\p{M}]/u;
  const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
  const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

  // Traditional -> simplified folding, when the site was built with search_fold_traditional (the manifest
  // says "fold"; search.js then loads search/fold.js and calls setFold): Map of character to character.
  let FOLD = null;

  function normalize(text) {
    let out = '';
    for (const ch of text.normalize('NFKC').toLowerCase()) {
      if (INVISIBLE.test(ch) && !SPACE.test(ch)) continue;
      out += FOLD ? FOLD.get(ch) || ch : ch;
    }
    return out;
  }

  // The table of search/fold.js (see fold_json() in write/search_files.cpp): [gaps, simplified], the
  // traditional code points as gaps in the codec's numbers, the simplified characters one per pair.
  function foldTable(data) {
    const r = reader(data[0]), to = Array.from(data[1]), out = new Map();
    let cp = 0;
    for (const s of to) {
      cp += r.next() + 1;
      out.set(String.fromCodePoint(cp), s);
    }
    return out;
  }
  function setFold(data) { FOLD = data ? foldTable(data) : null; }

  function classify(ch) {
    if (SPACE.test(ch)) return 0;
    if (WORD.test(ch) && !IDEOGRAPHIC.test(ch)) return 1;
    return 2;
  }

  // Units of normalized text: {t: text, w: is a word}. With `from` (original offsets of each code unit of
  // the normalized text), units also get {b, e}: their extent in the original text, for highlighting.
  function units(norm, from) {
    const out = [];
    let inWord = false;
    for (let i = 0; i < norm.length;) {
      const cp = norm.codePointAt(i);
      const len = cp > 0xffff ? 2 : 1;
      const ch = norm.slice(i, i + len);
      const k = classify(ch);
      const b = from ? from[i] : i, e = from ? from[i + len] : i + len;
      if (k === 1 && inWord) { const u = out[out.length - 1]; u.t += ch; u.e = e; }
      else if (k !== 0) out.push({ t: ch, w: k === 1, b, e });
      inWord = k === 1;
      i += len;
    }
    return out;
  }

  // Units of original text with their original extents: each code point is normalized on its own (NFKC
  // of a CJK text is per character; composed sequences may drift, which only moves a highlight).
  function unitsOfOriginal(text) {
    let norm = '';
    const from = [];
    for (let i = 0; i < text.length;) {
      const len = text.codePointAt(i) > 0xffff ? 2 : 1;
      const n = normalize(text.slice(i, i + len));
      for (let k = 0; k < n.length; k++) from.push(i);
      norm += n;
      i += len;
    }
    from.push(text.length);
    // Units end where the next original code point starts.
    const us = units(norm, from);
    for (const u of us) if (u.e === u.b) u.e = u.b + 1;
    return us;
  }

  // ---- Codec (keep in step with codec.hpp) --------------------------------------------------------------
  const DIGITS = "#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~!";
  const VALUE = new Int16Array(128).fill(-1);
  for (let i = 0; i < DIGITS.length; i++) VALUE[DIGITS.charCodeAt(i)] = i;

  function reader(s) {
    let i = 0;
    return {
      more: () => i < s.length,
      next() {
        let v = 0, scale = 1;
        for (;;) {
          const d = VALUE[s.charCodeAt(i++)];
          if (d < 64) return v + d * scale;
          v += (d - 64) * scale;
          scale *= 28;
        }
      },
    };
  }

  // Decodes postings (doc gap, impact) into `into`: Map<doc, impact>, keeping the larger impact when a
  // document is already there (a prefix lookup unions the postings of many keys).
  // A dense key (it starts with a space; see index.hpp) has two bits per document: the impact's third.
  const THIRDS = [0, 11, 32, 53];
  function decode(data, into) {
    const out = into || new Map();
    if (data.charCodeAt(0) === 32) {
      for (let i = 1; i < data.length; i++) {
        const v = VALUE[data.charCodeAt(i)];
        for (let k = 0; k < 3; k++) {
          const third = (v >> (2 * k)) & 3;
          if (!third) continue;
          const doc = (i - 1) * 3 + k, had = out.get(doc);
          if (had === undefined || had < THIRDS[third]) out.set(doc, THIRDS[third]);
        }
      }
      return out;
    }
    const r = reader(data);
    let doc = -1;
    while (r.more()) {
      doc += r.next() + 1;
      const imp = r.next();
      const had = out.get(doc);
      if (had === undefined || had < imp) out.set(doc, imp);
    }
    return out;
  }

  // ---- Query planning ---------------------------------------------------------------------------------
  // A term (a run of the query without spaces) becomes lookups: the index must hold `key` exactly or, with
  // prefix, some key starting with it. See the key rules in text.hpp: each pair of adjacent units but two
  // words (two characters, a character and a word, a word and a character), each unit in no such pair;
  // a lookup that ends with the term's last word is a prefix.
  function plan(termUnits) {
    const L = termUnits.length, out = [];
    const paired = (i) => i >= 0 && i + 1 < L && !(termUnits[i].w && termUnits[i + 1].w);
    for (let i = 0; i < L; i++) {
      const u = termUnits[i], next = termUnits[i + 1];
      if (paired(i)) out.push({ key: u.t + next.t, prefix: next.w && i + 1 === L - 1 });
      else if (!paired(i - 1)) out.push({ key: u.t, prefix: u.w && i === L - 1 });
    }
    return out;
  }

  // Whether the documents holding all of a term's lookups all contain the term: only when it is one lookup.
  function exactPlan(lookups) { return lookups.length === 1; }

  function cmp(a, b) {  // code point order, as the build sorts keys
    const A = Array.from(a), B = Array.from(b);
    for (let i = 0; i < Math.min(A.length, B.length); i++) {
      const d = A[i].codePointAt(0) - B[i].codePointAt(0);
      if (d) return d;
    }
    return A.length - B.length;
  }

  // Which shards (indexes into the manifest's list of first keys) can hold the lookup's keys.
  function shardsFor(firsts, lookup) {
    let lo = 0, hi = firsts.length - 1, s = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(firsts[mid], lookup.key) <= 0) { s = mid; lo = mid + 1; } else hi = mid - 1;
    }
    const out = [s];
    if (lookup.prefix) for (let t = s + 1; t < firsts.length && firsts[t].startsWith(lookup.key); t++) out.push(t);
    return out;
  }

  // The candidates of a term from its lookups' decoded postings: Map<doc, impact>, the documents holding
  // every key, with the smallest impact among them.
  function intersect(decoded) {
    if (!decoded.length) return new Map();
    let d0 = 0;
    for (let i = 1; i < decoded.length; i++) if (decoded[i].size < decoded[d0].size) d0 = i;
    const out = new Map();
    for (const [doc, imp0] of decoded[d0]) {
      let imp = imp0;
      for (let i = 0; i < decoded.length && imp; i++) {
        if (i === d0) continue;
        const v = decoded[i].get(doc);
        imp = v === undefined ? 0 : Math.min(imp, v);
      }
      if (imp) out.set(doc, imp);
    }
    return out;
  }

  // ---- Ranking ----------------------------------------------------------------------------------------
  // BM25: the build stored each key's term-frequency part per document (the impact, field-weighted and
  // length-normalized); here impacts are weighted by idf and summed. `terms`: per term, its candidates
  // (Map<doc, impact>); `parts` (optional): per term, the Maps it is scored by (the words of the term, see
  // words(); by default the term itself). `phrase`: the candidates of all terms run together (null for one
  // term). Exact phrase first, then score, then document order. Returns [{doc, score, exact}].
  function rank(terms, phrase, n, parts) {
    if (!terms.length) return [];
    let smallest = terms[0];
    for (const t of terms) if (t.size < smallest.size) smallest = t;
    const scored = (parts || terms.map((t) => [t])).map((ms) => ms.map((m) => ({ m, idf: Math.log(1 + (n - m.size + 0.5) / (m.size + 0.5)) })));
    const out = [];
    for (const doc of smallest.keys()) {
      let ok = true;
      for (let t = 0; t < terms.length && ok; t++) ok = terms[t].has(doc);
      if (!ok) continue;
      let score = 0;
      for (const ms of scored) for (const { m, idf } of ms) score += idf * (m.get(doc) || 0);
      out.push({ doc, score, exact: !phrase || phrase.has(doc) });
    }
    out.sort((a, b) => (b.exact - a.exact) || (b.score - a.score) || (a.doc - b.doc));
    return out;
  }

  // The words of a term by the browser's word segmentation (Intl.Segmenter: ICU's dictionary-based
  // break iterator in Chromium, the same one the build links): arrays of the term's units, one per
  // word-like segment of two or more units. A term of one such word, or without Intl.Segmenter, is itself
  // its only word. Scoring
  // by words rewards documents where each word of 山区妇女 (山区, 妇女) is frequent, rather than only
  // the rarest character pair of the run.
  function words(termUnits) {
    const Seg = typeof Intl !== 'undefined' && Intl.Segmenter;
    if (!Seg || termUnits.length < 3) return [termUnits];
    const starts = [];
    let text = '';
    for (const u of termUnits) { starts.push(text.length); text += u.t; }
    const out = [];
    let u = 0;
    for (const seg of new Seg('zh', { granularity: 'word' }).segment(text)) {
      const end = seg.index + seg.segment.length, w = [];
      while (u < termUnits.length && starts[u] < end) w.push(termUnits[u++]);
      if (seg.isWordLike && w.length > 1) out.push(w);  // one-character words (的, 和) weigh little and would cost a lookup
    }
    return out.length > 1 ? out : [termUnits];
  }

  // ---- Verifying against the text ---------------------------------------------------------------------
  // Where a term occurs in a field's units: the unit indexes where it starts. A word of the term matches a
  // whole word of the text, except its last unit, which matches the start of one (as the keys do).
  function occurrences(fieldUnits, termUnits) {
    const out = [], L = termUnits.length;
    for (let p = 0; p + L <= fieldUnits.length; p++) {
      let ok = true;
      for (let i = 0; i < L && ok; i++) {
        const q = termUnits[i], u = fieldUnits[p + i];
        if (q.w) ok = u.w && (i === L - 1 ? u.t.startsWith(q.t) : u.t === q.t);
        else ok = !u.w && u.t === q.t;
      }
      if (ok) out.push(p);
    }
    return out;
  }

  // The hits of terms in a document's text shard (f: [kind, anchor, label, text]): [{field, at, len, term}],
  // or null when some term does not occur (the document was a candidate only).
  function hitsIn(fields, termUnits, unitsOf) {
    const hits = [];
    for (let t = 0; t < termUnits.length; t++) {
      let found = false;
      for (let f = 0; f < fields.length; f++) {
        for (const at of occurrences(unitsOf(f), termUnits[t])) { hits.push({ field: f, at, len: termUnits[t].length, term: t }); found = true; }
      }
      if (!found) return null;
    }
    return hits;
  }

  // The hit a result links to: the first hit in a heading, paragraph or note (they have anchors), so the
  // link lands on it; a hit only in the title or symbol links to the page itself.
  function bestHit(hits, fields) {
    const anchored = hits.filter((h) => fields[h.field][0] !== 2 && fields[h.field][1]);
    const pool = anchored.length ? anchored : hits;
    return pool.reduce((a, b) => (b.term < a.term || (b.term === a.term && (b.field < a.field || (b.field === a.field && b.at < a.at))) ? b : a));
  }

  // The filters' per-document string (search/docs.js): year, topics.
  function readDocs(manifest, data) {
    const r = reader(data);
    const n = manifest.n, year = new Int32Array(n), topics = [];
    for (let d = 0; d < n; d++) {
      const y = r.next();
      year[d] = y ? y + 1800 : 0;
      const t = [];
      for (let k = r.next(); k > 0; k--) t.push(manifest.topics[r.next()][0]);
      topics.push(t);
    }
    return { year, topics };
  }

  // Splits a query into terms (runs without white space), each as units; empty terms are dropped.
  function terms(query) {
    return normalize(query).split(/\p{White_Space}+/u).map((t) => units(t)).filter((u) => u.length);
  }

  root.ActaSearchCore = { normalize, foldTable, setFold, units, unitsOfOriginal, reader, decode, plan, exactPlan, shardsFor, intersect,
    rank, words, occurrences, hitsIn, bestHit, readDocs, terms, cmp };
})(typeof window !== 'undefined' ? window : globalThis);
