/** What waits for the next paint; run together, in order, in one task. */
const waiting: (() => void)[] = [];

/**
 * How long after the frame starts the waiting work begins: time for the compositor to draw the
 * frame. Begun at once (0 ms), the work made the compositor hold the frame for the next vsync:
 * 54% of key presses painted within 16 ms against 74% with 8 ms (`plain`, 114 presses each).
 */
const DRAW_MS = 8;

/**
 * Runs `then` in a task just after the next frame is painted, together with whatever else waits
 * for it; returns what cancels it. A key press that changes little at once gets its frame painted
 * without waiting for the rest (Event Timing: key to next paint). In a hidden page, where no
 * frame comes, it runs at once.
 */
export function afterPaint(then: () => void): () => void {
	if (document.hidden) {
		then();
		return () => {};
	}
	if (!waiting.length) {
		requestAnimationFrame(() =>
			setTimeout(() => {
				for (const run of waiting.splice(0)) {
					try {
						run();
					} catch (error) {
						reportError(error); // the rest still runs
					}
				}
			}, DRAW_MS)
		);
	}
	waiting.push(then);
	return () => {
		const at = waiting.indexOf(then);
		if (at >= 0) waiting.splice(at, 1);
	};
}
