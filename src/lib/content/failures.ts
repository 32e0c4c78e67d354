import type { FailureMode } from '$lib/workbench/failures';

/** Real bugs of PKCE clients and servers, each replayed against the simulated server. */
export const FAILURE_MODES: readonly FailureMode[] = [
	{
		id: 'math-random',
		title: 'A verifier from Math.random()',
		explanation:
			'`Math.random()` is not a cryptographically secure generator, and the usual `Math.random().toString(36).slice(2)` gives about eleven characters. The verifier has to be cryptographically random with high entropy; make it from 32 octets of `crypto.getRandomValues`.',
		cites: [
			{ spec: 'RFC 7636', section: '7.1' },
			{ spec: 'RFC 7636', section: '4.1' }
		],
		action: 'Make one with Math.random() and redeem it',
		sentBy: 'client'
	},
	{
		id: 'too-short',
		title: 'A verifier that is too short',
		explanation:
			'A `code_verifier` has at least 43 characters. This server, like oidc-provider, checks the grammar and refuses a shorter one with `invalid_request` before it compares anything (other servers may answer `invalid_grant`); a server that does not check accepts a verifier an attacker can guess.',
		cites: [
			{ spec: 'RFC 7636', section: '4.1' },
			{ spec: 'RFC 7636', section: '7.1' },
			{ spec: 'RFC 6749', section: '5.2' }
		],
		action: 'Redeem with a 16-character verifier',
		sentBy: 'client'
	},
	{
		id: 'unchecked-server',
		title: 'A server that never checks the verifier',
		explanation:
			'This authorization server stores the `code_challenge` but never compares it with a `code_verifier`. The attacker who copied the code redeems it with no verifier at all and gets the token: PKCE then protects nothing. Servers MUST enforce the verifier when a challenge was sent.',
		cites: [
			{ spec: 'RFC 7636', section: '4.6' },
			{ spec: 'RFC 9700', section: '2.1.1' }
		],
		action: 'Let the attacker redeem the code without a verifier',
		sentBy: 'attacker'
	},
	{
		id: 'lost-verifier',
		title: 'A client that loses the verifier between steps',
		explanation:
			'The client made a verifier for the authorization request but no longer has it at the token request, for example because it kept it in a process that ended. The code is bound to the challenge, so the request fails: this server answers `invalid_grant` to a missing verifier, as oidc-provider does (OAuth 2.1 lists a missing parameter under `invalid_request`), and a newly made verifier does not match, which RFC 7636 answers with `invalid_grant`. Keep the verifier with the sign-in it belongs to.',
		cites: [
			{ spec: 'RFC 7636', section: '4.4' },
			{ spec: 'RFC 7636', section: '4.6' },
			{ spec: 'OAuth 2.1', section: '3.2.4' }
		],
		action: 'Redeem the code without the verifier',
		sentBy: 'client'
	}
];
