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

/**
 * How one step's outcome reads: its story's own words where the generic label would mislead
 * (no-pkce's last step: the attacker is refused, but only after it read the notes), else the
 * label of its outcome. `tone` is the class that colours it.
 */
export function outcomeOf(step: { outcome: Outcome; verdict?: string }): {
	text: string;
	symbol: string;
	tone: Outcome | 'caveat';
} {
	if (step.verdict) return { text: step.verdict, symbol: '⚠', tone: 'caveat' };
	return { ...OUTCOME_LABEL[step.outcome], tone: step.outcome };
}
