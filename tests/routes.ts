import { readdirSync } from 'node:fs';
import { SCENARIOS } from './playground';

/** Every page of the site, relative to the base URL. */
export const ROUTES = [
	'',
	'workbench/',
	'embed/',
	'handout/',
	'watch/',
	...SCENARIOS.map((scenario) => `handout/${scenario}/`)
];

/** Pages that are static files, not routes (Live mode's callback: static/live/callback/). */
export const STATIC_PAGES = ['live/callback/'];

/** Every page the build prerendered (read after the build, inside a test). */
export function builtRoutes(dir = 'build'): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((file) => file === 'index.html' || file.endsWith('/index.html'))
		.filter((file) => !STATIC_PAGES.some((page) => file === `${page}index.html`))
		.map((file) => file.slice(0, -'index.html'.length))
		.sort();
}
