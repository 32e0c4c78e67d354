import type { Page } from '@playwright/test';
import { expect, hydrated, test } from './fixtures';
import { SCENARIOS } from './playground';
import { ROUTES } from './routes';

/**
 * A randomized interaction test: seeded key presses, clicks, scenario switches, toggles,
 * resizes, back/forward and route changes. The fixture fails on any page or console error; this
 * test also checks that the step on screen always agrees with the URL. Set FUZZ_SEED to replay.
 */
// Chosen here rather than in the title: the title must be the same in every worker process.
const seedOf = () => Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const ACTIONS = Number(process.env.FUZZ_ACTIONS ?? 2000);

function mulberry32(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const KEYS = ['ArrowRight', 'ArrowLeft', 'Home', 'End', 'r', ' ', 'n', 'PageDown', 'PageUp', 'p'];
const SIZES = [
	{ width: 1280, height: 720 },
	{ width: 375, height: 812 },
	{ width: 900, height: 700 }
];

async function onPlayground(page: Page): Promise<boolean> {
	return (await page.locator('section.playground').count()) > 0;
}

/** The step line and the scenario select agree with `#scenario/step` in the URL. */
async function expectInStep(page: Page, seed: number, recent: string[] = []) {
	if (!(await onPlayground(page))) return;
	await expect
		.poll(
			async () => {
				const hash = await page.evaluate(() => location.hash);
				const match = /^#([a-z0-9-]+)\/(\d+)$/.exec(hash);
				const shown = await page.locator('section.playground').getAttribute('data-step');
				const scenario = await page.locator('section.playground').getAttribute('data-scenario');
				// No hash: the playground opens at the first step of its first scenario.
				const [want, step] = match ? [match[1], match[2]] : ['s256', '1'];
				return scenario === want && shown === step ? 'agrees' : `${hash} vs #${scenario}/${shown}`;
			},
			{
				message: `the step shown agrees with the URL (FUZZ_SEED=${seed}); last actions: ${recent.join(', ')}`,
				timeout: 5000
			}
		)
		.toBe('agrees');
}

test(`randomized interaction, ${ACTIONS} actions`, async ({ watched: page }) => {
	test.setTimeout(30 * 60_000);
	const SEED = seedOf();
	console.log(`FUZZ_SEED=${SEED}`);
	test.info().annotations.push({ type: 'seed', description: `FUZZ_SEED=${SEED}` });
	const random = mulberry32(SEED);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
	const routes = ROUTES.filter((route) => !route.startsWith('embed'));
	await page.goto('./#s256/1');
	await hydrated(page);

	// A Back or Forward that Chromium reported aborted can still land a moment later, and then
	// interrupts the next page.goto ("interrupted by another navigation"): the history step won
	// the race. Let it finish, then go where the action meant to go.
	// A navigation Chromium aborts, or one that never leaves the page it starts from (CI,
	// FUZZ_SEED=67484, action 1625: from a handout to the playground, 30 s without a response,
	// the handout still on screen; the same seed passes here), is tried once more.
	const goto = async (url: string) => {
		try {
			await page.goto(url);
		} catch (error) {
			if (!/interrupted by another navigation|ERR_ABORTED|Timeout/.test(String(error))) throw error;
			await page.waitForLoadState('load');
			await page.goto(url);
		}
	};

	const recent: string[] = [];
	const log = (action: string) => {
		recent.push(action);
		if (recent.length > 25) recent.shift();
	};
	for (let i = 0; i < ACTIONS; i++) {
		const roll = random();
		try {
			if (roll < 0.45) {
				const key = pick(KEYS);
				log(`key ${key}`);
				await page.keyboard.press(key);
			} else if (roll < 0.65) {
				// Not the buttons that reach outside the site (Live mode's Connect and Sign in, whose
				// requests to 127.0.0.1 are the reader's own; tests/live.e2e.ts covers them).
				const buttons = page.locator('main button:visible:not([disabled]):not([data-outside])');
				const count = await buttons.count();
				// A click event wherever the button is (under the sticky bar, scrolled away), as a
				// person would reach it by scrolling.
				if (count) {
					// The page may change between count() and the click (a button goes away): then the
					// action simply does nothing, as for a person who clicked where it was.
					const button = buttons.nth(Math.floor(random() * count));
					const name = await button
						.evaluate(
							(el) => el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30),
							null,
							{
								timeout: 1000
							}
						)
						.catch(() => undefined);
					log(`click "${name ?? '(gone)'}"`);
					if (name !== undefined) {
						await button
							.dispatchEvent('click', undefined, { timeout: 1000 })
							.catch(() => undefined);
					}
				}
			} else if (roll < 0.75 && (await onPlayground(page))) {
				const scenario = pick(SCENARIOS);
				log(`select ${scenario}`);
				await page.getByLabel('Scenario').selectOption(scenario);
			} else if (roll < 0.8 && (await onPlayground(page))) {
				const toggle = page.getByLabel('RFC 7636 test vector');
				log('toggle test vector');
				if (await toggle.isVisible()) await toggle.click({ timeout: 2000 });
			} else if (roll < 0.85) {
				const size = pick(SIZES);
				log(`resize ${size.width}`);
				await page.setViewportSize(size);
			} else if (roll < 0.92) {
				const back = random() < 0.5;
				log(back ? 'back' : 'forward');
				// Chromium may abort a history step that lands while the previous page still
				// navigates (net::ERR_ABORTED, a browser race seen with and without this app's
				// changes): then the page stays where it was, which the checks below still hold.
				// Chromium may also answer the history lookup itself with "Not attached to an active
				// page" while the page swaps renderer processes (CI, FUZZ_SEED=139982, action 264; not
				// reproduced with the same seed here): wait for the page that is attaching, then step
				// once more.
				const step = () => (back ? page.goBack() : page.goForward());
				const response = await step()
					.catch(async (error: Error) => {
						if (!/Not attached to an active page/.test(error.message)) throw error;
						await page.waitForLoadState('load');
						return step();
					})
					.catch((error: Error) => {
						if (/ERR_ABORTED/.test(error.message)) return null;
						throw error;
					});
				// Into another page, it loads anew: wait until it is live, as after any page load.
				// (Without the wait, a second Back while the page still starts was seen to end in
				// net::ERR_ABORTED, service worker or not, on this version at f9d1eed too: Chromium
				// and Playwright, not this app.)
				// (No response: the same page, or nothing to go to, or about:blank.)
				if (response) await hydrated(page);
			} else if (roll < 0.96) {
				const hash = `#${pick(SCENARIOS)}/${1 + Math.floor(random() * 12)}`;
				log(`goto ${hash}`);
				await goto(`./${hash}`);
			} else {
				const route = pick(routes);
				log(`goto /${route}`);
				await goto(`./${route}`);
				await hydrated(page);
			}
		} catch (error) {
			throw new Error(`action ${i} failed (FUZZ_SEED=${SEED}): ${String(error)}`, { cause: error });
		}
		if (process.env.FUZZ_DEBUG) {
			const state = await page
				.evaluate(() => {
					const s = document.querySelector('section.playground');
					return `${location.search}${location.hash} shown=${s?.getAttribute('data-scenario')}/${s?.getAttribute('data-step')}`;
				})
				.catch(() => '?');
			console.log(i, recent.at(-1), state);
		}
		if (i % 20 === 19) await expectInStep(page, SEED, recent);
	}
	await expectInStep(page, SEED, recent);
});
