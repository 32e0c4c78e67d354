import type { CodeRef } from './types';

/** The code the workbench shows beside its tools (real source, like every step's). */
export const WORKBENCH_CODE: readonly CodeRef[] = [
	{ file: 'pkce/verifier.ts', region: 'generate' },
	{ file: 'pkce/challenge.ts', region: 'challenge' },
	{ file: 'protocol/authorization-server.ts', region: 'token-verify-pkce' }
];

/**
 * Regions marked in source that no page shows, each with the reason. The build check fails on a
 * region that is neither shown nor listed here, and on one listed here that a page shows.
 */
export const UNSHOWN: Readonly<Record<string, string>> = {
	'protocol/client.ts#redeem-code':
		'the token request is shown on the wire; its step shows the server’s check of it',
	'protocol/client.ts#call-mcp': 'one line that sends the bearer token, visible in the HTTP panel',
	'protocol/authorization-server.ts#metadata': 'the metadata is shown as the JSON the server sends',
	'protocol/authorization-server.ts#token-code-checks':
		'the checks before PKCE (unknown code, client, expiry, redirect_uri), tested but not a step’s story',
	'protocol/authorization-server.ts#loopback-redirect-match':
		'the loopback port rule, taught in the narration of the authorization request',
	'protocol/mcp-server.ts#protected-resource-metadata':
		'the metadata is shown as the JSON the MCP server sends',
	'protocol/browser.ts#follow-redirect': 'the browser’s part is the URL itself, shown on the wire'
};

/** The workbench's sections an end card may link to (their heading ids on /workbench/). */
export const WORKBENCH_SECTIONS: readonly string[] = [
	'bench-title',
	'redeem-title',
	'guess-title',
	'diagnose-title',
	'redirect-title',
	'revisions-title',
	'failures-title',
	'quiz-title',
	'glossary-title'
];
