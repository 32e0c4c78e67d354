import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { compileHints } from './scripts/compile-hints.js';

export default defineConfig({
	plugins: [sveltekit(), compileHints()],
	// SvelteKit already puts a modulepreload link for every module of the first page in its HTML.
	// Vite's helper would add them again at start-up (a DOM query and an insertion each, inside the
	// first load's longest task) for 0.4 KB of JavaScript; the chunks loaded later (a scenario,
	// the embed code) mostly need modules the first page already loaded.
	build: { modulePreload: false, sourcemap: !!process.env.SOURCEMAP },
	// Watch's checks run in a module worker (src/lib/watch/analysis.worker.ts), which loads
	// @noble/hashes on demand where WebCrypto is missing: code-splitting needs the ES format.
	worker: { format: 'es' },
	// The browser tests reach the preview as http://workshop.test:PORT, like a laptop on a LAN.
	preview: { allowedHosts: ['workshop.test'] },
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'node'
	}
});
