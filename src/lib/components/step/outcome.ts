import type { Outcome } from '$lib/protocol/types';

/** How each outcome reads: a word and a symbol, so colour is never the only signal. */
export const OUTCOME_LABEL: Record<Outcome, { text: string; symbol: string }> = {
	ok: { text: 'Succeeds', symbol: '✓' },
	rejected: { text: 'Rejected', symbol: '✕' },
	'attacker-wins': { text: 'Attacker wins', symbol: '⚠' },
	'attacker-fails': { text: 'Attacker fails', symbol: '✓' },
	info: { text: 'Step', symbol: '•' }
};
