/**
 * The RFC 7636 §4.1 grammar: `code-verifier = 43*128unreserved`,
 * `unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"`. Its own module, imported directly by the
 * page that shows it, so the playground's first load does not carry it.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export const VERIFIER_GRAMMAR =
	'code-verifier = 43*128unreserved\nunreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"';
