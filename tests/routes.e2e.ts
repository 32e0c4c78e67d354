import { expect, hydrated, test } from './fixtures';
import { builtRoutes, ROUTES, STATIC_PAGES } from './routes';

/**
 * Every route the build prerendered: under the strict CSP no violation fires (the fixture turns
 * `securitypolicyviolation` events into console errors), nothing leaves the origin, and without
 * JavaScript each one still reads as a document.
 */
const routes = ROUTES;

test('these tests cover every page the build prerendered', () => {
	expect(builtRoutes()).toEqual([...ROUTES].sort());
});

for (const route of routes) {
	test(`/${route}: no CSP violation, no console error, no request off the origin`, async ({
		watched: page
	}) => {
		await page.goto(`./${route}`);
		await hydrated(page);
		await page.waitForLoadState('networkidle');
		const csp = await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		expect(csp).toContain("script-src 'self'");
		expect(csp).not.toContain('unsafe-eval');
		expect(csp).toContain("object-src 'none'");
		expect(csp).toContain("base-uri 'self'");
		expect(csp!.match(/script-src[^;]*/)![0]).not.toContain('unsafe-inline');
		// Live mode may reach the local lab, on 127.0.0.1 only (and only when the reader connects).
		expect(csp!.match(/connect-src[^;]*/)![0]).toBe("connect-src 'self' http://127.0.0.1:*");
	});
}

test('Live mode’s callback page: its own strict CSP, and without the playground it says what it is for', async ({
	page
}) => {
	for (const route of STATIC_PAGES) {
		const problems: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'error') problems.push(message.text());
		});
		await page.goto(`./${route}?code=x&state=y`);
		const csp = await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		expect(csp).toBe("default-src 'none'; script-src 'self'; base-uri 'none'; form-action 'none'");
		// Opened by itself, no playground takes the answer, and it says so; the code leaves the
		// address bar.
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'No playground took this answer.'
		);
		expect(new URL(page.url()).search).toBe('');
		expect(problems).toEqual([]);
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	for (const route of routes) {
		test(`/${route} reads as a document`, async ({ page }) => {
			await page.goto(`./${route}`);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			const words = (await page.locator('body').innerText()).split(/\s+/).length;
			expect(words).toBeGreaterThan(40);
		});
	}
});
