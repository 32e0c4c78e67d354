import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
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
