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
