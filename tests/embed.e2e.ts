import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test as base, type Frame, type Page } from '@playwright/test';
import { isHeightMessage } from '../src/lib/embed/message';
import { expect, expectAccessible, hydrated, test, watch } from './fixtures';
import { stepLine } from './playground';

/**
 * The embed inside a course page served from another origin: a second port on 127.0.0.1.
 * The host page carries the documented snippet word for word (src/lib/embed/code.test.ts).
 */

declare global {
	interface Window {
		received?: { origin: string; data: unknown }[];
	}
}

const HOST_PAGE = readFileSync(new URL('./embed-host/index.html', import.meta.url), 'utf8');
let server: Server;
let hostUrl: string;

// Playwright requires the fixtures argument to be destructured, even when none is used.
// eslint-disable-next-line no-empty-pattern
test.beforeAll(async ({}, testInfo) => {
	// The page names the default base URL; follow BASE_PATH when the run uses another one.
	const html = HOST_PAGE.replaceAll(
		'http://127.0.0.1:4173/pkce-playground/',
		testInfo.project.use.baseURL!
	);
	server = createServer((request, response) => {
		if (request.url !== '/') return response.writeHead(404).end();
		response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	hostUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Like the `watched` fixture, but two origins are expected: the host's and the embed's. */
const hostTest = base.extend<{ host: Page }>({
	host: async ({ page, baseURL }, use) => {
		const allowed = new Set([new URL(baseURL!).origin, new URL(hostUrl).origin]);
		const problems = await watch(
			page,
			(url) => allowed.has(url.origin),
			() => {
				// Only the host records: what the embed posted, and from where.
				if (window === window.top) {
					window.received = [];
					addEventListener('message', (event) => {
						window.received!.push({ origin: event.origin, data: event.data });
					});
				}
			}
		);
		await use(page);
		expect(problems, 'console errors, page errors, CSP violations or stray requests').toEqual([]);
	}
});

const iframe = (page: Page) => page.locator('iframe[data-pkce-playground]');

/** The embed's frame, once hydrated: a click before that does nothing. */
async function embedFrame(page: Page): Promise<Frame> {
	const frame = (await (await iframe(page).elementHandle())!.contentFrame())!;
	await expect(frame.locator('html')).toHaveAttribute('data-hydrated', 'true');
	await expect(frame.locator('.source')).toHaveAttribute('data-live', 'true');
	return frame;
}

/** The last height the host received (0 before any). */
async function lastHeight(page: Page): Promise<number> {
	const received = (await page.evaluate(() => window.received)) ?? [];
	const last = received.findLast((m) => isHeightMessage(m.data))?.data;
	return isHeightMessage(last) ? last.height : 0;
}

/** Waits until the iframe is as tall as the last height posted and its content fits without scrolling. */
async function expectSized(page: Page, frame: Frame): Promise<number> {
	let last = 0;
	await expect(async () => {
		last = await lastHeight(page);
		expect(last).toBeGreaterThan(0);
		const iframeHeight = await iframe(page).evaluate((e) => e.getBoundingClientRect().height);
		expect(iframeHeight).toBe(last);
		const { scrollHeight, clientHeight } = await frame.evaluate(() => ({
			scrollHeight: document.documentElement.scrollHeight,
			clientHeight: document.documentElement.clientHeight
		}));
		expect(scrollHeight).toBeLessThanOrEqual(clientHeight + 1);
	}).toPass();
	return last;
}

hostTest.describe('embedded in a page from another origin', () => {
	hostTest(
		'posts its height, the host sizes the frame, stepping and the theme work inside it',
		async ({ host: page, baseURL }) => {
			await page.emulateMedia({ colorScheme: 'light' });
			await page.goto(hostUrl);
			const frame = await embedFrame(page);
			const embedOrigin = new URL(baseURL!).origin;
			expect(new URL(hostUrl).origin).not.toBe(embedOrigin);

			const line = stepLine(frame);
			await expect(line).toHaveText(/^Step 3 of \d+$/);
			const m = Number(/of (\d+)/.exec((await line.textContent())!)![1]);

			// Every message has the documented shape and comes from the embed's origin.
			const first = await expectSized(page, frame);
			expect(first).toBeGreaterThan(720); // taller than the snippet's starting height
			const received = (await page.evaluate(() => window.received))!;
			for (const { origin, data } of received) {
				expect(origin).toBe(embedOrigin);
				expect(Object.keys(data as object).sort()).toEqual(['height', 'type', 'version']);
				expect(data).toMatchObject({ type: 'pkce-playground:height', version: 1 });
				expect(isHeightMessage(data)).toBe(true);
			}

			// The theme parameter wins over the reader's system setting.
			await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
			expect(
				await frame.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
			).toBe('rgb(13, 17, 23)');

			await frame.getByRole('button', { name: 'Next step' }).click();
			await expect(line).toHaveText(`Step 4 of ${m}`);
			await expect.poll(() => new URL(frame.url()).hash).toBe('#s256/4');
			await expectSized(page, frame);

			// "Open in PKCE Playground" opens the full site at the step on screen.
			const open = frame.getByRole('link', { name: /Open in PKCE Playground/ });
			await open.hover();
			expect(await open.evaluate((a: HTMLAnchorElement) => a.href)).toBe(`${baseURL}#s256/4`);

			// A narrower frame wraps its content: a new, taller height arrives and the frame follows.
			await iframe(page).evaluate((e) => (e.style.width = '375px'));
			await expect.poll(() => lastHeight(page)).toBeGreaterThan(first);
			await expectSized(page, frame);
			expect(
				await frame.evaluate(() => document.documentElement.scrollWidth),
				'no sideways scrolling at phone width'
			).toBeLessThanOrEqual(375);
		}
	);
});

test.describe('the embed page', () => {
	test('takes scenario, step and theme from its URL, with no accessibility violations', async ({
		watched: page
	}) => {
		for (const [theme, background] of [
			['light', 'rgb(255, 255, 255)'],
			['dark', 'rgb(13, 17, 23)']
		] as const) {
			// The system says the opposite: the parameter must win.
			await page.emulateMedia({ colorScheme: theme === 'light' ? 'dark' : 'light' });
			await page.goto(`./embed/?theme=${theme}#hijack/2`);
			await hydrated(page);
			await expect(page.locator('.source')).toHaveAttribute('data-live', 'true');
			await expect(stepLine(page)).toHaveText(/^Step 2 of \d+$/);
			await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
			expect(
				await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
			).toBe(background);
			await expect(page.locator('header.site')).toHaveCount(0);
			await expectAccessible(page);
		}
	});

	test('an unknown theme follows the system', async ({ watched: page }) => {
		await page.emulateMedia({ colorScheme: 'dark' });
		await page.goto('./embed/?theme=blue#s256/1');
		await hydrated(page);
		await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
		expect(
			await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
		).toBe('rgb(13, 17, 23)');
	});

	test('without JavaScript it reads the first step and links every step on one page', async ({
		browser,
		baseURL
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
		const page = await context.newPage();
		await page.goto('./embed/#s256/3');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('PKCE Playground');
		await expect(page.locator('article.detail .narration')).not.toBeEmpty();
		await expect(
			page.getByRole('link', { name: /Read every step of .* on one page/ })
		).toHaveAttribute('href', /handout\/s256\/$/);
		await context.close();
	});
});
