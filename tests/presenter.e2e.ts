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
		// Nothing gives the answer away: no title, no outcome, no reply arrow, no check, no code.
		await expect(detail(page).locator('.title')).toHaveText('What happens next?');
		await expect(page.locator('.message.current .reply')).toHaveCount(0);
		await expect(page.locator('.message.current .check')).toHaveCount(0);
		await expect(page.locator('.presenter-code')).toHaveCount(0);
		// Who holds what, from before the step: the attacker has the code, not the verifier.
		const holders = page.getByRole('definition').filter({ hasText: 'no code_verifier' });
		await expect(holders).toContainText('code');
		await expect(page.locator('.holders .secret')).toHaveText('code_verifier (secret)');

		// The next press reveals, without moving on.
		await page.keyboard.press('PageDown');
		await expect(stepLine(page)).toHaveText(/^Step 7 of/);
		await expect(detail(page)).toContainText('"error": "invalid_grant"');
		// The line that matters is on screen, not below the panel's edge.
		await expect(detail(page).getByText('"error_description"')).toBeInViewport();
		await expect(page.locator('.message.current .check')).toContainText('PKCE check fails');
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

	test('an attack PKCE does not stop: the room is asked, then the check passes on screen', async ({
		watched: page
	}) => {
		await page.goto('./?present#impersonation/4');
		await hydrated(page);
		await expect(stepLine(page)).toHaveText('Step 4 of 11');
		await page.keyboard.press('PageDown');
		await expect(stepLine(page)).toHaveText(/^Step 5 of/);
		await expect(page.locator('.predict')).toHaveText(/Will PKCE stop it\?/);
		await expect(detail(page)).not.toContainText('"access_token"');
		await expect(page.locator('.message.current .check')).toHaveCount(0);

		await page.keyboard.press('PageDown');
		await expect(stepLine(page)).toHaveText(/^Step 5 of/);
		await expect(page.locator('.message.current .check')).toContainText('PKCE check passes');
		await expect(detail(page)).toContainText('"access_token"');
		const height = await page.evaluate(() => document.documentElement.scrollHeight);
		expect(height).toBeLessThanOrEqual(720);
		await expectAccessible(page);
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
		// Step 2's request carries the code_challenge: fresh values change it.
		const request = detail(page).locator('figure.http pre').first();
		const before = await request.textContent();
		await page.locator('body').click({ position: { x: 2, y: 700 } });
		await page.keyboard.press('n');
		await expect(request).not.toHaveText(before!);
		await expect(stepLine(page)).toHaveText(/^Step 2 of/);
		await page.keyboard.press('p');
		await expect(page.getByRole('banner')).toBeVisible();
		await expect(page).toHaveURL(/\/#s256\/2$/);
	});
});
