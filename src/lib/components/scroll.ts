/**
 * The nearest ancestor of `element` that scrolls vertically; with `overflowing`, only one whose
 * content is taller than it right now. Never the page itself: parts keep what they show in view
 * inside their own box.
 */
export function scrollingBox(
	element: Element,
	{ overflowing = false }: { overflowing?: boolean } = {}
): HTMLElement | undefined {
	for (let box = element.parentElement; box; box = box.parentElement) {
		if (!/auto|scroll/.test(getComputedStyle(box).overflowY)) continue;
		if (!overflowing || box.scrollHeight > box.clientHeight) return box;
	}
}
