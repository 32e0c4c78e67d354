import { expect, expectAccessible, hydrated, test } from './fixtures';
import { SCENARIOS } from './playground';

/**
 * The handout: every step of a scenario laid out for paper. Printed to PDF in Chromium, a
 * scenario of N steps is a cover page plus exactly one page per step.
 */

/** Page objects in a PDF (`/Type /Page`, not `/Pages`), checked against the page tree's `/Count`. */
function pdfPageCount(pdf: Buffer): number {
	const text = pdf.toString('latin1');
	const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
	const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)].map((m) =>
		Number(m[1])
	);
	const rootCount = Math.max(0, ...counts);
	expect(rootCount, 'the page tree counts the same pages').toBe(pages);
	return pages;
}

test.describe('the handout', () => {
	test('the index links every scenario and the playground', async ({ watched: page }) => {
		await page.goto('./handout/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Handouts');
		const links = page.getByRole('listitem').getByRole('link');
		await expect(links).toHaveCount(SCENARIOS.length);
		for (const [i, scenario] of SCENARIOS.entries()) {
			expect(await links.nth(i).getAttribute('href')).toMatch(new RegExp(`${scenario}/$`));
		}
		await expect(page.getByRole('link', { name: 'Back to the playground' })).toBeVisible();
	});

	for (const scenario of SCENARIOS) {
		test(`${scenario}: prints as a cover page, one A4 page per step and a recap page`, async ({
			watched: page
		}, testInfo) => {
			await page.goto(`./handout/${scenario}/`);
			const steps = page.locator('article.detail');
			const meta = (await steps.first().locator('.meta').textContent())!;
			const count = Number(/Step 1 of (\d+)/.exec(meta)![1]);
			await expect(steps).toHaveCount(count);
			await expect(page.locator('section.step .diagram[role="img"]')).toHaveCount(count);

			const path = testInfo.outputPath(`handout-${scenario}.pdf`);
			const pdf = await page.pdf({ format: 'A4', path });
			await testInfo.attach(`handout-${scenario}.pdf`, { path, contentType: 'application/pdf' });
			expect(pdfPageCount(pdf)).toBe(count + 2);
		});
	}

	test('on paper: black on white in a dark theme, no site chrome, no buttons, code unclipped', async ({
		watched: page
	}) => {
		await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
		await page.goto('./handout/s256/');
		await hydrated(page);
		const style = (selector: string, property: string) =>
			page
				.locator(selector)
				.first()
				.evaluate((e, p) => getComputedStyle(e).getPropertyValue(p), property);
		expect(await style('html', 'color')).toBe('rgb(0, 0, 0)');
		expect(await style('html', 'background-color')).toBe('rgb(255, 255, 255)');
		await expect(page.locator('header.site')).toBeHidden();
		await expect(page.locator('footer.site')).toBeHidden();
		await expect(page.getByRole('button')).toHaveCount(0);
		expect(await style('section.step + section.step', 'break-before')).toBe('page');
		expect(await style('figure.http pre', 'max-height')).toBe('none');
		// Shiki's light colours, never the dark theme's pale ones.
		const token = page.locator('pre.shiki span[style*="--shiki-light"]').first();
		const [color, expected] = await token.evaluate((e) => {
			const probe = document.createElement('span');
			probe.style.color = getComputedStyle(e).getPropertyValue('--shiki-light');
			document.body.append(probe);
			const light = getComputedStyle(probe).color;
			probe.remove();
			return [getComputedStyle(e).color, light];
		});
		expect(color).toBe(expected);
	});

	test('on screen: no accessibility violations, light and dark, and nothing animates', async ({
		watched: page
	}) => {
		// Four axe scans of pages with a diagram per step (23-33 s on a 2-core CI machine before axe was put into a page once).
		test.setTimeout(90_000);
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			await page.goto('./handout/');
			await hydrated(page);
			await expectAccessible(page);
			// Arriving by a client-side navigation must not replay the diagram's drawing either.
			await page.getByRole('link', { name: 'Without PKCE' }).click();
			await expect(page).toHaveURL(/handout\/no-pkce\/$/);
			await expect(page.locator('section.step')).not.toHaveCount(0);
			expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
			await expectAccessible(page);
		}
	});

	// Every handout: a chip or a word that cannot wrap would widen the page.
	for (const path of ['./handout/', ...SCENARIOS.map((id) => `./handout/${id}/`)]) {
		test(`at phone width nothing scrolls sideways on ${path}, not even a diagram`, async ({
			watched: page
		}) => {
			await page.setViewportSize({ width: 375, height: 740 });
			await page.goto(path);
			await hydrated(page);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				375
			);
		});
	}

	test('without JavaScript every step is there', async ({ browser, baseURL }) => {
		const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
		const page = await context.newPage();
		await page.goto('./handout/replay/');
		const meta = (await page.locator('article.detail .meta').first().textContent())!;
		const count = Number(/Step 1 of (\d+)/.exec(meta)![1]);
		await expect(page.locator('section.step .diagram[role="img"]')).toHaveCount(count);
		await context.close();
	});
});
