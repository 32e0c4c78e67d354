import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { clampStep, formatPlace, parsePlace } from './location';

const ids = ['s256', 'no-pkce', 'plain'];

describe('the #scenario/step hash', () => {
	test('reads a scenario and a 1-based step', () => {
		expect(parsePlace('#s256/4', ids)).toEqual({ scenario: 's256', step: 3 });
		expect(parsePlace('#no-pkce', ids)).toEqual({ scenario: 'no-pkce', step: 0 });
		expect(parsePlace('plain/1', ids)).toEqual({ scenario: 'plain', step: 0 });
		expect(parsePlace('#s256/0', ids)).toEqual({ scenario: 's256', step: 0 });
	});

	test('ignores unknown scenarios and malformed hashes', () => {
		expect(parsePlace('', ids)).toBeUndefined();
		expect(parsePlace('#main', ids)).toBeUndefined();
		expect(parsePlace('#s256/x', ids)).toBeUndefined();
		expect(parsePlace('#%E0%A4%A', ids)).toBeUndefined();
	});

	test('format and parse are inverse for every place', () => {
		fc.assert(
			fc.property(fc.constantFrom(...ids), fc.nat(999), (scenario, step) => {
				expect(parsePlace(formatPlace({ scenario, step }), ids)).toEqual({ scenario, step });
			})
		);
	});

	test('clampStep keeps the index inside the run', () => {
		expect(clampStep(99, 10)).toBe(9);
		expect(clampStep(-3, 10)).toBe(0);
		expect(clampStep(2.7, 10)).toBe(2);
		expect(clampStep(0, 0)).toBe(0);
	});
});
