import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test as base, expect, type Page, type Request, type Route } from '@playwright/test';

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

/**
 * Holds the page's modules back until the function returned is called: until then the page is
 * its prerendered markup, inline CSS and inline scripts alone, as a reader sees it before
 * hydration. (The CSS is inline while it is under `inlineStyleThreshold`, svelte.config.js.)
 */
export async function holdModules(page: Page): Promise<() => Promise<void>> {
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
		// Not unroute(): it would answer the held requests itself, racing their handlers.
		await page.unrouteAll({ behavior: 'wait' });
	};
}

/** Waits until SvelteKit has hydrated: prerendered markup is visible before it is interactive. */
export async function hydrated(page: Page): Promise<void> {
	await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
}

/** What axe checks: WCAG 2.x A and AA, and its best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * axe-core, minified. It is put into a document once and run there as often as a test asks:
 * @axe-core/playwright injected the 1.5 MB unminified build twice per scan and finished each scan
 * in a new page, about 0.9 s a scan against 0.15 s here, for the same rules and the same results.
 */
const AXE_SOURCE = readFileSync(
	join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'),
	'utf8'
);

/**
 * Runs axe (WCAG 2.x A/AA and best practice) and expects no violations, listing them when there
 * are. `include` limits it to the parts of the page that changed (axe on the whole page is slow).
 */
export async function expectAccessible(page: Page, include?: string[]): Promise<void> {
	// What a person reads is the page at rest: a message still fading in has not reached its
	// colour. Running animations are taken to their end state; one without an end (the site has
	// none) would leave no state at rest to check, so it fails the check, naming itself.
	const endless = await page.evaluate(() =>
		document.getAnimations().flatMap((animation) => {
			try {
				animation.finish();
				return [];
			} catch {
				const target = (animation.effect as KeyframeEffect | null)?.target;
				return [`${animation.constructor.name} on ${target?.tagName ?? '?'}.${target?.className}`];
			}
		})
	);
	expect(endless, 'animations with no end').toEqual([]);
	// axe checks the same-origin frames too, where it runs as well; a document keeps it until it
	// is left. A frame that goes away meanwhile has nothing left to check.
	for (const frame of page.frames()) {
		const ready = () => typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function';
		try {
			if (!(await frame.evaluate(ready))) await frame.evaluate(AXE_SOURCE);
		} catch (error) {
			if (frame === page.mainFrame()) throw error;
		}
	}
	const summary = await page.evaluate(
		async ({ include, tags }) => {
			const { axe } = window as unknown as { axe: typeof import('axe-core') };
			const context = include?.length
				? { include: include.map((selector) => [selector]) }
				: document;
			const results = await axe.run(context, { runOnly: { type: 'tag', values: tags } });
			return results.violations.map(
				(v) =>
					`${v.id} (${v.impact}): ${v.help} — ${v.nodes
						.map((n) => `${n.target.join(' ')} ${n.any[0]?.message ?? ''}`)
						.join(', ')}`
			);
		},
		{ include, tags: AXE_TAGS }
	);
	expect(summary).toEqual([]);
}
