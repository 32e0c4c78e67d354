import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HINT, MIN_BYTES } from '../scripts/compile-hints.js';
import { expect, test } from './fixtures';
import { openPlayground } from './playground';

/** Byte budgets, enforced (timings live in `npm run bench`, never in a test). */
const BUDGET = { js: 60 * 1024, total: 100 * 1024 };

test('first visit stays within the byte budgets (gzip): JS <= 60 KB, everything <= 100 KB', async ({
	watched: page
}) => {
	const sizes: { url: string; type: string; gzip: number }[] = [];
	page.on('response', async (response) => {
		// A service worker's background caching is not part of what the page loads.
		if (response.request().serviceWorker()) return;
		const body = await response.body().catch(() => undefined);
		if (!body) return;
		const type = response.request().resourceType();
		sizes.push({ url: response.url(), type, gzip: gzipSync(body, { level: 9 }).length });
	});
	await openPlayground(page);
	await page.waitForLoadState('networkidle');
	const js = sizes.filter((s) => s.type === 'script').reduce((sum, s) => sum + s.gzip, 0);
	const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
	test.info().annotations.push({
		type: 'bytes',
		description: `JS ${(js / 1024).toFixed(1)} KB, total ${(total / 1024).toFixed(1)} KB gzip over ${sizes.length} responses`
	});
	expect(js, 'first-load JavaScript, gzip').toBeLessThanOrEqual(BUDGET.js);
	expect(total, 'everything the first visit loads, gzip').toBeLessThanOrEqual(BUDGET.total);
});

test('no highlighter, grammar or theme reaches the browser', () => {
	const dir = 'build/_app/immutable';
	const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
		f.endsWith('.js')
	);
	expect(files.length).toBeGreaterThan(0);
	for (const file of files) {
		const text = readFileSync(join(dir, file), 'utf8');
		expect(text, file).not.toMatch(
			/createHighlighter|tokenizeWithTheme|"scopeName"|github-light-default/
		);
	}
});

test("the chunks pages start with carry V8's compile hint; chunks loaded on demand do not", () => {
	const pages = readdirSync('build', { recursive: true, encoding: 'utf8' }).filter((f) =>
		f.endsWith('.html')
	);
	// What each prerendered page preloads is what it runs as it starts.
	const atStart = new Set<string>();
	for (const page of pages) {
		const html = readFileSync(join('build', page), 'utf8');
		for (const [, href] of html.matchAll(/<link href="([^"]+\.js)" rel="modulepreload">/g)) {
			atStart.add(join('build', page, '..', href!));
		}
	}
	expect(atStart.size).toBeGreaterThan(0);
	const scripts = readdirSync('build/_app/immutable', { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.js'))
		.map((f) => join('build/_app/immutable', f));
	let hinted = 0;
	for (const file of scripts) {
		const text = readFileSync(file, 'utf8');
		const big = text.length >= MIN_BYTES + HINT.length;
		const expected = atStart.has(file) && big;
		expect(text.startsWith(HINT), file).toBe(expected);
		if (expected) hinted++;
	}
	// Svelte's runtime, SvelteKit's client and the playground's components at least.
	expect(hinted).toBeGreaterThanOrEqual(3);
});
