import { execFileSync } from 'node:child_process';
import type { Locator } from '@playwright/test';
import { expect, hydrated, test } from './fixtures';
import { openPlayground } from './playground';

/**
 * The Reproduce lines on every page that shows a verifier and its challenge, run for real in a
 * shell (openssl, Node, Python) on the values the page shows: each prints the page's challenge.
 */
async function runLines(figure: Locator): Promise<Record<string, string>> {
	const lines = figure.locator('pre[data-tool]');
	await expect(lines).toHaveCount(3);
	const printed: Record<string, string> = {};
	for (const line of await lines.all()) {
		const command = (await line.textContent()) ?? '';
		printed[(await line.getAttribute('data-tool'))!] = execFileSync('sh', ['-c', command], {
			encoding: 'utf8'
		}).trim();
	}
	return printed;
}

test('playground: the three lines print the code_challenge beside the code_verifier', async ({
	watched: page
}) => {
	await openPlayground(page, '#s256/1');
	await page.getByRole('button', { name: 'Reproduce in a terminal' }).click();
	const figure = page.locator('figure.reproduce');
	const challenge = (await page.locator('#value-code_challenge').textContent())!.trim();
	await expect(figure.locator('.expected')).toHaveText(challenge);
	expect(await runLines(figure)).toEqual({
		openssl: challenge,
		Node: challenge,
		Python: challenge
	});
	// New values: new lines, still agreeing.
	await page.getByRole('button', { name: 'New values' }).click();
	await expect(page.locator('#value-code_challenge')).not.toHaveText(challenge);
	const next = (await page.locator('#value-code_challenge').textContent())!.trim();
	await expect(figure.locator('.expected')).toHaveText(next);
	expect(Object.values(await runLines(figure))).toEqual([next, next, next]);
});

test('playground: before the client has a verifier, and without PKCE, the panel says so', async ({
	watched: page
}) => {
	await openPlayground(page, '#no-pkce/1');
	await page.getByRole('button', { name: 'Reproduce in a terminal' }).click();
	await expect(page.locator('.reproduce-step')).toContainText(
		'This client made no code_verifier for this sign-in: there is no challenge to compute.'
	);
});

test('workbench and handout: the lines print the challenge the page shows', async ({
	watched: page
}) => {
	await page.goto('./workbench/');
	await hydrated(page);
	await page.getByRole('button', { name: 'Random (32 octets)' }).click();
	const bench = page.locator('#bench-title').locator('..').locator('figure.reproduce');
	const expected = (await bench.locator('.expected').textContent())!;
	expect(Object.values(await runLines(bench))).toEqual([expected, expected, expected]);

	await page.goto('./handout/s256/');
	const handout = page.locator('figure.reproduce');
	await expect(handout.locator('.expected')).toHaveText(
		'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
	);
	expect(Object.values(await runLines(handout))).toEqual(
		Array(3).fill('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')
	);
	await expect(handout.getByRole('button')).toHaveCount(0); // paper: no copy buttons
});
