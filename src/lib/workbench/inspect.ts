import {
	base64UrlDecode,
	base64UrlEncode,
	describeVerifierProblem,
	validateCodeVerifier,
	type Sha256,
	type VerifierValidation
} from '$lib/pkce';
import {
	describeWhitespace,
	surroundingWhitespace,
	type SurroundingWhitespace
} from './whitespace';

/** The one message the learner reads about what they typed, and how it reads. */
export interface Verdict {
	tone: 'good' | 'bad';
	text: string;
}

export interface VerifierInspection {
	validation: VerifierValidation;
	verdict: Verdict;
	/** Whitespace at either end of the paste, pointed out rather than trimmed. */
	whitespace: SurroundingWhitespace | undefined;
	/** Characters, counted by code point as the validator counts them. */
	length: number;
}

/**
 * Checks whatever the learner typed or pasted against RFC 7636 §4.1 and words one message for it.
 * Never throws: every string, including the empty one, gets a precise sentence.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export function inspectVerifier(text: string): VerifierInspection {
	const validation = validateCodeVerifier(text);
	const whitespace = surroundingWhitespace(text);
	const length = [...text].length;
	return { validation, whitespace, length, verdict: verdictFor(validation, whitespace, length) };
}

function verdictFor(
	validation: VerifierValidation,
	whitespace: SurroundingWhitespace | undefined,
	length: number
): Verdict {
	if (validation.valid) {
		return {
			tone: 'good',
			text: `A valid code_verifier: ${length} characters, all of them unreserved.`
		};
	}
	if (whitespace && whitespace.inner !== '' && validateCodeVerifier(whitespace.inner).valid) {
		const where = [
			whitespace.leading && `${describeWhitespace(whitespace.leading)} at the start`,
			whitespace.trailing && `${describeWhitespace(whitespace.trailing)} at the end`
		]
			.filter(Boolean)
			.join(' and ');
		return {
			tone: 'bad',
			text: `Your paste has ${where}; without it the code_verifier would be valid. Whitespace is not allowed in a code_verifier, and a client that hashes it sends a code_challenge that never matches.`
		};
	}
	return { tone: 'bad', text: describeVerifierProblem(validation.problem) };
}

/** Every stage between octets and challenges, for the pipeline the page shows. */
export interface VerifierPipeline {
	/**
	 * The random octets behind the verifier: known when the page generated it, or recovered when
	 * the text is canonical base64url; undefined for a verifier typed by hand.
	 */
	octets: Uint8Array | undefined;
	/** SHA-256 of the verifier's octets (ASCII for a valid verifier, UTF-8 for anything else). */
	digest: Uint8Array;
	/** BASE64URL-ENCODE(SHA256(ASCII(code_verifier))) */
	s256: string;
	/** The `plain` challenge: the verifier itself. */
	plain: string;
}

/**
 * Runs the §4.2 transforms over any text. `known` are the octets the generator drew, used only
 * while the text is still what the generator made from them.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */
export async function verifierPipeline(
	text: string,
	sha256: Sha256,
	known?: { text: string; octets: Uint8Array }
): Promise<VerifierPipeline> {
	const digest = await sha256.digest(new TextEncoder().encode(text));
	return {
		octets: known?.text === text ? known.octets : recoverOctets(text),
		digest,
		s256: base64UrlEncode(digest),
		plain: text
	};
}

/** The octets a valid verifier base64url-decodes to, if it is canonical base64url. */
export function recoverOctets(text: string): Uint8Array | undefined {
	if (!validateCodeVerifier(text).valid) return undefined;
	const octets = base64UrlDecode(text);
	return octets && base64UrlEncode(octets) === text ? octets : undefined;
}
