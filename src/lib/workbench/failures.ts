import type { Exchange } from '$lib/protocol/http';
import type { Citation } from '$lib/content/types';
import type { Environment } from '$lib/protocol/world';
import { inspectVerifier, type Verdict } from './inspect';
import { startRedeemSession, type RedeemAttempt, type RedeemOptions } from './redeem';

export type FailureId = 'math-random' | 'too-short' | 'unchecked-server' | 'lost-verifier';

export interface FailureMode {
	id: FailureId;
	title: string;
	/** Plain prose; `backticks` mark wire names. */
	explanation: string;
	cites: Citation[];
	/** What the run button says. */
	action: string;
	/** Who sends the token request in the demonstration. */
	sentBy: 'client' | 'attacker';
}

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

export interface FailureRun {
	/** The verifier the buggy client made, when that is the point. */
	verifier?: string;
	verdict?: Verdict;
	exchange: Exchange;
}

/** A 16-character verifier, as some hand-rolled clients make. */
export const SHORT_VERIFIER = 'notes-cli-0ab3f9';

/**
 * Replays one failure mode against the simulated server. `mathRandom` is the platform's
 * `Math.random`, passed in so the core stays free of hidden randomness.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-7.1
 */
export async function runFailureMode(
	id: FailureId,
	env: Environment,
	mathRandom: () => number
): Promise<FailureRun> {
	const plan: Record<FailureId, { options: RedeemOptions; attempt: RedeemAttempt }> = {
		'math-random': {
			options: { verifier: mathRandom().toString(36).slice(2) },
			attempt: { kind: 'client' }
		},
		'too-short': { options: { verifier: SHORT_VERIFIER }, attempt: { kind: 'client' } },
		'unchecked-server': {
			options: { policy: { checksVerifier: false } },
			attempt: { kind: 'missing' }
		},
		'lost-verifier': { options: {}, attempt: { kind: 'missing' } }
	};
	const { options, attempt } = plan[id];
	const session = await startRedeemSession(env, options);
	const exchange = await session.redeem(attempt);
	if (options.verifier === undefined) return { exchange };
	return {
		verifier: options.verifier,
		verdict: inspectVerifier(options.verifier).verdict,
		exchange
	};
}
