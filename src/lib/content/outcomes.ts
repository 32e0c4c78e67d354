import type { Outcome } from '$lib/protocol/types';

/**
 * How each step's outcome reads, from the learner's side: a word and a symbol, so colour is
 * never the only signal. A refused attacker is "Blocked" (good news, but not a tick).
 */
export const OUTCOME_LABEL: Record<Outcome, { text: string; symbol: string }> = {
	ok: { text: 'Succeeds', symbol: '✓' },
	rejected: { text: 'Refused', symbol: '✕' },
	'attacker-wins': { text: 'Attacker gets in', symbol: '⚠' },
	'attacker-fails': { text: 'Blocked', symbol: '⊘' },
	info: { text: 'Step', symbol: '•' }
};
