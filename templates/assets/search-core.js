// Acta search, the engine: the same normalization and units as generator/analyze/search/text.cpp, the
// posting decoder of analyze/search/codec.hpp, and phrase matching and ranking. No DOM here; search.js
// drives it. Loads as a plain script (no modules, so it works from file://) and defines ActaSearchCore.
(function (root) {
  'use strict';

  // ---- Normalization and units (keep in step with text.cpp) -------------------------------------------
  const SPACE = /\p{White_Space}/u;
  const WORD = /[\p{L}\p{N}\p{M}]/u;
  const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
  const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

  function normalize(text) {
    let out = '';
    for (const ch of text.normalize('NFKC').toLowerCase()) {
      if (INVISIBLE.test(ch) && !SPACE.test(ch)) continue;
      out += ch;
    }
    return out;
  }

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

  // Decodes postings into Map<doc, positions> (ascending), merging into `into` when given (a prefix lookup
  // unions the postings of many keys; call sortMerged afterwards).
  function decode(data, into) {
    const out = into || new Map();
    const r = reader(data);
    let doc = -1;
    while (r.more()) {
      doc += r.next() + 1;
      let ps = out.get(doc);
      if (!ps) out.set(doc, (ps = []));
      let pos = -1;
      for (let n = r.next(); n > 0; n--) ps.push((pos += r.next() + 1));
    }
    return out;
  }
  function sortMerged(m) {
    for (const ps of m.values()) ps.sort((a, b) => a - b);
    return m;
  }

  function has(sorted, x) {
    let lo = 0, hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] === x) return true;
      if (sorted[mid] < x) lo = mid + 1; else hi = mid - 1;
    }
    return false;
  }

  // ---- Query planning ---------------------------------------------------------------------------------
  // A term (a run of the query without spaces) becomes lookups: at unit offset `at`, the index must hold
  // `key` exactly or, with prefix, some key starting with it. See the key rules in text.hpp.
  function plan(termUnits) {
    const L = termUnits.length, out = [];
    for (let i = 0; i < L; i++) {
      const u = termUnits[i], next = termUnits[i + 1];
      if (u.w) out.push({ at: i, key: u.t, prefix: i === L - 1 });
      else if (next && !next.w) out.push({ at: i, key: u.t + next.t, prefix: false });
      else if (next) out.push({ at: i, key: u.t, prefix: false });
      else if (i === 0 || termUnits[i - 1].w) out.push({ at: i, key: u.t, prefix: true });
    }
    return out;
  }

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

  // Hits of one term given each lookup's decoded postings: [{doc, pos, len, kind}]; `kindOf(doc, pos)`
  // tells which kind of field a position is in.
  function matchTerm(termUnits, lookups, decoded, kindOf) {
    const hits = [];
    if (!lookups.length) return hits;
    let d0 = 0;  // drive from the lookup with the fewest documents
    for (let i = 1; i < lookups.length; i++) if (decoded[i].size < decoded[d0].size) d0 = i;
    for (const [doc, ps0] of decoded[d0]) {
      const ps = decoded.map((d) => d.get(doc));
      if (ps.some((p) => !p)) continue;
      for (const p0 of ps0) {
        const start = p0 - lookups[d0].at;
        if (start < 0) continue;
        let ok = true;
        for (let i = 0; i < lookups.length && ok; i++) if (i !== d0) ok = has(ps[i], start + lookups[i].at);
        if (ok) hits.push({ doc, pos: start, len: termUnits.length, kind: kindOf(doc, start) });
      }
    }
    return hits;
  }

  // ---- Ranking ----------------------------------------------------------------------------------------
  const KIND_WEIGHT = [1, 3, 6, 1];  // body, heading, title or symbol, footnote or annotation
  const K1 = 1.2, B = 0.75;

  // Orders documents: exact phrase first (for several terms), then BM25 over the terms with field weights,
  // then document order. `termHits`: per term, its hits; `phraseHits`:
  // hits of all terms run together (null for one term). Returns [{doc, score, exact, hits}].
  function rank(termHits, phraseHits, meta) {
    const per = new Map();
    termHits.forEach((hits, t) => {
      for (const h of hits) {
        let r = per.get(h.doc);
        if (!r) per.set(h.doc, (r = { doc: h.doc, tf: new Array(termHits.length).fill(0), hits: [], exact: false, score: 0 }));
        r.tf[t] += KIND_WEIGHT[h.kind];
        r.hits.push(h);
      }
    });
    const out = [];
    for (const r of per.values()) if (r.tf.every((x) => x > 0)) out.push(r);
    const n = meta.n;
    termHits.forEach((_, t) => {
      const df = out.length ? out.filter((r) => r.tf[t] > 0).length : 0;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (const r of out) {
        const len = meta.length[r.doc] || meta.avg;
        const tf = r.tf[t];
        r.score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * len / meta.avg));
      }
    });
    if (phraseHits) {
      const byDoc = new Map();
      for (const h of phraseHits) (byDoc.get(h.doc) || byDoc.set(h.doc, []).get(h.doc)).push(h);
      for (const r of out) {
        const ph = byDoc.get(r.doc);
        if (ph) { r.exact = true; r.hits = ph.concat(r.hits); }
      }
    } else for (const r of out) r.exact = true;
    out.sort((a, b) => (b.exact - a.exact) || (b.score - a.score) || (a.doc - b.doc));
    return out;
  }

  // The hit a result links to: the first hit in a heading, paragraph or note (they have anchors), so the
  // link lands on it; a hit only in the title or symbol links to the page itself.
  function bestHit(hits) {
    const anchored = hits.filter((h) => h.kind !== 2);
    const pool = anchored.length ? anchored : hits;
    return pool.reduce((a, b) => (b.pos < a.pos ? b : a));
  }

  // The manifest's per-document string: year, length, where headings, body and notes start, topics.
  function readDocs(manifest) {
    const r = reader(manifest.docs);
    const n = manifest.n, year = new Int32Array(n), length = new Float64Array(n), topics = [];
    const heading = new Int32Array(n), body = new Int32Array(n), note = new Int32Array(n);
    for (let d = 0; d < n; d++) {
      const y = r.next();
      year[d] = y ? y + 1800 : 0;
      length[d] = r.next();
      heading[d] = r.next();
      body[d] = heading[d] + r.next();
      note[d] = body[d] + r.next();
      const t = [];
      for (let k = r.next(); k > 0; k--) t.push(manifest.topics[r.next()][0]);
      topics.push(t);
    }
    // Field kinds as in index.hpp: 0 body, 1 heading, 2 title or symbol, 3 note.
    const kindOf = (d, p) => (p < heading[d] ? 2 : p < body[d] ? 1 : p < note[d] ? 0 : 3);
    return { n, avg: manifest.avg, year, length, topics, kindOf };
  }

  // The field (index into a text shard's f) a position is in.
  function fieldAt(fields, pos) {
    let f = 0;
    while (f + 1 < fields.length && fields[f + 1][0] <= pos) f++;
    return f;
  }

  // Splits a query into terms (runs without white space), each as units; empty terms are dropped.
  function terms(query) {
    return normalize(query).split(/\p{White_Space}+/u).map((t) => units(t)).filter((u) => u.length);
  }

  root.ActaSearchCore = { normalize, units, unitsOfOriginal, reader, decode, sortMerged, plan, shardsFor, matchTerm,
    rank, bestHit, readDocs, fieldAt, terms, cmp };
})(typeof window !== 'undefined' ? window : globalThis);
