import type { Handle } from '@sveltejs/kit';
import { EARLY_THEME_SCRIPTS } from '$lib/theme';

/**
 * Runs when pages are prerendered (and in `vite dev`): where app.html says `%pkce.theme%`, a page
 * gets the script that sets its theme before the first paint. The embed takes its theme from its
 * URL; every other page (the site's, and the 404 page, whose route is null) the reader's choice.
 */
export const handle: Handle = ({ event, resolve }) => {
	const script = event.route.id === '/embed' ? EARLY_THEME_SCRIPTS.embed : EARLY_THEME_SCRIPTS.site;
	return resolve(event, {
		// A function, so that a `$` in the script could never read as a replacement pattern.
		transformPageChunk: ({ html }) =>
			html.replace('%pkce.theme%', () => `<script>${script}</script>`)
	});
};
