// The key journeys in Firefox and WebKit (Chromium runs them in the Playwright suite).
//   node scripts/engines.js [--no-build]      ENGINES=firefox,webkit selects engines
// Builds the site under BASE_PATH (default /pkce-playground), serves it with `vite preview` on a free
// port, serves a course page that embeds it from a second port, and runs tests/engines/journeys.js in
// each engine with node's test runner. An engine whose browser is missing is skipped with the
// reason, except under CI, where every engine must run.
import { freePort, startPreview } from './preview.js';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { JOURNEYS } from '../tests/engines/journeys.js';
import { firefoxUnavailable, launchFirefox } from '../tests/engines/firefox.js';
import { launchWebKit, webkitReducedMotion, webkitUnavailable } from '../tests/engines/webkit.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const BASE_PATH = process.env.BASE_PATH ?? '/pkce-playground';
const env = { ...process.env, BASE_PATH };

if (!process.argv.includes('--no-build')) {
	const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
		cwd: root,
		env,
		encoding: 'utf8'
	});
	if (build.status !== 0) {
		console.error(build.stdout, build.stderr);
		throw new Error('vite build failed');
	}
}
if (!existsSync(new URL('../build/index.html', import.meta.url))) {
	throw new Error('no build/index.html: run without --no-build');
}

/** @typedef {{ version: string, open: () => Promise<import('../tests/engines/journeys.js').Driver>, close: () => Promise<void> }} Browser */

/** Origins the current journey may send requests to (the host page adds its own). */
let allowed = /** @type {string[]} */ ([]);

const ENGINES = [
	{
		name: 'firefox',
		unavailable: firefoxUnavailable,
		/** @type {(reducedMotion: boolean) => Promise<Browser>} */
		launch: (reducedMotion) => launchFirefox({ reducedMotion, allowed: () => allowed }),
		reducedMotionUnavailable: () => undefined
	},
	{
		name: 'webkit',
		unavailable: webkitUnavailable,
		/** @type {(reducedMotion: boolean) => Promise<Browser>} */
		launch: (reducedMotion) => launchWebKit({ reducedMotion }),
		reducedMotionUnavailable: webkitReducedMotion
	}
].filter(({ name }) => !process.env.ENGINES || process.env.ENGINES.split(',').includes(name));

/** Free ports: vite preview and the host page must not collide with other runs. */
const port = Number(process.env.ENGINES_PORT || (await freePort()));
const base = `http://127.0.0.1:${port}${BASE_PATH}/`;
const origin = new URL(base).origin;
const has = (/** @type {string} */ route) =>
	existsSync(new URL(`../build/${route}index.html`, import.meta.url));

/**
 * The course page around the embed: the documented snippet (tests/embed-host/index.html) when it
 * exists, with a recorder of every message the page receives.
 */
function hostPage() {
	const file = new URL('../tests/embed-host/index.html', import.meta.url);
	const page = existsSync(file)
		? readFileSync(file, 'utf8').replaceAll('http://127.0.0.1:4173/pkce-playground/', base)
		: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>
<iframe data-pkce-playground src="${base}embed/#s256/3" title="PKCE Playground" width="100%" height="720" style="border: 0"></iframe>
<script>
addEventListener('message', (event) => {
	const data = event.data;
	if (data?.type !== 'pkce-playground:height' || data.version !== 1) return;
	for (const frame of document.querySelectorAll('iframe[data-pkce-playground]'))
		if (frame.contentWindow === event.source) frame.style.height = data.height + 'px';
});
</script></body></html>`;
	const recorder = `<script>
window.received = [];
addEventListener('message', (event) => window.received.push({ origin: event.origin, data: event.data }));
</script>`;
	return page.replace(/<head>/i, `<head>${recorder}`);
}

/** @type {import('node:child_process').ChildProcess | undefined} */
let preview;
/** @type {import('node:http').Server | undefined} */
let host;
/** @type {string | undefined} */
let hostUrl;

before(async () => {
	preview = await startPreview({ port, url: base, env, cwd: root });
	if (has('embed/')) {
		const html = hostPage();
		host = createServer((request, response) => {
			if (request.url !== '/') return void response.writeHead(404).end();
			response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
		});
		const hostPort = await freePort();
		await new Promise((resolve) => host?.listen(hostPort, '127.0.0.1', () => resolve(undefined)));
		hostUrl = `http://127.0.0.1:${hostPort}/`;
	}
});

after(async () => {
	preview?.kill();
	await new Promise((resolve) => (host ? host.close(resolve) : resolve(undefined)));
});

for (const engine of ENGINES) {
	const missing = engine.unavailable();
	if (missing) {
		console.log(`engines: ${engine.name} ${process.env.CI ? 'FAILS' : 'SKIPPED'}: ${missing}`);
		if (process.env.CI) {
			it(`${engine.name} is installed (CI runs every engine)`, () => {
				throw new Error(missing);
			});
			continue;
		}
	}
	describe(engine.name, { skip: missing ? `skipped: ${missing}` : false }, () => {
		/** @type {Map<boolean, Promise<Browser>>} */
		const browsers = new Map();
		const browser = (/** @type {boolean} */ reducedMotion) => {
			if (!browsers.has(reducedMotion)) browsers.set(reducedMotion, engine.launch(reducedMotion));
			return /** @type {Promise<Browser>} */ (browsers.get(reducedMotion));
		};

		before(async () => {
			const { version } = await browser(false);
			console.log(`engines: ${engine.name} ${version}`);
		});

		after(async () => {
			// A browser that failed to start has nothing to close (its launcher cleaned up).
			for (const launched of browsers.values()) {
				await launched.then((browser) => browser.close()).catch(() => {});
			}
		});

		for (const journey of JOURNEYS) {
			const skip =
				(journey.needs && !has(journey.needs) && `no /${journey.needs} route in this build`) ||
				(journey.reducedMotion && engine.reducedMotionUnavailable()) ||
				false;
			// The first journey of a browser also launches it: WebKit's launch may wait 20 s for a
			// session that never starts and then try once more (tests/engines/webkit.js).
			it(journey.name, { skip, todo: journey.todo, timeout: 75_000 }, async () => {
				allowed =
					journey.needs === 'embed/' && hostUrl ? [origin, new URL(hostUrl).origin] : [origin];
				const page = await (await browser(!!journey.reducedMotion)).open();
				try {
					await journey.run(page, { base, origin, host: hostUrl, has });
				} finally {
					await page.close();
				}
			});
		}
	});
}
