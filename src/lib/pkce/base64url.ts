/**
 * base64url without padding, exactly as RFC 7636 §3 (Appendix A) asks: the URL- and
 * filename-safe alphabet of RFC 4648 §5, all trailing "=" removed.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-3
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Encodes octets as base64url with no padding. @see https://www.rfc-editor.org/rfc/rfc7636#appendix-A */
export function base64UrlEncode(octets: Uint8Array): string {
	let out = '';
	let i = 0;
	for (; i + 2 < octets.length; i += 3) {
		const n = (octets[i]! << 16) | (octets[i + 1]! << 8) | octets[i + 2]!;
		out +=
			ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
	}
	const rest = octets.length - i;
	if (rest === 1) {
		const n = octets[i]! << 16;
		out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63];
	} else if (rest === 2) {
		const n = (octets[i]! << 16) | (octets[i + 1]! << 8);
		out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63];
	}
	return out;
}

/**
 * Decodes unpadded base64url; returns undefined for anything that is not canonical base64url
 * (a character outside the alphabet, an impossible length, or non-zero padding bits).
 */
export function base64UrlDecode(text: string): Uint8Array | undefined {
	if (text.length % 4 === 1) return undefined;
	const out = new Uint8Array(Math.floor((text.length * 3) / 4));
	let bits = 0;
	let value = 0;
	let o = 0;
	for (const char of text) {
		const index = ALPHABET.indexOf(char);
		if (index < 0) return undefined;
		value = (value << 6) | index;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (value >> bits) & 0xff;
		}
	}
	if ((value & ((1 << bits) - 1)) !== 0) return undefined;
	return out;
}
