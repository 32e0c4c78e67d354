import { expectAccessible, expect, holdModules, hydrated, test } from './fixtures';
import { openPlayground, stepLine } from './playground';
import { THEME_KEY } from '../src/lib/theme.js';

test('the accessibility check finds violations: low contrast, an unnamed button, only in what it is asked to scan', async ({
	page
}) => {
	await page.setContent(`<!doctype html><html lang="en"><title>t</title><body>
		<main><p id="faint" style="color:#ccc;background:#fff">barely there</p>
		<section id="ok"><p>Readable</p></section><button id="nameless"></button></main></body></html>`);
	const failure = (include?: string[]) =>
		expectAccessible(page, include).then(
			() => '',
			(error: Error) => error.message
		);
	const whole = await failure();
	expect(whole).toContain('color-contrast');
	expect(whole).toContain('#faint');
	expect(whole).toContain('button-name');
	// Scanned again in the same document (axe is put in once): the same findings.
	expect(await failure()).toBe(whole);
	// Asked for one part, it checks that part: all of it, and nothing else.
	const faint = await failure(['#faint']);
	expect(faint).toContain('color-contrast');
	expect(faint).not.toContain('button-name');
	expect(await failure(['#ok'])).toBe('');
});

test.describe('the site', () => {
	test('the first page has no accessibility violations, light and dark', async ({
		watched: page
	}) => {
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			await openPlayground(page);
			await expectAccessible(page);
		}
	});

	test('reached by a link inside the site, the playground renders in the browser and works', async ({
		watched: page
	}) => {
		await page.goto('./workbench/');
		await hydrated(page);
		await page.getByRole('link', { name: 'Playground', exact: true }).click();
		await expect(page.locator('section.playground')).toHaveAttribute('data-step', '1');
		await expect(page.locator('article.detail figure.code pre')).toBeVisible();
		await expect(page.locator('.diagram-box .diagram')).toBeVisible();
		await page.getByRole('button', { name: 'Next step' }).click();
		await expect(stepLine(page)).toHaveText(/^Step 2 of \d+$/);
		await expect(page.locator('article.detail')).toHaveCount(1);
		// The list of all steps loads as the reader scrolls near it.
		await page.locator('.step-list').scrollIntoViewIfNeeded();
		await expect(page.getByRole('navigation', { name: 'All steps' })).toBeVisible();
	});

	test('the theme switch overrides the system setting and is remembered', async ({
		watched: page
	}) => {
		await page.emulateMedia({ colorScheme: 'light' });
		await openPlayground(page);
		const background = () =>
			page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
		expect(await background()).toBe('rgb(255, 255, 255)');
		await page.getByLabel('Theme').selectOption('dark');
		expect(await background()).toBe('rgb(13, 17, 23)');
		await expectAccessible(page);
		await page.reload();
		await hydrated(page);
		await expect(page.getByLabel('Theme')).toHaveValue('dark');
		expect(await background()).toBe('rgb(13, 17, 23)');
		await page.getByLabel('Theme').selectOption('system');
		expect(await background()).toBe('rgb(255, 255, 255)');
	});

	test('the code beside a step is the real source, highlighted at build time', async ({
		watched: page
	}) => {
		await openPlayground(page, '#s256/1');
		const code = page.locator('article.detail figure.code');
		await expect(code).toContainText('src/lib/protocol/');
		await expect(code.locator('pre.shiki span[style*="--shiki-light"]').first()).toBeAttached();
	});

	// Not `watched`: the browser logs the 404 of the page itself as a console error.
	test('an unknown address answers 404 with a way back, in the theme the reader picked', async ({
		page
	}) => {
		await page.goto('./handout/');
		await page.evaluate((key) => localStorage.setItem(key, 'dark'), THEME_KEY);
		const response = await page.goto('./no-such-page/');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
		await page.getByRole('link', { name: 'Go to the PKCE Playground' }).click();
		await expect(page.locator('section.playground')).toBeVisible();
	});
});

test.describe('before its scripts run', () => {
	// Modules are held back with page.route, which does not see what a service worker answers.
	test.use({ serviceWorkers: 'block' });

	test('a page shows its theme from the first paint, before its scripts run', async ({
		watched: page
	}) => {
		await page.emulateMedia({ colorScheme: 'light' });
		const background = () =>
			page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
		await openPlayground(page);
		await page.getByLabel('Theme').selectOption('dark');

		// The site: the theme the reader picked. (A CSP that refused the inline script would fail
		// the watch, and the page would be light.)
		let release = await holdModules(page);
		await page.goto('./handout/', { waitUntil: 'commit' });
		await expect(page.locator('h1')).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
		expect(await background()).toBe('rgb(13, 17, 23)');
		await expect(page.locator('html')).not.toHaveAttribute('data-hydrated', 'true');
		await release();
		await hydrated(page);
		await expect(page.getByLabel('Theme')).toHaveValue('dark');

		// The embed: its URL's theme, and not the site's saved choice.
		for (const [search, theme] of [
			['?theme=dark', 'dark'],
			['', undefined]
		]) {
			release = await holdModules(page);
			await page.goto(`./embed/${search}#s256/1`, { waitUntil: 'commit' });
			await expect(page.locator('h1')).toBeVisible(); // the <head> and its script are done
			if (theme) await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
			else await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
			await expect(page.locator('html')).not.toHaveAttribute('data-hydrated', 'true');
			await release();
			await hydrated(page);
		}
		expect(await background()).toBe('rgb(255, 255, 255)');
	});
});
