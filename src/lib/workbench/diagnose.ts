import {
	base64UrlEncode,
	describeVerifierProblem,
	isWellFormedCodeChallenge,
	validateCodeVerifier,
	type Sha256
} from '$lib/pkce';
import type { Citation } from '$lib/content/types';
import { describeWhitespace, surroundingWhitespace } from './whitespace';

/** What a verifier and a challenge from a learner's own client say about each other. */
export type DiagnosisKind =
	| 'incomplete'
	| 's256-match'
	| 'plain-match'
	| 'standard-base64'
	| 'hex-digest'
	| 'whitespace-hashed'
	| 'swapped'
	| 'invalid-verifier'
	| 'different-verifier';

export interface Diagnosis {
	kind: DiagnosisKind;
	/** True when a server comparing per RFC 7636 §4.6 would accept the pair as sent. */
	matches: boolean;
	title: string;
	/** Plain prose; `backticks` mark wire names. */
	explanation: string;
	cites: Citation[];
	/** Extra sentences about this particular pair (a whitespace note, the validator's message). */
	details: string[];
}

type Entry = Omit<Diagnosis, 'kind' | 'details'>;

/** The wording of each diagnosis: content, kept apart from the logic that picks one. */
export const DIAGNOSES: Record<DiagnosisKind, Entry> = {
	incomplete: {
		matches: false,
		title: 'Paste both values',
		explanation:
			'Paste the `code_verifier` your client sent in the token request and the `code_challenge` it sent in the authorization request.',
		cites: [
			{ spec: 'RFC 7636', section: '4.3' },
			{ spec: 'RFC 7636', section: '4.5' }
		]
	},
	's256-match': {
		matches: true,
		title: 'The pair matches S256',
		explanation:
			'BASE64URL-ENCODE(SHA256(ASCII(`code_verifier`))) is this `code_challenge`. If the server still answers `invalid_grant`, check that the authorization request carried `code_challenge_method=S256` (without it the method defaults to `plain`), and that the code is fresh, unused and redeemed by the same `client_id` with the same `redirect_uri`.',
		cites: [
			{ spec: 'RFC 7636', section: '4.2' },
			{ spec: 'RFC 7636', section: '4.3' },
			{ spec: 'RFC 6749', section: '4.1.3' }
		]
	},
	'plain-match': {
		matches: true,
		title: 'The pair matches plain, not S256',
		explanation:
			'The `code_challenge` is the `code_verifier` itself: that is the `plain` method. A server that was told `S256` hashes the verifier and finds no match. Send the S256 challenge with `code_challenge_method=S256`: a client that can compute SHA-256 MUST use S256, and `plain` SHOULD NOT be used in new implementations.',
		cites: [
			{ spec: 'RFC 7636', section: '4.2' },
			{ spec: 'RFC 7636', section: '7.2' },
			{ spec: 'RFC 9700', section: '2.1.1' }
		]
	},
	'standard-base64': {
		matches: false,
		title: 'Standard base64 instead of base64url',
		explanation:
			'Your client hashed the right verifier but encoded the digest with standard base64 (`+`, `/` and `=` padding). PKCE uses base64url without padding: `-` for `+`, `_` for `/`, and no `=`.',
		cites: [
			{ spec: 'RFC 7636', section: '3' },
			{ spec: 'RFC 7636', section: 'Appendix A' },
			{ spec: 'RFC 7636', section: '4.2' }
		]
	},
	'hex-digest': {
		matches: false,
		title: 'A hex-encoded digest',
		explanation:
			'Your client hashed the right verifier but wrote the digest as 64 hex digits. The S256 `code_challenge` is the base64url encoding of the 32 digest octets: always 43 characters.',
		cites: [
			{ spec: 'RFC 7636', section: '4.2' },
			{ spec: 'RFC 7636', section: '4.6' }
		]
	},
	'whitespace-hashed': {
		matches: false,
		title: 'Whitespace was hashed with the verifier',
		explanation:
			'The `code_challenge` is the S256 of the verifier with whitespace added or removed, so the server recomputes a different value and answers `invalid_grant`, the error for a verifier that does not match. Hash exactly the characters you send as `code_verifier`.',
		cites: [
			{ spec: 'RFC 7636', section: '4.1' },
			{ spec: 'RFC 7636', section: '4.6' }
		]
	},
	swapped: {
		matches: false,
		title: 'The two values are swapped',
		explanation:
			'The S256 of what you pasted as the challenge is what you pasted as the verifier. The authorization request carries the `code_challenge`; the token request carries the `code_verifier`.',
		cites: [
			{ spec: 'RFC 7636', section: '4.3' },
			{ spec: 'RFC 7636', section: '4.5' }
		]
	},
	'invalid-verifier': {
		matches: false,
		title: 'The verifier is outside the §4.1 grammar',
		explanation:
			'A `code_verifier` is 43 to 128 characters from A-Z, a-z, 0-9 and `-` `.` `_` `~`. A server may refuse anything else before it compares, with `invalid_request` or `invalid_grant`.',
		cites: [
			{ spec: 'RFC 7636', section: '4.1' },
			{ spec: 'RFC 6749', section: '5.2' }
		]
	},
	'different-verifier': {
		matches: false,
		title: 'A different verifier',
		explanation:
			'Nothing links these two values: not S256, not `plain`, not a base64 or hex slip, not whitespace. Your client most likely sent a different `code_verifier` from the one it made the challenge from — for example it lost the verifier between the redirect and the token request, or made a new one. Keep one verifier per sign-in, from the authorization request to the token request.',
		cites: [
			{ spec: 'RFC 7636', section: '4.6' },
			{ spec: 'RFC 6749', section: '5.2' }
		]
	}
};

/** Whitespace a client may add when it reads or prints a verifier. */
const SUFFIXES = ['\n', '\r\n', ' ', '\t'];

/**
 * Diagnoses a `code_verifier` and `code_challenge` pasted from a learner's client: the first
 * of S256, plain, standard base64, hex, whitespace, swapped, grammar or a different verifier.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.6
 */
export async function diagnosePair(
	verifier: string,
	challenge: string,
	sha256: Sha256
): Promise<Diagnosis> {
	const details: string[] = [];
	const challengeSpace = surroundingWhitespace(challenge);
	if (challengeSpace) {
		details.push(
			`The challenge you pasted has whitespace around it (${describeWhitespace(challengeSpace.leading + challengeSpace.trailing)}); it is compared without it.`
		);
		challenge = challengeSpace.inner;
	}
	if (verifier === '' || challenge === '') return make('incomplete', details);

	const digestOf = async (text: string) => sha256.digest(new TextEncoder().encode(text));
	const digest = await digestOf(verifier);
	const validation = validateCodeVerifier(verifier);
	const grammarNote = () => {
		if (!validation.valid) details.push(describeVerifierProblem(validation.problem));
	};

	if (base64UrlEncode(digest) === challenge) {
		if (!validation.valid)
			details.push('The S256 transform itself is right: the challenge matches.');
		grammarNote();
		return make(validation.valid ? 's256-match' : 'invalid-verifier', details);
	}
	if (verifier === challenge) {
		grammarNote();
		return make(validation.valid ? 'plain-match' : 'invalid-verifier', details);
	}
	if (standardBase64(digest, true) === challenge || standardBase64(digest, false) === challenge) {
		return make('standard-base64', details);
	}
	if (challenge.toLowerCase() === hex(digest)) return make('hex-digest', details);

	const verifierSpace = surroundingWhitespace(verifier);
	if (verifierSpace && base64UrlEncode(await digestOf(verifierSpace.inner)) === challenge) {
		details.push(
			`The challenge is the S256 of the verifier without its surrounding ${describeWhitespace(verifierSpace.leading + verifierSpace.trailing)}; the verifier you pasted still has it.`
		);
		return make('whitespace-hashed', details);
	}
	for (const suffix of SUFFIXES) {
		if (base64UrlEncode(await digestOf(verifier + suffix)) === challenge) {
			details.push(
				`The challenge is the S256 of the verifier followed by ${describeWhitespace(suffix)}.`
			);
			return make('whitespace-hashed', details);
		}
	}
	if (base64UrlEncode(await digestOf(challenge)) === verifier) return make('swapped', details);

	if (!validation.valid) {
		grammarNote();
		return make('invalid-verifier', details);
	}
	if (!isWellFormedCodeChallenge(challenge, 'S256')) {
		details.push(
			`The challenge is not even shaped like an S256 challenge (43 base64url characters); it has ${[...challenge].length}.`
		);
	}
	return make('different-verifier', details);
}

function make(kind: DiagnosisKind, details: string[]): Diagnosis {
	return { kind, ...DIAGNOSES[kind], details };
}

function standardBase64(octets: Uint8Array, padded: boolean): string {
	const text = base64UrlEncode(octets).replaceAll('-', '+').replaceAll('_', '/');
	return padded ? text.padEnd(Math.ceil(text.length / 4) * 4, '=') : text;
}

function hex(octets: Uint8Array): string {
	return Array.from(octets, (octet) => octet.toString(16).padStart(2, '0')).join('');
}
