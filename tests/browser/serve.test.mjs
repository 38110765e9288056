// `acta serve`: answers over HTTP, serves nothing outside the output folder, rebuilds when a document
// changes and the open page reloads by itself; a broken document shows as an overlay while the last good
// site stays up, and fixing it reloads the page again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ACTA, launch, watchErrors, tempDir } from './support.mjs';

let dir, server, base, browser, output = '';

// The archive: the Markdown fixtures, the project's templates, written into a fresh folder (removed when the
// process exits).
function makeArchive() {
  const d = tempDir('acta-serve-');
  cpSync(join(ROOT, 'tests/fixtures/archive/content'), join(d, 'content'), { recursive: true });
  cpSync(join(ROOT, 'templates'), join(d, 'templates'), { recursive: true });
  writeFileSync(join(d, 'site-config.yaml'), 'title: 服务测试\nlanguage: zh-Hans\noutput: public\n');
  return d;
}

// Starts `acta serve --port 0` and resolves with its address once it says where it listens.
function startServer(cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(ACTA, ['serve', '--port', '0'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => reject(new Error(`acta serve did not start:\n${output}`)), 30000);
    const onData = (chunk) => {
      output += chunk;
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (m) { clearTimeout(timer); resolve({ child, url: m[1] }); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c) => { output += c; });
    child.on('exit', (code) => reject(new Error(`acta serve exited (${code}):\n${output}`)));
  });
}

// A GET with the path sent exactly as given (fetch would normalise "/../").
function rawGet(url, path) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, body, type: res.headers['content-type'] }));
    });
    req.on('error', reject);
    req.end();
  });
}

before(async () => {
  dir = makeArchive();
  server = await startServer(dir);
  base = server.url;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (server) {
    const exited = new Promise((ok) => server.child.once('exit', ok));
    server.child.kill('SIGTERM');
    await exited;
  }
});

test('serve answers with the site and the reload script, only in what it serves', async () => {
  const index = await rawGet(base, '/');
  assert.equal(index.status, 200);
  assert.match(index.type, /text\/html/);
  assert.match(index.body, /<script src="\/__acta\/reload\.js\?g=\d+" defer><\/script><\/body>/);
  const onDisk = readFileSync(join(dir, 'public', 'index.html'), 'utf8');
  assert.doesNotMatch(onDisk, /__acta/, 'the built files have no reload script');
  const script = await rawGet(base, '/__acta/reload.js');
  assert.equal(script.status, 200);
  assert.match(script.type, /javascript/);
  const css = await rawGet(base, '/assets/style.css');
  assert.equal(css.status, 200);
  assert.match(css.type, /text\/css/);
  const json = await rawGet(base, '/doc/a-res-62-196.json');
  assert.equal(JSON.parse(json.body).metadata.symbol, 'A/RES/62/196');
});

test('serve refuses paths outside the output folder', async () => {
  for (const path of ['/../site-config.yaml', '/%2e%2e/site-config.yaml', '/doc/../../site-config.yaml',
    '/..%2fsite-config.yaml', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/nothing-here.html']) {
    const res = await rawGet(base, path);
    assert.equal(res.status, 404, path);
    assert.doesNotMatch(res.body, /title: 服务测试|root:/, path);
  }
});

test('a content change rebuilds and the open page reloads; a build error shows over the last good page', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
  await page.goto(base + 'doc/a-res-62-196.html');
  assert.equal(await page.textContent('h1.doc-title'), '国际山岳年的后续行动');
  const file = join(dir, 'content', 'res-62-196.md');
  const original = readFileSync(file, 'utf8');

  // Edit the title: the page reloads by itself and shows it.
  let reloaded = page.waitForEvent('load', { timeout: 30000 });
  writeFileSync(file, original.replace('title: 国际山岳年的后续行动', 'title: 改过的标题'));
  await reloaded;
  await page.waitForFunction(() => document.querySelector('h1.doc-title')?.textContent === '改过的标题', null, { timeout: 30000 });
  assert.equal(readFileSync(join(dir, 'public', 'doc', 'a-res-62-196.html'), 'utf8').includes('改过的标题'), true);

  // Break the front matter: an overlay names the file; the page and the site on disk stay as they were.
  writeFileSync(file, original.replace('title: 国际山岳年的后续行动', 'title: [unclosed'));
  const overlay = page.locator('#acta-build-error');
  await overlay.waitFor({ state: 'visible', timeout: 30000 });
  assert.match(await overlay.textContent(), /res-62-196\.md:\d+: error/);
  assert.equal(await page.textContent('h1.doc-title'), '改过的标题');
  assert.equal((await rawGet(base, '/doc/a-res-62-196.html')).status, 200);
  assert.match(output, /res-62-196\.md:\d+: error/, 'the error is printed in the terminal too');

  // Fix it: the page reloads without the overlay.
  reloaded = page.waitForEvent('load', { timeout: 30000 });
  writeFileSync(file, original);
  await reloaded;
  await page.waitForFunction(() => document.querySelector('h1.doc-title')?.textContent === '国际山岳年的后续行动', null, { timeout: 30000 });
  assert.equal(await overlay.count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a template change rebuilds too', async () => {
  const page = await browser.newPage();
  await page.goto(base + 'index.html');
  const file = join(dir, 'templates', 'index.mustache');
  const reloaded = page.waitForEvent('load', { timeout: 30000 });
  writeFileSync(file, readFileSync(file, 'utf8') + '<p id="added-by-test">新模板</p>\n');
  await reloaded;
  await page.locator('#added-by-test').waitFor({ timeout: 30000 });
  await page.close();
});
