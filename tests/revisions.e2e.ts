import { expect, expectAccessible, hydrated, test } from './fixtures';
import { detail, openPlayground, stepLine } from './playground';

/** The MCP revision switch: the client follows the rules of the revision picked; a link keeps it. */
const SWITCH = 'MCP revision the client follows';

test.describe('the MCP revision switch', () => {
	test('step-up: 2025-06-18 has no step-up, 2025-11-25 loses notes:read; the address keeps the choice', async ({
		watched: page
	}) => {
		await openPlayground(page, '#step-up/1');
		const revision = page.getByRole('combobox', { name: SWITCH });
		await expect(revision).toHaveValue('2026-07-28');
		await expect(page.locator('#revision-note')).toHaveText('changes what the client does here');
		await expect(stepLine(page)).toHaveText('Step 1 of 17');

		await revision.selectOption('2025-06-18');
		await expect(stepLine(page)).toHaveText('Step 1 of 2');
		await expect.poll(() => new URL(page.url()).searchParams.get('mcp')).toBe('2025-06-18');
		await page.keyboard.press('End');
		await expect(detail(page).locator('h2, h3').first()).toContainText(
			'The client after a 403 insufficient_scope'
		);
		await expect(detail(page)).toContainText('MCP 2025-06-18, Error Handling');

		await revision.selectOption('2025-11-25');
		await expect(stepLine(page)).toHaveText(/ of 9$/);
		await page.keyboard.press('End');
		await expect(detail(page)).toContainText('scope="notes:read"');

		// A reload (or a shared link) keeps the revision.
		await page.reload();
		await hydrated(page);
		await expect(page.getByRole('combobox', { name: SWITCH })).toHaveValue('2025-11-25');
		await expect(stepLine(page)).toHaveText(/ of 9$/);

		// Back to the current revision: the parameter goes.
		await page.getByRole('combobox', { name: SWITCH }).selectOption('2026-07-28');
		await expect(stepLine(page)).toHaveText(/ of 17$/);
		await expect.poll(() => new URL(page.url()).searchParams.has('mcp')).toBe(false);
	});

	test('a switch keeps the step where the new run has it; Back brings the address’s revision back', async ({
		watched: page
	}) => {
		await openPlayground(page, '#discovery/7');
		await page.keyboard.press('ArrowRight');
		await expect(stepLine(page)).toHaveText('Step 8 of 13');
		const id = await detail(page).getAttribute('data-step-id');
		await page.getByRole('combobox', { name: SWITCH }).selectOption('2025-06-18');
		// Under 2025-06-18 the first phase is two steps long: the same step is now the 4th.
		await expect(stepLine(page)).toHaveText('Step 4 of 9');
		await expect(detail(page)).toHaveAttribute('data-step-id', id!);
		await expect.poll(() => new URL(page.url()).hash).toBe('#discovery/4');
		await page.goBack();
		await expect(page.getByRole('combobox', { name: SWITCH })).toHaveValue('2026-07-28');
		await expect(stepLine(page)).toHaveText('Step 7 of 13');
	});

	test('where nothing differs, the switch says so; a current s256 has no switch at all', async ({
		watched: page
	}) => {
		await openPlayground(page, '#s256/1');
		await expect(page.getByRole('combobox', { name: SWITCH })).toHaveCount(0);
		await openPlayground(page, '?mcp=2025-06-18#s256/1');
		await expect(page.getByRole('combobox', { name: SWITCH })).toHaveValue('2025-06-18');
		await expect(page.locator('#revision-note')).toHaveText('the client does the same here');
		await expectAccessible(page);
	});

	test('discovery under 2025-06-18: a bare 401 ends discovery; the issuer goes unchecked', async ({
		watched: page
	}) => {
		await openPlayground(page, '?mcp=2025-06-18#discovery/2');
		await expect(detail(page)).toContainText('The client after a 401 that names no metadata');
		await page.keyboard.press('End');
		await expect(detail(page)).toContainText('The client takes the endpoints and goes on');
		await expect(detail(page)).toContainText('MCP 2026-07-28 made the check a client requirement');
	});

	test('an unknown revision in the address gets a message, and the current rules', async ({
		watched: page
	}) => {
		await openPlayground(page, '?mcp=2024-01-01#mix-up/1');
		await expect(page.getByRole('alert')).toHaveText(
			'No MCP revision “2024-01-01”: showing 2026-07-28.'
		);
		await expect(page.getByRole('combobox', { name: SWITCH })).toHaveValue('2026-07-28');
		await expect.poll(() => new URL(page.url()).searchParams.has('mcp')).toBe(false);
	});

	test('phone: the switch sits on a row of its own and nothing scrolls sideways', async ({
		watched: page
	}) => {
		await page.setViewportSize({ width: 375, height: 812 });
		await openPlayground(page, '?mcp=2025-11-25#step-up/2');
		const revision = page.getByRole('combobox', { name: SWITCH });
		await expect(revision).toBeVisible();
		const box = (await revision.boundingBox())!;
		expect(box.x + box.width).toBeLessThanOrEqual(375);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			375
		);
	});
});

test('workbench: the table of rules × revisions, each cell cited, with links that keep the revision', async ({
	watched: page
}) => {
	await page.goto('./workbench/');
	await hydrated(page);
	const table = page.getByRole('table');
	await expect(table.getByRole('columnheader')).toHaveText([
		'Rule',
		'MCP 2025-06-18',
		'MCP 2025-11-25',
		'MCP 2026-07-28\u00a0(current)'
	]);
	const iss = table.locator('tr[data-rule="iss"]');
	await expect(iss.locator('td').nth(0)).toContainText('No iss rule of its own.');
	await expect(iss.locator('td').nth(2)).toContainText(
		'MUST validate the response per RFC 9207 §2.4'
	);
	await expect(iss.locator('td').nth(2).locator('a.cite')).toHaveText(
		'MCP 2026-07-28, Authorization'
	);
	await iss
		.getByRole('link', { name: 'Mix-up: two servers, one hostile under MCP 2025-11-25' })
		.click();
	await hydrated(page);
	await expect(page.getByRole('combobox', { name: SWITCH })).toHaveValue('2025-11-25');
	await expect(page.locator('section.playground')).toHaveAttribute('data-scenario', 'mix-up');
});

test('workbench on a phone: each rule a block, each revision labelled, nothing sideways', async ({
	watched: page
}) => {
	await page.setViewportSize({ width: 375, height: 812 });
	await page.goto('./workbench/');
	await hydrated(page);
	const cell = page.locator('tr[data-rule="step-up"] td').nth(1);
	await cell.scrollIntoViewIfNeeded();
	expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content)).toBe(
		'"MCP 2025-11-25: "'
	);
	const box = (await cell.boundingBox())!;
	expect(box.x + box.width).toBeLessThanOrEqual(375);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	await expect(page.getByRole('cell', { name: /SHOULD sign in again/ })).toBeVisible();
});
