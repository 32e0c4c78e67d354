import { expect, expectAccessible, test } from './fixtures';
import {
	SCENARIOS,
	detail,
	openPlayground,
	progress,
	responseText,
	s256,
	stepLine
} from './playground';

test.describe('the playground', () => {
	test('s256 by keyboard: the attacker gets invalid_grant, the client reaches the MCP server', async ({
		watched: page
	}) => {
		await openPlayground(page);
		await expect(stepLine(page)).toHaveText(/^Step 1 of \d+$/);
		const { m } = await progress(page);
		const attackerErrors: string[] = [];
		for (let n = 1; n < m; n++) {
			await page.keyboard.press('ArrowRight');
			await expect(stepLine(page)).toHaveText(`Step ${n + 1} of ${m}`);
			const step = detail(page);
			if (
				(await step.getAttribute('data-from')) === 'attacker' &&
				(await step.getAttribute('data-to')) === 'as'
			) {
				const body = await responseText(page);
				attackerErrors.push(JSON.parse(body.slice(body.indexOf('{'))).error);
			}
		}
		expect(attackerErrors.length).toBeGreaterThan(0);
		expect(new Set(attackerErrors)).toEqual(new Set(['invalid_grant']));
		await expect(detail(page)).toHaveAttribute('data-to', 'mcp');
		await expect(detail(page)).toHaveAttribute('data-outcome', 'ok');
		await expect(detail(page).locator('figure.http').last()).toContainText('200 OK');
		// The verifier never reaches the browser or the attacker.
		const verifier = (await page.getByLabel('code_verifier', { exact: true }).textContent())!;
		for (const actor of ['browser', 'attacker']) {
			await expect(page.locator(`[data-actor="${actor}"]`)).not.toContainText(verifier);
		}
		await page.keyboard.press('Home');
		await expect(stepLine(page)).toHaveText(`Step 1 of ${m}`);
		await page.keyboard.press('End');
		await expect(stepLine(page)).toHaveText(`Step ${m} of ${m}`);
		await page.keyboard.press('r');
		await expect(stepLine(page)).toHaveText(`Step 1 of ${m}`);
	});

	for (const scenario of SCENARIOS) {
		test(`${scenario}: walks to its end with the mouse, with no accessibility violations on any step`, async ({
			watched: page
		}) => {
			await openPlayground(page);
			await page.getByLabel('Scenario').selectOption(scenario);
			await expect(page).toHaveURL(new RegExp(`#${scenario}/1$`));
			// The URL changes at once; the scenario's run arrives a moment later.
			await expect(page.locator('section.playground')).toHaveAttribute('data-scenario', scenario);
			const { m } = await progress(page);
			// An axe scan per step: plain has 20 (well under a second each; 8 s is the margin for a busy CI machine).
			test.setTimeout(30_000 + m * 8_000);
			expect(m).toBeGreaterThan(1);
			await expectAccessible(page);
			const outcomes: string[] = [];
			for (let n = 1; n <= m; n++) {
				await expect(stepLine(page)).toHaveText(`Step ${n} of ${m}`);
				outcomes.push((await detail(page).getAttribute('data-outcome'))!);
				// The scenario's code came with it (fetched on the switch for all but the first).
				await expect(detail(page).locator('figure.code pre')).toBeVisible();
				// What a step changes: the detail, the diagram, the knowledge and the values.
				await expectAccessible(page, ['article.detail', '.stage', '.values', '.steps']);
				if (n < m) await page.getByRole('button', { name: 'Next step' }).click();
			}
			await expect(page.getByRole('button', { name: 'Next step' })).toBeDisabled();
			// The attacker wins somewhere only where the story shows a set-up that lets it: no PKCE,
			// plain, the lax server of the downgrade, and the attacks PKCE does not stop.
			const attackerWinsSomewhere = [
				'no-pkce',
				'plain',
				'downgrade',
				'mix-up',
				'refresh-replay',
				'impersonation'
			];
			if (attackerWinsSomewhere.includes(scenario)) expect(outcomes).toContain('attacker-wins');
			else expect(outcomes).not.toContain('attacker-wins');
		});
	}

	test.describe('with the network cut', () => {
		// The service worker would answer from its cache, where page.route cannot see the request.
		test.use({ serviceWorkers: 'block' });

		test("when a scenario's code cannot be fetched, the page says so and the scenario still runs", async ({
			page
		}) => {
			await page.route('**/snippets/*.json', (route) => route.abort('internetdisconnected'));
			await openPlayground(page);
			await page.getByLabel('Scenario').selectOption('injection');
			await expect(page.locator('section.playground')).toHaveAttribute(
				'data-scenario',
				'injection'
			);
			await expect(page.getByRole('alert')).toHaveText(
				/This scenario's code did not load .*the rest is complete/
			);
			/** How many of the scenario's steps show their code, walking them all. */
			const stepsWithCode = async () => {
				const { m } = await progress(page);
				let withCode = 0;
				for (let n = 1; n <= m; n++) {
					await page.goto(`./#injection/${n}`);
					await expect(stepLine(page)).toHaveText(`Step ${n} of ${m}`);
					await expect(detail(page).locator('.narration')).not.toBeEmpty();
					withCode += await detail(page).locator('figure.code pre').count();
				}
				return { withCode, m };
			};
			// Steps whose code the first scenario shares still show it; the others (the attacker's own
			// sign-in and the injection) go without.
			const before = await stepsWithCode();
			expect(before.withCode).toBeLessThan(before.m);
			// The code comes back when the network does.
			await page.unroute('**/snippets/*.json');
			await page.getByRole('button', { name: 'New values' }).click();
			await expect(page.getByRole('alert')).toHaveCount(0);
			const after = await stepsWithCode();
			expect(after.withCode).toBe(after.m);
		});
	});

	test('no-pkce: the attacker calls the MCP server as the user', async ({ watched: page }) => {
		await openPlayground(page, '#no-pkce/1');
		const { m } = await progress(page);
		let attackerCalled = false;
		for (let n = 1; n <= m; n++) {
			await page.goto(`./#no-pkce/${n}`);
			await expect(stepLine(page)).toHaveText(`Step ${n} of ${m}`);
			const step = detail(page);
			if (
				(await step.getAttribute('data-from')) === 'attacker' &&
				(await step.getAttribute('data-to')) === 'mcp' &&
				(await step.getAttribute('data-outcome')) === 'attacker-wins'
			) {
				await expect(step.locator('figure.http').last()).toContainText('200 OK');
				attackerCalled = true;
			}
		}
		expect(attackerCalled).toBe(true);
	});

	test('the code_challenge is SHA-256 of the code_verifier at every step where both show', async ({
		watched: page
	}) => {
		await openPlayground(page);
		const { m } = await progress(page);
		for (let n = 1; n <= m; n++) {
			const verifier = (await page.getByLabel('code_verifier', { exact: true }).textContent())!;
			const challenge = (await page.getByLabel('code_challenge', { exact: true }).textContent())!;
			if (verifier !== 'not issued yet' && challenge !== 'not issued yet') {
				expect(verifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
				expect(challenge).toBe(s256(verifier));
			}
			if (n < m) await page.keyboard.press('ArrowRight');
		}
	});

	test('the RFC 7636 test vector makes the run use the Appendix B values', async ({
		watched: page
	}) => {
		await openPlayground(page, '#s256/2');
		await page.getByLabel('RFC 7636 test vector').check();
		await expect(page.getByLabel('code_verifier', { exact: true })).toHaveText(
			'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
		);
		await expect(page.getByLabel('code_challenge', { exact: true })).toHaveText(
			'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
		);
		await expect(stepLine(page)).toHaveText(/^Step 2 of/);
		await page.getByLabel('RFC 7636 test vector').uncheck();
		await expect(page.getByLabel('code_verifier', { exact: true })).not.toHaveText(
			'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
		);
	});

	test('New values gives a fresh, consistent pair on the same step', async ({ watched: page }) => {
		await openPlayground(page, '#s256/3');
		const before = await page.getByLabel('code_verifier', { exact: true }).textContent();
		await page.getByRole('button', { name: 'New values' }).click();
		await expect(page.getByLabel('code_verifier', { exact: true })).not.toHaveText(before!);
		const verifier = (await page.getByLabel('code_verifier', { exact: true }).textContent())!;
		await expect(page.getByLabel('code_challenge', { exact: true })).toHaveText(s256(verifier));
		await expect(stepLine(page)).toHaveText(/^Step 3 of/);
	});

	test('a deep link opens its step cold; back and forward restore steps', async ({
		watched: page
	}) => {
		await openPlayground(page, '#replay/4');
		await expect(stepLine(page)).toHaveText(/^Step 4 of/);
		await expect(page.getByLabel('Scenario')).toHaveValue('replay');
		await page.getByRole('button', { name: 'Next step' }).click();
		await page.getByRole('button', { name: 'Next step' }).click();
		await expect(page).toHaveURL(/#replay\/6$/);
		await page.goBack();
		await expect(stepLine(page)).toHaveText(/^Step 5 of/);
		await page.goBack();
		await expect(stepLine(page)).toHaveText(/^Step 4 of/);
		await page.goForward();
		await expect(stepLine(page)).toHaveText(/^Step 5 of/);
		await page.reload();
		await expect(stepLine(page)).toHaveText(/^Step 5 of/);
		await expect(page.getByLabel('Scenario')).toHaveValue('replay');
	});

	test('the diagram scrolls inside its box to keep the current message in view', async ({
		watched: page
	}) => {
		await page.setViewportSize({ width: 1280, height: 720 });
		const box = page.locator('.diagram-box');
		const current = box.locator('.message.current');
		const inBox = async () => {
			const [outer, inner] = await Promise.all([box.boundingBox(), current.boundingBox()]);
			return (
				!!outer && !!inner && inner.y >= outer.y && inner.y + inner.height <= outer.y + outer.height
			);
		};
		// hijack's diagram, drawn to its last step, is taller than its box at this size.
		await openPlayground(page, '#hijack/1');
		await page.keyboard.press('End');
		await expect(page).toHaveURL(/#hijack\/\d+$/);
		expect(await box.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
		await expect.poll(inBox).toBe(true);
		await page.keyboard.press('Home');
		await expect.poll(inBox).toBe(true);
		await expect.poll(() => box.evaluate((el) => el.scrollTop)).toBe(0);
		// Cold, at the last step.
		await page.goto('about:blank');
		await openPlayground(page, '#hijack/99');
		await expect.poll(inBox).toBe(true);
	});

	test('an unknown hash falls back to the first scenario', async ({ watched: page }) => {
		await openPlayground(page, '#nonsense/99');
		await expect(stepLine(page)).toHaveText(/^Step 1 of/);
	});

	test('Play advances on its own and Pause stops it; Space toggles', async ({ watched: page }) => {
		await openPlayground(page, '#s256/1');
		await page.getByRole('button', { name: 'Play' }).click();
		await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
		await expect(stepLine(page)).toHaveText(/^Step 2 of/, { timeout: 6000 });
		await page.getByRole('button', { name: 'Pause' }).click();
		await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
		await page.locator('body').click({ position: { x: 5, y: 5 } });
		await page.keyboard.press(' ');
		await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
		await page.keyboard.press(' ');
		await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
	});

	test('shortcuts do not fire while the focus is in a form field (WCAG 2.1.4)', async ({
		watched: page
	}) => {
		await openPlayground(page, '#s256/1');
		await page.getByLabel('Scenario').focus();
		await page.keyboard.press('r');
		await page.keyboard.press('End');
		await expect(stepLine(page)).toHaveText(/^Step 1 of/);
	});

	test('token responses show their JSON, including error, as text; copy as curl works', async ({
		watched: page,
		context
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await openPlayground(page, '#s256/7');
		await expect(detail(page)).toHaveAttribute('data-step-id', 'token-attacker-no-verifier');
		await expect(detail(page)).toContainText('"error": "invalid_grant"');
		await page.getByRole('button', { name: 'Copy as curl request as curl' }).click();
		const curl = await page.evaluate(() => navigator.clipboard.readText());
		expect(curl).toMatch(/^curl -i https:\/\/.+\/token/);
		expect(curl).toContain("--data-urlencode 'grant_type=authorization_code'".replace(/'/g, ''));
	});
});

test('Copy embed code fills in the current scenario and step', async ({
	watched: page,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await openPlayground(page, '#replay/5');
	await page.getByRole('button', { name: 'Copy embed code' }).click();
	await expect(page.getByRole('button', { name: 'Copy embed code' })).toHaveText('Copied');
	const code = await page.evaluate(() => navigator.clipboard.readText());
	expect(code).toMatch(
		/<iframe[^>]+src="http:\/\/127\.0\.0\.1:\d+\/pkce-playground\/embed\/#replay\/5"/
	);
	expect(code).toContain("'pkce-playground:height'");
});

test.describe('reduced motion', () => {
	test.use({ reducedMotion: 'reduce' });

	test('no travel animation: the state simply changes', async ({ watched: page }) => {
		await openPlayground(page, '#s256/1');
		await page.keyboard.press('ArrowRight');
		await expect(stepLine(page)).toHaveText(/^Step 2 of/);
		const running = await page.evaluate(
			() => document.getAnimations().filter((a) => a.playState === 'running').length
		);
		expect(running).toBe(0);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the first step reads as a document, and a link leads to every step on one page', async ({
		page
	}) => {
		await page.goto('./');
		const first = page.locator('article.detail');
		await expect(first).toHaveCount(1);
		await expect(first.locator('.narration')).not.toBeEmpty();
		await expect(first.locator('figure.code pre')).toBeVisible();
		await page.getByRole('link', { name: /Read every step of .* on one page/ }).click();
		await expect(page).toHaveURL(/\/handout\/s256\/$/);
		const steps = page.locator('article.detail');
		expect(await steps.count()).toBeGreaterThan(5);
		await expect(
			page.locator('pre', { hasText: '"error": "invalid_grant"' }).first()
		).toBeVisible();
	});
});
