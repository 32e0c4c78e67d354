// Plain JavaScript: svelte.config.js (Node, no TypeScript) imports it to hash the scripts below.

/** Where the theme switch keeps the reader's choice (localStorage): 'light' or 'dark'. */
export const THEME_KEY = 'pkce-playground-theme';

/**
 * A script that sets `<html data-theme>` from an expression; anything but 'light' or 'dark' (or
 * an exception: blocked storage) leaves the page to follow the system's setting.
 * @param {string} theme
 */
const applying = (theme) =>
	`try{var t=${theme};if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

/**
 * Scripts that set a page's theme before its first paint, so that it never shows the other theme
 * first, until it hydrates: a presenter who chose dark on a light laptop, a course page that
 * embeds the dark playground. hooks.server.ts puts the right one in each page's <head>; the CSP
 * allows them by their sha256 (svelte.config.js). The calls are marked pure: the theme switch
 * imports THEME_KEY alone, and the scripts stay out of its chunk (first-load byte budget).
 */
export const EARLY_THEME_SCRIPTS = {
	/** The site's pages: the theme the reader picked with the switch. */
	site: /* @__PURE__ */ applying(`localStorage.getItem('${THEME_KEY}')`),
	/** The embed: `?theme=light|dark` from its URL, and nothing else (not the site's saved choice). */
	embed: /* @__PURE__ */ applying(`new URLSearchParams(location.search).get('theme')`)
};
