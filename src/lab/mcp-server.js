/**
 * The lab's MCP server, built with the official TypeScript SDK (@modelcontextprotocol/sdk):
 * Streamable HTTP, stateless, protected by the SDK's bearer-token middleware.
 *
 * - RFC 9728 protected resource metadata at /.well-known/oauth-protected-resource/mcp (the SDK's
 *   `mcpAuthMetadataRouter`, which also serves a copy of the authorization server's metadata at
 *   this server's RFC 8414 address);
 * - 401 with `WWW-Authenticate: Bearer … resource_metadata="…"` without a valid token (RFC 9728
 *   §5.1);
 * - the token must be a JWT signed by the lab's authorization server, unexpired, whose audience is
 *   this server (RFC 8707 §2, RFC 9068 §4; MCP Authorization, "Token Audience Binding");
 * - one harmless tool, `whoami`, which says who the token belongs to.
 */
import { createLocalJWKSet, jwtVerify } from 'jose';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import {
	getOAuthProtectedResourceMetadataUrl,
	mcpAuthMetadataRouter
} from '@modelcontextprotocol/sdk/server/auth/router.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { watchMcpServer } from './watch.js';

/**
 * Verifies a lab access token: signature with the authorization server's keys (held in memory, no
 * fetch), issuer, audience = this MCP server, expiry.
 * @param {{ issuer: string, resource: string, jwks: import('jose').JSONWebKeySet }} options
 * @returns {import('@modelcontextprotocol/sdk/server/auth/provider.js').OAuthTokenVerifier}
 */
export function labTokenVerifier({ issuer, resource, jwks }) {
	const keys = createLocalJWKSet(jwks);
	return {
		async verifyAccessToken(token) {
			try {
				const { payload } = await jwtVerify(token, keys, {
					issuer,
					audience: resource,
					typ: 'at+jwt' // RFC 9068 §4: the header's typ
				});
				return {
					token,
					clientId: String(payload.client_id ?? ''),
					scopes: typeof payload.scope === 'string' ? payload.scope.split(' ') : [],
					expiresAt: payload.exp,
					resource: new URL(resource),
					extra: { sub: payload.sub, aud: payload.aud }
				};
			} catch (error) {
				throw new InvalidTokenError(
					`The access token is not valid here: ${error instanceof Error ? error.message : String(error)}`
				);
			}
		}
	};
}

/**
 * @param {object} options
 * @param {number} options.port
 * @param {string} options.issuer The authorization server.
 * @param {Record<string, unknown>} options.asMetadata Its RFC 8414 metadata (for the SDK's copy).
 * @param {import('jose').JSONWebKeySet} options.jwks Its public keys.
 * @param {string} options.scope
 * @param {Set<string>} options.origins Origins allowed to call this server from a page (CORS).
 * @param {import('./recorder.js').Recorder} options.recorder Watch's record of every exchange.
 * @returns {Promise<{ url: string, resource: string, server: import('node:http').Server }>}
 */
export async function startMcpServer({ port, issuer, asMetadata, jwks, scope, origins, recorder }) {
	const app = createMcpExpressApp({ host: '127.0.0.1' });
	watchMcpServer(app, { recorder, origins });

	// CORS for the playground's origins only; the headers a browser client must read are exposed.
	app.use((req, res, next) => {
		const origin = req.headers.origin;
		if (origin && origins.has(origin)) {
			res.set('Access-Control-Allow-Origin', origin);
			res.vary('Origin');
			res.set(
				'Access-Control-Expose-Headers',
				'WWW-Authenticate, Mcp-Session-Id, Mcp-Protocol-Version'
			);
			if (req.method === 'OPTIONS') {
				res.set('Access-Control-Allow-Methods', 'GET, POST, DELETE');
				res.set(
					'Access-Control-Allow-Headers',
					'Authorization, Content-Type, Accept, Mcp-Session-Id, Mcp-Protocol-Version, Last-Event-ID'
				);
				res.set('Access-Control-Max-Age', '600');
				res.status(204).end();
				return;
			}
		}
		next();
	});

	// Listen first: the resource (this server's URL) carries the port.
	const server = await new Promise((resolve, reject) => {
		const listening = app.listen(port, '127.0.0.1', (/** @type {Error | undefined} */ error) =>
			error ? reject(error) : resolve(listening)
		);
		listening.once('error', reject);
	});
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	const url = `http://127.0.0.1:${address.port}/mcp`;
	const resource = url;

	app.use(
		mcpAuthMetadataRouter({
			oauthMetadata: /** @type {any} */ (asMetadata),
			resourceServerUrl: new URL(resource),
			scopesSupported: [scope],
			resourceName: 'PKCE Playground lab MCP server'
		})
	);
	const bearer = requireBearerAuth({
		verifier: labTokenVerifier({ issuer, resource, jwks }),
		resourceMetadataUrl: getOAuthProtectedResourceMetadataUrl(new URL(resource))
	});

	app.post('/mcp', bearer, async (req, res) => {
		// Stateless: a server and a transport per request (the SDK's stateless pattern).
		const mcp = new McpServer({ name: 'pkce-playground-lab', version: '1.0.0' });
		mcp.registerTool(
			'whoami',
			{
				title: 'Who am I?',
				description: 'Says whose access token called this server, and for which client.',
				annotations: { readOnlyHint: true }
			},
			async (extra) => {
				const auth = extra.authInfo;
				const sub = String(auth?.extra?.sub ?? 'someone');
				return {
					content: [
						{
							type: 'text',
							text: `You are ${sub}, calling through the client ${auth?.clientId}, with the scope ${auth?.scopes.join(' ')}.`
						}
					]
				};
			}
		);
		const transport = new StreamableHTTPServerTransport({
			sessionIdGenerator: undefined,
			enableJsonResponse: true
		});
		res.on('close', () => {
			transport.close().catch(() => {});
			mcp.close().catch(() => {});
		});
		await mcp.connect(transport);
		await transport.handleRequest(req, res, req.body);
	});
	// Stateless: no standalone SSE stream and no session to end.
	app.all('/mcp', bearer, (_req, res) => {
		res
			.status(405)
			.set('Allow', 'POST')
			.json({
				jsonrpc: '2.0',
				error: {
					code: -32000,
					message: 'Method not allowed: this server is stateless (POST only).'
				},
				id: null
			});
	});

	return { url, resource, server };
}
