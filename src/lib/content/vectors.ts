import { RFC7636_APPENDIX_B } from '$lib/pkce/vectors';
import type { Step } from '$lib/protocol/types';

/** A value of a run that is the RFC 7636 Appendix B example, by its wire name. */
export interface RfcValue {
	name: 'code_verifier' | 'code_challenge';
	value: string;
}

/**
 * Which values of a deterministic run really are RFC 7636 Appendix B's: the first `code_verifier`
 * the run makes (the honest client's; in the impersonation, the malicious app's own) and, with
 * S256, its `code_challenge`. Everything else (state, codes, tokens, later verifiers) comes from a
 * seeded generator: the same on every run, but not from the RFC.
 */
export function appendixBValues(steps: readonly Pick<Step, 'knowledge'>[]): RfcValue[] {
	return firstVerifier(steps)?.values ?? [];
}

function firstVerifier(steps: readonly Pick<Step, 'knowledge'>[]) {
	for (const { knowledge } of steps) {
		const holder = knowledge.client.code_verifier ? 'client' : 'attacker';
		const first = knowledge[holder];
		if (!first.code_verifier) continue;
		const values: RfcValue[] = [];
		if (first.code_verifier === RFC7636_APPENDIX_B.verifier) {
			values.push({ name: 'code_verifier', value: RFC7636_APPENDIX_B.verifier });
			if (first.code_challenge === RFC7636_APPENDIX_B.challenge)
				values.push({ name: 'code_challenge', value: RFC7636_APPENDIX_B.challenge });
		}
		return { holder, values };
	}
	return undefined;
}

/** The sentence beside the values of a deterministic run, naming exactly what is the RFC's. */
export function testVectorNotice(steps: readonly Pick<Step, 'knowledge'>[]): string {
	const first = firstVerifier(steps);
	const rfc = first?.values ?? [];
	const seeded =
		'`state`, codes, tokens and any later verifier come from a seeded generator: the same on every run and every printout, but not from the RFC.';
	if (rfc.length === 0)
		return `Fixed values. This scenario uses no \`code_verifier\`, so none of its values is from RFC 7636 Appendix B: ${seeded}`;
	const names = rfc.map((v) => `\`${v.name}\``).join(' and its ');
	const verb = rfc.length === 1 ? 'is' : 'are';
	return `Fixed values. The ${first?.holder === 'attacker' ? 'attacker’s' : 'client’s'} first ${names} ${verb} the example of RFC 7636 Appendix B, so you can check ${rfc.length === 1 ? 'it' : 'them'} against the RFC; ${seeded}`;
}
