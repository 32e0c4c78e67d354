import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expectAccessible, expect, holdModules, hydrated, test } from './fixtures';

const VECTOR = {
	verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
	challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
	octets:
		'74 18 df b4 97 99 e0 25 4f fa 60 7d d8 ad bb ba 16 d4 25 4d 69 d6 bf f0 5b 58 05 58 53 84 8d 79'
};
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();
const ALLOWED = 'a code_verifier uses only A-Z, a-z, 0-9 and "-" "." "_" "~".';

async function openWorkbench(page: Page): Promise<void> {
	await page.goto('./workbench/');
	await hydrated(page);
}

const verifierField = (page: Page) => page.getByLabel('code_verifier', { exact: true });
const message = (page: Page) => page.getByTestId('verifier-message');
const s256 = (page: Page) => page.getByTestId('challenge-s256');

test.describe('the workbench', () => {
	test('RFC 7636 §4.1: every kind of invalid verifier gets one exact message', async ({
		watched: page
	}) => {
		await openWorkbench(page);
		const cases: [string, string][] = [
			['', 'Too short by 43 characters: 0 of at least 43.'],
			['abc', 'Too short by 40 characters: 3 of at least 43.'],
			['a'.repeat(42), 'Too short by 1 character: 42 of at least 43.'],
			['a'.repeat(130), 'Too long by 2 characters: 130 of at most 128.'],
			[
				'abc+def',
				`The character '+' (standard base64, not base64url) at position 4 is not allowed: ${ALLOWED}`
			],
			[
				'ab/c',
				`The character '/' (standard base64, not base64url) at position 3 is not allowed: ${ALLOWED}`
			],
			[
				`${VECTOR.verifier}=`,
				`The character '=' (base64 padding, which base64url omits) at position 44 is not allowed: ${ALLOWED}`
			],
			['ab cd', `The character a space at position 3 is not allowed: ${ALLOWED}`],
			['h\u00e9llo', `The character 'é' (U+00E9) at position 2 is not allowed: ${ALLOWED}`],
			['ok😀', `The character '😀' (U+1F600) at position 3 is not allowed: ${ALLOWED}`],
			[
				`${VECTOR.verifier}\n`,
				'Your paste has a line break at the end; without it the code_verifier would be valid. Whitespace is not allowed in a code_verifier, and a client that hashes it sends a code_challenge that never matches.'
			],
			[VECTOR.verifier, 'A valid code_verifier: 43 characters, all of them unreserved.']
		];
		for (const [value, expected] of cases) {
			await verifierField(page).fill(value);
			await expect(message(page), JSON.stringify(value)).toHaveText(expected);
			// The challenge follows whatever was typed, byte for byte, never trimmed.
			await expect(s256(page)).toHaveText(sha256(value).toString('base64url'));
		}
	});

	test('a paste with surrounding whitespace is pointed out, and the grammar is shown', async ({
		watched: page
	}) => {
		await openWorkbench(page);
		await verifierField(page).fill(`  ${VECTOR.verifier}\n`);
		await expect(page.getByTestId('whitespace-note')).toContainText(
			'Your paste starts with 2 × a space and ends with a line break.'
		);
		await expect(verifierField(page)).toHaveValue(`  ${VECTOR.verifier}\n`);
		await expect(page.locator('#verifier-grammar')).toBeVisible();
		await expect(page.locator('#verifier-grammar')).toContainText('43*128unreserved');
		await verifierField(page).fill(VECTOR.verifier);
		await expect(page.getByTestId('whitespace-note')).toHaveCount(0);
		await expect(page.locator('#verifier-grammar')).toBeHidden();
	});

	test('RFC 7636 Appendix B: the test-vector button shows every stage of the example', async ({
		watched: page
	}) => {
		await openWorkbench(page);
		await page.getByRole('button', { name: 'Random (32 octets)' }).click();
		await expect(s256(page)).not.toHaveText(VECTOR.challenge);
		await page.getByRole('button', { name: 'RFC 7636 test vector' }).click();
		await expect(s256(page)).toHaveText(VECTOR.challenge);
		await expect(verifierField(page)).toHaveValue(VECTOR.verifier);
		await expect(page.getByTestId('stage-octets')).toHaveText(VECTOR.octets);
		await expect(page.getByTestId('stage-digest')).toHaveText(
			sha256(VECTOR.verifier)
				.toString('hex')
				.replace(/(..)(?!$)/g, '$1 ')
		);
		await expect(page.getByTestId('challenge-plain')).toHaveText(`"${VECTOR.verifier}"`);
		for (const section of ['RFC 7636 §4.1', 'RFC 7636 §4.2']) {
			await expect(
				page.locator('ol.stages').getByRole('link', { name: section }).first()
			).toBeVisible();
		}
	});

	test('RFC 7636 §4.1, §7.1: random verifiers of 43..128 characters and their arithmetic', async ({
		watched: page
	}) => {
		await openWorkbench(page);
		await page.getByRole('button', { name: 'Random (32 octets)' }).click();
		const verifier = await verifierField(page).inputValue();
		expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
		await expect(s256(page)).toHaveText(sha256(verifier).toString('base64url'));
		await expect(page.getByTestId('random-bits')).toHaveText('256 bits');
		await expect(page.getByText('about 1.8 × 10^57 years').first()).toBeVisible();
		await expect(page.getByTestId('typed-bits')).toHaveText('259.9 bits');
		const slider = page.getByRole('slider', { name: /Random verifier of length/ });
		await slider.fill('128');
		await expect(verifierField(page)).toHaveValue(/^[A-Za-z0-9_-]{128}$/);
		await expect(page.getByTestId('random-bits')).toHaveText('768 bits');
		await verifierField(page).fill('correct-horse');
		await expect(page.getByText(/What you typed \(13 characters\)/)).toBeVisible();
	});

	test('RFC 7636 §4.6: a wrong guess gets invalid_grant, the right verifier a token', async ({
		watched: page
	}) => {
		await openWorkbench(page);
		const panel = page.locator('section[aria-labelledby="redeem-title"]');
		await expect(panel).toHaveAttribute('data-ready', 'true');
		const outcome = page.getByTestId('redeem-outcome');
		await page.getByLabel('Your code_verifier guess').fill('a'.repeat(43));
		await panel.getByRole('button', { name: 'Send my guess' }).click();
		await expect(outcome).toContainText('400 Bad Request: invalid_grant');
		await expect(panel.locator('pre').first()).toContainText(`code_verifier=${'a'.repeat(43)}`);
		for (const name of ['Send the code_challenge', 'Send no code_verifier', /Try plain/]) {
			await panel.getByRole('button', { name }).click();
			await expect(outcome).toContainText('invalid_grant');
		}
		await page.getByLabel('Your code_verifier guess').fill('short');
		await panel.getByRole('button', { name: 'Send my guess' }).click();
		await expect(outcome).toContainText('invalid_request');
		await panel.getByRole('button', { name: 'Reveal the client’s verifier' }).click();
		const secret = await page.getByLabel('Your code_verifier guess').inputValue();
		expect(sha256(secret).toString('base64url')).toBe(
			await page.getByTestId('redeem-challenge').textContent()
		);
		await panel.getByRole('button', { name: 'Send my guess' }).click();
		await expect(outcome).toContainText('200 OK: the server issued an access_token.');
		await panel.getByRole('button', { name: 'Send my guess' }).click();
		await expect(outcome).toContainText('invalid_grant');
	});

	test('diagnoses the slips that lead to invalid_grant', async ({ watched: page }) => {
		await openWorkbench(page);
		const verifier = page.getByLabel('code_verifier (token request)');
		const challenge = page.getByLabel('code_challenge (authorization request)');
		const title = page.getByTestId('diagnosis').locator('h3');
		const digest = sha256(VECTOR.verifier);
		const cases: [string, string, string][] = [
			[VECTOR.verifier, VECTOR.challenge, 'The pair matches S256'],
			[VECTOR.verifier, VECTOR.verifier, 'The pair matches plain, not S256'],
			[VECTOR.verifier, digest.toString('base64'), 'Standard base64 instead of base64url'],
			[VECTOR.verifier, digest.toString('hex'), 'A hex-encoded digest'],
			[
				VECTOR.verifier,
				sha256(`${VECTOR.verifier}\n`).toString('base64url'),
				'Whitespace was hashed with the verifier'
			],
			['too-short', VECTOR.challenge, 'The verifier is outside the §4.1 grammar'],
			['a'.repeat(43), VECTOR.challenge, 'A different verifier']
		];
		for (const [v, c, expected] of cases) {
			await verifier.fill(v);
			await challenge.fill(c);
			await expect(title, expected).toHaveText(expected);
		}
	});

	test('what a reader types before the page hydrates is kept, and answered once it has', async ({
		watched: page
	}) => {
		const release = await holdModules(page);
		await page.goto('./workbench/', { waitUntil: 'commit' });
		// The prerendered page: its fields take typing before any script runs.
		await verifierField(page).fill('abc');
		await page.getByLabel('code_verifier (token request)').fill(VECTOR.verifier);
		await page.getByLabel('code_challenge (authorization request)').fill(VECTOR.verifier);
		await page.getByLabel('Sent in the authorization request').fill('http://[::1]:53682/callback');
		await page.getByLabel('Your code_verifier guess').fill('my-guess');
		await release();
		await hydrated(page);
		await expect(verifierField(page)).toHaveValue('abc');
		await expect(message(page)).toHaveText('Too short by 40 characters: 3 of at least 43.');
		await expect(page.getByTestId('diagnosis').locator('h3')).toHaveText(
			'The pair matches plain, not S256'
		);
		await expect(page.getByTestId('redirect-verdict')).toHaveAttribute(
			'data-kind',
			'loopback-host'
		);
		await expect(page.getByLabel('Your code_verifier guess')).toHaveValue('my-guess');
	});

	test('RFC 8252 §7.3, §8.3: the redirect URI check answers with the server’s matching and says why', async ({
		watched: page
	}) => {
		await openWorkbench(page);
		const verdict = page.getByTestId('redirect-verdict');
		// The defaults: the registered loopback URI and the port the client picked.
		await expect(verdict.locator('h3')).toHaveText('✓ Loopback IP, another port: accepted');
		await expect(verdict).toContainText('RFC 8252 §7.3');
		const registered = page.getByLabel('Registered redirect_uri');
		const requested = page.getByLabel('Sent in the authorization request');
		const cases: [string, string, string][] = [
			['http://127.0.0.1/callback', 'http://[::1]:53682/callback', 'loopback-host'],
			['http://localhost/callback', 'http://localhost:53682/callback', 'localhost-port'],
			['http://127.0.0.1/callback', 'https://127.0.0.1:53682/callback', 'scheme'],
			['http://127.0.0.1/callback', 'http://127.0.0.1/callback', 'exact'],
			['127.0.0.1/callback', 'http://127.0.0.1/callback', 'not-a-url']
		];
		for (const [r, q, kind] of cases) {
			await registered.fill(r);
			await requested.fill(q);
			await expect(verdict, `${r} vs ${q}`).toHaveAttribute('data-kind', kind);
		}
		await expect(verdict.locator('h3')).toHaveText('✕ One of them is not a URL');
		// The example buttons fill both fields.
		await page.getByRole('group', { name: 'Examples' }).getByRole('button').nth(2).click();
		await expect(registered).toHaveValue('http://localhost/callback');
		await expect(verdict).toHaveAttribute('data-kind', 'localhost-port');
		await expect(verdict).toContainText('NOT RECOMMENDED');
	});

	test('what goes wrong: the unchecked server lets the attacker win; a lost verifier fails', async ({
		watched: page
	}) => {
		await openWorkbench(page);
		const unchecked = page.getByTestId('failure-unchecked-server');
		await unchecked.getByRole('button').click();
		await expect(unchecked.getByTestId('failure-outcome')).toContainText(
			'200 OK: the server issued an access_token. The attacker wins.'
		);
		const lost = page.getByTestId('failure-lost-verifier');
		await lost.getByRole('button').click();
		await expect(lost.getByTestId('failure-outcome')).toContainText('invalid_grant');
		const random = page.getByTestId('failure-math-random');
		await random.getByRole('button').click();
		await expect(random).toContainText(/Too short by \d+ characters/);
		await expect(random.getByTestId('failure-outcome')).toContainText(/invalid_(request|grant)/);
		const short = page.getByTestId('failure-too-short');
		await short.getByRole('button').click();
		await expect(short.getByTestId('failure-outcome')).toContainText('invalid_request');
	});

	test('the quiz explains each answer and links to the step that shows it', async ({
		watched: page
	}) => {
		await openWorkbench(page);
		const questions = page.locator('[data-testid^="quiz-"]');
		const count = await questions.count();
		expect(count).toBeGreaterThanOrEqual(5);
		for (let i = 0; i < count; i++) {
			const question = questions.nth(i);
			const radios = question.getByRole('radio');
			const details = question.locator('details');
			await expect(details).not.toHaveAttribute('open');
			const answer = ((await question.locator('.answer').textContent()) ?? '').replace(
				'Answer: ',
				''
			);
			const labels = await question.locator('label').allTextContents();
			const right = labels.findIndex((l) => l.trim() === answer.trim());
			expect(right, answer).toBeGreaterThanOrEqual(0);
			await radios.nth(right === 0 ? 1 : 0).check();
			await expect(question.locator('.feedback')).toContainText('Not quite.');
			await expect(details).toHaveAttribute('open');
			await expect(details.locator('.narration')).toBeVisible();
			await expect(details.locator('a.cite').first()).toBeVisible();
			await radios.nth(right).check();
			await expect(question.locator('.feedback')).toHaveText('Right.');
			await expect(details.getByRole('link', { name: /step \d+:/ })).toHaveAttribute(
				'href',
				/#[a-z0-9-]+\/\d+$/
			);
		}
		// The link lands on the step it names.
		const link = questions.first().getByRole('link', { name: /step \d+:/ });
		const title = ((await link.textContent()) ?? '').replace(/^.*step \d+: /, '').trim();
		await link.click();
		await hydrated(page);
		await expect(page.locator('article.detail')).toContainText(title);
	});

	test('no accessibility violations, light and dark, after using every panel', async ({
		watched: page
	}) => {
		// Every panel, used twice (light and dark), each pass ending in a full-page axe scan.
		test.slow();
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			await openWorkbench(page);
			await verifierField(page).fill('abc def\n');
			await page.getByLabel('code_verifier (token request)').fill(VECTOR.verifier);
			await page.getByLabel('code_challenge (authorization request)').fill(VECTOR.challenge);
			await page.getByTestId('failure-unchecked-server').getByRole('button').click();
			await page.getByTestId('failure-unchecked-server').locator('summary').click();
			await page.locator('[data-testid^="quiz-"]').first().getByRole('radio').first().check();
			await expect(page.locator('section[aria-labelledby="redeem-title"]')).toHaveAttribute(
				'data-ready',
				'true'
			);
			await page.getByRole('button', { name: 'Send no code_verifier' }).click();
			await expect(page.getByTestId('redeem-outcome')).toBeVisible();
			await page.getByLabel('Sent in the authorization request').fill('http://[::1]:1/callback');
			await expect(page.getByTestId('redirect-verdict')).toHaveAttribute(
				'data-kind',
				'loopback-host'
			);
			await expectAccessible(page);
		}
	});

	test('works with the keyboard alone', async ({ watched: page }) => {
		await openWorkbench(page);
		await verifierField(page).focus();
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.type('typed-by-keyboard');
		await expect(message(page)).toHaveText('Too short by 26 characters: 17 of at least 43.');
		await page.keyboard.press('Tab');
		await expect(page.getByRole('button', { name: 'Random (32 octets)' })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(message(page)).toHaveText(
			'A valid code_verifier: 43 characters, all of them unreserved.'
		);
		await page.keyboard.press('Tab');
		await page.keyboard.press('Space');
		await expect(s256(page)).toHaveText(VECTOR.challenge);
		await page.keyboard.press('Tab');
		await expect(page.getByRole('slider')).toBeFocused();
		await page.keyboard.press('ArrowRight');
		await expect(verifierField(page)).toHaveValue(/^[A-Za-z0-9_-]{44}$/);
		const first = page.locator('[data-testid^="quiz-"]').first();
		await first.getByRole('radio').first().focus();
		await page.keyboard.press('ArrowDown');
		await expect(first.getByRole('radio').nth(1)).toBeChecked();
		await expect(first.locator('.feedback')).not.toBeEmpty();
	});

	test('fits a 375 px phone without horizontal scrolling', async ({ watched: page }) => {
		await page.setViewportSize({ width: 375, height: 740 });
		await openWorkbench(page);
		await page.getByRole('button', { name: 'RFC 7636 test vector' }).click();
		await page.getByTestId('failure-unchecked-server').getByRole('button').click();
		await page.getByTestId('failure-unchecked-server').locator('summary').click();
		const width = await page.evaluate(() => document.documentElement.clientWidth);
		const overflowing = await page.evaluate((limit) => {
			const clipped = (el: Element) => {
				for (let up = el.parentElement; up; up = up.parentElement) {
					if (getComputedStyle(up).overflowX !== 'visible') return true;
				}
				return false;
			};
			const wide = [...document.querySelectorAll('body *')].filter(
				(el) => el.getBoundingClientRect().right > limit + 0.5 && !clipped(el)
			);
			// Name the outermost offenders only: their children overflow with them.
			return wide
				.filter((el) => !wide.includes(el.parentElement!))
				.map(
					(el) => `${el.tagName.toLowerCase()}.${el.className} ${el.getBoundingClientRect().right}`
				);
		}, width);
		expect(overflowing).toEqual([]);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('the page still explains, says what needs JavaScript, and shows Appendix B', async ({
			page
		}) => {
			await page.goto('./workbench/');
			await expect(page.getByText('The interactive parts need JavaScript.')).toBeVisible();
			await expect(s256(page)).toHaveText(VECTOR.challenge);
			await expect(page.getByTestId('stage-octets')).toHaveText(VECTOR.octets);
			await expect(page.getByRole('heading', { name: 'Glossary' })).toBeVisible();
			await expect(page.getByTestId('spec-versions')).toContainText('RFC 7636 (September 2015)');
			await expect(page.getByText(/RFC 9126.*made PKCE mandatory/).first()).toBeVisible();
			const details = page.locator('[data-testid^="quiz-"] details').first();
			await details.locator('summary').click();
			await expect(details.locator('.narration')).toBeVisible();
		});
	});
});
