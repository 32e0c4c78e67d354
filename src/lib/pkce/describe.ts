import type { VerifierProblem } from './validate';
import { MAX_VERIFIER_LENGTH, MIN_VERIFIER_LENGTH } from './verifier';

// The words for what is wrong with a verifier, for people (the workbench). A module apart from
// the grammar check that the authorization server runs, so the playground's first load, which
// runs the server, does not carry them.

const NAMED_CHARACTERS: Record<string, string> = {
	' ': 'a space',
	'\t': 'a tab',
	'\n': 'a line break',
	'\r': 'a carriage return',
	'+': "'+' (standard base64, not base64url)",
	'/': "'/' (standard base64, not base64url)",
	'=': "'=' (base64 padding, which base64url omits)"
};

/** How a character is named in a message: visible characters quoted, invisible ones spelled out. */
export function describeCharacter(character: string): string {
	const named = NAMED_CHARACTERS[character];
	if (named) return named;
	const codePoint = character.codePointAt(0) ?? 0;
	const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
	if (codePoint < 0x20 || codePoint === 0x7f || (codePoint >= 0x80 && codePoint < 0xa0)) {
		return `the control character ${hex}`;
	}
	return `'${character}' (${hex})`;
}

/** One friendly sentence for a problem, e.g. "Too short by 40 characters: …". */
export function describeVerifierProblem(problem: VerifierProblem): string {
	switch (problem.kind) {
		case 'invalid-character':
			return `The character ${describeCharacter(problem.character)} at position ${problem.position} is not allowed: a code_verifier uses only A-Z, a-z, 0-9 and "-" "." "_" "~".`;
		case 'too-short':
			return `Too short by ${plural(problem.missing, 'character')}: ${problem.length} of at least ${MIN_VERIFIER_LENGTH}.`;
		case 'too-long':
			return `Too long by ${plural(problem.extra, 'character')}: ${problem.length} of at most ${MAX_VERIFIER_LENGTH}.`;
	}
}

function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
