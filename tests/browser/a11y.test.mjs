// Accessibility and CSP: axe-core finds no serious or critical violation on a document page (popup closed
// and open), and the popups and previews run under Content-Security-Policy default-src 'self' with no
// console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, launch, serve, watchErrors } from './support.mjs';
import { popupSites } from './popup-sites.mjs';

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

let browser, sites;
before(async () => {
  sites = popupSites();
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

test('axe-core: no serious or critical violations on a document page', async (t) => {
  for (const site of sites) {
    await t.test(site.name, async () => {
      const server = await serve(site.dir);
      const pages = [...new Set([site.footnotePages[0], site.linkPages[0], site.annotationPages[0]].filter(Boolean).map((p) => p.path))];
      for (const path of pages) {
        for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
          const page = await browser.newPage({ viewport });
          await page.goto(server.url + path);
          assert.deepEqual(await axe(page), [], `${path} at ${viewport.width}px`);
          const ref = page.locator('a[data-footnote-ref]').first();
          if (await ref.count()) {
            await ref.click();
            await page.waitForSelector('[data-footnote-popup]:not([hidden])');
            assert.deepEqual(await axe(page), [], `${path} at ${viewport.width}px with a popup open`);
          }
          await page.close();
        }
      }
      await server.close();
    });
  }
});

test(`popups and previews run under CSP default-src 'self' without console errors`, async (t) => {
  for (const site of sites) {
    await t.test(site.name, async () => {
      const server = await serve(site.dir, { csp: "default-src 'self'" });
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors = watchErrors(page);
      const p = site.footnotePages[0];
      await page.goto(server.url + p.path);
      await page.hover(`a[data-footnote-ref][href="#${p.refs[0]}"]`);
      await page.waitForSelector('[data-footnote-popup]:not([hidden])');
      await page.mouse.move(2, 2);
      await page.waitForSelector('[data-footnote-popup]', { state: 'hidden' });
      const lp = site.linkPages[0];
      await page.goto(server.url + lp.path);
      await page.locator(`a[href="${lp.links[0]}"]`).first().hover();
      await page.waitForSelector('[data-cite-preview]:not([hidden]) .cite-title');
      assert.deepEqual(errors, []);
      await page.close();
      await server.close();
    });
  }
});
