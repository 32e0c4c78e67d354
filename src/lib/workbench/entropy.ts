import { generatedVerifierEntropyBits, octetsForVerifierLength } from '$lib/pkce';

/** RFC 7636 §4.1 allows 66 characters: A-Z, a-z, 0-9 and "-" "." "_" "~". */
export const UNRESERVED_COUNT = 66;

/** The guessing rate the page assumes for an offline search: 10^12 SHA-256 guesses per second. */
export const ASSUMED_GUESSES_PER_SECOND = 1e12;

const SECONDS_PER_YEAR = 365.25 * 24 * 3600;

/**
 * The most entropy a typed verifier of `length` characters can have: each of the 66 unreserved
 * characters equally likely at every position. A word or a pattern has far less.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-7.1
 */
export function typedVerifierCeilingBits(length: number): number {
	return length * Math.log2(UNRESERVED_COUNT);
}

/** Bits in a verifier of `length` characters made from random octets (256 for 43). */
export function randomVerifierBits(length: number): number {
	return generatedVerifierEntropyBits(length);
}

/**
 * log10 of the expected seconds to find a secret of `bits` bits at `rate` guesses per second:
 * on average half of the 2^bits candidates are tried. Logarithms keep 2^768 finite.
 */
export function log10ExpectedSeconds(bits: number, rate = ASSUMED_GUESSES_PER_SECOND): number {
	return Math.max(0, bits - 1) * Math.log10(2) - Math.log10(rate);
}

/** "about 1.8 × 10^57 years", "about 3 hours", "less than a second". */
export function describeDuration(log10Seconds: number): string {
	if (log10Seconds < 0) return 'less than a second';
	const seconds = 10 ** log10Seconds;
	const units: [number, string][] = [
		[SECONDS_PER_YEAR, 'year'],
		[86_400, 'day'],
		[3600, 'hour'],
		[60, 'minute'],
		[1, 'second']
	];
	const [size, unit] = units.find(([size]) => seconds >= size * (1 - 1e-9)) ?? [1, 'second'];
	const log10Count = log10Seconds - Math.log10(size);
	if (log10Count >= 6) {
		const exponent = Math.floor(log10Count);
		const mantissa = 10 ** (log10Count - exponent);
		return `about ${mantissa.toFixed(1)} × 10^${exponent} ${unit}s`;
	}
	const count = Math.round(10 ** log10Count);
	return `about ${count.toLocaleString('en')} ${unit}${count === 1 ? '' : 's'}`;
}

export interface GuessArithmetic {
	bits: number;
	/** How the bits were counted, as the page says it. */
	formula: string;
	expected: string;
}

/**
 * The arithmetic for a verifier the generator made from random octets, as the generator draws
 * them: whole octets, base64url-encoded, cut to `length` characters (6 bits each, except a last
 * partial character).
 */
export function randomGuessArithmetic(length: number): GuessArithmetic {
	const bits = randomVerifierBits(length);
	const octets = octetsForVerifierLength(length);
	const formula =
		bits === 8 * octets
			? `${octets} random octets × 8 bits`
			: `${octets} random octets drawn (${8 * octets} bits), cut to ${length} characters × 6 bits`;
	return { bits, formula, expected: describeDuration(log10ExpectedSeconds(bits)) };
}

/** The arithmetic for a string of `length` characters typed by a person: a ceiling. */
export function typedGuessArithmetic(length: number): GuessArithmetic {
	const bits = typedVerifierCeilingBits(length);
	return {
		bits,
		formula: `${length} characters × log2 ${UNRESERVED_COUNT} ≈ ${length} × ${Math.log2(UNRESERVED_COUNT).toFixed(2)}`,
		expected: describeDuration(log10ExpectedSeconds(bits))
	};
}
