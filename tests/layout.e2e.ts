import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { detail, openPlayground, SCENARIOS } from './playground';

/**
 * What a person sees, measured: the diagram and the step on the first screen of a laptop and a
 * projector, every lane on a phone, every label whole and large enough. Sizes are measured as
 * rendered (font size times the element's on-screen scale), not read from CSS alone.
 */
const SIZES = [
	{ name: 'laptop', width: 1280, height: 720, present: false, minText: 12 },
	{ name: 'desktop', width: 1440, height: 900, present: false, minText: 12 },
	{ name: 'projector', width: 1280, height: 720, present: true, minText: 20 },
	{ name: 'phone', width: 375, height: 812, present: false, minText: 12 }
];

interface Box {
	top: number;
	bottom: number;
	left: number;
	right: number;
}

/** Every text of the diagram: its words, rendered size, box, and whether its box cuts it. */
async function diagramTexts(page: Page) {
	return page.locator('.diagram-box .diagram').evaluate((diagram) => {
		const texts = diagram.querySelectorAll<HTMLElement>('.head, .label, .chip, .box > *');
		return [...texts].map((element) => {
			const rect = element.getBoundingClientRect();
			// A transform or zoom shows as a box wider or narrower than its layout width (which
			// offsetWidth rounds to whole pixels: within 2% is no scaling).
			const ratio = element.offsetWidth ? rect.width / element.offsetWidth : 1;
			const scale = Math.abs(ratio - 1) < 0.02 ? 1 : ratio;
			return {
				text: element.textContent?.trim() ?? '',
				px: parseFloat(getComputedStyle(element).fontSize) * scale,
				cut: element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0,
				box: { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right }
			};
		});
	});
}

const within = (inner: Box, outer: Box) =>
	inner.left >= outer.left - 0.5 &&
	inner.right <= outer.right + 0.5 &&
	inner.top >= outer.top - 0.5 &&
	inner.bottom <= outer.bottom + 0.5;

for (const size of SIZES) {
	test(`${size.name} ${size.width}×${size.height}: the attacker's refused redemption, whole and legible`, async ({
		watched: page
	}) => {
		await page.setViewportSize({ width: size.width, height: size.height });
		await openPlayground(page, `${size.present ? '?present' : ''}#s256/7`);
		const screen: Box = { top: 0, left: 0, right: size.width, bottom: size.height };

		// No sideways scrolling, anywhere on the page.
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
		expect(overflow, 'horizontal overflow').toBeLessThanOrEqual(0);

		const heads = page.locator('.diagram .head');
		await expect(heads).toHaveCount(5);
		// On a phone the step buttons stay at the bottom: the picture must end above them.
		if (size.name === 'phone') {
			screen.bottom = (await page.locator('.stepper').boundingBox())!.y;
		}
		// The lane header row, then the current message with its refusal, on screen together.
		for (const head of await heads.all()) {
			expect(within((await head.boundingBox().then(toBox))!, screen), await head.innerText()).toBe(
				true
			);
		}
		const current = page.locator('.message.current');
		await expect(current.locator('.check')).toContainText('PKCE check fails');
		for (const part of ['.label >> nth=0', '.arrow >> nth=0', '.check', '.label.reply']) {
			const box = toBox(await current.locator(part).boundingBox());
			expect(box && within(box, screen), `current message ${part}`).toBe(true);
		}
		await expect(current.locator('.stop')).toBeVisible();
		await expect(current.locator('.label.reply')).toHaveText('✕ 400 invalid_grant');
		await expect(current.locator('.check')).toContainText('PKCE check fails');

		// The step's title and outcome are on the first screen beside the diagram (a phone shows
		// them under it, one scroll on).
		if (size.name !== 'phone') {
			const title = toBox(await detail(page).locator('.title').boundingBox());
			expect(title && within(title, screen), 'step title on the first screen').toBe(true);
			await expect(detail(page).locator('.outcome')).toBeInViewport();
		}

		// The scenario picker shows every scenario's whole name (a native select cuts a long one
		// at its edge, with no ellipsis to see): each option's text, measured in the select's own
		// font, fits its content box beside the arrow.
		{
			const cut = await page.locator('.picker select').evaluate((select: HTMLSelectElement) => {
				const style = getComputedStyle(select);
				const context = document.createElement('canvas').getContext('2d')!;
				context.font = style.font;
				const room =
					select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24; // the drop-down arrow
				return [...select.options]
					.filter((option) => context.measureText(option.text).width > room)
					.map((option) => option.text);
			});
			expect(cut, 'scenario names cut by the picker').toEqual([]);
		}

		// Each layout keeps every control named and every colour readable (axe).
		await expectAccessible(page);

		// Every label reads in full, at a size the back of the room (or a phone) can read.
		const diagramBox = toBox(await page.locator('.diagram-box').boundingBox())!;
		for (const text of await diagramTexts(page)) {
			expect(text.text, 'a label cut with an ellipsis').not.toMatch(/…$/);
			expect(text.cut, `"${text.text}" is clipped by its box`).toBe(false);
			expect(text.px, `"${text.text}" renders at ${text.px}px`).toBeGreaterThanOrEqual(
				size.minText
			);
			expect(text.box.left, `"${text.text}" starts left of the diagram`).toBeGreaterThanOrEqual(
				diagramBox.left
			);
			expect(text.box.right, `"${text.text}" ends right of the diagram`).toBeLessThanOrEqual(
				diagramBox.right
			);
		}
	});
}

// One test per scenario: a loop over all of them outgrew one test's time on a slow machine.
for (const scenario of SCENARIOS) {
	test(`every step of ${scenario}: its marked lines are emphasized and its notes are inside the code panel`, async ({
		watched: page
	}) => {
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await openPlayground(page, `#${scenario}/1`);
		for (;;) {
			const code = detail(page).locator('figure.code');
			const marks = await code
				.locator('.notes li')
				.evaluateAll((items) => items.map((item) => item.getAttribute('data-mark')));
			const id = await detail(page).getAttribute('data-step-id');
			expect(marks.length, `${scenario}/${id} names no line`).toBeGreaterThan(0);
			const panel = toBox(await code.boundingBox())!;
			for (const mark of marks) {
				await expect(code.locator(`.line.emphasized[data-mark~="${mark}"]`).first()).toBeAttached();
			}
			for (const note of await code.locator('.notes li').all()) {
				const box = toBox(await note.boundingBox())!;
				expect(box.left >= panel.left && box.right <= panel.right, `${scenario}/${id} note`).toBe(
					true
				);
			}
			const next = page.getByRole('button', { name: 'Next step' });
			if (await next.isDisabled()) break;
			await page.keyboard.press('ArrowRight');
			await expect(detail(page)).not.toHaveAttribute('data-step-id', id!);
		}
	});
}

function toBox(rect: { x: number; y: number; width: number; height: number } | null) {
	return rect
		? { top: rect.y, left: rect.x, right: rect.x + rect.width, bottom: rect.y + rect.height }
		: undefined;
}
