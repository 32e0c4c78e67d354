// Plain JavaScript: svelte.config.js (Node, no TypeScript) imports it to hash the script below.

/** Where the theme switch keeps the reader's choice (localStorage): 'light' or 'dark'. */
export const THEME_KEY = 'pkce-playground-theme';

/**
 * Applies a saved theme before the first paint, so that a reader who chose dark on a light
 * system (a projector) does not see the light page first, until the switch hydrates.
 * hooks.server.ts puts it in the <head> of the site's pages (not the embed: its theme comes from
 * its URL); the CSP allows it by its sha256 (svelte.config.js). Storage may be blocked: then the
 * system's theme shows, as it would anyway.
 */
export const EARLY_THEME_SCRIPT = `try{var t=localStorage.getItem('${THEME_KEY}');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;
