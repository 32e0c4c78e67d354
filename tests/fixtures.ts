import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page, type Request } from '@playwright/test';

/**
 * Watches a page for what no test should cause: a console error, an uncaught exception, a CSP
 * violation (reported as a console error), or a request that `allowed` refuses. Returns the list
 * the problems collect in; `setup` runs in every document before its scripts.
 */
export async function watch(
	page: Page,
	allowed: (url: URL, request: Request) => boolean,
	setup: () => void = () => {}
): Promise<string[]> {
	const problems: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
	});
	page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (url.protocol !== 'data:' && !allowed(url, request)) {
			problems.push(`request left the origin: ${request.url()}`);
		}
	});
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
		});
	});
	await page.addInitScript(setup);
	return problems;
}

/**
 * Every browser test runs under these watches: no console error, no uncaught exception, no CSP
 * violation, and no request that leaves the page's origin. A test fails at teardown otherwise.
 */
export const test = base.extend<{ watched: Page }>({
	watched: async ({ page, baseURL }, use) => {
		// The origin is the base URL's, or whatever host a test navigates the page to (workshop.test).
		let origin = new URL(baseURL!).origin;
		const problems = await watch(page, (url, request) => {
			if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
				origin = url.origin;
			}
			return url.origin === origin;
		});
		await use(page);
		expect(problems, 'console errors, page errors, CSP violations or off-origin requests').toEqual(
			[]
		);
	}
});

export { expect };

/** Waits until SvelteKit has hydrated: prerendered markup is visible before it is interactive. */
export async function hydrated(page: Page): Promise<void> {
	await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
}

/**
 * Runs axe (WCAG 2.x A/AA and best practice) and expects no violations, listing them when there
 * are. `include` limits it to the parts of the page that changed (axe on the whole page is slow).
 */
export async function expectAccessible(page: Page, include?: string[]): Promise<void> {
	let builder = new AxeBuilder({ page }).withTags([
		'wcag2a',
		'wcag2aa',
		'wcag21a',
		'wcag21aa',
		'wcag22aa',
		'best-practice'
	]);
	for (const selector of include ?? []) builder = builder.include(selector);
	// What a person reads is the page at rest: a message still fading in has not reached its colour.
	await page.evaluate(() =>
		Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => {})))
	);
	const results = await builder.analyze();
	const summary = results.violations.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help} — ${v.nodes
				.map((n) => `${n.target.join(' ')} ${n.any[0]?.message ?? ''}`)
				.join(', ')}`
	);
	expect(summary).toEqual([]);
}
