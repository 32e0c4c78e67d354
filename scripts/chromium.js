// Which Chromium the browser tests drive. Shared by playwright.config.ts and ensure-browser.js.
import { existsSync } from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * CHROME_PATH when set, else Debian's chromium package when installed, else undefined
 * (Playwright's own downloaded Chromium).
 * @returns {string | undefined}
 */
export function systemChromium() {
	const fromEnv = process.env.CHROME_PATH;
	if (fromEnv) {
		if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH=${fromEnv} does not exist`);
		return fromEnv;
	}
	return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}

/** Flags that keep Chromium quiet and offline (and working as root in a container). */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	// workshop.test is a LAN-like name for 127.0.0.1 (plain http, not a secure context);
	// everything else is unreachable, so nothing can leave the machine.
	'--host-resolver-rules=MAP workshop.test 127.0.0.1 , MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'
];
