import { expect, test } from './fixtures';
import { openPlayground } from './playground';

/**
 * Pictures of key steps at projector and phone sizes, light and dark, kept as test artifacts
 * (test-results/, and the HTML report in CI) for a person to look at.
 */
const SHOTS = [
	['#s256/1', '#s256/7'],
	['#no-pkce/8', '#downgrade/6'],
	// What PKCE does not stop, and a client of an earlier MCP revision.
	['#mix-up/8', '#impersonation/5'],
	['?mcp=2025-11-25#step-up/9', '#discovery/13']
];
const SIZES = [
	{ name: 'projector', width: 1280, height: 720 },
	{ name: 'phone', width: 375, height: 812 }
];

for (const size of SIZES) {
	for (const colorScheme of ['light', 'dark'] as const) {
		for (const shots of SHOTS)
			test(`screenshots at ${size.width}x${size.height}, ${colorScheme}: ${shots.join(', ')}`, async ({
				watched: page
			}, info) => {
				await page.setViewportSize(size);
				await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
				for (const hash of shots) {
					await openPlayground(page, hash);
					// Nothing may overflow the viewport sideways (the diagram scrolls inside its own box).
					const overflow = await page.evaluate(
						() => document.documentElement.scrollWidth - innerWidth
					);
					expect(overflow, `horizontal overflow at ${hash}`).toBeLessThanOrEqual(0);
					await page.locator('.stage').scrollIntoViewIfNeeded();
					const name = `${size.name}-${colorScheme}-${hash.replace(/\W+/g, '-').replace(/^-/, '')}.png`;
					await info.attach(name, { body: await page.screenshot(), contentType: 'image/png' });
				}
			});
	}
}
