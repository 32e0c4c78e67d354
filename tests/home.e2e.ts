import { expectAccessible, expect, hydrated, test } from './fixtures';
import { openPlayground } from './playground';

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

	test('a saved theme shows from the first paint, before the scripts run; the embed ignores it', async ({
		watched: page
	}) => {
		await page.emulateMedia({ colorScheme: 'light' });
		await openPlayground(page);
		await page.getByLabel('Theme').selectOption('dark');
		// Hold the page's modules back: what shows then is the prerendered page and its inline
		// script alone (a CSP that refused the script would fail the watch, and the page be light).
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_app/immutable/**', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto('./handout/', { waitUntil: 'commit' });
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
		await expect(page.locator('h1')).toBeVisible();
		expect(
			await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
		).toBe('rgb(13, 17, 23)');
		await expect(page.locator('html')).not.toHaveAttribute('data-hydrated', 'true');
		release();
		await hydrated(page);
		await expect(page.getByLabel('Theme')).toHaveValue('dark');
		// An embed's theme comes from its own URL only (?theme=), whatever the site remembers.
		await page.goto('./embed/#s256/1');
		await hydrated(page);
		await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
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
