import { chromium } from 'playwright-core';
const [,, url, out, width = '1280', height = '1600', hover = ''] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--allow-file-access-from-files'] });
const p = await b.newPage({ viewport: { width: +width, height: +height } });
await p.goto(url);
if (hover) { await p.hover(hover); await p.waitForTimeout(600); }
else await p.waitForTimeout(800);
await p.screenshot({ path: out });
await b.close();
