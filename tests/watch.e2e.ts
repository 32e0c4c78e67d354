import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startLab } from '../src/lab/lab.js';
import { runSdkClient } from '../src/lab/sdk-client.harness';
import { expect, expectAccessible, holdModules, hydrated, test, watch } from './fixtures';

/**
 * Watch against the real lab, which these tests start on free ports and stop: a real MCP client
 * (the official TypeScript SDK's, driven by the test) signs in, and the page draws what the lab
 * recorded, with the checks and the report.
 */
let lab: Awaited<ReturnType<typeof startLab>>;
/** What the lab's `whoami` tool answers a signed-in client. */
const WHOAMI = /^You are alice, calling through the client \S+, with the scope mcp:tools\.$/;

// A lab per test: the lab's mode and its sessions are global, and these tests run in parallel.
test.beforeEach(async ({ baseURL }) => {
	lab = await startLab({ asPort: 0, mcpPort: 0, sites: [baseURL!] });
});
test.afterEach(() => lab?.close());

/** The page, watched as every test's is, with the lab's origins allowed once Connect is pressed. */
async function watchPage(page: Page, baseURL: string) {
	const allowed = () => [new URL(baseURL).origin, new URL(lab.issuer).origin];
	const problems = await watch(page, (url) => allowed().includes(url.origin));
	await page.goto('./watch/');
	await hydrated(page);
	return problems;
}

/** Presses New session and waits until the lab has it, before a client starts. */
async function newSession(page: Page) {
	await Promise.all([
		page.waitForResponse((response) => response.url().endsWith('/lab/watch/session')),
		page.getByRole('button', { name: 'New session' }).click()
	]);
}

async function connect(page: Page) {
	await page.getByLabel('Lab', { exact: true }).fill(lab.issuer);
	await page.getByRole('button', { name: 'Connect' }).click();
	await expect(page.getByTestId('watch-status')).toContainText(`Watching ${lab.issuer}`);
}

test("nothing of Watch loads on the site's other pages", async ({ watched: page }) => {
	// Watch's own code: the chunks and the worker that only it uses, found in the build by content.
	const dir = 'build/_app/immutable';
	const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
		f.endsWith('.js')
	);
	const watchOnly = files.filter((f) =>
		/Checks on this step|Lab mode for the next flow|pkce-support-checked/.test(
			readFileSync(join(dir, f), 'utf8')
		)
	);
	expect(watchOnly.length).toBeGreaterThanOrEqual(2); // the page's chunk and the checks' worker
	const loaded: string[] = [];
	page.on('request', (request) => loaded.push(request.url()));
	for (const route of ['', 'workbench/', 'handout/', 'handout/s256/', 'embed/']) {
		await page.goto(`./${route}`);
		await hydrated(page);
	}
	await page.waitForLoadState('networkidle');
	const names = watchOnly.map((f) => f.split('/').pop()!);
	expect(loaded.filter((url) => names.some((name) => url.endsWith(name)))).toEqual([]);
});

test('a lab address typed before the page hydrates is kept', async ({ watched: page }) => {
	const release = await holdModules(page);
	await page.goto('./watch/', { waitUntil: 'commit' });
	await page.getByLabel('Lab', { exact: true }).fill('http://127.0.0.1:9400');
	await release();
	await hydrated(page);
	await expect(page.getByLabel('Lab', { exact: true })).toHaveValue('http://127.0.0.1:9400');
});

test('without a lab, Connect says how to start one; nothing is sent before it', async ({
	page,
	baseURL
}) => {
	const requests: string[] = [];
	page.on('request', (request) => {
		if (!request.url().startsWith(new URL(baseURL!).origin)) requests.push(request.url());
	});
	await page.goto('./watch/');
	await hydrated(page);
	await expect(page.getByRole('heading', { name: 'Watch your own MCP client' })).toBeVisible();
	await expect(page.getByText('npm run lab', { exact: true })).toBeVisible();
	expect(requests).toEqual([]);
	// A port where nothing listens (the lab's own port, closed again).
	const closed = await startLab({ asPort: 0, mcpPort: 0, sites: [baseURL!] });
	const address = closed.issuer;
	await closed.close();
	await page.getByLabel('Lab', { exact: true }).fill(address);
	await page.getByRole('button', { name: 'Connect' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		new RegExp(
			`^Nothing answered at ${address.replace(/[.]/g, '\\.')}\\. Is the lab running\\? Start it with "npm run lab"`
		)
	);
	await page.getByLabel('Lab', { exact: true }).fill('http://example.com:9400');
	await page.getByRole('button', { name: 'Connect' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Watch talks only to a lab on this computer: an http://127.0.0.1:<port>/… address (got http://example.com:9400).'
	);
	await expectAccessible(page);
});

test("the SDK client's flow is drawn as it happens, checked, and reported", async ({
	page,
	baseURL
}) => {
	const problems = await watchPage(page, baseURL!);
	await connect(page);
	await newSession(page);
	await expect(page.getByTestId('watch-waiting')).toBeVisible();
	const run = await runSdkClient(lab.mcpUrl);
	expect(run.error).toBeUndefined();

	const diagram = page.getByRole('region', { name: 'Sequence diagram' });
	// The last message: the tool call, with the token.
	await expect(
		page.getByRole('heading', {
			level: 3,
			name: /calls the MCP server with its token \(tools\/call\)/
		})
	).toBeVisible();
	await expect(diagram.locator('[data-step-id]').first()).toBeVisible();
	const lanes = await diagram
		.locator('.message')
		.evaluateAll((rows) => rows.map((row) => row.getAttribute('class')));
	expect(lanes.length).toBeGreaterThan(8);
	await expect(page.getByTestId('report-summary')).toHaveText(
		/: 0 failed, 0 warnings, \d+ passed, 0 notes\.$/
	);
	const report = page.getByRole('region', { name: 'Report' });
	for (const check of ['pkce-method', 'verifier-matches', 'resource-token', 'bearer']) {
		await expect(report.locator(`li[data-check="${check}"].pass`).first()).toBeVisible();
	}
	// From a finding to its message: the token request, its check drawn in the diagram.
	await report
		.locator('li[data-check="verifier-matches"]')
		.getByRole('button', { name: /^step \d+$/ })
		.click();
	await expect(
		page.getByRole('heading', { level: 3, name: /redeems the code with its code_verifier/ })
	).toBeVisible();
	const here = page.getByRole('region', { name: 'Checks on this step' });
	await expect(here.locator('li[data-check="verifier-matches"]')).toContainText('✓ pass');
	await expect(here.getByRole('link', { name: /RFC 7636 §4\.6/ }).first()).toBeVisible();
	// The reference client's code for the step, from the real source.
	await expect(page.getByText('The code above is the playground’s own client')).toBeVisible();
	await expectAccessible(page);
	expect(problems.filter((p) => !/status of 40[01]/.test(p))).toEqual([]);
});

test("attacker mode: the lab's attacker is refused beside the client's success", async ({
	page,
	baseURL
}) => {
	await watchPage(page, baseURL!);
	await connect(page);
	await page.getByLabel('Lab mode for the next flow').selectOption('attacker');
	await expect(page.getByTestId('mode-note')).toContainText('redeems the code before your client');
	await expect.poll(() => lab.recorder.mode).toBe('attacker');
	await newSession(page);
	const run = await runSdkClient(lab.mcpUrl);
	await page.getByLabel('Lab mode for the next flow').selectOption('normal');
	expect(run.answer).toMatch(WHOAMI);
	const diagram = page.getByRole('region', { name: 'Sequence diagram' });
	await expect(diagram.locator('.message.attacker-fails')).toHaveCount(1);
	await expect(diagram.locator('.message.ok').first()).toBeVisible();
	const report = page.getByRole('region', { name: 'Report' });
	await expect(report.locator('li[data-check="attacker-refused"]')).toContainText(
		'without a verifier, and this server answered 400 invalid_grant'
	);
	await expect(page.getByTestId('report-summary')).toHaveText(/: 0 failed/);
});

test('metadata without code_challenge_methods_supported: the SDK goes on, and the report says it must not', async ({
	page,
	baseURL
}) => {
	await watchPage(page, baseURL!);
	await connect(page);
	await page.getByLabel('Lab mode for the next flow').selectOption('no-pkce-metadata');
	await expect.poll(() => lab.recorder.mode).toBe('no-pkce-metadata');
	await newSession(page);
	await runSdkClient(lab.mcpUrl);
	await page.getByLabel('Lab mode for the next flow').selectOption('normal');
	const report = page.getByRole('region', { name: 'Report' });
	await expect(report.locator('li[data-check="pkce-support-checked"].fail')).toContainText(
		'Went on to authorize although the metadata has no code_challenge_methods_supported'
	);
	await expect(page.getByTestId('report-summary')).toHaveText(
		/^Checked against MCP 2026-07-28: 1 failed, 0 warnings, \d+ passed, 0 notes\.$/
	);
	// Against 2025-06-18, which did not ask for it yet: a warning.
	await page.getByLabel('Check against').selectOption('2025-06-18');
	await expect(report.locator('li[data-check="pkce-support-checked"].warn')).toBeVisible();
	// Its links to the playground keep that revision.
	await report
		.locator('li[data-check="bearer"]')
		.getByRole('button', { name: /^step \d+$/ })
		.click();
	await expect(
		page
			.getByRole('region', { name: 'Checks on this step' })
			.getByRole('link', { name: 'The call with the token' })
	).toHaveAttribute('href', /\/\?mcp=2025-06-18#s256\/10$/);
	// The Markdown names the revision it was checked against.
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.getByRole('button', { name: 'Copy report as Markdown' }).click();
	const markdown = await page.evaluate(() => navigator.clipboard.readText());
	expect(markdown).toMatch(
		/^## PKCE and discovery check: Watch test client \(MCP TypeScript SDK\)\n/
	);
	expect(markdown).toContain('Checked against **MCP 2025-06-18**');
	expect(markdown).toContain('| ! warning | `pkce-support-checked` |');
});
