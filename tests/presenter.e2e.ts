import { expect, expectAccessible, hydrated, test } from './fixtures';
import { detail, stepLine } from './playground';

test.describe('presenter mode', () => {
	test.use({ viewport: { width: 1280, height: 720 } });

	test('?present: no page chrome, one screen, clicker keys, predict then reveal', async ({
		watched: page
	}) => {
		await page.goto('./?present#s256/6');
		await hydrated(page);
		await expect(page.getByRole('banner')).toBeHidden();
		await expect(stepLine(page)).toHaveText(/^Step 6 of/);

		// The attacker's redemption is decisive: the room is asked first, the answer stays hidden.
		await page.keyboard.press('PageDown');
		await expect(stepLine(page)).toHaveText(/^Step 7 of/);
		await expect(page.locator('.predict')).toHaveText(/Will it get a token\?/);
		await expect(detail(page)).not.toContainText('invalid_grant');
		await expect(page.locator('.presenter-code figure.code')).toBeVisible();
		// The annotations would tell (“…refused before anything is compared”): not yet.
		await expect(page.locator('.presenter-code .notes')).toHaveCount(0);
		await expect(page.locator('.presenter-code .line.emphasized')).toHaveCount(0);

		// The next press reveals, without moving on.
		await page.keyboard.press('PageDown');
		await expect(stepLine(page)).toHaveText(/^Step 7 of/);
		await expect(detail(page)).toContainText('"error": "invalid_grant"');
		await expect(page.locator('.presenter-code .notes li').first()).toBeVisible();
		await expect(page.locator('.presenter-code .line.emphasized').first()).toBeVisible();

		// Diagram, message and code fit the projector's screen without scrolling the page.
		const height = await page.evaluate(() => document.documentElement.scrollHeight);
		expect(height).toBeLessThanOrEqual(720);
		await expect(page.locator('.diagram-box')).toBeInViewport();
		await expect(page.locator('.presenter-code')).toBeInViewport();
		await expectAccessible(page);

		await page.keyboard.press('PageUp');
		await expect(stepLine(page)).toHaveText(/^Step 6 of/);
	});

	test('N makes fresh values on the same step; P and the button leave and enter', async ({
		watched: page
	}) => {
		await page.goto('./#s256/2');
		await hydrated(page);
		await expect(page.locator('.source')).toHaveAttribute('data-live', 'true');
		await page.getByRole('button', { name: 'Present' }).click();
		await expect(page).toHaveURL(/\?present#s256\/2$/);
		await expect(page.getByRole('banner')).toBeHidden();
		const before = await page.getByLabel('code_verifier', { exact: true }).textContent();
		await page.locator('body').click({ position: { x: 2, y: 700 } });
		await page.keyboard.press('n');
		await expect(page.getByLabel('code_verifier', { exact: true })).not.toHaveText(before!);
		await expect(stepLine(page)).toHaveText(/^Step 2 of/);
		await page.keyboard.press('p');
		await expect(page.getByRole('banner')).toBeVisible();
		await expect(page).toHaveURL(/\/#s256\/2$/);
	});
});
