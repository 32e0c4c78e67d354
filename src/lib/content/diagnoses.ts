import type { DiagnosisKind, DiagnosisText } from '$lib/workbench/diagnose';

/** The wording of each diagnosis: content, kept apart from the logic that picks one. */
export const DIAGNOSES: Record<DiagnosisKind, DiagnosisText> = {
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
