import { createHash } from 'node:crypto';
import { expect, type Frame, type Page } from '@playwright/test';
import { hydrated } from './fixtures';

/** Helpers the playground specs share. */

export const SCENARIOS = [
	's256',
	'hijack',
	'no-pkce',
	'plain',
	'downgrade',
	'replay',
	'injection',
	'mcp-discovery',
	'refresh-replay',
	'mix-up',
	'impersonation',
	'step-up',
	'discovery'
] as const;

export const s256 = (verifier: string) =>
	createHash('sha256').update(verifier, 'ascii').digest('base64url');

/** Opens the playground (optionally at `#scenario/step`) and waits until live values are shown. */
export async function openPlayground(page: Page, hash = ''): Promise<void> {
	await page.goto(`./${hash}`);
	await hydrated(page);
	const playground = page.locator('section.playground');
	await expect(playground).toHaveAttribute('data-live', 'true');
	// A hash-only change keeps the page (and its live flag): wait for the scenario it names.
	const scenario = SCENARIOS.find((id) => hash.includes(`#${id}/`));
	if (scenario) await expect(playground).toHaveAttribute('data-scenario', scenario);
}

/**
 * The step counter, once the step is on screen whole: the counter paints with the key press, the
 * diagram, the panels and the address just after, while the playground is `aria-busy`.
 */
export const stepLine = (page: Page | Frame) =>
	page.locator('section.playground:not([aria-busy="true"]) .progress');

/** "Step N of M" as numbers. */
export async function progress(page: Page): Promise<{ n: number; m: number }> {
	const text = (await stepLine(page).textContent()) ?? '';
	const [, n, m] = /Step (\d+) of (\d+)/.exec(text) ?? [];
	return { n: Number(n), m: Number(m) };
}

export const detail = (page: Page) => page.locator('article.detail');

/** The current step's response body as text. */
export async function responseText(page: Page): Promise<string> {
	return (await detail(page).locator('figure.http').last().locator('pre').textContent()) ?? '';
}
