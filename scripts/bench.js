// npm run bench: builds, serves and measures what a visitor gets (issue 15):
// - Lighthouse 13 (mobile) on /, /workbench/ and /handout/, several rounds with the pages
//   interleaved, so a busy spell of the machine spreads over all of them: every run's score and
//   TBT, the medians of score, LCP, FCP and TBT, against the targets below;
// - key press to paint: real ArrowRight presses through every scenario, timed by the browser's
//   Event Timing (what INP is made of), and the long tasks while stepping;
// - first-load bytes of each page by resource type, raw and gzip.
// `--compare <dir>` or `--compare-ref <git-ref>` measures another build the same way, side by side
// and interleaved with this one. Writes bench-results/bench.json. Timings are for people to read;
// tests assert only bytes (these machines are noisy), and a missed target does not fail the bench.
import { execFile, execFileSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	symlinkSync,
	unlinkSync,
	writeFileSync
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, systemChromium } from './chromium.js';
import { serveStatic } from './serve-static.js';

const BASE_PATH = '/pkce-playground';
const PAGES = ['/', '/workbench/', '/handout/'];
const TARGETS = { scoreMin: 99, homeLcpMaxMs: 1200, keyToPaintMedianUnderMs: 16 };
// Lighthouse 13 needs Node >= 22.19; the project stays on Node 20, so the bench fetches a Node 22
// from the npm registry (the `node` package) and runs Lighthouse's CLI with it. Bump these pins
// by hand; a changed pin is installed on the next run.
const LIGHTHOUSE_VERSION = '13.5.0';
const NODE_VERSION = '22.23.3';
const CACHE = resolve(process.env.BENCH_CACHE ?? 'node_modules/.cache/pkce-bench');
const LH_RUNS = Number(process.env.BENCH_LH_RUNS ?? 5);
const VIEWPORT = { width: 1280, height: 800 };
// A step's animations (the message's travel and what follows it, the new-knowledge mark) end
// within 525 ms: a press after them starts from a page at rest, as a reader's next press does.
const STEP_SETTLE_MS = 600;
const execFileAsync = promisify(execFile);

const { values: args } = parseArgs({
	options: {
		compare: { type: 'string' },
		'compare-ref': { type: 'string' },
		'label-a': { type: 'string' },
		'label-b': { type: 'string' },
		help: { type: 'boolean', short: 'h' }
	}
});
if (args.help) {
	console.log(`Usage: node scripts/bench.js [--compare <build dir> | --compare-ref <git ref>]
                          [--label-a <name>] [--label-b <name>]
  Builds this tree (A) and measures it; with --compare, also an already built build/ directory
  (built with BASE_PATH=${BASE_PATH}); with --compare-ref, builds that git ref in a temporary
  worktree first. Env: BENCH_LH_RUNS (rounds of Lighthouse, default 5; 0 skips it).`);
	process.exit(0);
}
if (args.compare && args['compare-ref'])
	throw new Error('Use --compare or --compare-ref, not both');

const loadStart = loadavg();
const env = { ...process.env, BASE_PATH };
console.log('Building this tree…');
execFileSync('npm', ['run', 'build'], { env, stdio: ['ignore', 'ignore', 'inherit'] });

/**
 * One build under measurement and what the bench found out about it.
 * @typedef {{ id: 'A' | 'B', label: string, dir: string, url: string,
 *   bytes: Record<string, Record<string, Bytes>>, lighthouse: Record<string, LhPage>,
 *   keyToPaint: Record<string, KeyToPaint> }} Side
 */

/** @type {Side[]} */
const sides = [side('A', args['label-a'] ?? `this tree (${describe('HEAD')})`, 'build')];
/** @type {(() => void) | undefined} */
let removeWorktree;
if (args['compare-ref']) {
	const ref = args['compare-ref'];
	const worktree = buildRef(ref);
	removeWorktree = worktree.remove;
	process.once('SIGINT', () => {
		worktree.remove();
		process.exit(130);
	});
	sides.push(side('B', args['label-b'] ?? describe(ref), worktree.build));
} else if (args.compare) {
	sides.push(side('B', args['label-b'] ?? args.compare, resolve(args.compare)));
}

try {
	await main();
} finally {
	removeWorktree?.();
}

async function main() {
	const servers = await Promise.all(
		sides.map(async (s) => {
			const server = await serveStatic({ dir: s.dir, basePath: BASE_PATH });
			s.url = server.url;
			return server;
		})
	);
	try {
		const browser = await chromium.launch({
			executablePath: systemChromium(),
			args: CHROMIUM_ARGS
		});
		for (const path of PAGES) {
			for (const s of sides) s.bytes[path] = await firstLoadBytes(browser, s.url + path.slice(1));
		}
		console.log('Key press to paint…');
		await keyToPaintAll(browser);
		await browser.close();

		const lighthouse = await lighthouseRounds();
		const results = {
			date: new Date().toISOString(),
			loadAverage: { start: loadStart, end: loadavg() },
			targets: TARGETS,
			lighthouse,
			sides
		};
		mkdirSync('bench-results', { recursive: true });
		writeFileSync('bench-results/bench.json', JSON.stringify(results, null, 2));
		report(results);
		console.log('\nWrote bench-results/bench.json');
	} finally {
		await Promise.all(servers.map((server) => server.close()));
	}
}

/**
 * @param {'A' | 'B'} id
 * @param {string} label
 * @param {string} dir
 * @returns {Side}
 */
function side(id, label, dir) {
	return { id, label, dir, url: '', bytes: {}, lighthouse: {}, keyToPaint: {} };
}

/**
 * `git describe` of a ref (of the working tree, marked -dirty when it has changes, for HEAD), or
 * the ref itself.
 * @param {string} ref
 */
function describe(ref) {
	const what = ref === 'HEAD' ? ['--dirty'] : [ref];
	try {
		return execFileSync('git', ['describe', '--always', ...what], { encoding: 'utf8' }).trim();
	} catch {
		return ref;
	}
}

/**
 * Builds a git ref in a temporary worktree, borrowing this tree's node_modules (a symlink: no
 * `npm ci`, so the ref must build with today's dependencies).
 * @param {string} ref
 * @returns {{ build: string, remove: () => void }}
 */
function buildRef(ref) {
	const dir = mkdtempSync(join(tmpdir(), 'pkce-bench-'));
	execFileSync('git', ['worktree', 'add', '--detach', dir, ref], { stdio: 'ignore' });
	const modules = join(dir, 'node_modules');
	let removed = false;
	const remove = () => {
		if (removed) return;
		removed = true;
		// Unlink the symlink first, so that nothing removes the real node_modules through it.
		if (existsSync(modules)) unlinkSync(modules);
		execFileSync('git', ['worktree', 'remove', '--force', dir], { stdio: 'ignore' });
	};
	try {
		symlinkSync(resolve('node_modules'), modules, 'dir');
		console.log(`Building ${ref} in ${dir}…`);
		execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
			cwd: dir,
			env,
			stdio: ['ignore', 'ignore', 'inherit']
		});
	} catch (error) {
		remove();
		throw error;
	}
	return { build: join(dir, 'build'), remove };
}

/** @typedef {{ files: number, raw: number, gzip: number }} Bytes */

/**
 * What a first visit to `url` downloads, by resource type, raw and gzipped (level 9).
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @returns {Promise<Record<string, Bytes>>}
 */
async function firstLoadBytes(browser, url) {
	const page = await browser.newPage();
	/** @type {Record<string, Bytes>} */
	const byType = {};
	/** @type {Promise<void>[]} */
	const pending = [];
	page.on('response', (response) => {
		if (response.request().serviceWorker()) return; // background caching is not the page's
		pending.push(
			response.body().then(
				(body) => {
					const type = response.request().resourceType();
					byType[type] ??= { files: 0, raw: 0, gzip: 0 };
					byType[type].files += 1;
					byType[type].raw += body.length;
					byType[type].gzip += gzipSync(body, { level: 9 }).length;
				},
				() => {} // a redirect or an aborted request has no body
			)
		);
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	await Promise.all(pending);
	await page.close();
	const total = { files: 0, raw: 0, gzip: 0 };
	for (const t of Object.values(byType)) {
		total.files += t.files;
		total.raw += t.raw;
		total.gzip += t.gzip;
	}
	return { ...byType, total };
}

/** The scenario ids, from the protocol core (a .ts file, which Node 20 cannot import). */
function scenarioIds() {
	const source = readFileSync('src/lib/protocol/scenarios/index.ts', 'utf8');
	const list = /SCENARIO_IDS\b[^=]*=\s*\[([^\]]*)\]/.exec(source)?.[1] ?? '';
	const ids = [...list.matchAll(/'([a-z0-9-]+)'/g)].map((match) => match[1] ?? '');
	if (ids.length === 0) throw new Error('No SCENARIO_IDS found in src/lib/protocol/scenarios/');
	return ids;
}

/**
 * @typedef {{ presses: number, under16: number, medianMs: number, maxMs: number,
 *   pressesMs: (number | null)[], wholeMedianMs: number, wholeMs: number[],
 *   longTasksMs: number[], error?: string }} KeyToPaint
 */

/**
 * Key to paint for every scenario on every side, the sides taking turns scenario by scenario.
 * @param {import('@playwright/test').Browser} browser
 */
async function keyToPaintAll(browser) {
	for (const scenario of scenarioIds()) {
		for (const s of sides) {
			s.keyToPaint[scenario] = await keyToPaint(browser, s.url, scenario).catch((error) => ({
				...summarizePresses([], [], []),
				error: String(error.message ?? error).split('\n')[0] ?? ''
			}));
		}
	}
}

/**
 * Steps through one scenario with real ArrowRight presses and records, for each press, the
 * longest Event Timing entry of its keydown/keyup: from the key event to the next paint after
 * its handlers ran. Entries exist only from 16 ms (and are rounded to 8 ms), so a press without
 * one took under 16 ms: it is counted as 0 in the median. The page paints the step counter in the
 * press's own frame and the diagram and panels just after (components/paint.ts), so it also
 * records, per press, the time from the key to the end of the main thread's work on the frame
 * that shows the whole step (the diagram's `data-step` changed, then a frame and a task): what a
 * reader waits for the whole step, give or take the last raster and draw.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @param {string} scenario
 * @returns {Promise<KeyToPaint>}
 */
async function keyToPaint(browser, url, scenario) {
	const page = await browser.newPage({ viewport: VIEWPORT });
	try {
		await page.goto(`${url}#${scenario}/1`);
		await page.locator('html[data-hydrated="true"]').waitFor();
		await page.locator('.source[data-live="true"]').waitFor();
		const playground = page.locator('section.playground');
		const progress = await page
			.getByText(/^Step \d+ of \d+$/)
			.first()
			.textContent();
		const last = Number(/of (\d+)/.exec(progress ?? '')?.[1]);
		await page.evaluate(() => {
			const w = /** @type {any} */ (window);
			w.__benchKeys = [];
			w.__benchLongTasks = [];
			w.__benchWhole = [];
			let keyAt = 0;
			addEventListener('keydown', (event) => (keyAt = event.timeStamp), { capture: true });
			new MutationObserver(() =>
				requestAnimationFrame(() =>
					setTimeout(() => w.__benchWhole.push(Math.round(performance.now() - keyAt)))
				)
			).observe(/** @type {Element} */ (document.querySelector('section.playground')), {
				attributeFilter: ['data-step']
			});
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) {
					if (entry.name === 'keydown' || entry.name === 'keyup')
						w.__benchKeys.push(entry.duration);
				}
			}).observe(
				// durationThreshold (16 ms is its minimum) is missing from TypeScript's DOM types.
				/** @type {PerformanceObserverInit} */ ({
					type: 'event',
					durationThreshold: 16,
					buffered: false
				})
			);
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) w.__benchLongTasks.push(Math.round(entry.duration));
			}).observe({ type: 'longtask', buffered: false });
		});
		/** @type {(number | null)[]} */
		const pressesMs = [];
		let step = Number(await playground.getAttribute('data-step'));
		while (step < last) {
			await page.keyboard.press('ArrowRight');
			await page.waitForTimeout(STEP_SETTLE_MS);
			/** @type {number[]} */
			const entries = await page.evaluate(() => /** @type {any} */ (window).__benchKeys.splice(0));
			pressesMs.push(entries.length > 0 ? Math.max(...entries) : null);
			const next = Number(await playground.getAttribute('data-step'));
			if (next !== step + 1) throw new Error(`ArrowRight on step ${step} led to step ${next}`);
			step = next;
		}
		/** @type {number[]} */
		const longTasksMs = await page.evaluate(() => /** @type {any} */ (window).__benchLongTasks);
		/** @type {number[]} */
		const wholeMs = await page.evaluate(() => /** @type {any} */ (window).__benchWhole);
		return summarizePresses(pressesMs, wholeMs, longTasksMs);
	} finally {
		await page.close();
	}
}

/**
 * @param {(number | null)[]} pressesMs null: no Event Timing entry (under 16 ms)
 * @param {number[]} wholeMs key to the frame that shows the whole step, per press
 * @param {number[]} longTasksMs
 * @returns {KeyToPaint}
 */
function summarizePresses(pressesMs, wholeMs, longTasksMs) {
	const durations = pressesMs.map((ms) => ms ?? 0);
	return {
		presses: pressesMs.length,
		under16: pressesMs.filter((ms) => ms === null || ms < 16).length,
		medianMs: median(durations),
		maxMs: Math.max(0, ...durations),
		pressesMs,
		wholeMedianMs: median(wholeMs),
		wholeMs,
		longTasksMs
	};
}

/**
 * Installs Node 22 and Lighthouse into the cache (only when missing or at another version) and
 * returns the command that runs Lighthouse's CLI.
 * @returns {{ node: string, cli: string }}
 */
function lighthouseTools() {
	/** @type {(dir: string, name: string, version: string, file: string) => string} */
	const ensure = (dir, name, version, file) => {
		const pkg = join(dir, 'node_modules', name, 'package.json');
		const have = existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).version;
		const path = join(dir, 'node_modules', name, file);
		if (have !== version || !existsSync(path)) {
			console.log(`Installing ${name}@${version} into ${dir}…`);
			mkdirSync(dir, { recursive: true });
			execFileSync(
				'npm',
				[
					'install',
					'--prefix',
					dir,
					'--no-save',
					'--no-audit',
					'--no-fund',
					'--loglevel=error'
				].concat(`${name}@${version}`),
				{ stdio: ['ignore', 'ignore', 'inherit'] }
			);
			// The `node` package fetches its binary in an install script; say so if npm skipped it.
			if (!existsSync(path)) throw new Error(`npm installed ${name}@${version} without ${file}`);
		}
		return path;
	};
	return {
		node: ensure(join(CACHE, 'node22'), 'node', NODE_VERSION, 'bin/node'),
		cli: ensure(join(CACHE, 'lighthouse'), 'lighthouse', LIGHTHOUSE_VERSION, 'cli/index.js')
	};
}

/**
 * @typedef {{ performance: number, accessibility: number, bestPractices: number, seo: number,
 *   fcpMs: number, lcpMs: number, tbtMs: number, cls: number | null, speedIndexMs: number }} LhRun
 * @typedef {{ performance: number, lcpMs: number, fcpMs: number, tbtMs: number,
 *   accessibility: number, bestPractices: number, seo: number }} LhMedian
 * @typedef {{ runs: (LhRun | { error: string })[], median: LhMedian | null,
 *   reportFile?: string }} LhPage
 */

/**
 * LH_RUNS rounds; each round runs every page once per side, the sides taking turns (A then B,
 * then B then A in the next round, so neither always goes first). A run that fails is recorded
 * and left out of the medians.
 * @returns {Promise<Record<string, string | number>>} what ran, or why not
 */
async function lighthouseRounds() {
	if (LH_RUNS < 1) return { skipped: 'BENCH_LH_RUNS=0' };
	let tools;
	try {
		tools = lighthouseTools();
	} catch (error) {
		const skipped = `Lighthouse did not run: ${String(error).split('\n')[0]}`;
		console.log(skipped);
		return { skipped };
	}
	/** @type {Map<LhRun, string>} the whole report of each run, to keep the median one's */
	const reports = new Map();
	for (let round = 1; round <= LH_RUNS; round++) {
		for (const path of PAGES) {
			for (const s of round % 2 ? sides : [...sides].reverse()) {
				const { result, json } = await runLighthouse(tools, s.url + path.slice(1));
				lighthousePage(s, path).runs.push(result);
				if (json && !('error' in result)) reports.set(result, json);
				console.log(
					`Lighthouse ${round}/${LH_RUNS} ${path.padEnd(12)} ${s.id}: ` +
						('error' in result
							? result.error
							: `performance ${result.performance}, TBT ${result.tbtMs} ms, LCP ${result.lcpMs} ms`)
				);
			}
		}
	}
	mkdirSync('bench-results', { recursive: true });
	for (const s of sides) {
		for (const path of PAGES) {
			const page = lighthousePage(s, path);
			/** @type {LhRun[]} */
			const ok = page.runs.flatMap((run) => ('error' in run ? [] : [run]));
			if (ok.length === 0) continue;
			/** @type {(key: keyof LhMedian) => number} */
			const med = (key) => median(ok.map((run) => run[key]));
			page.median = {
				performance: med('performance'),
				lcpMs: med('lcpMs'),
				fcpMs: med('fcpMs'),
				tbtMs: med('tbtMs'),
				accessibility: med('accessibility'),
				bestPractices: med('bestPractices'),
				seo: med('seo')
			};
			// The whole report of the run with the median score, for digging in.
			const byScore = [...ok].sort((a, b) => a.performance - b.performance);
			const middle = byScore[Math.floor((byScore.length - 1) / 2)];
			const name = path === '/' ? 'home' : path.replaceAll('/', '');
			const suffix = sides.length > 1 ? `-${s.id.toLowerCase()}` : '';
			page.reportFile = `bench-results/lighthouse-${name}${suffix}.json`;
			writeFileSync(page.reportFile, (middle && reports.get(middle)) ?? '');
		}
	}
	return { version: LIGHTHOUSE_VERSION, node: NODE_VERSION, formFactor: 'mobile', rounds: LH_RUNS };
}

/**
 * @param {Side} s
 * @param {string} path
 * @returns {LhPage}
 */
function lighthousePage(s, path) {
	return (s.lighthouse[path] ??= { runs: [], median: null });
}

/**
 * One Lighthouse run (mobile, the default) in the system Chromium. Asynchronous: the pages are
 * served from this process, which must keep answering meanwhile.
 * @param {{ node: string, cli: string }} tools
 * @param {string} url
 * @returns {Promise<{ result: LhRun | { error: string }, json?: string }>}
 */
async function runLighthouse({ node, cli }, url) {
	// Less the --host-resolver-rules flag (its value holds spaces, and --chrome-flags is split on
	// them); it maps the tests' LAN-like hostname, and Lighthouse only visits 127.0.0.1.
	const flags = [
		'--headless=new',
		...CHROMIUM_ARGS.filter((a) => !a.startsWith('--host-resolver'))
	];
	try {
		const { stdout } = await execFileAsync(
			node,
			[
				cli,
				url,
				'--quiet',
				'--output=json',
				`--chrome-path=${systemChromium() ?? chromium.executablePath()}`,
				`--chrome-flags=${flags.join(' ')}`
			],
			{ encoding: 'utf8', maxBuffer: 128 * 1024 * 1024, timeout: 240_000 }
		);
		const lhr = JSON.parse(stdout);
		if (lhr.runtimeError) return { result: { error: lhr.runtimeError.message } };
		/** @type {(id: string) => number} */
		const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
		/** @type {(id: string) => number} */
		const audit = (id) => Math.round(lhr.audits[id]?.numericValue ?? 0);
		return {
			result: {
				performance: score('performance'),
				accessibility: score('accessibility'),
				bestPractices: score('best-practices'),
				seo: score('seo'),
				fcpMs: audit('first-contentful-paint'),
				lcpMs: audit('largest-contentful-paint'),
				tbtMs: audit('total-blocking-time'),
				cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? null,
				speedIndexMs: audit('speed-index')
			},
			json: stdout
		};
	} catch (error) {
		return { result: { error: `Lighthouse failed: ${String(error).split('\n')[0]}` } };
	}
}

/**
 * The middle value (the mean of the two middle ones for an even count); 0 for none.
 * @param {number[]} values
 */
function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	const upper = sorted[mid] ?? 0;
	return sorted.length % 2 ? upper : Math.round(((sorted[mid - 1] ?? 0) + upper) / 2);
}

/**
 * Prints what bench.json holds, the sides in columns.
 * @param {{ sides: Side[], lighthouse: Record<string, string | number>,
 *   loadAverage: { start: number[], end: number[] } }} results
 */
function report(results) {
	const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;
	const verdict = (/** @type {boolean} */ ok) => (ok ? 'PASS' : 'MISS');
	const col = 28;
	const { sides: all, lighthouse: about, loadAverage } = results;
	const load = (/** @type {number[]} */ l) => l.map((n) => n.toFixed(1)).join(' ');
	console.log(`\n${all.map((s) => `${s.id}: ${s.label} (${s.dir})`).join('\n')}`);
	console.log(`Load average at start ${load(loadAverage.start)}, at end ${load(loadAverage.end)}`);

	console.log('\nFirst load, by type (files, raw / gzip):');
	for (const path of PAGES) {
		console.log(`  ${path.padEnd(16)}${all.map((s) => s.id.padStart(col)).join('')}`);
		const types = [...new Set(all.flatMap((s) => Object.keys(s.bytes[path] ?? {})))];
		types.sort((a, b) => (a === 'total' ? 1 : b === 'total' ? -1 : a.localeCompare(b)));
		for (const type of types) {
			const cells = all.map((s) => {
				const t = s.bytes[path]?.[type];
				if (!t) return '-'.padStart(col);
				const cell = `${String(t.files).padStart(3)}${kb(t.raw).padStart(11)} /${kb(t.gzip).padStart(9)}`;
				return cell.padStart(col);
			});
			console.log(`    ${type.padEnd(14)}${cells.join('')}`);
		}
	}

	if (about.skipped) {
		console.log(`\nLighthouse: ${about.skipped}`);
	} else {
		console.log(
			`\nLighthouse ${about.version} (mobile, Node ${about.node}), medians of ${about.rounds} interleaved rounds:`
		);
		for (const path of PAGES) {
			console.log(`  ${path.padEnd(16)}${all.map((s) => s.id.padStart(col)).join('')}`);
			/** @type {(name: string, cell: (page: LhPage) => string) => void} */
			const row = (name, cell) =>
				console.log(
					`    ${name.padEnd(14)}${all.map((s) => cell(lighthousePage(s, path)).padStart(col)).join('')}`
				);
			/** @type {(m: LhMedian | null, key: keyof LhMedian, unit?: string) => string} */
			const value = (m, key, unit = '') => (m ? `${m[key]}${unit}` : '-');
			row('score', (p) => {
				const m = p.median;
				return m
					? `${m.performance} (≥ ${TARGETS.scoreMin} ${verdict(m.performance >= TARGETS.scoreMin)})`
					: '-';
			});
			row('LCP', (p) => {
				const m = p.median;
				if (!m || path !== '/') return value(m, 'lcpMs', ' ms');
				return `${m.lcpMs} ms (≤ ${TARGETS.homeLcpMaxMs} ${verdict(m.lcpMs <= TARGETS.homeLcpMaxMs)})`;
			});
			row('FCP', (p) => value(p.median, 'fcpMs', ' ms'));
			row('TBT', (p) => value(p.median, 'tbtMs', ' ms'));
			row('a11y/bp/seo', (p) =>
				p.median ? `${p.median.accessibility}/${p.median.bestPractices}/${p.median.seo}` : '-'
			);
			for (const s of all) {
				const runs = lighthousePage(s, path).runs.map((r) =>
					'error' in r ? 'error' : `${r.performance}/${r.tbtMs}`
				);
				console.log(`    ${s.id} runs (score/TBT ms): ${runs.join('  ')}`);
			}
		}
	}

	console.log(
		`\nKey press to paint (ArrowRight at ${VIEWPORT.width}×${VIEWPORT.height}; Event Timing, ` +
			`goal: median under ${TARGETS.keyToPaintMedianUnderMs} ms); "whole step": median ms from the ` +
			'key to the end of the main thread’s work on the frame that shows the diagram and panels:'
	);
	const ms = (/** @type {number} */ n) => (n < 16 ? '<16' : `${n}`);
	console.log(
		`  ${'scenario'.padEnd(15)}${'side'.padEnd(6)}${'presses'.padStart(8)}${'<16 ms'.padStart(8)}` +
			`${'median'.padStart(8)}${'max'.padStart(6)}  goal  ${'whole step'.padStart(10)}  long tasks (ms)`
	);
	for (const scenario of Object.keys(all[0]?.keyToPaint ?? {})) {
		for (const s of all) {
			const k = s.keyToPaint[scenario];
			if (!k) continue;
			if (k.error) {
				console.log(`  ${scenario.padEnd(15)}${s.id.padEnd(6)}error: ${k.error}`);
				continue;
			}
			const share = k.presses ? `${Math.round((100 * k.under16) / k.presses)}%` : '-';
			console.log(
				`  ${scenario.padEnd(15)}${s.id.padEnd(6)}${String(k.presses).padStart(8)}${share.padStart(8)}` +
					`${ms(k.medianMs).padStart(8)}${ms(k.maxMs).padStart(6)}  ` +
					`${verdict(k.medianMs < TARGETS.keyToPaintMedianUnderMs)}  ` +
					`${`${k.wholeMedianMs}`.padStart(10)}  ` +
					`${k.longTasksMs.length ? k.longTasksMs.join(', ') : 'none'}`
			);
		}
	}
}
