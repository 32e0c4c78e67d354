import type { Handle } from '@sveltejs/kit';
import { EARLY_THEME_SCRIPT } from '$lib/theme';

/**
 * Runs when pages are prerendered (and in `vite dev`): the site's pages get the script that
 * applies a saved theme before the first paint, where app.html says `%pkce.theme%`.
 */
export const handle: Handle = ({ event, resolve }) => {
	const script = event.route.id?.startsWith('/(site)')
		? `<script>${EARLY_THEME_SCRIPT}</script>`
		: '';
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%pkce.theme%', script)
	});
};
