import {
	base64UrlEncode,
	describeVerifierProblem,
	isWellFormedCodeChallenge,
	validateCodeVerifier,
	type Sha256
} from '$lib/pkce';
import { DIAGNOSES } from '$lib/content/diagnoses';
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

/** A diagnosis's wording (content/diagnoses.ts). */
export type DiagnosisText = Omit<Diagnosis, 'kind' | 'details'>;

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
