import { expectAccessible, expect, hydrated, test } from './fixtures';
import { openPlayground } from './playground';
import type { Page, Route } from '@playwright/test';

/**
 * Holds the page's modules back until the function returned is called: until then the page is
 * its prerendered markup and inline scripts alone, as a reader sees it before hydration.
 */
async function holdModules(page: Page): Promise<() => Promise<void>> {
	let open = () => {};
	const held = new Promise<void>((resolve) => (open = resolve));
	const modules = '**/_app/immutable/**';
	const hold = async (route: Route) => {
		await held;
		await route.continue();
	};
	await page.route(modules, hold);
	return async () => {
		open();
		await page.unrouteAll({ behavior: 'wait' }); // lets the held requests go on first
	};
}

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
		await expect(page.locator('.diagram-box svg')).toBeVisible();
		await page.getByRole('button', { name: 'Next step' }).click();
		await expect(page.getByText(/^Step 2 of \d+$/)).toBeVisible();
		await expect(page.locator('article.detail')).toHaveCount(1);
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

	test('an unknown address answers 404 with a way back', async ({ page }) => {
		const response = await page.goto('./no-such-page/');
		expect(response?.status()).toBe(404);
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
		release = await holdModules(page);
		await page.goto('./embed/?theme=dark#s256/1', { waitUntil: 'commit' });
		await expect(page.locator('h1')).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
		await release();
		await hydrated(page);
		await page.goto('./embed/#s256/1');
		await hydrated(page);
		await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
		expect(await background()).toBe('rgb(255, 255, 255)');
	});
});
