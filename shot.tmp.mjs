import { chromium } from '@playwright/test';
const [,, url, out, w='1280', h='720', scheme='light', full='0', motion='no-preference'] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: +w, height: +h }, colorScheme: scheme, reducedMotion: motion });
await p.goto(url); await p.waitForTimeout(1200);
const sel = process.env.SEL; if (sel) await p.locator(sel).scrollIntoViewIfNeeded();
await p.screenshot({ path: out, fullPage: full === '1' });
await b.close();
