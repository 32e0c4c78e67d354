import { base64UrlEncode } from './base64url';
import type { RandomOctets } from './random';
import type { Sha256 } from './sha256';
import { generateCodeVerifier, octetsForVerifierLength } from './verifier';

/** Every intermediate value between random octets and a `code_challenge`, for showing the pipeline. */
export interface PkcePipeline {
	octets: Uint8Array;
	code_verifier: string;
	digest: Uint8Array;
	code_challenge: string;
	/** Which SHA-256 implementation produced the digest. */
	sha256: Sha256['name'];
}

/**
 * random octets -> base64url `code_verifier` (RFC 7636 §4.1) -> SHA-256 -> base64url
 * `code_challenge` (§4.2, S256), keeping each stage so the page can show it.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */
export async function runPkcePipeline(
	random: RandomOctets,
	sha256: Sha256,
	length = 43
): Promise<PkcePipeline> {
	const octets = random(octetsForVerifierLength(length));
	const code_verifier = generateCodeVerifier(length, () => octets);
	const digest = await sha256.digest(new TextEncoder().encode(code_verifier));
	return {
		octets,
		code_verifier,
		digest,
		code_challenge: base64UrlEncode(digest),
		sha256: sha256.name
	};
}

/** Octets as space-separated lowercase hex pairs. */
export function toHex(octets: Uint8Array): string {
	return Array.from(octets, (octet) => octet.toString(16).padStart(2, '0')).join(' ');
}
