import { SPEC_URLS } from './sources';
import type { SpecId } from './types';

// Kept apart from sources.ts so pages that only link citations do not load titles and versions.
/** The specifications the site was checked against, with the version read. */
export const SOURCES: Record<SpecId, { title: string; url: string; version: string }> = {
	'RFC 7636': {
		title: 'Proof Key for Code Exchange by OAuth Public Clients',
		url: SPEC_URLS['RFC 7636'],
		version: 'September 2015'
	},
	'RFC 6749': {
		title: 'The OAuth 2.0 Authorization Framework',
		url: SPEC_URLS['RFC 6749'],
		version: 'October 2012'
	},
	'RFC 6750': {
		title: 'OAuth 2.0 Bearer Token Usage',
		url: SPEC_URLS['RFC 6750'],
		version: 'October 2012'
	},
	'RFC 8252': {
		title: 'OAuth 2.0 for Native Apps (BCP 212)',
		url: SPEC_URLS['RFC 8252'],
		version: 'October 2017'
	},
	'RFC 8414': {
		title: 'OAuth 2.0 Authorization Server Metadata',
		url: SPEC_URLS['RFC 8414'],
		version: 'June 2018'
	},
	'RFC 8707': {
		title: 'Resource Indicators for OAuth 2.0',
		url: SPEC_URLS['RFC 8707'],
		version: 'February 2020'
	},
	'RFC 9207': {
		title: 'OAuth 2.0 Authorization Server Issuer Identification',
		url: SPEC_URLS['RFC 9207'],
		version: 'March 2022'
	},
	'RFC 9700': {
		title: 'Best Current Practice for OAuth 2.0 Security (BCP 240)',
		url: SPEC_URLS['RFC 9700'],
		version: 'January 2025'
	},
	'RFC 9728': {
		title: 'OAuth 2.0 Protected Resource Metadata',
		url: SPEC_URLS['RFC 9728'],
		version: 'April 2025'
	},
	'OAuth 2.1': {
		title: 'The OAuth 2.1 Authorization Framework (draft)',
		url: SPEC_URLS['OAuth 2.1'],
		version: 'draft -15, March 2026 (draft -16 of September 2026 exists; sections cited are -15’s)'
	},
	'MCP 2025-06-18': {
		title: 'Model Context Protocol: Authorization',
		url: SPEC_URLS['MCP 2025-06-18'],
		version: '2025-06-18, the earliest revision the revision switch offers'
	},
	'MCP 2025-11-25': {
		title: 'Model Context Protocol: Authorization',
		url: SPEC_URLS['MCP 2025-11-25'],
		version: '2025-11-25, whose section names the site cites'
	},
	'MCP 2026-07-28': {
		title: 'Model Context Protocol: Authorization',
		url: SPEC_URLS['MCP 2026-07-28'],
		version: '2026-07-28, the current revision: PKCE rules unchanged, sections moved into sub-pages'
	}
};
