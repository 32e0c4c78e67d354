import { createHash } from 'node:crypto';
import { expectAccessible, expect, hydrated, test } from './fixtures';

const s256 = (verifier: string) =>
	createHash('sha256').update(verifier, 'ascii').digest('base64url');
const GRAMMAR = /^[A-Za-z0-9\-._~]{43,128}$/;

test.describe('the first page', () => {
	test('shows a live pair whose challenge is SHA-256 of its verifier (RFC 7636 §4.2)', async ({
		watched: page
	}) => {
		await page.goto('./');
		await hydrated(page);
		await expect(page.locator('.pipeline')).toHaveAttribute('data-live', 'true');
		const shownVerifier = await page.getByLabel('code_verifier').textContent();
		const shownChallenge = await page.getByLabel('code_challenge').textContent();
		expect(shownVerifier).toMatch(GRAMMAR);
		expect(shownVerifier).not.toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
		expect(shownChallenge).toBe(s256(shownVerifier!));
		await expect(page.getByText('SHA-256 by WebCrypto')).toBeVisible();
	});

	test('Regenerate gives a new, consistent pair', async ({ watched: page }) => {
		await page.goto('./');
		await hydrated(page);
		await expect(page.locator('.pipeline')).toHaveAttribute('data-live', 'true');
		const first = await page.getByLabel('code_verifier').textContent();
		await page.getByRole('button', { name: 'Regenerate' }).click();
		await expect(page.getByLabel('code_verifier')).not.toHaveText(first!);
		const verifier = (await page.getByLabel('code_verifier').textContent())!;
		expect(verifier).toMatch(GRAMMAR);
		await expect(page.getByLabel('code_challenge')).toHaveText(s256(verifier));
	});

	test('shows the real source, highlighted at build time', async ({ watched: page }) => {
		await page.goto('./');
		const code = page.locator('figure.code');
		await expect(code.first()).toContainText('export function generateCodeVerifier(');
		await expect(code.nth(1)).toContainText('export async function computeCodeChallenge(');
		await expect(
			code.first().locator('pre.shiki span[style*="--shiki-light"]').first()
		).toBeAttached();
	});

	test('has no accessibility violations, light and dark', async ({ watched: page }) => {
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			await page.goto('./');
			await hydrated(page);
			await expect(page.locator('.pipeline')).toHaveAttribute('data-live', 'true');
			await expectAccessible(page);
		}
	});

	test('an unknown address shows a helpful 404 under the base path', async ({ page }) => {
		const response = await page.goto('./no-such-page/');
		expect(response?.status()).toBe(404);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the page still explains, shows the RFC example pair and the code', async ({ page }) => {
		await page.goto('./');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('PKCE, made in your browser');
		await expect(page.getByLabel('code_verifier')).toHaveText(
			'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
		);
		await expect(page.getByLabel('code_challenge')).toHaveText(
			'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
		);
		await expect(page.getByText('Appendix B')).toBeVisible();
		await expect(page.locator('figure.code').first()).toContainText('generateCodeVerifier');
	});
});
