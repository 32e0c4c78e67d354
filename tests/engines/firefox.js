// Firefox (Debian's firefox-esr) through WebDriver BiDi, driven by puppeteer-core.
// Playwright's experimental `moz-firefox` channel is not used: with @playwright/test 1.65 it sends
// a BiDi command that Firefox ESR 153 lacks (shared/TOOLCHAIN.md); puppeteer-core 25 speaks the
// BiDi that ESR 153 has.
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';

/** @typedef {import('./journeys.js').Driver} Driver */

const CANDIDATES = [
	'/usr/bin/firefox-esr',
	'/usr/bin/firefox',
	'/Applications/Firefox.app/Contents/MacOS/firefox'
];

/** FIREFOX_PATH when set, else Debian's firefox-esr (or another installed Firefox). */
export function firefoxPath() {
	if (process.env.FIREFOX_PATH) return process.env.FIREFOX_PATH;
	return CANDIDATES.find((path) => existsSync(path));
}

/** Why Firefox cannot run here, or undefined when it can. */
export function firefoxUnavailable() {
	const path = firefoxPath();
	if (!path) return "no Firefox: install Debian's firefox-esr (or set FIREFOX_PATH)";
	if (!existsSync(path)) return `FIREFOX_PATH=${path} does not exist`;
	return undefined;
}

/**
 * Starts Firefox headless and off the network. `reducedMotion` sets the system setting the page
 * sees as `prefers-reduced-motion: reduce` (WebDriver cannot emulate media).
 * @param {{ reducedMotion?: boolean, allowed: () => string[] }} options `allowed` names the
 *   origins a request may go to.
 */
export async function launchFirefox({ reducedMotion = false, allowed }) {
	const browser = await puppeteer.launch({
		browser: 'firefox',
		executablePath: firefoxPath(),
		headless: true,
		defaultViewport: { width: 1280, height: 900 },
		extraPrefsFirefox: {
			'ui.prefersReducedMotion': reducedMotion ? 1 : 0,
			'app.update.enabled': false,
			'browser.safebrowsing.malware.enabled': false,
			'browser.safebrowsing.phishing.enabled': false,
			'network.captive-portal-service.enabled': false,
			'network.connectivity-service.enabled': false
		},
		env: {
			...process.env,
			// Firefox refuses every connection that does not go to this machine.
			MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1',
			MOZ_REMOTE_SETTINGS_DEVTOOLS: '1'
		}
	});
	return {
		version: await browser.version(),
		/** @returns {Promise<Driver>} */
		async open() {
			const page = await browser.newPage();
			/** @type {string[]} */
			const problems = [];
			// BiDi reports from the first byte: every frame's errors and requests, the load included.
			page.on('pageerror', (error) =>
				problems.push(`page error: ${error instanceof Error ? error.message : String(error)}`)
			);
			page.on('console', (message) => {
				if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
			});
			page.on('request', (request) => {
				const url = new URL(request.url());
				if (url.protocol !== 'data:' && !allowed().includes(url.origin)) {
					problems.push(`request left the origin: ${request.url()}`);
				}
			});
			return {
				engine: 'firefox',
				async goto(url) {
					// A hash-only change would not load the document again.
					await page.goto('about:blank');
					await page.goto(url);
				},
				evaluate: (fn, ...args) =>
					/** @type {Promise<any>} */ (page.evaluate(/** @type {any} */ (fn), ...args)),
				click: (selector) => page.click(selector),
				press: (key) => page.keyboard.press(key),
				async type(selector, text) {
					await page.$eval(selector, (field) => {
						/** @type {HTMLInputElement} */ (field).value = '';
						field.dispatchEvent(new Event('input', { bubbles: true }));
					});
					await page.type(selector, text);
				},
				problems: async () => problems,
				close: () => page.close()
			};
		},
		close: () => browser.close()
	};
}
