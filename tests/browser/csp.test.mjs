// Every page of the five-seed site under `Content-Security-Policy: default-src 'self'`: no console error,
// no CSP violation, no failed request, and nothing loaded from another host.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSite, launch, serve } from './support.mjs';

let browser, site, server;
before(async () => {
  site = buildSite();
  browser = await launch();
  server = await serve(site, { csp: "default-src 'self'" });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

function htmlFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...htmlFiles(p));
    else if (name.endsWith('.html')) out.push(relative(site, p));
  }
  return out.sort();
}

test("every page loads under default-src 'self' with no errors", async () => {
  const pages = htmlFiles(site);
  assert.ok(pages.length >= 10, `the site has its pages (${pages.length})`);
  const context = await browser.newContext();
  for (const path of pages) {
    const page = await context.newPage();
    const problems = [];
    const origin = new URL(server.url).host;
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`error: ${e}`));
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.protocol.startsWith('http') && u.host !== origin) problems.push(`other host: ${r.url()}`);
    });
    page.on('requestfailed', (r) => {
      if (!r.url().endsWith('/favicon.ico')) problems.push(`failed: ${r.url()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    const query = path === 'search.html' ? '?q=%E5%86%B0%E5%B7%9D' : '';
    await page.goto(server.url + path + query, { waitUntil: 'load' });
    await page.waitForTimeout(150);
    // Hover the first footnote reference and citation link, so popups and previews run too.
    for (const sel of ['a[data-footnote-ref]', 'a.cite-archive']) {
      const el = page.locator(sel).first();
      if (await el.count()) { await el.hover(); await page.waitForTimeout(150); }
    }
    assert.deepEqual(problems, [], path);
    await page.close();
  }
  await context.close();
});
