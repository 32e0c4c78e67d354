import type { Handle } from '@sveltejs/kit';
import { EARLY_THEME_SCRIPTS } from '$lib/theme';

/**
 * The playground's description, written into its prerendered HTML here: in the page's
 * `<svelte:head>` it would travel in the first load's JavaScript too, for hydration, and no script
 * ever reads it.
 */
const PLAYGROUND_DESCRIPTION =
	"An animated OAuth authorization-code flow between an MCP client, the browser, the authorization server and the MCP server, with an attacker who steals the code and cannot redeem it. Real values, real code, each step's claims cited.";

/**
 * Runs when pages are prerendered (and in `vite dev`): where app.html says `%pkce.theme%`, a page
 * gets the script that sets its theme before the first paint. The embed takes its theme from its
 * URL; every other page (the site's, and the 404 page, whose route is null) the reader's choice.
 */
export const handle: Handle = ({ event, resolve }) => {
	const script = event.route.id === '/embed' ? EARLY_THEME_SCRIPTS.embed : EARLY_THEME_SCRIPTS.site;
	const head =
		event.route.id === '/(site)'
			? `<meta name="description" content="${PLAYGROUND_DESCRIPTION.replaceAll('"', '&quot;')}" />`
			: '';
	return resolve(event, {
		// A function, so that a `$` in the script could never read as a replacement pattern.
		transformPageChunk: ({ html }) =>
			html.replace('%pkce.theme%', () => `<script>${script}</script>${head}`)
	});
};
