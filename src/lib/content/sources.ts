import type { Citation, SpecId } from '$lib/protocol/types';

/** The specifications the site was checked against, with the version read. */
export const SOURCES: Record<SpecId, { title: string; url: string; version: string }> = {
	'RFC 7636': {
		title: 'Proof Key for Code Exchange by OAuth Public Clients',
		url: 'https://www.rfc-editor.org/rfc/rfc7636',
		version: 'September 2015'
	},
	'RFC 6749': {
		title: 'The OAuth 2.0 Authorization Framework',
		url: 'https://www.rfc-editor.org/rfc/rfc6749',
		version: 'October 2012'
	},
	'RFC 8252': {
		title: 'OAuth 2.0 for Native Apps (BCP 212)',
		url: 'https://www.rfc-editor.org/rfc/rfc8252',
		version: 'October 2017'
	},
	'RFC 8414': {
		title: 'OAuth 2.0 Authorization Server Metadata',
		url: 'https://www.rfc-editor.org/rfc/rfc8414',
		version: 'June 2018'
	},
	'RFC 8707': {
		title: 'Resource Indicators for OAuth 2.0',
		url: 'https://www.rfc-editor.org/rfc/rfc8707',
		version: 'February 2020'
	},
	'RFC 9700': {
		title: 'Best Current Practice for OAuth 2.0 Security (BCP 240)',
		url: 'https://www.rfc-editor.org/rfc/rfc9700',
		version: 'January 2025'
	},
	'RFC 9728': {
		title: 'OAuth 2.0 Protected Resource Metadata',
		url: 'https://www.rfc-editor.org/rfc/rfc9728',
		version: 'April 2025'
	},
	'OAuth 2.1': {
		title: 'The OAuth 2.1 Authorization Framework (draft)',
		url: 'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1-15',
		version: 'draft -15, March 2026'
	},
	'MCP 2025-11-25': {
		title: 'Model Context Protocol: Authorization',
		url: 'https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization',
		version: '2025-11-25'
	}
};

/** A link to the cited section: "4.1" -> #section-4.1, "Appendix B" -> #appendix-B. */
export function citationUrl({ spec, section }: Citation): string {
	const base = SOURCES[spec].url;
	const appendix = /^Appendix ([A-Z](?:\.\d+)*)$/.exec(section);
	if (appendix) return `${base}#appendix-${appendix[1]}`;
	if (/^\d+(\.\d+)*$/.test(section)) return `${base}#section-${section}`;
	return base; // named sections (e.g. MCP's "Authorization Code Protection") have no stable anchor
}

/** How a citation reads on the page: "RFC 7636 §4.1". */
export function citationLabel({ spec, section }: Citation): string {
	return /^\d/.test(section) ? `${spec} §${section}` : `${spec}, ${section}`;
}
