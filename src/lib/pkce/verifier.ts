import { base64UrlEncode } from './base64url';
import { webCryptoRandom, type RandomOctets } from './random';

/** RFC 7636 §4.1: a verifier is 43 to 128 characters long. */
export const MIN_VERIFIER_LENGTH = 43;
export const MAX_VERIFIER_LENGTH = 128;

/**
 * The fewest random octets whose base64url text has at least `length` characters.
 * For 43 characters that is the 32 octets RFC 7636 §4.1 recommends.
 */
export function octetsForVerifierLength(length: number): number {
	return Math.ceil((3 * length - 2) / 4);
}

// #region generate
/**
 * Creates a high-entropy `code_verifier`: random octets, base64url-encoded (RFC 7636 §4.1).
 * Each base64url character carries 6 random bits, except a last, partial one (for 43
 * characters: 42 × 6 + 4 = 256 bits); there is no modulo bias.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export function generateCodeVerifier(
	length = MIN_VERIFIER_LENGTH,
	random: RandomOctets = webCryptoRandom
): string {
	if (!Number.isInteger(length) || length < MIN_VERIFIER_LENGTH || length > MAX_VERIFIER_LENGTH) {
		throw new RangeError(`A code_verifier has 43 to 128 characters (RFC 7636 §4.1), not ${length}`);
	}
	const octets = random(octetsForVerifierLength(length)); // 32 octets for 43 characters
	return base64UrlEncode(octets).slice(0, length);
}
// #endregion generate

/** Bits of entropy in a verifier of `length` characters made by {@link generateCodeVerifier}. */
export function generatedVerifierEntropyBits(length = MIN_VERIFIER_LENGTH): number {
	return Math.min(8 * octetsForVerifierLength(length), 6 * length);
}
