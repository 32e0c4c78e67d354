import type { Citation, SpecId } from './types';

/** Where each specification lives; citation links only need this (a small first load). */
export const SPEC_URLS: Record<SpecId, string> = {
	'RFC 7636': 'https://www.rfc-editor.org/rfc/rfc7636',
	'RFC 6749': 'https://www.rfc-editor.org/rfc/rfc6749',
	'RFC 6750': 'https://www.rfc-editor.org/rfc/rfc6750',
	'RFC 8252': 'https://www.rfc-editor.org/rfc/rfc8252',
	'RFC 8414': 'https://www.rfc-editor.org/rfc/rfc8414',
	'RFC 8707': 'https://www.rfc-editor.org/rfc/rfc8707',
	'RFC 9207': 'https://www.rfc-editor.org/rfc/rfc9207',
	'RFC 9700': 'https://www.rfc-editor.org/rfc/rfc9700',
	'RFC 9728': 'https://www.rfc-editor.org/rfc/rfc9728',
	'OAuth 2.1': 'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1-15',
	'MCP 2025-06-18': 'https://modelcontextprotocol.io/specification/2025-06-18/basic/authorization',
	'MCP 2025-11-25': 'https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization',
	'MCP 2026-07-28': 'https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization'
};

/** The draft of OAuth 2.1 whose section numbers the site checked (they move between drafts). */
export const OAUTH21_DRAFT = '-15';

/** A link to the cited section: "4.1" -> #section-4.1, "Appendix B" -> #appendix-B. */
export function citationUrl({ spec, section }: Citation): string {
	const base = SPEC_URLS[spec];
	const appendix = /^Appendix ([A-Z](?:\.\d+)*)$/.exec(section);
	if (appendix) return `${base}#appendix-${appendix[1]}`;
	if (/^\d+(\.\d+)*$/.test(section)) return `${base}#section-${section}`;
	return base; // named sections (e.g. MCP's "Authorization Code Protection") have no stable anchor
}

/** How a citation reads on the page: "RFC 7636 §4.1", "OAuth 2.1 (-15) §3.2.4". */
export function citationLabel({ spec, section }: Citation): string {
	const name = spec === 'OAuth 2.1' ? `${spec} (${OAUTH21_DRAFT})` : spec;
	return /^\d/.test(section) ? `${name} §${section}` : `${name}, ${section}`;
}

/**
 * The sections the site may cite, per spec: those shared/FACTS.md states facts from. The content
 * check (citations.test.ts) fails on any citation outside this list, so a new citation is a
 * deliberate edit here, after reading the section.
 */
export const CITED_SECTIONS: Record<SpecId, readonly string[]> = {
	'RFC 7636': [
		'1',
		'3',
		'4.1',
		'4.2',
		'4.3',
		'4.4',
		'4.4.1',
		'4.5',
		'4.6',
		'7.1',
		'7.2',
		'Appendix A',
		'Appendix B'
	],
	'RFC 6749': [
		'1.7',
		'2.1',
		'3.1',
		'3.3',
		'4.1.2',
		'4.1.2.1',
		'4.1.3',
		'5.1',
		'5.2',
		'10.5',
		'10.12'
	],
	'RFC 6750': ['2.1', '3.1'],
	'RFC 8252': ['6', '7.3', '8.1', '8.3', '8.5', '8.6'],
	'RFC 8414': ['2', '3.1', '3.3'],
	'RFC 8707': ['2'],
	// §2 (the server sends iss) checked against the RFC's text; §2.4 is in shared/FACTS.md.
	'RFC 9207': ['2', '2.4'],
	'RFC 9700': ['2.1', '2.1.1', '2.2.2', '4.4', '4.5', '4.8', '4.8.2', '4.12', '4.14.2'],
	'RFC 9728': ['2', '3', '3.1', '3.3', '5.1'],
	// draft -15 (OAUTH21_DRAFT): the numbers checked against shared/FACTS.md
	'OAuth 2.1': [
		'3.2.4',
		'4.1.1',
		'4.1.2.1',
		'4.1.3',
		'4.3',
		'4.3.1',
		'4.3.2',
		'7.3.1',
		'7.5.1',
		'7.5.2'
	],
	// The revision the switch starts from: servers MUST send WWW-Authenticate; no fallback rule.
	'MCP 2025-06-18': [
		'Authorization',
		'Authorization Server Discovery',
		'Authorization Code Protection',
		'Resource Parameter Implementation',
		'Error Handling'
	],
	'MCP 2025-11-25': [
		'Authorization',
		'Authorization Server Discovery',
		'Authorization Code Protection',
		'Resource Parameter Implementation',
		'Token Audience Binding and Validation',
		'Localhost Redirect URI Risks',
		'Scope Challenge Handling'
	],
	// The current revision: PKCE rules unchanged, the page split into sub-pages.
	'MCP 2026-07-28': ['Authorization']
};

/** Whether a citation names a source and one of its citable sections. */
export function isKnownCitation({ spec, section }: Citation): boolean {
	return Object.hasOwn(CITED_SECTIONS, spec) && CITED_SECTIONS[spec].includes(section);
}
