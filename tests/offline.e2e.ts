import { expect, hydrated, test } from './fixtures';
import { openPlayground, s256, stepLine } from './playground';

test.describe('offline, after a first visit', () => {
	test('the service worker serves every scenario with no network', async ({
		watched: page,
		context
	}) => {
		await openPlayground(page, '#s256/1');
		await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.ready;
			return registration.active?.state;
		});
		await context.setOffline(true);
		await page.reload();
		await hydrated(page);
		await expect(page.locator('.source')).toHaveAttribute('data-live', 'true');
		// Another scenario's chunk, never loaded before going offline, comes from the cache too.
		await page.getByLabel('Scenario').selectOption('downgrade');
		await expect(stepLine(page)).toHaveText(/^Step 1 of/);
		await expect(page.getByLabel('Scenario')).toHaveValue('downgrade');
		// …and so does its highlighted code, fetched on the switch.
		await expect(page.locator('article.detail figure.code pre')).toBeVisible();
		await expect(page.getByRole('alert')).toHaveCount(0);
		await page.goto('./#plain/3');
		await hydrated(page);
		await expect(stepLine(page)).toHaveText(/^Step 3 of/);
		await context.setOffline(false);
	});
});

test.describe('served over plain http from a LAN address', () => {
	test('without crypto.subtle the page says why, and @noble/hashes computes the same S256', async ({
		watched: page,
		baseURL
	}) => {
		const lan = baseURL!.replace('127.0.0.1', 'workshop.test');
		await page.goto(`${lan}#s256/2`);
		await hydrated(page);
		expect(await page.evaluate(() => [isSecureContext, typeof crypto.subtle])).toEqual([
			false,
			'undefined'
		]);
		await expect(page.locator('.source')).toHaveAttribute('data-live', 'true');
		await expect(page.locator('.source')).toContainText('@noble/hashes');
		await expect(page.locator('.source')).toContainText('not treat as a secure context');
		const verifier = (await page.getByLabel('code_verifier', { exact: true }).textContent())!;
		await expect(page.getByLabel('code_challenge', { exact: true })).toHaveText(s256(verifier));
		// The RFC vector proves the fallback hash is right, not just self-consistent.
		await page.getByLabel('RFC 7636 test vector').check();
		await expect(page.getByLabel('code_challenge', { exact: true })).toHaveText(
			'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
		);
		// Copy falls back to a selection when the async clipboard is missing.
		await page.getByRole('button', { name: 'Copy code_challenge' }).click();
		await expect(page.getByRole('button', { name: 'Copy code_challenge' })).toHaveText('Copied');
	});
});
