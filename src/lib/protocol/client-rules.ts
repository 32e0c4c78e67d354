import type { McpRevision } from './revisions';
import type { ScenarioId } from './types';

/**
 * What the simulated MCP client does under each revision, where the scenarios can show the
 * difference (the text and citations of each rule are content: content/revisions.ts). Loaded
 * only by the scenarios whose client follows a revision's rules.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization
 */
export interface ClientRules {
	/**
	 * When the 401 names no `resource_metadata`: try the well-known URLs, path-inserted first,
	 * then the root (2025-11-25). Before, the client had only the header the server MUST send.
	 */
	wellKnownFallback: boolean;
	/** After RFC 8414 metadata, OpenID Connect Discovery in MCP's order (2025-11-25). */
	oidcDiscovery: boolean;
	/** Refuse a server whose metadata has no `code_challenge_methods_supported` (2025-11-25). */
	verifiesPkceSupport: boolean;
	/** Compare the metadata's `issuer` with the server it asked about (required by 2026-07-28). */
	checksIssuer: boolean;
	/** Compare the authorization response's `iss` (RFC 9207 §2.4, required by 2026-07-28). */
	checksIss: boolean;
	/**
	 * On 403 `insufficient_scope`: no step-up rule (2025-06-18); sign in again for the
	 * challenge's scopes (2025-11-25); for the union with the scopes asked before (2026-07-28).
	 */
	stepUp: 'none' | 'challenged' | 'union';
}

export const CLIENT_RULES: Readonly<Record<McpRevision, ClientRules>> = {
	'2025-06-18': {
		wellKnownFallback: false,
		oidcDiscovery: false,
		verifiesPkceSupport: false,
		checksIssuer: false,
		checksIss: false,
		stepUp: 'none'
	},
	'2025-11-25': {
		wellKnownFallback: true,
		oidcDiscovery: true,
		verifiesPkceSupport: true,
		checksIssuer: false,
		checksIss: false,
		stepUp: 'challenged'
	},
	'2026-07-28': {
		wellKnownFallback: true,
		oidcDiscovery: true,
		verifiesPkceSupport: true,
		checksIssuer: true,
		checksIss: true,
		stepUp: 'union'
	}
};

/**
 * The scenarios whose client behaves differently under another revision (the others run the
 * same steps under all three); scenarios.test.ts runs every scenario under every revision and
 * checks this list.
 */
export const REVISION_DEPENDENT: readonly ScenarioId[] = [
	'mcp-discovery',
	'mix-up',
	'step-up',
	'discovery'
];
