import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// The browser tests reach the preview as http://workshop.test:PORT, like a laptop on a LAN.
	preview: { allowedHosts: ['workshop.test'] },
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'node'
	}
});
