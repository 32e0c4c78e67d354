// WebKit (the engine of Safari) through classic WebDriver, driven by selenium-webdriver.
// On Linux: Debian's webkit2gtk-driver (WebKitWebDriver, which starts MiniBrowser) under Xvfb.
// On macOS: Safari's own safaridriver (enable it once with `safaridriver --enable`).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, By, Key } from 'selenium-webdriver';

/** @typedef {import('./journeys.js').Driver} Driver */

const MAC = process.platform === 'darwin';
const DRIVER =
	process.env.WEBKIT_DRIVER ?? (MAC ? '/usr/bin/safaridriver' : '/usr/bin/WebKitWebDriver');

/** Why WebKit cannot run here, or undefined when it can. */
export function webkitUnavailable() {
	if (!existsSync(DRIVER)) {
		return `no ${DRIVER}: install Debian's webkit2gtk-driver (or set WEBKIT_DRIVER)`;
	}
	if (!MAC && !process.env.DISPLAY && !onPath('Xvfb')) {
		return 'no display: install xvfb (WebKitGTK has no headless mode), or set DISPLAY';
	}
	return undefined;
}

/** Whether WebKit can honour a reduced-motion system setting here. */
export const webkitReducedMotion = () =>
	MAC
		? 'Safari takes reduced motion from macOS settings, which this run does not change'
		: undefined;

/** @param {string} name */
function onPath(name) {
	return (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, name)));
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/**
 * Starts a private X server and resolves its display (":N"), unless DISPLAY is set already.
 * @returns {Promise<{ display: string | undefined, stop: () => void }>}
 */
async function startDisplay() {
	if (MAC || process.env.DISPLAY) return { display: process.env.DISPLAY, stop: () => {} };
	const xvfb = spawn(
		'Xvfb',
		['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '1280x1024x24'],
		{
			stdio: ['ignore', 'ignore', 'pipe', 'pipe']
		}
	);
	let stderr = '';
	xvfb.stderr?.on('data', (chunk) => (stderr += chunk));
	const display = await new Promise((resolve, reject) => {
		let out = '';
		const fd = /** @type {import('node:stream').Readable} */ (xvfb.stdio[3]);
		fd.on('data', (chunk) => {
			out += chunk;
			if (out.includes('\n')) resolve(`:${out.trim()}`);
		});
		xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${stderr}`)));
		setTimeout(() => reject(new Error(`Xvfb did not start: ${stderr}`)), 10_000);
	});
	return { display, stop: () => xvfb.kill() };
}

/**
 * Starts WebKit off the network. `reducedMotion` turns GTK animations off in a temporary GTK
 * settings file, which WebKitGTK reports as `prefers-reduced-motion: reduce`.
 * @param {{ reducedMotion?: boolean }} options
 */
export async function launchWebKit(options) {
	// WebKitWebDriver now and then never starts MiniBrowser (seen here about once in a dozen
	// runs, and once two times in a row); a third attempt is the last, and its failure is reported.
	const ATTEMPTS = 3;
	for (let attempt = 1; ; attempt++) {
		try {
			return await launchWebKitOnce(options);
		} catch (error) {
			if (attempt === ATTEMPTS) throw error;
			console.error(`engines: WebKit did not start (${String(error)}); trying again`);
		}
	}
}

/** @param {{ reducedMotion?: boolean }} options */
async function launchWebKitOnce({ reducedMotion = false }) {
	const x = await startDisplay();
	const config = mkdtempSync(join(tmpdir(), 'engines-webkit-'));
	for (const gtk of ['gtk-3.0', 'gtk-4.0']) {
		mkdirSync(join(config, gtk));
		writeFileSync(
			join(config, gtk, 'settings.ini'),
			`[Settings]\ngtk-enable-animations=${reducedMotion ? 'false' : 'true'}\n`
		);
	}
	const port = await freePort();
	const service = spawn(
		DRIVER,
		MAC ? ['--port', String(port)] : [`--port=${port}`, '--host=127.0.0.1'],
		{
			stdio: ['ignore', 'ignore', 'pipe'],
			env: {
				...process.env,
				...(x.display ? { DISPLAY: x.display } : {}),
				XDG_CONFIG_HOME: config,
				// No accessibility bus, no GPU: quieter and faster under Xvfb.
				NO_AT_BRIDGE: '1',
				WEBKIT_DISABLE_COMPOSITING_MODE: '1'
			}
		}
	);
	let log = '';
	service.stderr?.on('data', (chunk) => (log += chunk));
	const stop = () => {
		service.kill();
		x.stop();
		rmSync(config, { recursive: true, force: true });
	};
	try {
		const url = `http://127.0.0.1:${port}`;
		await waitForService(url, () => log);
		// WebKitWebDriver occasionally never answers a new session: fail then, do not hang.
		const driver = await withTimeout(
			new Builder()
				.usingServer(url)
				.withCapabilities({
					browserName: MAC ? 'safari' : 'MiniBrowser',
					// Every request that is not for this machine goes to a closed port.
					proxy: {
						proxyType: 'manual',
						httpProxy: '127.0.0.1:9',
						sslProxy: '127.0.0.1:9',
						noProxy: ['127.0.0.1', 'localhost']
					}
				})
				.build(),
			20_000,
			'a WebKit session'
		);
		await driver.manage().window().setRect({ width: 1280, height: 900 });
		const version = String((await driver.getCapabilities()).get('browserVersion') ?? '');
		return {
			version,
			/** @returns {Promise<Driver>} */
			async open() {
				await driver.get('about:blank');
				return {
					engine: 'webkit',
					async goto(url) {
						// A hash-only change would not load the document again.
						await driver.get('about:blank');
						await driver.get(url);
					},
					evaluate: (fn, ...args) =>
						driver.executeScript(`return (${fn.toString()}).apply(null, arguments)`, ...args),
					click: async (selector) => driver.findElement(By.css(selector)).click(),
					press: (key) => driver.actions().sendKeys(KEYS[key]).perform(),
					async type(selector, text) {
						const field = await driver.findElement(By.css(selector));
						await driver.executeScript(
							`arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input', { bubbles: true }));`,
							field
						);
						await field.sendKeys(text);
					},
					// Classic WebDriver has no event stream: the in-page watch and resource timing stand in.
					problems: async () => [],
					close: async () => {}
				};
			},
			async close() {
				try {
					await driver.quit();
				} finally {
					stop();
				}
			}
		};
	} catch (error) {
		stop();
		throw new Error(`${error}\n${DRIVER} said: ${log}`, { cause: error });
	}
}

const KEYS = {
	ArrowRight: Key.ARROW_RIGHT,
	ArrowLeft: Key.ARROW_LEFT,
	Home: Key.HOME,
	End: Key.END
};

/**
 * @param {string} url
 * @param {() => string} log
 */
async function waitForService(url, log) {
	const deadline = Date.now() + 10_000;
	for (;;) {
		try {
			const response = await fetch(`${url}/status`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`WebDriver at ${url} did not start: ${log()}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/**
 * @template T
 * @param {PromiseLike<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
function withTimeout(promise, ms, what) {
	/** @type {NodeJS.Timeout | undefined} */
	let timer;
	return Promise.race([
		Promise.resolve(promise).finally(() => clearTimeout(timer)),
		new Promise((_, reject) => {
			timer = setTimeout(() => reject(new Error(`${what} did not start in ${ms / 1000} s`)), ms);
		})
	]);
}
