import type { Handle } from '@sveltejs/kit';
import { EARLY_THEME_SCRIPTS } from '$lib/theme';

/** Which early theme script a route's pages carry, if any. */
function earlyThemeScript(routeId: string | null): string {
	if (routeId?.startsWith('/(site)')) return EARLY_THEME_SCRIPTS.site;
	if (routeId === '/embed') return EARLY_THEME_SCRIPTS.embed;
	return '';
}

/**
 * Runs when pages are prerendered (and in `vite dev`): where app.html says `%pkce.theme%`, a page
 * gets the script that sets its theme before the first paint.
 */
export const handle: Handle = ({ event, resolve }) => {
	const script = earlyThemeScript(event.route.id);
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace('%pkce.theme%', script && `<script>${script}</script>`)
	});
};
