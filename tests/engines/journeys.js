// The key journeys, described once and run in every engine (Firefox and WebKit; Chromium runs the
// Playwright suite). A journey sees only the small driver below, which each engine implements
// (tests/engines/firefox.js, tests/engines/webkit.js). Run by scripts/engines.js.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

/**
 * What a journey may do with a browser page. Deliberately small: every engine can do it through
 * plain WebDriver, which can neither intercept requests nor emulate media.
 * @typedef {object} Driver
 * @property {string} engine "firefox" or "webkit"
 * @property {(url: string) => Promise<void>} goto A cold load: a fresh document, even when only the hash differs.
 * @property {<A extends unknown[], R>(fn: (...args: A) => R, ...args: A) => Promise<Awaited<R>>} evaluate
 *   Runs `fn` in the page (it is serialized: no closures over Node values) and awaits its result.
 * @property {(selector: string) => Promise<void>} click A real pointer click on the first match.
 * @property {(key: Key) => Promise<void>} press A real key press, sent to the focused element.
 * @property {(selector: string, text: string) => Promise<void>} type Real key presses into a field.
 * @property {() => Promise<string[]>} problems What the engine itself saw go wrong (page errors,
 *   console errors, requests off the allowed origins) when it can watch from the first byte
 *   (Firefox over WebDriver BiDi); `[]` where it cannot (WebKit over classic WebDriver).
 * @property {() => Promise<void>} close
 */

/** @typedef {'ArrowRight' | 'ArrowLeft' | 'Home' | 'End'} Key */

/**
 * Where the site under test lives.
 * @typedef {object} Site
 * @property {string} base The playground's URL, with the base path and a trailing slash.
 * @property {string} origin
 * @property {string | undefined} host A page on another origin that embeds /embed/ (when it exists).
 * @property {(route: string) => boolean} has Whether the build has this route (`workbench/`).
 */

/**
 * One journey. `needs` names a route that must exist in the build; `reducedMotion` asks for a
 * browser whose system setting prefers reduced motion.
 * @typedef {object} Journey
 * @property {string} name
 * @property {string} [needs]
 * @property {boolean} [reducedMotion]
 * @property {string} [todo] A known product bug: the journey runs, and its failure is reported
 *   without failing the run.
 * @property {(page: Driver, site: Site) => Promise<void>} run
 */

/** SHA-256, base64url, computed in Node: the engine's WebCrypto is what is under test. */
export const s256 = (/** @type {string} */ verifier) =>
	createHash('sha256').update(verifier, 'utf8').digest('base64url');

/**
 * Polls `fn` in the page until it returns something truthy, and returns that.
 * @template {unknown[]} A
 * @template R
 * @param {Driver} page
 * @param {string | { what: string, timeout: number }} awaited What is awaited, for the failure
 *   message (and how long to wait for it, 10 s unless said).
 * @param {(...args: A) => R} fn
 * @param {A} args
 * @returns {Promise<NonNullable<Awaited<R>>>}
 */
export async function waitFor(page, awaited, fn, ...args) {
	const { what, timeout } =
		typeof awaited === 'string' ? { what: awaited, timeout: 10_000 } : awaited;
	const deadline = Date.now() + timeout;
	/** @type {unknown} */
	let last;
	for (;;) {
		try {
			last = await page.evaluate(fn, ...args);
			if (last) return /** @type {NonNullable<Awaited<R>>} */ (last);
		} catch (error) {
			last = error;
		}
		if (Date.now() > deadline) {
			throw new Error(`${page.engine}: timed out waiting for ${what} (last: ${String(last)})`);
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/** The text of the first match, or null. */
export const text = (/** @type {Driver} */ page, /** @type {string} */ selector) =>
	page.evaluate((s) => document.querySelector(s)?.textContent?.trim() ?? null, selector);

/** An attribute of the first match, or null. */
export const attr = (
	/** @type {Driver} */ page,
	/** @type {string} */ selector,
	/** @type {string} */ name
) => page.evaluate((s, n) => document.querySelector(s)?.getAttribute(n) ?? null, selector, name);

/**
 * Listens, inside the page, for what classic WebDriver cannot report: uncaught errors, rejected
 * promises, console.error and CSP violations (the site's policy blocks any request off its origin
 * but to http://127.0.0.1:*, Live mode's lab, and reports each attempt as a
 * `securitypolicyviolation` event; a request to the lab, which no journey connects to, is still
 * caught by collectWatch's resource timing check). Idempotent per document.
 */
function installWatch() {
	const w = /** @type {any} */ (window);
	if (w.__enginesWatch) return;
	/** @type {string[]} */
	const seen = (w.__enginesWatch = []);
	performance.setResourceTimingBufferSize(10_000);
	addEventListener('error', (e) => seen.push(`page error: ${e.message}`));
	addEventListener('unhandledrejection', (e) => seen.push(`unhandled rejection: ${e.reason}`));
	document.addEventListener('securitypolicyviolation', (e) =>
		seen.push(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)
	);
	const error = console.error;
	console.error = (...parts) => {
		seen.push(`console error: ${parts.join(' ')}`);
		error.apply(console, parts);
	};
}

/**
 * Everything the page watch saw, plus every request in the document's resource timing (which is
 * buffered from the first byte, so it covers the load too) whose origin is not allowed.
 * @param {string[]} allowed
 */
function collectWatch(allowed) {
	const seen = /** @type {string[]} */ (/** @type {any} */ (window).__enginesWatch ?? []);
	const requests = [
		...performance.getEntriesByType('navigation'),
		...performance.getEntriesByType('resource')
	].map((entry) => entry.name);
	const offOrigin = requests.filter(
		(url) => !url.startsWith('data:') && !allowed.includes(new URL(url).origin)
	);
	return {
		problems: [...seen, ...offOrigin.map((url) => `request left the origin: ${url}`)],
		requests: requests.length
	};
}

/**
 * Opens `url` cold, starts the in-page watch, and waits for hydration and the live values.
 * @param {Driver} page
 * @param {string} url
 * @param {{ live?: boolean }} [options]
 */
export async function open(page, url, { live = true } = {}) {
	await page.goto(url);
	await page.evaluate(installWatch);
	// A click before SvelteKit hydrates does nothing; prerendered markup proves nothing.
	await waitFor(page, 'hydration', () => document.documentElement.dataset.hydrated === 'true');
	if (live) {
		await waitFor(
			page,
			'live values',
			() => document.querySelector('.source')?.getAttribute('data-live') === 'true'
		);
	}
}

/**
 * Fails with every problem the engine and the page watch saw on the current document.
 * @param {Driver} page
 * @param {string[]} allowed Origins requests may go to.
 */
export async function expectClean(page, allowed) {
	const fromPage = await page.evaluate(collectWatch, allowed);
	assert.ok(fromPage.requests > 0, 'resource timing lists the document itself at least');
	assert.deepEqual(
		[...(await page.problems()), ...fromPage.problems],
		[],
		'page errors, console errors, CSP violations or requests off the origin'
	);
}

/** "Step N of M" as numbers. */
async function progress(/** @type {Driver} */ page) {
	const line = (await text(page, 'p.progress')) ?? '';
	const match = /^Step (\d+) of (\d+)$/.exec(line);
	assert.ok(match, `the step line reads "Step N of M", not ${JSON.stringify(line)}`);
	return { n: Number(match[1]), m: Number(match[2]) };
}

/**
 * Waits until step `n` is on screen whole: the step line says it (painted with the key press) and
 * the diagram and panels have followed (the playground is no longer `aria-busy`).
 * @param {Driver} page
 * @param {number} n
 */
const onStep = (page, n) =>
	waitFor(
		page,
		`step ${n}`,
		(n) =>
			document.querySelector('section.playground')?.getAttribute('aria-busy') !== 'true' &&
			new RegExp(`^Step ${n} of \\d+$`).test(
				document.querySelector('p.progress')?.textContent?.trim() ?? ''
			),
		n
	);

/** Moves the focus to the document body, where the playground's shortcuts listen. */
const focusBody = (/** @type {Driver} */ page) =>
	page.evaluate(() => {
		if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
		return document.activeElement === document.body;
	});

/** The current step's data attributes and its last HTTP message (a response, when it has one). */
const detail = (/** @type {Driver} */ page) =>
	page.evaluate(() => {
		const article = document.querySelector('article.detail');
		if (!(article instanceof HTMLElement)) return null;
		const figures = article.querySelectorAll('figure.http');
		const last = figures[figures.length - 1];
		return {
			from: article.dataset.from,
			to: article.dataset.to,
			outcome: article.dataset.outcome,
			http: last?.textContent ?? '',
			body: last?.querySelector('pre')?.textContent ?? ''
		};
	});

/** @param {Driver} page */
const runningAnimations = (page) =>
	page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length);

/**
 * With motion allowed: from step `from`, one key press reaches step `to` and draws its message
 * (a running animation).
 * @param {Driver} page
 * @param {Site} site
 * @param {number} from
 * @param {Key} key
 * @param {number} to
 */
async function stepDrawsMessage(page, site, from, key, to) {
	await open(page, `${site.base}#s256/${from}`);
	await focusBody(page);
	await page.press(key);
	await onStep(page, to);
	await waitFor(page, { what: 'a running animation', timeout: 2000 }, () =>
		document.getAnimations().some((a) => a.playState === 'running')
	);
	await expectClean(page, [site.origin]);
}

/** @type {Journey[]} */
export const JOURNEYS = [
	{
		name: 'the playground loads with no page errors and no request off its origin',
		async run(page, site) {
			await open(page, site.base);
			const policy = await page.evaluate(
				() =>
					document
						.querySelector('meta[http-equiv="content-security-policy"]')
						?.getAttribute('content') ?? ''
			);
			// The policy is what turns an off-origin request into an observable violation.
			assert.match(policy, /default-src 'self'/);
			assert.match(policy, /connect-src 'self'/);
			// Let late work (the service worker, lazy chunks) happen before looking.
			await new Promise((resolve) => setTimeout(resolve, 500));
			await expectClean(page, [site.origin]);
		}
	},
	{
		name: 'the live code_challenge is SHA-256 of the live code_verifier at every step',
		async run(page, site) {
			await open(page, site.base);
			const { m } = await progress(page);
			await focusBody(page);
			let checked = 0;
			for (let n = 1; n <= m; n++) {
				await onStep(page, n);
				const verifier = await text(page, 'output#value-code_verifier');
				const challenge = await text(page, 'output#value-code_challenge');
				if (
					verifier &&
					challenge &&
					verifier !== 'not issued yet' &&
					challenge !== 'not issued yet'
				) {
					assert.match(verifier, /^[A-Za-z0-9\-._~]{43,128}$/);
					assert.notEqual(
						verifier,
						'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
						'fresh, not the RFC example'
					);
					assert.equal(challenge, s256(verifier), `step ${n}`);
					checked++;
				}
				if (n < m) await page.press('ArrowRight');
			}
			assert.ok(checked > 0, 'some step shows both values');
			await expectClean(page, [site.origin]);
		}
	},
	{
		name: 's256 walks to its end by keyboard; the attacker gets invalid_grant',
		async run(page, site) {
			await open(page, `${site.base}#s256/1`);
			const { n: first, m } = await progress(page);
			assert.equal(first, 1);
			assert.ok(await focusBody(page), 'the focus is on the document body');
			/** @type {string[]} */
			const attackerErrors = [];
			for (let n = 1; n < m; n++) {
				await page.press('ArrowRight');
				await onStep(page, n + 1);
				const step = await detail(page);
				if (step?.from === 'attacker' && step.to === 'as') {
					attackerErrors.push(JSON.parse(step.body.slice(step.body.indexOf('{'))).error);
				}
			}
			assert.ok(attackerErrors.length > 0, 'the attacker tries to redeem the code');
			assert.deepEqual([...new Set(attackerErrors)], ['invalid_grant']);
			const last = await detail(page);
			assert.equal(last?.to, 'mcp');
			assert.equal(last?.outcome, 'ok');
			assert.match(last?.http ?? '', /200 OK/);
			assert.match(
				(await page.evaluate(() => location.hash)) ?? '',
				new RegExp(`^#s256/${m}$`),
				'the address follows the step'
			);
			await page.press('Home');
			await onStep(page, 1);
			await page.press('End');
			await onStep(page, m);
			await expectClean(page, [site.origin]);
		}
	},
	{
		name: 'no-pkce: a deep link to step 8 shows the attacker call the MCP server as the user',
		async run(page, site) {
			await open(page, `${site.base}#no-pkce/8`);
			await onStep(page, 8);
			const step = await detail(page);
			assert.equal(step?.from, 'attacker');
			assert.equal(step?.to, 'mcp');
			assert.equal(step?.outcome, 'attacker-wins');
			assert.match(step?.http ?? '', /200 OK/);
			assert.equal(
				await page.evaluate(
					() =>
						/** @type {HTMLSelectElement | null} */ (document.querySelector('.picker select'))
							?.value
				),
				'no-pkce'
			);
			await expectClean(page, [site.origin]);
		}
	},
	{
		name: 'refresh-replay: the client’s second use of a refresh token revokes the grant, and the attacker is cut off',
		async run(page, site) {
			await open(page, `${site.base}#refresh-replay/12`);
			await onStep(page, 12);
			const replay = await detail(page);
			assert.equal(replay?.from, 'client');
			assert.equal(replay?.to, 'as');
			assert.equal(replay?.outcome, 'rejected');
			assert.match(replay?.body ?? '', /"error": "invalid_grant"/);
			await page.click('button[aria-label="Next step"]');
			await onStep(page, 13);
			const revoked = await detail(page);
			assert.equal(revoked?.from, 'attacker');
			assert.equal(revoked?.outcome, 'attacker-fails');
			assert.match(revoked?.http ?? '', /401 Unauthorized/);
			await expectClean(page, [site.origin]);
		}
	},
	{
		name: 'the MCP revision in the address (?mcp=2025-11-25): step-up loses notes:read, and the switch shows it',
		async run(page, site) {
			await open(page, `${site.base}?mcp=2025-11-25#step-up/9`);
			await onStep(page, 9);
			const lost = await detail(page);
			assert.equal(lost?.from, 'client');
			assert.equal(lost?.to, 'mcp');
			assert.match(lost?.http ?? '', /scope="notes:read"/);
			await waitFor(
				page,
				'the revision switch set to 2025-11-25',
				() =>
					/** @type {HTMLSelectElement | null} */ (
						document.querySelector('select[aria-label="MCP revision the client follows"]')
					)?.value === '2025-11-25'
			);
			await expectClean(page, [site.origin]);
		}
	},
	{
		name: 'a deep link (#replay/4) opens its step cold, and Next moves on from there',
		async run(page, site) {
			await open(page, `${site.base}#replay/4`);
			await onStep(page, 4);
			const id = await attr(page, 'article.detail', 'data-step-id');
			assert.ok(id, 'the step has an id');
			await page.click('button[aria-label="Next step"]');
			await onStep(page, 5);
			await waitFor(page, 'the address #replay/5', () => location.hash === '#replay/5');
			assert.notEqual(await attr(page, 'article.detail', 'data-step-id'), id);
			await expectClean(page, [site.origin]);
		}
	},
	{
		name: 'reduced motion (system setting): no animation runs after a step change',
		reducedMotion: true,
		async run(page, site) {
			await open(page, `${site.base}#s256/1`);
			assert.equal(
				await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches),
				true,
				'the engine reports the system setting'
			);
			await focusBody(page);
			await page.press('ArrowRight');
			await onStep(page, 2);
			assert.equal(await runningAnimations(page), 0, 'running animations after a step change');
			await page.press('ArrowLeft');
			await onStep(page, 1);
			assert.equal(await runningAnimations(page), 0, 'running animations after a step back');
			await expectClean(page, [site.origin]);
		}
	},
	{
		// The control for the journey above: with motion allowed, the same check sees animations.
		name: 'with motion allowed, a step back draws the message again (the reduced-motion control)',
		run: (page, site) => stepDrawsMessage(page, site, 3, 'ArrowLeft', 2)
	},
	{
		name: 'with motion allowed, a step forward draws the new message',
		run: (page, site) => stepDrawsMessage(page, site, 2, 'ArrowRight', 3)
	},
	{
		name: 'the workbench explains a too-short verifier and an illegal character',
		needs: 'workbench/',
		async run(page, site) {
			await open(page, `${site.base}workbench/`, { live: false });
			const message = '[data-testid="verifier-message"]';
			await page.type('#verifier-input', 'abc');
			await waitFor(
				page,
				'the too-short message',
				(s) =>
					/^Too short by 40 characters: 3 of at least 43\.$/.test(
						document.querySelector(s)?.textContent?.trim() ?? ''
					),
				message
			);
			await page.type('#verifier-input', 'abc+def');
			await waitFor(
				page,
				'the illegal-character message',
				(s) =>
					/^The character '\+' .*at position 4 is not allowed/.test(
						document.querySelector(s)?.textContent?.trim() ?? ''
					),
				message
			);
			// The challenge of whatever was typed, hashed by the engine's WebCrypto.
			await waitFor(
				page,
				'the S256 challenge of "abc+def"',
				(s) => document.querySelector('[data-testid="challenge-s256"]')?.textContent?.trim() === s,
				s256('abc+def')
			);
			await expectClean(page, [site.origin]);
		}
	},
	{
		name: 'the embed reports its height to the page around it, which sizes the iframe',
		needs: 'embed/',
		async run(page, site) {
			assert.ok(site.host, 'a host page on another origin');
			const hostOrigin = new URL(site.host).origin;
			assert.notEqual(hostOrigin, site.origin);
			await page.goto(site.host);
			await page.evaluate(installWatch);
			const first = await waitFor(page, 'a height message from the embed', () => {
				const w = /** @type {any} */ (window);
				return w.received?.length ? w.received[w.received.length - 1].data.height : 0;
			});
			/** @type {{ origin: string, data: Record<string, unknown> }[]} */
			const received = await page.evaluate(() => /** @type {any} */ (window).received);
			for (const { origin, data } of received) {
				assert.equal(origin, site.origin, 'only the embed posts, from its own origin');
				assert.deepEqual(Object.keys(data).sort(), ['height', 'type', 'version']);
				assert.equal(data.type, 'pkce-playground:height');
				assert.equal(data.version, 1);
				assert.ok(Number.isInteger(data.height) && Number(data.height) > 0, 'a whole pixel height');
			}
			assert.ok(first > 300, `a plausible height (${first}px)`);
			// The documented host snippet sizes the frame to the last height posted.
			await waitFor(page, 'the iframe sized to the last height', () => {
				const w = /** @type {any} */ (window);
				const last = w.received[w.received.length - 1].data.height;
				const frame = document.querySelector('iframe[data-pkce-playground]');
				return frame && Math.round(frame.getBoundingClientRect().height) === last;
			});
			// A phone-width frame wraps its content: a taller height arrives and the frame follows.
			await page.evaluate(() => {
				const frame = document.querySelector('iframe[data-pkce-playground]');
				if (frame instanceof HTMLElement) frame.style.width = '375px';
			});
			await waitFor(
				page,
				'a taller height at 375px',
				(first) => {
					const w = /** @type {any} */ (window);
					const last = w.received[w.received.length - 1].data.height;
					const frame = document.querySelector('iframe[data-pkce-playground]');
					return last > first && frame && Math.round(frame.getBoundingClientRect().height) === last;
				},
				first
			);
			await expectClean(page, [hostOrigin, site.origin]);
		}
	}
];
