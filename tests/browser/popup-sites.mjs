// A small Markdown archive for the popup, preview and annotation tests: two documents that link to each
// other (in the text and inside a footnote), several footnotes (one label used twice, a "*" mark), and a
// sidecar with editorial annotations. Built with the real binary and the project's templates.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ACTA, ROOT, buildSite, tempDir } from './support.mjs';

export const FIXTURE = {
  citing: 'doc/a-res-80-1.html',
  cited: 'doc/a-res-62-196.html',
  footnotes: {
    fn_1: '第 53/24 号决议。',
    fn_2: 'A/62/292，第 15 段。见第 62/196 号决议。',
    fn_star: '因技术原因重新印发。',
  },
  annotation: { anchor: 'para_2', text: '本段首次提出山区伙伴关系' },
  citedTitle: '山区可持续发展',
  citedSymbol: 'A/RES/62/196',
  citedPara: { id: 'para_2', text: '鼓励各国政府制订山区发展战略' },
};

const CITED = `---
symbol: A/RES/62/196
title: 山区可持续发展
body: 大会
date: 2007-12-19
---

大会，

回顾其 1998 年 11 月 10 日第 53/24 号决议，

1. 注意到秘书长的报告；

2. 鼓励各国政府制订山区发展战略，加强国际合作，并支持山区伙伴关系的工作；

3. 决定继续审议。
`;

const filler = '各国应当加强合作，支持山区社区的可持续发展，保护山区生态系统和生物多样性，并促进山区人民的福祉。'.repeat(3);

const CITING = `---
symbol: A/RES/80/1
title: 山区可持续发展：后续行动
body: 大会
date: 2025-12-15
---

大会，

回顾其第 53/24 号决议[^1]以及[第 62/196 号决议](a-res-62-196.html)，

注意到秘书长的报告[^2]，${filler}

1. 重申[第 62/196 号决议第 2 段](../doc/a-res-62-196.html#para_2)的各项承诺[^1]；

2. 鼓励会员国加强山区伙伴关系[^*]，${filler}

3. 请秘书长提出报告[^long]。

${Array.from({ length: 12 }, (_, i) => `${i + 4}. ${filler}`).join('\n\n')}

16. 决定继续审议[^2]。

[^1]: 第 53/24 号决议。
[^2]: A/62/292，第 15 段。见[第 62/196 号决议](../doc/a-res-62-196.html#para_1)。
[^*]: 因技术原因重新印发。
[^long]: ${'本脚注很长，用来检查弹出框不会超出屏幕。'.repeat(40)}
`;

const SIDECAR = `annotations:
  - anchor: para_2
    note: 本段首次提出山区伙伴关系，参见[第 62/196 号决议](../doc/a-res-62-196.html#para_2)。
    author: 编辑部
    date: 2026-01-10
`;

// Builds the fixture archive in a temporary folder (removed when the process exits); returns the site folder.
export function buildFixtureSite() {
  const dir = tempDir('acta-fixture-');
  mkdirSync(join(dir, 'content'));
  writeFileSync(join(dir, 'content', 'cited.md'), CITED);
  writeFileSync(join(dir, 'content', 'citing.md'), CITING);
  writeFileSync(join(dir, 'content', 'citing.yaml'), SIDECAR);
  writeFileSync(join(dir, 'site-config.yaml'),
    `title: 测试档案\nlanguage: zh-Hans\noutput: public\ntemplates: ${join(ROOT, 'templates')}\n`);
  execFileSync(ACTA, ['build', '--config', join(dir, 'site-config.yaml'), '--quiet'], { cwd: dir, stdio: 'pipe' });
  return join(dir, 'public');
}

// The sites the popup tests run on: the fixture, and the project's own content (the seeds) when it yields
// document pages with footnotes. For each, the pages that have what a test needs, found by reading the
// built HTML rather than known in advance, so the same tests hold for documents not seen before.
export function popupSites() {
  const list = [{ name: 'fixture', dir: buildFixtureSite(), fixture: true }];
  let seeds = null;
  try { seeds = buildSite(); } catch (e) { seeds = null; }
  if (seeds && survey(seeds).footnotePages.length) list.push({ name: 'seeds', dir: seeds, fixture: false });
  for (const s of list) Object.assign(s, survey(s.dir));
  return list;
}

// Pages of a built site by what they hold: footnote references, links to other document pages, editorial
// annotations. Each entry: { path, refs: [footnote ids], links: [hrefs], annotations: [anchor ids] }.
export function survey(dir) {
  const docDir = join(dir, 'doc');
  const pages = existsSync(docDir) ? readdirSync(docDir).filter((f) => f.endsWith('.html')).sort() : [];
  const info = pages.map((f) => {
    const html = readFileSync(join(docDir, f), 'utf8');
    const refs = [...new Set([...html.matchAll(/<a [^>]*href="#([^"]+)"[^>]*data-footnote-ref/g)].map((m) => m[1]))];
    const links = [...html.matchAll(/<a [^>]*href="((?:\.\.\/doc\/)?[^"/:#]+\.html(?:#[^"]*)?)"/g)].map((m) => m[1])
      .filter((h) => h.replace(/^\.\.\/doc\//, '').split('#')[0] !== f);
    const annotations = [...html.matchAll(/<p id="([^"]+)"[^>]*>(?:(?!<\/p>).)*<\/p>\s*<aside class="annotations"/gs)].map((m) => m[1]);
    return { path: 'doc/' + f, refs, links, annotations };
  });
  return {
    footnotePages: info.filter((p) => p.refs.length).sort((a, b) => b.refs.length - a.refs.length),
    linkPages: info.filter((p) => p.links.length),
    annotationPages: info.filter((p) => p.annotations.length),
  };
}
