import type { ScenarioStory, StepOverride } from '../types';
import type { McpRevision } from '$lib/protocol/revisions';
import { at, cite } from './text';

const DISCOVERY = cite('MCP 2025-11-25', 'Authorization Server Discovery');
const DISCOVERY_2025_06 = cite('MCP 2025-06-18', 'Authorization Server Discovery');
const ISSUER_CHECK = cite('MCP 2026-07-28', 'Authorization');

/** A client of this revision goes on with metadata whose issuer is another server's. */
const acceptsWrongIssuer =
	(unchecked: boolean): StepOverride =>
	(_step, revision: McpRevision) => ({
		title: unchecked
			? 'The client takes the endpoints and goes on'
			: 'The client checks the metadata for PKCE',
		narration: `${unchecked ? 'MCP 2025-06-18 asks for no PKCE check either, so' : 'The metadata lists `S256`, so'} this client goes on — with endpoints from a document that names another issuer. Its authorization request, and later the code and the \`code_verifier\`, go wherever that document says. MCP ${revision} states no issuer check of its own, and this client checks only what the MCP page spells out; RFC 8414 §3.3 already said such metadata MUST NOT be used, and MCP 2026-07-28 made the check a client requirement.`,
		cites: [cite('RFC 8414', '3.3'), ISSUER_CHECK],
		code: unchecked
			? at('discovery', 'discover-server', {
					unchecked: 'No PKCE check in this revision…',
					'use-endpoints': '…and no issuer check: the client takes another issuer’s endpoints.'
				})
			: at('discovery', 'check-pkce-support', {
					proceed: 'S256 is announced, and nothing looked at the issuer: go on.'
				}),
		question: undefined
	});

/** The 401 that names its metadata, in the two phases where the server does. */
const announced: StepOverride = {
	title: 'The client calls the MCP server without a token',
	narration:
		'The client calls the MCP server with no token and gets `401 Unauthorized`. Its `WWW-Authenticate` header names the protected resource metadata in `resource_metadata`, so the client needs no guessing: it fetches that URL.',
	cites: [cite('RFC 9728', '5.1'), DISCOVERY],
	code: at('discovery', 'discover-resource', {
		'metadata-url': 'The 401 names the metadata URL: the client uses it.'
	})
};

/** The protected resource metadata the client accepts, in the phase that goes on to the issuer. */
const resourceOk: StepOverride = {
	title: 'The client reads the protected resource metadata',
	narration:
		'The document’s `resource` is `https://mcp.example.com/mcp`, the very server the client called, so the client may use it: it takes the first of `authorization_servers`, `https://auth.example.com`.',
	cites: [cite('RFC 9728', '3.3'), cite('RFC 9728', '2')],
	code: at('discovery', 'read-resource-metadata', {
		'check-resource': 'The resource must be the server the client called…',
		'authorization-server': '…and then the client takes the authorization server it names.'
	})
};

/**
 * Discovery as MCP runs it (2025-11-25, with 2026-07-28's issuer check): the 401's
 * `resource_metadata` or the well-known fallback in order, RFC 8414 then OpenID Connect
 * Discovery, and the `resource` and `issuer` checks that refuse a document.
 */
const discovery: ScenarioStory = {
	description:
		'Where an MCP client looks for metadata when the server does not say, and the checks that make it refuse a document, by the MCP revision it follows.',
	summary:
		'A server that names no metadata URL, a document for another resource, and one from another issuer. From MCP 2025-11-25 the client tries the well-known fallbacks, path-inserted first, then RFC 8414 and OpenID Connect Discovery in order; it refuses another resource’s document, and from 2026-07-28 another issuer’s.',
	phases: {
		fallback: { title: 'A server that does not say where its metadata is' },
		'wrong-resource': {
			title: 'Metadata for another resource',
			intro:
				'Now the 401 names the metadata URL, and the document found there describes another MCP server.'
		},
		'wrong-issuer': {
			title: 'Metadata from another issuer',
			intro:
				'Now the resource metadata is right, and the authorization server’s document names another issuer.'
		}
	},
	steps: {
		'fallback-mcp-unauthorized': (_step, revision) => {
			const old = revision === '2025-06-18'; // no fallback yet: the header is all it reads
			return {
				title: 'The client calls the MCP server; the 401 names no metadata',
				narration: `The client calls the MCP server without a token and gets \`401 Unauthorized\` with a bare \`WWW-Authenticate: Bearer\`: no \`resource_metadata\`. ${old ? 'MCP 2025-06-18 requires servers to name it there, and that header is where its clients look.' : 'MCP servers should name it, but a client must cope when they do not: it falls back to the well-known URLs of RFC 9728.'}`,
				cites: [cite('RFC 9728', '5.1'), old ? DISCOVERY_2025_06 : DISCOVERY],
				code: at(
					'discovery',
					'discover-resource',
					old
						? { 'metadata-url': 'No resource_metadata in the header: nothing to read here.' }
						: {
								'metadata-url': 'No resource_metadata in the header: nothing to read here…',
								fallback: '…so the client turns to the well-known URLs.'
							}
				)
			};
		},
		'fallback-refuse-resource': (step) => ({
			title: 'The client after a 401 that names no metadata',
			narration: `The client stops: ${step.reason}. This server breaks MCP 2025-06-18, which requires the metadata URL in the 401’s \`WWW-Authenticate\`; the page does not say what a client does then, and this client, doing only what the page states, has nowhere to look. MCP 2025-11-25 added the fallback: the well-known URLs, path-inserted first, then the root.`,
			cites: [DISCOVERY_2025_06, DISCOVERY],
			code: at('discovery', 'discover-resource', {
				'no-fallback': 'No URL named and no fallback in this revision: nothing to try.'
			}),
			question:
				'The 401 names no metadata, and this client follows MCP 2025-06-18. Where does it look?'
		}),
		'fallback-resource-metadata': {
			title: 'The client tries the well-known URL with the path inserted',
			narration:
				'The MCP server is `https://mcp.example.com/mcp`, with a path. The client tries first the well-known URL with that path inserted after the well-known segment: `/.well-known/oauth-protected-resource/mcp`. This server does not serve it: `404`.',
			cites: [cite('RFC 9728', '3.1'), DISCOVERY],
			code: at('discovery', 'well-known', {
				'path-first': 'The path-inserted URL first, then the root one.'
			}),
			question: 'The path-inserted URL answers 404. Where does the client look next?'
		},
		'fallback-resource-metadata-root': {
			title: 'Then the root well-known URL',
			narration:
				'Next comes the root, `/.well-known/oauth-protected-resource`: MCP’s fallback (RFC 9728 itself defines the path-inserted URL for a resource with a path). This server serves its metadata there. Its `resource` is `https://mcp.example.com/mcp`, the server the client called, and this client uses a document only for that resource; it takes the authorization server it names.',
			cites: [DISCOVERY, cite('RFC 9728', '3.1')],
			code: at('discovery', 'read-resource-metadata', {
				'check-resource': 'The document is for the server the client called…',
				'authorization-server': '…so the client takes its authorization server.'
			})
		},
		'fallback-server-metadata': {
			title: 'The client asks for RFC 8414 metadata',
			narration:
				'The authorization server is `https://auth.example.com`, with no path. The client tries RFC 8414’s well-known URL first: `/.well-known/oauth-authorization-server`. This server does not serve it: `404`.',
			cites: [cite('RFC 8414', '3.1'), DISCOVERY],
			code: at('discovery', 'well-known', {
				oauth: 'RFC 8414 first…',
				oidc: '…then OpenID Connect Discovery.'
			})
		},
		'fallback-server-metadata-oidc': {
			title: 'Then OpenID Connect Discovery',
			narration:
				'Next in MCP’s order comes OpenID Connect Discovery: `/.well-known/openid-configuration`. The server answers with its metadata. Its `issuer` is `https://auth.example.com`, the server the resource named, and it lists `code_challenge_methods_supported` with `S256`. MCP applies the PKCE rule to this document too.',
			cites: [cite('RFC 8414', '3.3'), DISCOVERY],
			code: at('discovery', 'discover-server', {
				'check-issuer': 'The issuer must be the server the resource named…',
				'check-support': '…and the document must announce S256.'
			})
		},
		'fallback-proceed': {
			title: 'The client checks the metadata for PKCE',
			narration:
				'Found the long way round, the metadata is as good as any: the right issuer, and `S256` announced. The client may start a sign-in with `S256`.',
			cites: [cite('MCP 2025-11-25', 'Authorization Code Protection'), cite('RFC 8414', '2')],
			code: at('discovery', 'check-pkce-support', {
				proceed: 'S256 is announced: go on.'
			})
		},
		'wrong-resource-mcp-unauthorized': announced,
		'wrong-resource-resource-metadata': {
			title: 'The client reads the protected resource metadata',
			narration:
				'The document at that URL says `resource: https://mcp.other.example/mcp` — another server’s metadata, copied or misconfigured, or planted to send the client to another authorization server. RFC 9728 requires the `resource` to be the server the client asked about (here the URL it called); if it is not, the metadata MUST NOT be used.',
			cites: [cite('RFC 9728', '3.3')],
			code: at('discovery', 'read-resource-metadata', {
				'check-resource': 'The resource is not the server the client called.'
			}),
			question: 'The metadata names another MCP server as its resource. Should the client use it?'
		},
		'wrong-resource-refuse-resource': (step) => ({
			title: 'The client after a resource mismatch',
			narration: `The client stops: ${step.reason}. It sends the user nowhere and no request to any authorization server. Following this document would have let it pick the authorization server for someone else’s MCP server.`,
			cites: [cite('RFC 9728', '3.3')],
			code: at('discovery', 'read-resource-metadata', {
				'refuse-resource': 'Another resource: the document is not used.'
			})
		}),
		'wrong-issuer-mcp-unauthorized': announced,
		'wrong-issuer-resource-metadata': resourceOk,
		'wrong-issuer-server-metadata': (_step, revision) => ({
			title: 'The client reads the authorization server metadata',
			narration:
				'The document at `https://auth.example.com/.well-known/oauth-authorization-server` says `issuer: https://login.other.example`. RFC 8414 requires the `issuer` to be identical to the server whose metadata the client asked for, and MCP 2026-07-28 requires clients to check it: otherwise the endpoints in it could be anyone’s.',
			cites: [cite('RFC 8414', '3.3'), ISSUER_CHECK],
			code: at('discovery', 'discover-server', {
				'check-issuer':
					revision === '2026-07-28'
						? 'The issuer is not the server the resource named.'
						: `MCP ${revision} states no issuer check: this client skips it.`
			}),
			question: 'The metadata’s issuer is another server. Should the client use its endpoints?'
		}),
		'wrong-issuer-proceed': acceptsWrongIssuer(false),
		'wrong-issuer-proceed-unchecked': acceptsWrongIssuer(true),
		'wrong-issuer-refuse-issuer': (step) => ({
			title: 'The client after an issuer mismatch',
			narration: `The client stops: ${step.reason}. No authorization request goes out: the endpoints in a document from another issuer could send the user, and later the code and the \`code_verifier\`, to a server the client never meant to use.`,
			cites: [cite('RFC 8414', '3.3'), ISSUER_CHECK],
			code: at('discovery', 'discover-server', {
				'refuse-issuer': 'Another issuer: the document is not used.'
			})
		})
	},
	end: {
		had: 'nothing: there is no attacker here; the risk is metadata in the wrong place, or for the wrong server',
		lacked:
			'a resource_metadata URL in the 401, so the client looked where the spec says; and, in the last two phases, a document for this resource and this issuer',
		verdict: 'Found by the fallbacks · refused twice',
		tone: 'mixed',
		lesson:
			'An MCP client reads resource_metadata from the 401 when it is there, else tries the well-known URLs in the spec’s order, and uses a document only if its resource or issuer is the one it asked about.',
		contrast:
			'A client that tried one URL would fail against a server that publishes elsewhere; one that skipped the checks would take endpoints from a document meant for another server.',
		next: 's256',
		tools: [{ label: 'Quiz: who must use PKCE?', section: 'quiz-title' }]
	},
	endFor: {
		'2025-06-18': {
			verdict: 'No fallback · refused once · another issuer’s endpoints taken',
			tone: 'mixed',
			lesson:
				'A client that does only what MCP 2025-06-18 spells out reads only the metadata URL the 401 names and does not compare the issuer: it stops where a later client finds the metadata, and goes on where a later client refuses.',
			contrast:
				'Under MCP 2025-11-25 the client finds the metadata by the fallbacks; under 2026-07-28 it also refuses the other issuer’s document.'
		},
		'2025-11-25': {
			verdict: 'Found by the fallbacks · refused once · another issuer’s endpoints taken',
			tone: 'mixed',
			lesson:
				'A client that does only what MCP 2025-11-25 spells out finds the metadata by the well-known fallbacks and refuses another resource’s document, but the page states no issuer check: it takes endpoints from a document meant for another server.',
			contrast: 'Under MCP 2026-07-28 the same client refuses the other issuer’s document too.'
		}
	}
};
export default discovery;
