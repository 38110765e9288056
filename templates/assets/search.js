// Acta search, the page: loads the index shards as <script> elements through assets/search-files.js (works
// from file:// and over HTTP),
// runs the query in the URL (?q=, &topic=, &year=) on load and as the reader types, keeps the URL and the
// history in step, and renders results with createElement/textContent only (no HTML from the query or
// from the index is ever parsed).
(function () {
  'use strict';
  const Core = window.ActaSearchCore;
  const PAGE = 10;  // results rendered at a time; "more" renders the next ones
  const CHECK = 40;  // candidates checked against their texts at most for the first page

  // ---- Loading shards: through the shared loader (search-files.js, from the layout) -------------------
  const Search = window.ActaSearch;
  const texts = new Map();
  function loadText(doc) {
    if (!texts.has(doc)) texts.set(doc, Search.load('t/' + doc).then((d) => (typeof d === 'string' ? Search.inflate(d) : d)));
    return texts.get(doc);
  }

  let manifest = null, filterMeta = null;
  async function ready() {
    if (manifest) return;
    const m = await Search.load('index');
    if (m.fold) Core.setFold(await Search.load('fold'));  // before any normalize: query and texts fold alike
    manifest = m;
  }
  async function filters() {  // year and topics of every document: loaded only when a filter is set
    if (!filterMeta) filterMeta = Core.readDocs(manifest, await Search.load('docs'));
    return filterMeta;
  }

  // Decoded postings of a lookup (several keys for a prefix lookup), cached per lookup.
  const postings = new Map();
  async function lookupPostings(lookup) {
    const id = (lookup.prefix ? '>' : '=') + lookup.key;
    if (postings.has(id)) return postings.get(id);
    const shards = await Promise.all(Core.shardsFor(manifest.shards, lookup).map((s) => Search.load('i/' + s)));
    const merged = new Map();
    for (const pairs of shards)
      for (let i = 0; i < pairs.length; i += 2)
        if (lookup.prefix ? pairs[i].startsWith(lookup.key) : pairs[i] === lookup.key) Core.decode(pairs[i + 1], merged);
    postings.set(id, merged);
    return merged;
  }

  async function termCandidates(termUnits) {
    const lookups = Core.plan(termUnits);
    return Core.intersect(await Promise.all(lookups.map(lookupPostings)));
  }

  // Runs a query: the candidates (documents holding every key of every term), ranked. A candidate is
  // certain (`sure`) when each term is a single key; otherwise its text is checked before it is shown.
  async function run(query, f) {
    await ready();
    const ts = Core.terms(query);
    if (!ts.length) return [];
    const cands = await Promise.all(ts.map(termCandidates));
    const phrase = ts.length > 1 ? await termCandidates(ts.flat()) : null;
    const parts = await Promise.all(ts.map((t, i) => {
      const ws = Core.words(t);
      return ws.length > 1 ? Promise.all(ws.map(termCandidates)) : [cands[i]];
    }));
    const sure = ts.every((t) => Core.exactPlan(Core.plan(t)));
    let out = Core.rank(cands, phrase, manifest.n, parts);
    if (f && (f.topic || f.year)) {
      const m = await filters();
      out = out.filter((r) => (!f.topic || m.topics[r.doc].includes(f.topic)) && (!f.year || String(m.year[r.doc]) === f.year));
    }
    for (const r of out) r.sure = sure;
    return out;
  }
  Search.run = run;

  // The hits of the query's terms in a document's text, or null when the document does not contain them.
  async function verify(doc, ts) {
    const t = await loadText(doc);
    const cache = new Map();
    const unitsOf = (f) => {
      if (!cache.has(f)) cache.set(f, Core.unitsOfOriginal(t.f[f][3]));
      return cache.get(f);
    };
    const hits = Core.hitsIn(t.f, ts, unitsOf);
    return hits && { t, hits, unitsOf };
  }
  // Every document that contains the query, checked against the texts (for tests and the benchmark).
  Search.runVerified = async (query, f) => {
    const ts = Core.terms(query);
    const out = [];
    for (const r of await run(query, f)) if (await verify(r.doc, ts)) out.push(r);
    return out;
  };

  // ---- Rendering --------------------------------------------------------------------------------------
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  // An excerpt of the field around the hit (units `at` to `at + len` of the field), the hit in <mark>.
  function excerpt(text, us, at, len) {
    const first = us[at], last = us[Math.min(at + len - 1, us.length - 1)];
    const p = el('p', 'result-excerpt');
    if (!first || !last) { p.textContent = text.slice(0, 120); return p; }
    const from = Math.max(0, first.b - 40), to = Math.min(text.length, last.e + 80);
    p.append((from > 0 ? '…' : '') + text.slice(from, first.b));
    p.append(el('mark', '', text.slice(first.b, last.e)));
    p.append(text.slice(last.e, to) + (to < text.length ? '…' : ''));
    return p;
  }

  function renderResult(v) {
    const { t, hits, unitsOf } = v;
    const hit = Core.bestHit(hits, t.f);
    const f = t.f[hit.field];
    const li = el('li', 'search-result');
    const a = el('a', 'result-link');
    a.href = t.h + (f[1] ? '#' + f[1] : '');
    if (t.s) a.append(el('span', 'result-symbol', t.s), ' ');
    a.append(el('span', 'result-title', t.t || t.s || t.h));
    li.append(a);
    const info = el('p', 'result-info');
    if (f[2]) info.append(el('span', 'result-where', f[2]));
    if (t.d) info.append(el('time', 'result-date', t.d));
    const more = new Set(hits.map((h) => h.field)).size - 1;
    if (more > 0) info.append(el('span', 'result-more', '另有 ' + more + ' 处'));
    li.append(info);
    li.append(excerpt(f[3], unitsOf(hit.field), hit.at, hit.len));
    return li;
  }

  const form = document.getElementById('search-form');
  const input = document.getElementById('search-q');
  const topic = document.getElementById('search-topic');
  const year = document.getElementById('search-year');
  const status = document.getElementById('search-status');
  const results = document.getElementById('search-results');
  let generation = 0;

  function state() {
    return { q: input.value, topic: topic ? topic.value : '', year: year ? year.value : '' };
  }

  function urlFor(s) {
    const u = new URL(location.href);
    u.search = '';
    if (s.q) u.searchParams.set('q', s.q);
    if (s.topic) u.searchParams.set('topic', s.topic);
    if (s.year) u.searchParams.set('year', s.year);
    return u.href;
  }

  async function show(s) {
    const mine = ++generation;
    if (!s.q.trim()) { results.replaceChildren(); status.textContent = ''; results.dataset.state = 'empty'; return; }
    status.textContent = '正在搜索…';
    results.dataset.state = 'searching';
    let found;
    try {
      found = await run(s.q, s);
    } catch (e) {
      if (mine !== generation) return;
      status.textContent = '无法加载搜索索引（' + e.message + '）。';
      results.dataset.state = 'error';
      return;
    }
    if (mine !== generation) return;
    const ts = Core.terms(s.q);
    const list = el('ol', 'search-list');
    results.replaceChildren(list);
    let next = 0, shown = 0, dropped = 0;
    const say = () => {
      const left = found.length - dropped;
      status.textContent = !left ? '没有找到包含“' + s.q.trim() + '”的文件。'
        : next >= found.length || found[0]?.sure ? '找到 ' + left + ' 份文件' : '找到约 ' + left + ' 份文件';
    };
    // Renders the next PAGE results, checking candidates against their texts (a batch at a time, in order).
    // The first page checks at most CHECK candidates, so that a query whose candidates are mostly not hits
    // (keys that occur apart, not together) does not load hundreds of texts before it shows anything;
    // "more" goes on from there.
    async function more() {
      const items = [];
      const stop = next === 0 ? CHECK : Infinity;  // the first page at once; later pages as asked for
      while (items.length < PAGE && next < found.length && next < stop) {
        const batch = found.slice(next, next + PAGE - items.length);
        next += batch.length;
        const checked = await Promise.all(batch.map((r) => verify(r.doc, ts)));
        if (mine !== generation) return;
        for (const v of checked) if (v) items.push(renderResult(v)); else dropped++;
      }
      shown += items.length;
      list.append(...items);
      say();
      const old = results.querySelector('.search-more');
      if (old) old.remove();
      if (next < found.length) {
        const b = el('button', 'search-more', '显示更多（还有' + (found[0].sure ? ' ' : '约 ') + (found.length - next) + ' 份）');
        b.type = 'button';
        b.addEventListener('click', () => { b.disabled = true; more(); });
        results.append(b);
      }
    }
    await more();
    if (mine === generation) results.dataset.state = 'done';
  }

  function fromUrl() {
    const p = new URLSearchParams(location.search);
    input.value = p.get('q') || '';
    if (topic) topic.value = p.get('topic') || '';
    if (year) year.value = p.get('year') || '';
    show(state());
  }

  // As the reader types, the URL follows (replaceState, so typing does not flood the history); a submit or
  // a filter change is a new history entry, so Back returns to the previous search.
  let timer = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => { history.replaceState(null, '', urlFor(state())); show(state()); }, 150);
  });
  function commit(e) {
    if (e) e.preventDefault();
    clearTimeout(timer);
    if (urlFor(state()) !== location.href) history.pushState(null, '', urlFor(state()));
    show(state());
  }
  form.addEventListener('submit', commit);
  if (topic) topic.addEventListener('change', () => commit());
  if (year) year.addEventListener('change', () => commit());
  window.addEventListener('popstate', fromUrl);
  fromUrl();
})();
