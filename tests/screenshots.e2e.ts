import { expect, test } from './fixtures';
import { openPlayground } from './playground';

/**
 * Pictures of key steps at projector and phone sizes, light and dark, kept as test artifacts
 * (test-results/, and the HTML report in CI) for a person to look at.
 */
const SHOTS = ['#s256/1', '#s256/7', '#no-pkce/8', '#downgrade/6'];
const SIZES = [
	{ name: 'projector', width: 1280, height: 720 },
	{ name: 'phone', width: 375, height: 812 }
];

for (const size of SIZES) {
	for (const colorScheme of ['light', 'dark'] as const) {
		test(`screenshots at ${size.width}x${size.height}, ${colorScheme}`, async ({
			watched: page
		}, info) => {
			await page.setViewportSize(size);
			await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
			for (const hash of SHOTS) {
				await openPlayground(page, hash);
				// Nothing may overflow the viewport sideways (the diagram scrolls inside its own box).
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - innerWidth
				);
				expect(overflow, `horizontal overflow at ${hash}`).toBeLessThanOrEqual(0);
				await page.locator('.stage').scrollIntoViewIfNeeded();
				const name = `${size.name}-${colorScheme}-${hash.slice(1).replace('/', '-')}.png`;
				await info.attach(name, { body: await page.screenshot(), contentType: 'image/png' });
			}
		});
	}
}
