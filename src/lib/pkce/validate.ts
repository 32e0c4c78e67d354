import { MAX_VERIFIER_LENGTH, MIN_VERIFIER_LENGTH } from './verifier';

/**
 * The RFC 7636 §4.1 grammar: `code-verifier = 43*128unreserved`,
 * `unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"`.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export const VERIFIER_GRAMMAR =
	'code-verifier = 43*128unreserved\nunreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"';

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

const NAMED_CHARACTERS: Record<string, string> = {
	' ': 'a space',
	'\t': 'a tab',
	'\n': 'a line break',
	'\r': 'a carriage return',
	'+': "'+' (standard base64, not base64url)",
	'/': "'/' (standard base64, not base64url)",
	'=': "'=' (base64 padding, which base64url omits)"
};

/** How a character is named in a message: visible characters quoted, invisible ones spelled out. */
export function describeCharacter(character: string): string {
	const named = NAMED_CHARACTERS[character];
	if (named) return named;
	const codePoint = character.codePointAt(0) ?? 0;
	const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
	if (codePoint < 0x20 || codePoint === 0x7f || (codePoint >= 0x80 && codePoint < 0xa0)) {
		return `the control character ${hex}`;
	}
	return `'${character}' (${hex})`;
}

/** One friendly sentence for a problem, e.g. "Too short by 40 characters: …". */
export function describeVerifierProblem(problem: VerifierProblem): string {
	switch (problem.kind) {
		case 'invalid-character':
			return `The character ${describeCharacter(problem.character)} at position ${problem.position} is not allowed: a code_verifier uses only A-Z, a-z, 0-9 and "-" "." "_" "~".`;
		case 'too-short':
			return `Too short by ${plural(problem.missing, 'character')}: ${problem.length} of at least ${MIN_VERIFIER_LENGTH}.`;
		case 'too-long':
			return `Too long by ${plural(problem.extra, 'character')}: ${problem.length} of at most ${MAX_VERIFIER_LENGTH}.`;
	}
}

function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
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
