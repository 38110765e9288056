// Editorial annotations from sidecar files, in Chromium: shown at their paragraph (beside it on a wide
// screen, under it on a narrow one), and visibly not the document's own footnotes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, origins } from './support.mjs';
import { popupSites, FIXTURE } from './popup-sites.mjs';

let browser, sites;
before(async () => {
  sites = popupSites();
  for (const s of sites) s.where = await origins(s.dir);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const s of sites ?? []) await s.where?.close();
});

for (const origin of ['file', 'http']) {
  test(`an annotation is visible at its paragraph (${origin})`, async (t) => {
    for (const site of sites) {
      await t.test(site.name, async () => {
        assert.ok(site.annotationPages.length, 'the site has an annotated page');
        const { base } = site.where.list.find((o) => o.name === origin);
        const p = site.annotationPages[0];
        const anchor = p.annotations[0];
        const note = `[id="${anchor}"] + .annotations`;
        for (const [width, layout] of [[1280, 'beside'], [390, 'under']]) {
          const page = await browser.newPage({ viewport: { width, height: 900 } });
          await page.goto(base + p.path);
          await page.locator(note).scrollIntoViewIfNeeded();
          assert.ok(await page.locator(note).isVisible(), 'the note is shown');
          const para = await page.locator(`[id="${anchor}"]`).boundingBox();
          const box = await page.locator(note).boundingBox();
          assert.ok(box.x >= 0 && box.x + box.width <= width, `the note fits the ${width}px viewport`);
          if (layout === 'beside') {
            assert.ok(box.x >= para.x + para.width, `beside: note ${JSON.stringify(box)} right of paragraph ${JSON.stringify(para)}`);
            assert.ok(box.y >= para.y - 1 && box.y < para.y + para.height, 'beside: level with its paragraph');
          } else {
            assert.ok(box.y >= para.y + para.height - 1, 'under: below its paragraph');
            assert.ok(Math.abs(box.x - para.x) < 40, 'under: aligned with its paragraph');
          }
          if (site.fixture) assert.match(await page.textContent(note), new RegExp(FIXTURE.annotation.text));
          assert.match(await page.textContent(`${note} .annotation-label`), /编者注/);
          // Distinct from footnotes: its own background and border.
          const [noteBg, fnBg] = await page.evaluate((sel) => [
            getComputedStyle(document.querySelector(sel + ' .annotation')).backgroundColor,
            getComputedStyle(document.querySelector('.footnotes') || document.body).backgroundColor,
          ], note);
          assert.notEqual(noteBg, fnBg);
          await page.close();
        }
      });
    }
  });
}
