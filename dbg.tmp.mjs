import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 375, height: 812 } });
await p.goto(process.argv[2]); await p.waitForTimeout(1200);
console.log(await p.evaluate(() => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.right > 376 && !el.closest('pre')) out.push(`${el.tagName}.${el.className} ${Math.round(r.right)}`);
  }
  return out.slice(0, 15).join('\n');
}));
await b.close();
