// Makes sure the browser tests have a Chromium: the system's (see chromium.js) or Playwright's.
// Only when neither exists does it download Playwright's, so `npm test` works on any machine.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { systemChromium } from './chromium.js';

const system = systemChromium();
if (system) {
	console.log(`Browser tests use ${system}`);
} else if (existsSync(chromium.executablePath())) {
	console.log(`Browser tests use Playwright's Chromium at ${chromium.executablePath()}`);
} else {
	console.log("No Chromium found: installing Playwright's (set CHROME_PATH to use another).");
	execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
}
