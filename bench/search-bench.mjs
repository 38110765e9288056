// The search benchmark itself (see bench/search-bench). For each size: make the corpus, build it with
// Acta, run Pagefind over a copy of the same pages, then run every query in a fresh browser context per
// engine, counting the bytes of the index files loaded and the time until the first result shows.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, inflateRawSync } from 'node:zlib';
import { ROOT, launch, serve } from '../tests/browser/support.mjs';

const ACTA = process.env.ACTA || join(ROOT, 'build-release', 'acta');

const SIZES = process.argv.slice(2).map(Number).filter(Boolean);
if (!SIZES.length) SIZES.push(1000, 10000);
const WORK = process.env.BENCH_DIR || join(ROOT, 'bench', 'out');
const MAKE_CORPUS = process.env.MAKE_CORPUS || join(ROOT, '..', 'shared', 'corpus', 'make-corpus');
const PAGEFIND = join(ROOT, 'node_modules', '.bin', 'pagefind');
mkdirSync(WORK, { recursive: true });

// Fixed queries (topic words, a long phrase, symbols, no hits) plus phrases drawn from the corpus.
const FIXED = ['冰川', '荒漠化', '淡水', '水', '可持续发展', '生物多样性公约', '气候变化', '山区妇女', '62/196', 'COVID-19',
  '联合国防治荒漠化公约知识中心', '这个短语不会出现'];

const normalize = (s) => s.normalize('NFKC').toLowerCase().replace(/[\p{Cc}\p{Cf}]/gu, '').replace(/\p{White_Space}+/gu, '');
const decodeEntities = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

// The searchable text of a built document page: its <article>, without footnote reference marks, tags and
// white space. The substring scan runs over this.
function pageText(html) {
  const a = html.slice(html.indexOf('<article'), html.lastIndexOf('</article>'));
  return normalize(decodeEntities(a.replace(/<a [^>]*data-footnote-ref[^>]*>.*?<\/a>/gs, '').replace(/<a class="(pnum|fn-back)"[^>]*>.*?<\/a>/gs, '')
    .replace(/<span class="fn-label">.*?<\/span>/gs, '').replace(/<p class="annotation-label">.*?<\/p>/gs, '')
    .replace(/<section class="cited-by".*?<\/section>/gs, '').replace(/<dl class="doc-meta">.*?<\/dl>/gs, '').replace(/<[^>]+>/g, '')));
}

function bytesOf(dir) {
  let raw = 0, gz = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else { const b = readFileSync(p); raw += b.length; gz += e.name.endsWith('.pf_fragment') || e.name.endsWith('.pf_index') || e.name.endsWith('.pf_meta') || e.name.endsWith('.pf_filter') ? b.length : gzipSync(b).length; }
    }
  };
  walk(dir);
  return { raw, gz };
}

function timed(cmd, args) {
  const t0 = process.hrtime.bigint();
  execFileSync(cmd, args, { stdio: 'pipe', cwd: ROOT, maxBuffer: 1 << 26 });
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

// Deterministic phrases of 2 to 6 characters taken from the text of some documents.
function sampledPhrases(texts, count) {
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const out = [];
  while (out.length < count) {
    const t = texts[Math.floor(rnd() * texts.length)];
    const len = 2 + Math.floor(rnd() * 5), at = Math.floor(rnd() * Math.max(1, t.length - len));
    const p = t.slice(at, at + len);
    if (/^\p{Script=Han}+$/u.test(p) && !out.includes(p)) out.push(p);
  }
  return out;
}

async function runActa(browser, base, q, hrefOf) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  // Each response's size is read asynchronously; the promise is kept at once, so what was loaded up to a
  // moment is known exactly (a plain counter misses the bodies still being read).
  const sizes = [];
  page.on('response', (r) => { if (r.url().includes('/search/')) sizes.push(r.body().then((b) => b.length, () => 0)); });
  const total = async (list) => (await Promise.all(list)).reduce((a, b) => a + b, 0);
  const t0 = Date.now();
  await page.goto(base + 'search.html?q=' + encodeURIComponent(q));
  await page.waitForSelector('.search-result, #search-results[data-state=done]', { state: 'attached', timeout: 120000 });
  const ms = Date.now() - t0;
  await page.waitForSelector('#search-results[data-state=done]', { state: 'attached', timeout: 120000 });
  const shownBytes = await total(sizes.slice());
  // Candidates (documents holding every key of the query), and those whose text holds the query: what the
  // reader gets, paging through all results.
  // Checking loads the text of every candidate: above VERIFY_MAX candidates (default 3000) the candidates
  // count as found (marked * in the table), which can only lower the precision shown.
  const cands = await page.evaluate(async (qq) => (await window.ActaSearch.run(qq, {})).map((r) => [r.doc, r.sure]), q);
  const sure = cands.every((c) => c[1]), skip = !sure && cands.length > Number(process.env.VERIFY_MAX || 3000);
  const docs = sure || skip ? cands.map((c) => c[0])
    : await page.evaluate(async (qq) => (await window.ActaSearch.runVerified(qq, {})).map((r) => r.doc), q);
  await ctx.close();
  return { ms, bytes: shownBytes, found: new Set(docs.map(hrefOf)), candidates: cands.length + (skip ? '*' : '') };
}

async function runPagefind(browser, base, q) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const sizes = [];
  page.on('response', (r) => { if (r.url().includes('/pagefind/')) sizes.push(r.body().then((b) => b.length, () => 0)); });
  const total = async (list) => (await Promise.all(list)).reduce((a, b) => a + b, 0);
  await page.goto(base + 'pagefind-bench.html');
  const t0 = Date.now();
  const first = await page.evaluate(async (qq) => {
    const pf = await import('./pagefind/pagefind.js');
    const s = await pf.search(qq);
    window.__pf = s;
    if (s.results.length) await s.results[0].data();
    return s.results.length;
  }, q);
  const ms = Date.now() - t0;
  // The first page of results (as Pagefind's UI shows it: five fragments) counts as loaded for the query.
  await page.evaluate(async () => { await Promise.all(window.__pf.results.slice(0, 5).map((r) => r.data())); });
  await page.waitForTimeout(50);
  const shownBytes = await total(sizes.slice());
  const urls = await page.evaluate(async () => (await Promise.all(window.__pf.results.map((r) => r.data()))).map((d) => d.url));
  await ctx.close();
  return { ms, bytes: shownBytes, found: new Set(urls.map((u) => u.replace(/^\//, ''))), count: first };
}

function score(found, truth) {
  let hit = 0;
  for (const f of found) if (truth.has(f)) hit++;
  return { recall: truth.size ? hit / truth.size : (found.size ? 0 : 1), precision: found.size ? hit / found.size : 1 };
}

const pct = (x) => (x * 100).toFixed(x === 1 ? 0 : 1) + '%';
const kb = (b) => (b / 1024).toFixed(0) + ' KB';
const mb = (b) => (b / 1048576).toFixed(1) + ' MB';

const browser = await launch();
for (const n of SIZES) {
  const corpus = join(WORK, `corpus-${n}`);
  if (!existsSync(corpus)) execFileSync('python3', [MAKE_CORPUS, '--docs', String(n), '--out', corpus], { stdio: 'pipe' });
  const actaDir = join(WORK, `search-acta-${n}`), pfDir = join(WORK, `search-pagefind-${n}`);
  const cfg = join(WORK, `search-acta-${n}.yaml`);
  writeFileSync(cfg, `title: bench\ncontent: ${corpus}\ntemplates: ${join(ROOT, 'templates')}\noutput: ${actaDir}\n` +
    readFileSync(join(ROOT, 'site-config.yaml'), 'utf8').split('\n').filter((l, i, a) => a.slice(0, i + 1).some((x) => x.startsWith('topic_threshold:'))).join('\n'));
  // ACTA_REUSE=1 keeps a site already built for this size; PAGEFIND=0 leaves Pagefind out.
  const actaSeconds = process.env.ACTA_REUSE && existsSync(join(actaDir, 'search', 'index.js')) ? NaN : timed(ACTA, ['build', '--config', cfg, '--quiet']);
  // Pagefind: PAGEFIND_REUSE=1 keeps an index already built for this size (it takes minutes); its native
  // binary runs under an address-space limit (PAGEFIND_MEM_GB, default 12) so that it fails rather than
  // exhaust a shared machine, and then its columns say n/a.
  let pfSeconds = NaN, pfOk = process.env.PAGEFIND !== '0';
  if (pfOk && !(process.env.PAGEFIND_REUSE && existsSync(join(pfDir, 'pagefind', 'pagefind-entry.json')))) {
    rmSync(pfDir, { recursive: true, force: true });
    cpSync(actaDir, pfDir, { recursive: true });
    rmSync(join(pfDir, 'search'), { recursive: true, force: true });
    rmSync(join(pfDir, 'search.html'), { force: true });
    writeFileSync(join(pfDir, 'pagefind-bench.html'), '<!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8"><title>pagefind bench</title></head><body></body></html>');
    const native = join(ROOT, 'node_modules', '@pagefind', 'linux-x64', 'bin', 'pagefind_extended');
    const limit = `--as=${Math.round(Number(process.env.PAGEFIND_MEM_GB || 12) * 2 ** 30)}`;
    try {
      pfSeconds = existsSync(native) ? timed('prlimit', [limit, native, '--site', pfDir, '--silent']) : timed(PAGEFIND, ['--site', pfDir, '--silent']);
    } catch (e) {
      pfOk = false;
      console.error(`Pagefind failed at ${n} documents: ${String(e.message).split('\n')[0]}`);
    }
  }
  const actaIndex = bytesOf(join(actaDir, 'search')), pfIndex = pfOk ? bytesOf(join(pfDir, 'pagefind')) : { raw: NaN, gz: NaN };

  // Ground truth: a plain substring scan over the text of every built document page.
  const pages = readdirSync(join(actaDir, 'doc')).filter((f) => f.endsWith('.html')).sort();
  const texts = new Map(pages.map((p) => [`doc/${p}`, pageText(readFileSync(join(actaDir, 'doc', p), 'utf8'))]));
  const textBytes = [...texts.values()].reduce((s, t) => s + Buffer.byteLength(t), 0);
  const queries = [...FIXED, ...sampledPhrases([...texts.values()], 8)];
  const hrefs = [];
  for (let i = 0; existsSync(join(actaDir, 'search', 't', `${i}.js`)); i++)
    hrefs.push(JSON.parse(inflateRawSync(Buffer.from(/"t\/\d+","([^"]*)"/.exec(readFileSync(join(actaDir, 'search', 't', `${i}.js`), 'utf8'))[1], 'base64')).toString('utf16le')).h);

  const serverActa = await serve(actaDir), serverPf = pfOk ? await serve(pfDir) : null;
  const rows = [];
  const tot = { acta: { r: 0, p: 0, b: 0, ms: 0, maxb: 0 }, pf: { r: 0, p: 0, b: 0, ms: 0, maxb: 0 } };
  for (const q of queries) {
    const nq = normalize(q);
    const truth = new Set([...texts].filter(([, t]) => t.includes(nq)).map(([p]) => p));
    const a = await runActa(browser, serverActa.url, q, (d) => hrefs[d]);
    const p = pfOk ? await runPagefind(browser, serverPf.url, q) : { ms: NaN, bytes: NaN, found: new Set() };
    const sa = score(a.found, truth), sp = score(p.found, truth);
    rows.push(`| ${q} | ${truth.size} | ${a.candidates} | ${a.found.size} | ${pct(sa.recall)} | ${pct(sa.precision)} | ${kb(a.bytes)} | ${a.ms} ms | ${pfOk ? `${p.found.size} | ${pct(sp.recall)} | ${pct(sp.precision)} | ${kb(p.bytes)} | ${p.ms} ms` : 'n/a | | | |'} |`);
    for (const [k, s, r] of [['acta', sa, a], ['pf', sp, p]]) {
      tot[k].r += s.recall; tot[k].p += s.precision; tot[k].b += r.bytes; tot[k].ms += r.ms; tot[k].maxb = Math.max(tot[k].maxb, r.bytes);
    }
  }
  await serverActa.close(); await serverPf?.close();
  const q = queries.length;
  console.log(`\n### ${n} documents (${mb(textBytes)} of page text)\n`);
  console.log('| | Acta | Pagefind |\n|---|---|---|');
  console.log(`| index on disk | ${mb(actaIndex.raw)} (${mb(actaIndex.gz)} gzipped) | ${pfOk ? mb(pfIndex.raw) + ' (stored gzipped)' : 'n/a'} |`);
  console.log(`| indexing time | ${isNaN(actaSeconds) ? 'reused' : actaSeconds.toFixed(1) + ' s'} (whole build, pages included) | ${isNaN(pfSeconds) ? (pfOk ? 'reused' : 'n/a') : pfSeconds.toFixed(1) + ' s'} (index only) |`);
  console.log(`| bytes loaded per query, mean / max | ${kb(tot.acta.b / q)} / ${kb(tot.acta.maxb)} | ${pfOk ? kb(tot.pf.b / q) + ' / ' + kb(tot.pf.maxb) : 'n/a'} |`);
  console.log(`| time to first result, mean | ${(tot.acta.ms / q).toFixed(0)} ms | ${pfOk ? (tot.pf.ms / q).toFixed(0) + ' ms' : 'n/a'} |`);
  console.log(`| recall / precision vs substring scan, mean | ${pct(tot.acta.r / q)} / ${pct(tot.acta.p / q)} | ${pfOk ? pct(tot.pf.r / q) + ' / ' + pct(tot.pf.p / q) : 'n/a'} |`);
  console.log('\n| query | scan | Acta candidates | Acta found | recall | precision | loaded | first result | Pagefind found | recall | precision | loaded | first result |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
}
await browser.close();
