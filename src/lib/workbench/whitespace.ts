import { describeCharacter } from '$lib/pkce';

/**
 * Characters a paste often carries around a value: spaces, tabs, line breaks, the no-break space
 * of web pages, and the invisible zero-width space and byte-order mark.
 */
const SURROUNDING = /^[\s\u200b\ufeff]$/u;

/** Whitespace found before and after a pasted value, kept exactly as pasted. */
export interface SurroundingWhitespace {
	leading: string;
	trailing: string;
	/** The value without it: what the learner probably meant. */
	inner: string;
}

/**
 * Finds whitespace at either end of `text`; undefined when there is none. Nothing is trimmed for
 * the learner: the page points it out, because a client that hashes it sends the wrong challenge.
 */
export function surroundingWhitespace(text: string): SurroundingWhitespace | undefined {
	const characters = [...text];
	let start = 0;
	while (start < characters.length && SURROUNDING.test(characters[start]!)) start++;
	let end = characters.length;
	while (end > start && SURROUNDING.test(characters[end - 1]!)) end--;
	if (start === 0 && end === characters.length) return undefined;
	return {
		leading: characters.slice(0, start).join(''),
		trailing: characters.slice(end).join(''),
		inner: characters.slice(start, end).join('')
	};
}

/** "a line break", "2 spaces", "a carriage return and a line break". */
export function describeWhitespace(run: string): string {
	const parts: { name: string; count: number }[] = [];
	for (const character of run) {
		const name = describeCharacter(character);
		const last = parts.at(-1);
		if (last?.name === name) last.count++;
		else parts.push({ name, count: 1 });
	}
	const named = parts.map(({ name, count }) => (count === 1 ? name : `${count} × ${name}`));
	return named.length <= 1
		? (named[0] ?? '')
		: `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
}

/** One sentence pointing out the whitespace, e.g. "Your paste ends with a line break." */
export function describeSurroundingWhitespace({
	leading,
	trailing
}: SurroundingWhitespace): string {
	if (leading && trailing) {
		return `Your paste starts with ${describeWhitespace(leading)} and ends with ${describeWhitespace(trailing)}.`;
	}
	if (leading) return `Your paste starts with ${describeWhitespace(leading)}.`;
	return `Your paste ends with ${describeWhitespace(trailing)}.`;
}
