import { describe, expect, test } from 'vitest';
import { heightMessage, isHeightMessage } from './message';

describe('the height message', () => {
	test('has the documented shape, with the height rounded up to a whole pixel', () => {
		expect(heightMessage(812.2)).toEqual({
			type: 'pkce-playground:height',
			height: 813,
			version: 1
		});
	});

	test('survives structured cloning (what postMessage does to it)', () => {
		expect(isHeightMessage(structuredClone(heightMessage(640)))).toBe(true);
	});

	test.each([
		['null', null],
		['a string', 'pkce-playground:height'],
		['another type', { type: 'resize', height: 10, version: 1 }],
		['another version', { type: 'pkce-playground:height', height: 10, version: 2 }],
		['a height that is a string', { type: 'pkce-playground:height', height: '10', version: 1 }],
		['a fractional height', { type: 'pkce-playground:height', height: 10.5, version: 1 }],
		['a negative height', { type: 'pkce-playground:height', height: -1, version: 1 }],
		['an infinite height', { type: 'pkce-playground:height', height: Infinity, version: 1 }]
	])('is told apart from %s', (_, data) => {
		expect(isHeightMessage(data)).toBe(false);
	});
});
