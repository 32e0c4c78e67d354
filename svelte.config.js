import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { EARLY_THEME_SCRIPTS } from './src/lib/theme.js';

/**
 * GitHub Pages serves a project site under /<repository>; BASE_PATH carries that prefix
 * (see .github/workflows/deploy.yml). Empty means the site lives at the origin's root.
 */
const base = process.env.BASE_PATH ?? '';
if (base !== '' && (!base.startsWith('/') || base.endsWith('/'))) {
	throw new Error(`BASE_PATH must start with "/" and not end with one (got "${base}")`);
}

/**
 * A CSP source that allows exactly one inline script.
 * @param {string} script
 * @returns {`sha256-${string}`}
 */
const sha256 = (script) => `sha256-${createHash('sha256').update(script).digest('base64')}`;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	// discloseVersion: no window.__svelte version beacon (a chunk and an import in every other).
	compilerOptions: { runes: true, discloseVersion: false },
	kit: {
		adapter: adapter({ strict: true, fallback: '404.html' }),
		paths: { base, relative: true },
		prerender: {
			handleHttpError: 'fail',
			// `#s256/4` is the playground's own address (scenario/step), not an element id.
			handleMissingId: ({ id, message }) => {
				if (!/^[a-z0-9-]+\/\d+$/.test(id)) throw new Error(message);
			}
		},
		// Small enough that the page's CSS travels inside the HTML (no render-blocking round trip).
		inlineStyleThreshold: 16 * 1024,
		csp: {
			// Prerendered pages get a <meta> policy with a sha256 hash for each inline script Kit emits;
			// ours (the theme, set before the first paint: src/lib/theme.js) are added here. (In `vite
			// dev`, restart after editing those scripts: the config, and so the hashes, load once.)
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', ...Object.values(EARLY_THEME_SCRIPTS).map(sha256)],
				// <style> elements are hashed by Kit; style *attributes* (shiki's token colours) cannot be,
				// and carry no script, so they alone are allowed inline.
				'style-src-elem': ['self'],
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				// Live mode talks to the local lab (`npm run lab`), on 127.0.0.1 only, and only after the
				// reader presses Connect.
				'connect-src': ['self', 'http://127.0.0.1:*'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
