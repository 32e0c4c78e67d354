import type { McpRevision, ScenarioId } from '$lib/protocol/types';
import type { Citation } from './types';

export { REVISION_DEPENDENT } from '$lib/protocol/client-rules';

/** One cell of the table: what a revision asks, and where it says so. */
export interface RevisionCell {
	text: string;
	cite: Citation;
}

/** One rule, as each revision words it, and the scenario that shows the difference. */
export interface RevisionRule {
	id: string;
	rule: string;
	cells: Readonly<Record<McpRevision, RevisionCell>>;
	/** The scenario whose client behaves differently by this rule (played with `?mcp=`). */
	see?: ScenarioId;
}

const R0618 = (section: string): Citation => ({ spec: 'MCP 2025-06-18', section });
const R1125 = (section: string): Citation => ({ spec: 'MCP 2025-11-25', section });
const CURRENT: Citation = { spec: 'MCP 2026-07-28', section: 'Authorization' };
/** Where a revision has no rule: its authorization page as a whole says nothing of it. */
const PAGE = (spec: 'MCP 2025-06-18' | 'MCP 2025-11-25'): Citation => ({
	spec,
	section: 'Authorization'
});
const UNCHANGED: RevisionCell = { text: 'Unchanged.', cite: CURRENT };

/**
 * What each MCP revision asks of an MCP client (and, last, of its authorization server), for
 * the workbench's table; the playground's client follows the same rules (client-rules.ts).
 * FACTS: shared/FACTS.md, "Model Context Protocol authorization".
 */
export const REVISION_RULES: readonly RevisionRule[] = [
	{
		id: 'resource-metadata',
		rule: 'Finding the authorization server',
		cells: {
			'2025-06-18': {
				text: 'MUST use protected resource metadata (RFC 9728); servers MUST name it in WWW-Authenticate on a 401.',
				cite: R0618('Authorization Server Discovery')
			},
			'2025-11-25': {
				text: 'Protected resource metadata, from WWW-Authenticate’s resource_metadata when the 401 names it.',
				cite: R1125('Authorization Server Discovery')
			},
			'2026-07-28': UNCHANGED
		}
	},
	{
		id: 'fallback',
		rule: 'A 401 without resource_metadata',
		see: 'discovery',
		cells: {
			'2025-06-18': {
				text: 'No fallback rule: servers MUST give the metadata URL in WWW-Authenticate on a 401; the page does not say what a client does when it is missing.',
				cite: R0618('Authorization Server Discovery')
			},
			'2025-11-25': {
				text: 'MUST fall back to the well-known URLs: path-inserted first, then the root.',
				cite: R1125('Authorization Server Discovery')
			},
			'2026-07-28': UNCHANGED
		}
	},
	{
		id: 'server-metadata',
		rule: 'Authorization server metadata',
		see: 'discovery',
		cells: {
			'2025-06-18': { text: 'RFC 8414.', cite: R0618('Authorization Server Discovery') },
			'2025-11-25': {
				text: 'RFC 8414 or OpenID Connect Discovery, tried in a fixed order.',
				cite: R1125('Authorization Server Discovery')
			},
			'2026-07-28': UNCHANGED
		}
	},
	{
		id: 'pkce-support',
		rule: 'No code_challenge_methods_supported in the metadata',
		see: 'mcp-discovery',
		cells: {
			'2025-06-18': {
				text: 'No rule: clients MUST implement PKCE, but nothing says to check code_challenge_methods_supported.',
				cite: R0618('Authorization Code Protection')
			},
			'2025-11-25': {
				text: 'MUST verify PKCE support before proceeding; absent means no PKCE: MUST refuse. S256 when technically capable.',
				cite: R1125('Authorization Code Protection')
			},
			'2026-07-28': { text: 'Unchanged: PKCE rules as in 2025-11-25.', cite: CURRENT }
		}
	},
	{
		id: 'issuer',
		rule: 'The metadata’s issuer (RFC 8414 §3.3)',
		see: 'discovery',
		cells: {
			'2025-06-18': {
				text: 'No MCP rule of its own, but clients MUST follow RFC 8414 to obtain the metadata, and RFC 8414 §3.3 says metadata naming another issuer MUST NOT be used.',
				cite: R0618('Authorization Server Discovery')
			},
			'2025-11-25': {
				text: 'No MCP rule of its own; its discovery follows RFC 8414, whose §3.3 says metadata naming another issuer MUST NOT be used.',
				cite: R1125('Authorization Server Discovery')
			},
			'2026-07-28': {
				text: 'MUST validate it against the authorization server asked about.',
				cite: CURRENT
			}
		}
	},
	{
		id: 'iss',
		rule: 'iss in the authorization response (RFC 9207)',
		see: 'mix-up',
		cells: {
			'2025-06-18': { text: 'No iss rule of its own.', cite: PAGE('MCP 2025-06-18') },
			'2025-11-25': { text: 'No iss rule of its own.', cite: PAGE('MCP 2025-11-25') },
			'2026-07-28': {
				text: 'MUST validate the response per RFC 9207 §2.4 before the code goes to any token endpoint: compare a present iss with the recorded issuer; reject a missing iss if the server advertises authorization_response_iss_parameter_supported.',
				cite: CURRENT
			}
		}
	},
	{
		id: 'resource',
		rule: 'The resource parameter (RFC 8707)',
		cells: {
			'2025-06-18': {
				text: 'MUST be sent in both the authorization and the token request.',
				cite: R0618('Resource Parameter Implementation')
			},
			'2025-11-25': { text: 'Unchanged.', cite: R1125('Resource Parameter Implementation') },
			'2026-07-28': UNCHANGED
		}
	},
	{
		id: 'step-up',
		rule: '403 insufficient_scope',
		see: 'step-up',
		cells: {
			'2025-06-18': {
				text: 'Listed as an error; no step-up flow.',
				cite: R0618('Error Handling')
			},
			'2025-11-25': {
				text: 'SHOULD sign in again for the scopes the challenge names; retry no more than a few times. Servers, not clients, are asked to keep earlier scopes in the challenge.',
				cite: R1125('Scope Challenge Handling')
			},
			'2026-07-28': {
				text: 'Sign in again for the union of the scopes asked before and the challenge’s.',
				cite: CURRENT
			}
		}
	},
	{
		id: 'localhost',
		rule: 'Loopback redirects, at the authorization server',
		cells: {
			'2025-06-18': {
				text: 'No display or warning rule (redirect URIs MUST be localhost or HTTPS, matched exactly).',
				cite: PAGE('MCP 2025-06-18')
			},
			'2025-11-25': {
				text: 'The server MUST display the redirect URI’s hostname and SHOULD warn for localhost-only redirect URIs.',
				cite: R1125('Localhost Redirect URI Risks')
			},
			'2026-07-28': UNCHANGED
		}
	}
];
