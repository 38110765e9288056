// Outside checkers on whole built sites: the project's own site (site-config.yaml + content/) and the
// Markdown fixture archive (tests/fixtures/archive), both with base_url so sitemap and feed are written.
// - every HTML page passes the Nu HTML Checker (vnu-jar) with no errors;
// - Debian's linkchecker, reading the site from disk, finds no broken internal link or anchor;
// - every doc/*.json validates against schemas/document.schema.json (ajv, JSON Schema 2020-12);
// - every XML file (Akoma Ntoso, sitemap, feed) is well-formed (xmllint).
// Each checker is also shown one broken input, so a checker that silently checks nothing fails the test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, rmSync, readdirSync, readFileSync, writeFileSync, mkdtempSync, cpSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ROOT, ACTA } from '../browser/support.mjs';

const VNU = join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
let sites = [];

// linkchecker, run as root, drops to user nobody: the sites must be readable by everyone.
const scratchDirs = [];
function scratch(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratchDirs.push(dir);
  chmodSync(dir, 0o755);
  return dir;
}

function build(config) {
  const out = join(scratch('acta-validate-'), 'site');
  execFileSync(ACTA, ['build', '--config', config, '--out', out, '--quiet'], { cwd: ROOT, stdio: 'pipe' });
  execFileSync('chmod', ['-R', 'a+rX', out]);
  return out;
}

function walk(dir, pick, found = []) {
  if (!existsSync(dir)) return found;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, pick, found);
    else if (pick(e.name)) found.push(p);
  }
  return found;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

// A copy of the fixture site with `edit` applied to one file, for the negative checks.
function brokenCopy(site, file, edit) {
  const copy = join(scratch('acta-broken-'), 'site');
  cpSync(site, copy, { recursive: true });
  execFileSync('chmod', ['-R', 'a+rX', copy]);
  writeFileSync(join(copy, file), edit(readFileSync(join(copy, file), 'utf8')));
  return copy;
}

after(() => {
  for (const d of scratchDirs) rmSync(d, { recursive: true, force: true });
});

before(() => {
  sites = [build(join(ROOT, 'site-config.yaml')), build(join(ROOT, 'tests/fixtures/archive/site-config.yaml'))];
  assert.ok(existsSync(join(sites[1], 'doc', 'a-res-62-196.html')), 'the fixture archive built');
});

test('every page passes the Nu HTML Checker', () => {
  const pages = sites.flatMap((s) => walk(s, (n) => n.endsWith('.html')));
  assert.ok(pages.length >= 6, `pages found: ${pages.length}`);
  const good = run('java', ['-jar', VNU, '--errors-only', ...pages]);
  assert.equal(good.status, 0, good.out);
  const bad = brokenCopy(sites[1], 'index.html', (h) => h.replace('<main id="main">', '<main id="main"><p id="main">duplicate id</p>'));
  const broken = run('java', ['-jar', VNU, '--errors-only', join(bad, 'index.html')]);
  assert.notEqual(broken.status, 0, 'vnu reports a broken page');
});

test('linkchecker finds no broken internal link or anchor, from disk', () => {
  const rc = join(scratch('acta-lc-'), 'linkcheckerrc');
  writeFileSync(rc, '[AnchorCheck]\n');  // also check #fragments
  const check = (site) => run('linkchecker', ['-f', rc, '--no-status', pathToFileURL(join(site, 'index.html')).href]);
  for (const site of sites) {
    const r = check(site);
    assert.equal(r.status, 0, r.out);
    assert.match(r.out, /0 warnings found\. 0 errors found\./, r.out);
  }
  const missing = check(brokenCopy(sites[1], 'index.html', (h) => h.replace('href="doc/a-72-152.html"', 'href="doc/gone.html"')));
  assert.notEqual(missing.status, 0, 'a missing page is found');
  const anchor = check(brokenCopy(sites[1], 'doc/a-res-62-196.html', (h) => h.replace('href="#para_1"', 'href="#para_99"')));
  assert.notEqual(anchor.status, 0, 'a missing anchor is found');
});

test('every document JSON validates against schemas/document.schema.json', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'document.schema.json'), 'utf8')));
  const files = sites.flatMap((s) => walk(join(s, 'doc'), (n) => n.endsWith('.json')));
  assert.ok(files.length >= 3, `JSON files found: ${files.length}`);
  for (const f of files) {
    const doc = JSON.parse(readFileSync(f, 'utf8'));
    assert.ok(validate(doc), `${f}: ${ajv.errorsText(validate.errors)}`);
    // Every id a paragraph lists as a footnote exists; every link names a file of the site.
    const ids = new Set(doc.footnotes.map((n) => n.id));
    for (const p of doc.paragraphs) for (const id of p.footnotes ?? []) assert.ok(ids.has(id), `${f}: ${id}`);
    assert.ok(existsSync(join(f, '..', doc.page)), `${f}: page ${doc.page}`);
    assert.ok(existsSync(join(f, '..', doc.akoma_ntoso)), `${f}: ${doc.akoma_ntoso}`);
  }
  const sample = JSON.parse(readFileSync(files[0], 'utf8'));
  delete sample.paragraphs;
  assert.equal(validate(sample), false, 'a document without paragraphs is rejected');
  assert.equal(validate({ ...JSON.parse(readFileSync(files[0], 'utf8')), extra: 1 }), false, 'unknown fields are rejected');
});

test('Akoma Ntoso, sitemap and feed files are well-formed XML', () => {
  const files = sites.flatMap((s) => walk(s, (n) => n.endsWith('.xml')));
  assert.ok(files.some((f) => f.endsWith('.akn.xml')), 'AKN files exist');
  assert.ok(files.some((f) => f.endsWith('sitemap.xml')) && files.some((f) => f.endsWith('feed.xml')));
  const r = run('xmllint', ['--noout', ...files]);
  assert.equal(r.status, 0, r.out);
  for (const f of files.filter((f) => f.endsWith('.akn.xml'))) {
    const x = readFileSync(f, 'utf8');
    assert.match(x, /<akomaNtoso xmlns="http:\/\/docs\.oasis-open\.org\/legaldocml\/ns\/akn\/3\.0">/);
    assert.match(x, /<(statement|doc) name="[^"]+"/);
  }
  const bad = brokenCopy(sites[1], 'doc/a-res-62-196.akn.xml', (x) => x.replace('</mainBody>', ''));
  assert.notEqual(run('xmllint', ['--noout', join(bad, 'doc/a-res-62-196.akn.xml')]).status, 0);
});
