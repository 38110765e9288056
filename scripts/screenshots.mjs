#!/usr/bin/env node
// Takes the README's screenshots with Debian's Chromium: the home page (document list, timeline, citation
// graph), a document page, and the search page when the site has one (search.html?q=山区).
// Usage: node scripts/screenshots.mjs [OUT_DIR]   (default docs/screenshots; builds the project's site first)
import { mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, buildSite, launch } from '../tests/browser/support.mjs';

const out = process.argv[2] ?? join(ROOT, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const site = buildSite();
const base = pathToFileURL(site).href + '/';
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });
await page.goto(base + 'index.html');
await page.screenshot({ path: join(out, 'home.png'), fullPage: true });
const first = await page.getAttribute('.doc-list a', 'href');
await page.goto(new URL(first, base).href);
await page.screenshot({ path: join(out, 'document.png') });
if (existsSync(join(site, 'search.html'))) {
  await page.goto(base + 'search.html?q=' + encodeURIComponent('山区'));
  await page.waitForTimeout(1000);
  await page.screenshot({ path: join(out, 'search.png') });
}
await browser.close();
console.log(`screenshots in ${out}`);
