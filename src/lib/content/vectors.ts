import { RFC7636_APPENDIX_B } from '$lib/pkce/vectors';
import type { Step } from '$lib/protocol/types';

/** A value of a run that is the RFC 7636 Appendix B example, by its wire name. */
export interface RfcValue {
	name: 'code_verifier' | 'code_challenge';
	value: string;
}

/**
 * Which values of a deterministic run really are RFC 7636 Appendix B's: the honest client's first
 * `code_verifier` and, with S256, its `code_challenge`. Everything else (state, codes, tokens,
 * later verifiers) comes from a seeded generator: the same on every run, but not from the RFC.
 */
export function appendixBValues(steps: readonly Pick<Step, 'knowledge'>[]): RfcValue[] {
	const first = steps.find((step) => step.knowledge.client.code_verifier)?.knowledge.client;
	const found: RfcValue[] = [];
	if (first?.code_verifier === RFC7636_APPENDIX_B.verifier) {
		found.push({ name: 'code_verifier', value: RFC7636_APPENDIX_B.verifier });
		if (first.code_challenge === RFC7636_APPENDIX_B.challenge)
			found.push({ name: 'code_challenge', value: RFC7636_APPENDIX_B.challenge });
	}
	return found;
}

/** The sentence beside the values of a deterministic run, naming exactly what is the RFC's. */
export function testVectorNotice(steps: readonly Pick<Step, 'knowledge'>[]): string {
	const rfc = appendixBValues(steps);
	const seeded =
		'`state`, codes, tokens and any later verifier come from a seeded generator: the same on every run and every printout, but not from the RFC.';
	if (rfc.length === 0)
		return `Fixed values. This scenario uses no \`code_verifier\`, so none of its values is from RFC 7636 Appendix B: ${seeded}`;
	const names = rfc.map((v) => `\`${v.name}\``).join(' and its ');
	const verb = rfc.length === 1 ? 'is' : 'are';
	return `Fixed values. The client’s first ${names} ${verb} the example of RFC 7636 Appendix B, so you can check ${rfc.length === 1 ? 'it' : 'them'} against the RFC; ${seeded}`;
}
