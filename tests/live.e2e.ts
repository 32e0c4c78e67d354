import type { Page } from '@playwright/test';
import { startLab } from '../src/lab/lab.js';
import { expect, expectAccessible, test, watch } from './fixtures';
import { detail, openPlayground, progress } from './playground';

/**
 * Live mode against the real lab (oidc-provider and the MCP TypeScript SDK), which these tests
 * start on free ports and stop. The reader's browser signs in through the lab's own pages in a
 * second window; the attacker's redemption, the client's and the MCP call are real requests.
 */
let lab: Awaited<ReturnType<typeof startLab>>;

test.beforeAll(async ({ baseURL }) => {
	lab = await startLab({ asPort: 0, mcpPort: 0, sites: [baseURL!] });
});
test.afterAll(() => lab?.close());

/**
 * A page watched as every test's is, except that requests to the lab are allowed — and only the
 * ones the reader asked for: `lab requests` counts them.
 */
async function livePage(page: Page, baseURL: string, also: string[] = []) {
	const labRequests: string[] = [];
	const origins = () => [
		...also,
		new URL(baseURL).origin,
		new URL(lab.issuer).origin,
		new URL(lab.mcpUrl).origin
	];
	const watched = await watch(page, (url) => {
		if (url.origin !== new URL(baseURL).origin) labRequests.push(url.href);
		return origins().includes(url.origin);
	});
	// The real 401 (discovery) and 400s (the attacker's redemptions) are the point: Chromium logs
	// each as "Failed to load resource"; any other console error is still a problem.
	const expected =
		/^console error: Failed to load resource: the server responded with a status of 40[01] /;
	return {
		labRequests,
		get problems() {
			return watched.filter((problem) => !expected.test(problem));
		}
	};
}

async function connect(page: Page, mcpUrl = lab.mcpUrl) {
	const panel = page.getByRole('region', { name: 'Live: a real lab on this computer' });
	const live = page.getByRole('button', { name: 'Live', exact: true });
	if ((await live.getAttribute('aria-pressed')) !== 'true') await live.click();
	await expect(panel).toBeVisible();
	await panel.getByLabel('MCP server').fill(mcpUrl);
	await panel.getByRole('button', { name: 'Connect' }).click();
	return panel;
}

/** Opens the playground at `hash` and connects it to the lab; returns the Live panel. */
async function connected(page: Page, hash: string) {
	await openPlayground(page, hash);
	const panel = await connect(page);
	await expect(panel.getByText(`Connected: authorization server ${lab.issuer}`)).toBeVisible();
	return panel;
}

/** Signs in through the lab's own pages in the window the page opened; returns that window. */
async function signInAtLab(page: Page, name: string) {
	const panel = page.getByRole('region', { name: 'Live: a real lab on this computer' });
	const [popup] = await Promise.all([
		page.waitForEvent('popup'),
		panel.getByRole('button', { name: /Sign in with the lab|Sign in again/ }).click()
	]);
	await popup.getByLabel('Your name').fill(name);
	await popup.getByRole('button', { name: 'Sign in' }).click();
	await expect(popup.getByRole('heading', { name: /^Allow / })).toBeVisible();
	return popup;
}

test('nothing reaches 127.0.0.1 before Connect; without a lab, Connect says how to start it', async ({
	page,
	baseURL
}) => {
	const closed = await startLab({ asPort: 0, mcpPort: 0, sites: [baseURL!] });
	const nowhere = closed.mcpUrl;
	await closed.close();
	const watched = await livePage(page, baseURL!, [new URL(nowhere).origin]);
	const { labRequests } = watched;
	await openPlayground(page, '#s256/0');
	await page.getByRole('button', { name: 'Live', exact: true }).click();
	await expect(page.getByText('Start the lab in a clone of this site')).toBeVisible();
	expect(labRequests).toEqual([]);
	const panel = await connect(page, nowhere);
	await expect(panel.getByRole('alert')).toHaveText(
		`Nothing answered at ${nowhere}. Is the lab running? Start it with "npm run lab" in a clone of this site's repository. If it is running, it may not allow this site: start it with "npm run lab -- --origin ${baseURL}".`
	);
	await panel.getByLabel('MCP server').fill('https://mcp.example.com/mcp');
	await panel.getByRole('button', { name: 'Connect' }).click();
	await expect(panel.getByRole('alert')).toContainText(
		'Live mode talks only to a lab on this computer'
	);
	await expectAccessible(page, ['.live-panel']);
	// The refused connection logs a network error in the console; nothing else may.
	expect(watched.problems.filter((p) => !p.includes('net::ERR_CONNECTION_REFUSED'))).toEqual([]);
});

test('s256 live: the real server refuses the attacker twice, the client gets a JWT, whoami answers', async ({
	page,
	baseURL
}) => {
	const watched = await livePage(page, baseURL!);
	const panel = await connected(page, '#s256/0');
	const popup = await signInAtLab(page, 'alice');
	// The consent page is the real server's: the client and where the code goes.
	await expect(
		popup.getByText('127.0.0.1:' + new URL(baseURL!).port, { exact: true })
	).toBeVisible();
	await expect(popup.getByText('code_challenge_method=S256')).toBeVisible();
	await popup.getByRole('button', { name: 'Allow' }).click();
	await popup.waitForEvent('close');

	// The stage lands on the attacker's redemption without a verifier: the real 400.
	await expect(panel.getByRole('status')).toContainText('The steps show the real exchange');
	expect(await progress(page)).toEqual({ n: 7, m: 10 });
	const response = detail(page).locator('figure.http').last();
	await expect(response).toContainText('400 Bad Request');
	await expect(response).toContainText('"error": "invalid_grant"');
	await panel.getByText(/^Real answers:/).click();
	await expect(panel.getByText('The MCP tool whoami answered')).toBeVisible();
	await expect(
		panel.getByText(
			'You are alice, calling through the client playground, with the scope mcp:tools.'
		)
	).toBeVisible();
	await expect(panel.getByText("Signature verified with the lab's published keys ✓")).toBeVisible();
	// Where the real server differs from the simulation: its 303 redirects (RFC 6749 §4.1.2).
	await expect(
		panel.getByRole('listitem').filter({ hasText: 'real 303 See Other, simulated 302 Found.' })
	).toBeVisible();
	// The step's text is the story's: the live run mirrors the simulated one step for step.
	await expect(detail(page).getByRole('heading', { level: 2 })).not.toHaveText(
		'token-attacker-no-verifier'
	);

	// The client's redemption: the real token response, with the check the diagram draws.
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	expect(await progress(page)).toEqual({ n: 9, m: 10 });
	await expect(detail(page).locator('figure.http').last()).toContainText('200 OK');
	await expect(detail(page).locator('figure.http').last()).toContainText('"access_token"');
	await page.keyboard.press('ArrowRight');
	await expect(detail(page).locator('figure.http').last()).toContainText('You are alice');
	await expectAccessible(page, ['.live-panel']);

	// Back to the simulation, and to the live run again.
	await panel.getByRole('button', { name: 'Back to the simulation' }).click();
	await expect(detail(page).locator('figure.http').last()).not.toContainText('You are alice');
	await panel.getByRole('button', { name: 'Show the live run' }).click();
	expect(await progress(page)).toEqual({ n: 1, m: 10 });
	// Presenting a live run: it stays on the stage, and the toolbar keeps to one row without Live.
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('p');
	await expect(page.locator('section.playground')).toHaveClass(/presenting/);
	await expect(panel).toBeHidden();
	await expect(page.getByRole('button', { name: 'Live', exact: true })).toBeHidden();
	expect(await progress(page)).toEqual({ n: 2, m: 10 });
	await expect(page.locator('.presenter-code, article.detail').first()).toBeVisible();
	expect(watched.problems).toEqual([]);
});

test('no-pkce live: the legacy client is labelled unsafe, and the attacker calls the tool as the victim', async ({
	page,
	baseURL
}) => {
	const watched = await livePage(page, baseURL!);
	const panel = await connected(page, '#no-pkce/0');
	await expect(panel.getByText('which the lab lets skip PKCE')).toBeVisible();
	const popup = await signInAtLab(page, 'bob');
	await expect(popup.getByRole('alert')).toContainText('Unsafe client.');
	await popup.getByRole('button', { name: 'Allow' }).click();
	await popup.waitForEvent('close');
	await expect(panel.getByRole('status')).toContainText('The steps show the real exchange');
	// The attacker's redemption without a verifier succeeds: a real 200 with a real token.
	await expect(detail(page).locator('figure.http').last()).toContainText('200 OK');
	await panel.getByText(/^Real answers:/).click();
	await expect(
		panel.getByText('You are bob, calling through the client legacy, with the scope mcp:tools.')
	).toBeVisible();
	// The last step differs from the simulation, and says why.
	await page.keyboard.press('End');
	await expect(detail(page)).toContainText("still accepts the attacker's token");
	expect(watched.problems).toEqual([]);
});

test('Deny at the lab, or closing its window, ends the sign-in with a message and brings the simulation back', async ({
	page,
	baseURL
}) => {
	const watched = await livePage(page, baseURL!);
	const panel = await connected(page, '#s256/0');

	// Deny: the lab redirects with error=access_denied (RFC 6749 §4.1.2.1), and the page says so.
	const popup = await signInAtLab(page, 'alice');
	expect(await progress(page)).toEqual({ n: 2, m: 2 });
	await popup.getByRole('button', { name: 'Deny' }).click();
	await popup.waitForEvent('close');
	await expect(panel.getByRole('alert')).toHaveText(
		'The lab answered error=access_denied (The user denied the request.) (RFC 6749 §4.1.2.1).'
	);

	// Closing the window before the lab answers: the sign-in is given up, the simulation returns.
	const [second] = await Promise.all([
		page.waitForEvent('popup'),
		panel.getByRole('button', { name: 'Sign in with the lab' }).click()
	]);
	await expect(panel.getByRole('button', { name: 'Cancel the sign-in' })).toBeVisible();
	await second.close();
	await expect(panel.getByRole('alert')).toHaveText(
		'The sign-in window closed before the lab sent it back here. Sign in again when you are ready.'
	);
	await expect.poll(async () => (await progress(page)).m).toBe(10);
	expect(watched.problems).toEqual([]);
});
