import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, systemChromium } from './scripts/chromium.js';

/** The e2e tests always run under a base path, as on GitHub Pages. */
export const BASE_PATH = process.env.BASE_PATH ?? '/pkce-playground';
/** E2E_PORT lets two test runs on one machine use different ports. */
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.e2e.ts',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: 0,
	// CI machines are slower and shared: the same test takes up to twice as long there.
	timeout: process.env.CI ? 60_000 : 30_000,
	expect: { timeout: process.env.CI ? 10_000 : 5_000 },
	workers: process.env.CI ? 2 : undefined,
	reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
	outputDir: 'test-results',
	use: {
		baseURL: `http://127.0.0.1:${PORT}${BASE_PATH}/`,
		trace: 'retain-on-failure',
		// Playwright waits for a navigation without limit by default: a back/forward that never
		// reaches `load` then burns the whole test timeout (30 min for the randomized run).
		navigationTimeout: 30_000,
		screenshot: 'only-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: { executablePath: systemChromium(), args: CHROMIUM_ARGS }
			}
		}
	],
	webServer: {
		command: `npm run build && npm run preview -- --host 127.0.0.1 --port ${PORT} --strictPort`,
		url: `http://127.0.0.1:${PORT}${BASE_PATH}/`,
		env: { BASE_PATH },
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'ignore'
	}
});
