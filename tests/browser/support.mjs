// Shared setup for browser tests: builds the five-seed site once into a temporary folder, serves it from a
// local static server, and launches Debian's Chromium through playwright-core. Every test can run the same
// check from disk (file://) and over HTTP.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, statSync, existsSync, cpSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, extname, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const ACTA = join(ROOT, 'build', 'acta');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.xml': 'application/xml', '.png': 'image/png',
};

// A fresh folder under the system's temporary folder, removed when the test file's process exits, whether
// its tests passed or failed (each test file runs in a process of its own). Set ACTA_KEEP_TMP=1 to keep the
// folders for a look after a run; each kept folder's path is then printed on stderr.
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.on('exit', () => {
    if (process.env.ACTA_KEEP_TMP === '1') process.stderr.write(`ACTA_KEEP_TMP=1: kept ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

// Builds the project's own site-config.yaml and content/ into a fresh folder; returns its path.
export function buildSite({ config = join(ROOT, 'site-config.yaml'), extraConfig = '' } = {}) {
  const out = tempDir('acta-browser-');
  let cfg = config;
  if (extraConfig) {
    cfg = join(out, 'site-config.yaml');
    writeFileSync(cfg, readFileSync(config, 'utf8').replace(/^content:.*$/m, `content: ${join(ROOT, 'content')}`)
      .replace(/^templates:.*$/m, `templates: ${join(ROOT, 'templates')}`) + '\n' + extraConfig);
  }
  execFileSync(ACTA, ['build', '--config', cfg, '--out', join(out, 'site'), '--quiet'], { cwd: ROOT, stdio: 'pipe' });
  return join(out, 'site');
}

// A static file server for `dir` on 127.0.0.1 with an optional Content-Security-Policy header.
export async function serve(dir, { csp } = {}) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let p = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!p.startsWith(root + sep) && p !== root) { res.writeHead(403); res.end(); return; }
    if (existsSync(p) && statSync(p).isDirectory()) p = join(p, 'index.html');
    if (!existsSync(p)) { res.writeHead(404); res.end('not found'); return; }
    const headers = { 'content-type': TYPES[extname(p)] || 'application/octet-stream' };
    if (csp) headers['content-security-policy'] = csp;
    res.writeHead(200, headers);
    res.end(readFileSync(p));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--allow-file-access-from-files'],
  });
}

// The two ways a reader opens the site: from disk and from a web server. `base` ends with '/'.
export async function origins(siteDir) {
  const server = await serve(siteDir);
  return {
    list: [
      { name: 'file', base: pathToFileURL(siteDir).href + '/' },
      { name: 'http', base: server.url },
    ],
    close: server.close,
  };
}

// Collects console errors and failed requests of a page, so a test can assert there were none, and
// answers 4xx/5xx over HTTP. A request cancelled because the test navigated on (net::ERR_ABORTED, e.g.
// the favicon Chromium fetches after load) is not a failure of the site; a missing file is
// net::ERR_FILE_NOT_FOUND from disk and a 404 over HTTP, and both are kept.
export function watchErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('requestfailed', (r) => {
    const why = r.failure()?.errorText ?? '';
    if (why === 'net::ERR_ABORTED') return;
    errors.push(`request failed: ${r.url()} (${why})`);
  });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  return errors;
}

export { cpSync };
