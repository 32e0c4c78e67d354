import { describe, expect, test } from 'vitest';
import {
	describeDuration,
	log10ExpectedSeconds,
	randomGuessArithmetic,
	typedGuessArithmetic,
	typedVerifierCeilingBits
} from './entropy';

describe('RFC 7636 §7.1: the arithmetic of guessing', () => {
	test('32 random octets carry 256 bits; guessing at 10^12/s takes about 1.8 × 10^57 years', () => {
		expect(randomGuessArithmetic(43)).toEqual({
			bits: 256,
			formula: '32 random octets × 8 bits',
			expected: 'about 1.8 × 10^57 years'
		});
		expect(randomGuessArithmetic(128).bits).toBe(768);
	});

	test('lengths not divisible by 4 show what the generator draws: whole octets, never a fraction', () => {
		// 45 characters: 34 octets drawn (272 bits), 45 characters of 6 bits keep 270
		expect(randomGuessArithmetic(45)).toMatchObject({
			bits: 270,
			formula: '34 random octets drawn (272 bits), cut to 45 characters × 6 bits'
		});
		for (let length = 43; length <= 128; length++) {
			const { formula } = randomGuessArithmetic(length);
			expect(formula, `${length}`).not.toMatch(/\d\.\d+ random octets/);
		}
	});

	test('a typed string’s ceiling is length × log2 66', () => {
		expect(typedVerifierCeilingBits(43)).toBeCloseTo(43 * 6.0443941, 5);
		expect(typedVerifierCeilingBits(1)).toBeCloseTo(Math.log2(66), 10);
		expect(typedGuessArithmetic(43).formula).toBe('43 characters × log2 66 ≈ 43 × 6.04');
	});

	test('expected time is half the space divided by the rate', () => {
		expect(log10ExpectedSeconds(41, 1e12)).toBeCloseTo(Math.log10(2 ** 40 / 1e12), 10);
		expect(log10ExpectedSeconds(256, 1e12)).toBeCloseTo(Math.log10(2 ** 255) - 12, 10);
		expect(Number.isFinite(log10ExpectedSeconds(128 * Math.log2(66)))).toBe(true);
	});

	test('durations read as a person says them', () => {
		expect(describeDuration(-3)).toBe('less than a second');
		expect(describeDuration(Math.log10(30))).toBe('about 30 seconds');
		expect(describeDuration(Math.log10(3 * 3600))).toBe('about 3 hours');
		expect(describeDuration(Math.log10(86_400))).toBe('about 1 day');
		expect(describeDuration(Math.log10(2 * 365.25 * 86_400))).toBe('about 2 years');
		expect(describeDuration(Math.log10(365.25 * 86_400) + 57.25)).toBe('about 1.8 × 10^57 years');
	});

	test('even at its ceiling, a 10-character string falls in days', () => {
		expect(typedGuessArithmetic(10).expected).toBe('about 9 days');
	});
});
