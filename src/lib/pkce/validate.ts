import { MAX_VERIFIER_LENGTH, MIN_VERIFIER_LENGTH } from './verifier';

/** RFC 7636 §4.1 `unreserved` (the grammar is in ./grammar, shown by the workbench). */
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/** Why a string is not a valid `code_verifier`; positions are 1-based, as a person counts. */
export type VerifierProblem =
	| { kind: 'invalid-character'; character: string; position: number }
	| { kind: 'too-short'; length: number; missing: number }
	| { kind: 'too-long'; length: number; extra: number };

export type VerifierValidation = { valid: true } | { valid: false; problem: VerifierProblem };

/** True for the 66 characters RFC 7636 §4.1 calls `unreserved`. */
export function isUnreserved(character: string): boolean {
	return UNRESERVED.test(character);
}

/**
 * Checks any string against the §4.1 grammar and names the first problem: a character outside
 * `unreserved` (by code point, so an emoji is reported whole), else a length outside 43..128.
 * Never throws.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export function validateCodeVerifier(value: string): VerifierValidation {
	let position = 0;
	for (const character of value) {
		position += 1;
		if (!isUnreserved(character)) {
			return { valid: false, problem: { kind: 'invalid-character', character, position } };
		}
	}
	// Every character is ASCII here, so UTF-16 length is the character count.
	const length = value.length;
	if (length < MIN_VERIFIER_LENGTH) {
		return {
			valid: false,
			problem: { kind: 'too-short', length, missing: MIN_VERIFIER_LENGTH - length }
		};
	}
	if (length > MAX_VERIFIER_LENGTH) {
		return {
			valid: false,
			problem: { kind: 'too-long', length, extra: length - MAX_VERIFIER_LENGTH }
		};
	}
	return { valid: true };
}

/**
 * Whether a `code_challenge` has the shape its method produces: an S256 challenge is always
 * 43 base64url characters (a 32-octet digest); a `plain` challenge is a verifier (§4.2).
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */
export function isWellFormedCodeChallenge(challenge: string, method: 'S256' | 'plain'): boolean {
	if (method === 'plain') return validateCodeVerifier(challenge).valid;
	return /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/.test(challenge);
}
