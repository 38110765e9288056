// Acta search, the page: loads the index shards as <script> elements (works from file:// and over HTTP),
// runs the query in the URL (?q=, &topic=, &year=) on load and as the reader types, keeps the URL and the
// history in step, and renders results with createElement/textContent only (no HTML from the query or
// from the index is ever parsed).
(function () {
  'use strict';
  const Core = window.ActaSearchCore;
  const PAGE = 20;  // results rendered at a time; "more" renders the next ones

  // ---- Loading shards ---------------------------------------------------------------------------------
  const base = new URL('../', document.currentScript.src);
  const cache = new Map();    // name -> Promise of data
  const waiting = new Map();  // name -> resolve
  const Search = window.ActaSearch = {
    loaded: [],  // names of the shards loaded, in order (tests and the benchmark read it)
    register(name, data) {
      const done = waiting.get(name);
      if (done) { waiting.delete(name); done(data); }
    },
    load(name) {
      if (!cache.has(name)) {
        cache.set(name, new Promise((resolve, reject) => {
          waiting.set(name, resolve);
          const s = document.createElement('script');
          s.src = new URL('search/' + name + '.js', base).href;
          s.async = true;
          s.onerror = () => { waiting.delete(name); cache.delete(name); reject(new Error('cannot load ' + s.src)); };
          s.onload = () => s.remove();
          document.head.appendChild(s);
          Search.loaded.push(name);
        }));
      }
      return cache.get(name);
    },
  };

  // Text shards are deflated JSON in base64 (see write/compress.hpp); DecompressionStream works from file://.
  async function inflate(b64) {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return JSON.parse(await new Response(stream).text());
  }
  const texts = new Map();
  function loadText(doc) {
    if (!texts.has(doc)) texts.set(doc, Search.load('t/' + doc).then((d) => (typeof d === 'string' ? inflate(d) : d)));
    return texts.get(doc);
  }

  let manifest = null, meta = null;
  async function ready() {
    if (!manifest) {
      manifest = await Search.load('index');
      meta = Core.readDocs(manifest);
    }
  }

  // Decoded postings of a lookup (several keys for a prefix lookup), cached per lookup.
  const postings = new Map();
  async function lookupPostings(lookup) {
    const id = (lookup.prefix ? '>' : '=') + lookup.key;
    if (postings.has(id)) return postings.get(id);
    const shards = await Promise.all(Core.shardsFor(manifest.shards, lookup).map((s) => Search.load('i/' + s)));
    const merged = new Map();
    let keys = 0;
    for (const pairs of shards)
      for (let i = 0; i < pairs.length; i += 2)
        if (lookup.prefix ? pairs[i].startsWith(lookup.key) : pairs[i] === lookup.key) { Core.decode(pairs[i + 1], merged); keys++; }
    const value = keys > 1 ? Core.sortMerged(merged) : merged;
    postings.set(id, value);
    return value;
  }

  async function termHits(termUnits) {
    const lookups = Core.plan(termUnits);
    const decoded = await Promise.all(lookups.map(lookupPostings));
    return Core.matchTerm(termUnits, lookups, decoded, meta.kindOf);
  }

  // Runs a query: every document that contains every term, ranked.
  async function run(query, filters) {
    await ready();
    const ts = Core.terms(query);
    if (!ts.length) return [];
    const hits = await Promise.all(ts.map(termHits));
    const phrase = ts.length > 1 ? await termHits(ts.flat()) : null;
    return Core.rank(hits, phrase, meta).filter((r) =>
      (!filters.topic || meta.topics[r.doc].includes(filters.topic)) &&
      (!filters.year || String(meta.year[r.doc]) === filters.year));
  }
  Search.run = run;

  // ---- Rendering --------------------------------------------------------------------------------------
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  // An excerpt of the field around the hit (at unit `at` of the field), the hit in <mark>.
  function excerpt(text, at, len) {
    const us = Core.unitsOfOriginal(text);
    const first = us[at], last = us[Math.min(at + len - 1, us.length - 1)];
    const p = el('p', 'result-excerpt');
    if (!first || !last) { p.textContent = text.slice(0, 120); return p; }
    const from = Math.max(0, first.b - 40), to = Math.min(text.length, last.e + 80);
    p.append((from > 0 ? '…' : '') + text.slice(from, first.b));
    p.append(el('mark', '', text.slice(first.b, last.e)));
    p.append(text.slice(last.e, to) + (to < text.length ? '…' : ''));
    return p;
  }

  async function renderResult(r) {
    const t = await loadText(r.doc);
    const hit = Core.bestHit(r.hits);
    const f = t.f[Core.fieldAt(t.f, hit.pos)];
    const li = el('li', 'search-result');
    const a = el('a', 'result-link');
    a.href = t.h + (f && f[1] ? '#' + f[1] : '');
    if (t.s) a.append(el('span', 'result-symbol', t.s), ' ');
    a.append(el('span', 'result-title', t.t || t.s || t.h));
    li.append(a);
    const info = el('p', 'result-info');
    if (f && f[2]) info.append(el('span', 'result-where', f[2]));
    if (t.d) info.append(el('time', 'result-date', t.d));
    const more = new Set(r.hits.map((h) => Core.fieldAt(t.f, h.pos))).size - 1;
    if (more > 0) info.append(el('span', 'result-more', '另有 ' + more + ' 处'));
    li.append(info);
    if (f) li.append(excerpt(f[3], hit.pos - f[0], hit.len));
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
    status.textContent = found.length ? '找到 ' + found.length + ' 份文件' : '没有找到包含“' + s.q.trim() + '”的文件。';
    const list = el('ol', 'search-list');
    results.replaceChildren(list);
    let shown = 0;
    async function more() {
      const page = found.slice(shown, shown + PAGE);
      shown += page.length;
      const items = await Promise.all(page.map(renderResult));
      if (mine !== generation) return;
      list.append(...items);
      const old = results.querySelector('.search-more');
      if (old) old.remove();
      if (shown < found.length) {
        const b = el('button', 'search-more', '显示更多（还有 ' + (found.length - shown) + ' 份）');
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
