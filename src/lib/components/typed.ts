/**
 * What a reader typed into a prerendered field before the page hydrated, if anything. A field
 * whose value the component sets one way (`value={…}` and `oninput`, not `bind:value`) would
 * otherwise lose it: hydration writes the component's initial value over it. Call it while the
 * component is created: its field is still the prerendered one then, and there is none outside
 * hydration (a page reached by a link inside the site) or on the server.
 */
export function typedBeforeHydration(id: string): string | undefined {
	// Once the site has hydrated, a page reached by a link is not prerendered: nothing was typed.
	if (typeof document === 'undefined' || document.documentElement.dataset.hydrated)
		return undefined;
	const field = document.getElementById(id);
	if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement))
		return undefined;
	return field.value === field.defaultValue ? undefined : field.value;
}
