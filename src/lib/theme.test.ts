import { describe, expect, test } from 'vitest';
import { EARLY_THEME_SCRIPTS, THEME_KEY } from './theme';

/**
 * Runs a theme script as a page's <head> would, against a stand-in document, storage and URL,
 * and returns the theme it set on <html> (undefined: the page follows the system).
 */
function themeAfter(
	script: string,
	{ search = '', saved = null as string | null, blocked = false }
) {
	const dataset: Record<string, string> = {};
	const localStorage = {
		getItem(key: string) {
			if (blocked) throw new Error('SecurityError: access to storage is denied');
			return key === THEME_KEY ? saved : null;
		}
	};
	new Function('document', 'localStorage', 'location', script)(
		{ documentElement: { dataset } },
		localStorage,
		{ search }
	);
	return dataset.theme;
}

describe('the site: the theme the reader picked, before the first paint', () => {
	test.each([
		['dark', 'dark'],
		['light', 'light'],
		['system', undefined],
		['blue', undefined],
		[null, undefined]
	])('saved %s -> %s', (saved, theme) => {
		expect(themeAfter(EARLY_THEME_SCRIPTS.site, { saved })).toBe(theme);
	});

	test('blocked storage (a sandboxed frame) leaves the system theme, and throws nothing', () => {
		expect(themeAfter(EARLY_THEME_SCRIPTS.site, { blocked: true })).toBeUndefined();
	});

	test('ignores the URL: ?theme= is the embed’s', () => {
		expect(themeAfter(EARLY_THEME_SCRIPTS.site, { search: '?theme=dark' })).toBeUndefined();
	});
});

describe('the embed: ?theme= from its URL, before the first paint', () => {
	test.each([
		['?theme=light', 'light'],
		['?theme=dark', 'dark'],
		['?x=1&theme=dark', 'dark'],
		['?theme=blue', undefined],
		['?theme=', undefined],
		['', undefined]
	])('%s -> %s', (search, theme) => {
		expect(themeAfter(EARLY_THEME_SCRIPTS.embed, { search })).toBe(theme);
	});

	test('ignores the choice saved on the site', () => {
		expect(themeAfter(EARLY_THEME_SCRIPTS.embed, { saved: 'dark' })).toBeUndefined();
	});
});
