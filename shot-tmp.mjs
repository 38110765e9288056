import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
const [name, y] = process.argv.slice(2);
await page.goto('file:///work/wt-raw/public/doc/' + name + '.html');
await page.evaluate((y) => window.scrollTo(0, y === 'end' ? document.body.scrollHeight : Number(y)), y);
await page.screenshot({ path: '/tmp/raw-shots/' + name + '-' + y + '.png' });
await browser.close();
