/**
 * The one oidc-provider configuration of the project: the local lab's authorization server
 * (`npm run lab`, src/lab/lab.js) and the cross-check harness of the tests
 * (src/lib/protocol/oidc-provider.harness.ts) both build theirs here, so the policies they share
 * cannot drift apart. Node-only, plain JavaScript with JSDoc types, so `node` runs it as it is.
 *
 * The shared policy, an MCP authorization server for public clients:
 * - public clients (RFC 6749 §2.1: `token_endpoint_auth_method: none`), `application_type:
 *   native`, so a loopback redirect may use any port (RFC 8252 §7.3);
 * - PKCE required for every client not named in `pkceOptional` (RFC 7636 §4.4.1, OAuth 2.1 (-15)
 *   §4.1.1); oidc-provider 9 implements S256 only, so `plain` is always refused (RFC 7636 §4.4.1:
 *   "transform algorithm not supported");
 * - resource indicators (RFC 8707) for exactly one resource, the MCP server, whose access tokens
 *   carry it as their audience;
 * - with `refreshTokens`, a refresh token with every code exchange, rotated on every use
 *   (OAuth 2.1 §4.3.1, RFC 9700 §4.14.2);
 * - storage in memory only; nothing is written to disk.
 */
import { generateKeyPairSync } from 'node:crypto';

/** Where oidc-provider sends the user agent for login and consent: `${INTERACTION_PREFIX}<uid>`. */
export const INTERACTION_PREFIX = '/interaction/';

/** @type {Promise<typeof import('oidc-provider')> | undefined} */
let loading;

/**
 * oidc-provider warns at import time that it prefers Node 22; it runs on Node 20.19 all the same.
 * Import it once with that one line filtered out, so test and lab output stay quiet.
 * @returns {Promise<typeof import('oidc-provider')>}
 */
export function loadOidcProvider() {
	loading ??= (async () => {
		const warn = console.warn;
		console.warn = (...args) => {
			if (!String(args[0]).includes('oidc-provider WARNING: Unsupported runtime')) warn(...args);
		};
		try {
			return await import('oidc-provider');
		} finally {
			console.warn = warn;
		}
	})();
	return loading;
}

/**
 * A plain in-memory storage adapter (oidc-provider's own dev adapter warns on use). Keys are
 * `Model:id`; expiry is left to oidc-provider, which checks `exp` itself.
 * @param {Map<string, import('oidc-provider').AdapterPayload>} store
 * @returns {(name: string) => import('oidc-provider').Adapter}
 */
export function memoryAdapterFactory(store) {
	/** @type {Map<string, Set<string>>} */
	const byGrant = new Map();
	return (name) => {
		/** @param {string} id */
		const key = (id) => `${name}:${id}`;
		/** @param {(payload: import('oidc-provider').AdapterPayload) => boolean} match */
		const findBy = (match) => {
			for (const [k, payload] of store) {
				if (k.startsWith(`${name}:`) && match(payload)) return payload;
			}
			return undefined;
		};
		return {
			async upsert(id, payload) {
				store.set(key(id), payload);
				if (payload.grantId) {
					const keys = byGrant.get(payload.grantId) ?? new Set();
					keys.add(key(id));
					byGrant.set(payload.grantId, keys);
				}
			},
			async find(id) {
				return store.get(key(id));
			},
			async findByUid(uid) {
				return findBy((payload) => payload.uid === uid);
			},
			async findByUserCode(userCode) {
				return findBy((payload) => payload.userCode === userCode);
			},
			async consume(id) {
				const payload = store.get(key(id));
				if (payload) payload.consumed = Math.floor(Date.now() / 1000);
			},
			async destroy(id) {
				store.delete(key(id));
			},
			async revokeByGrantId(grantId) {
				for (const k of byGrant.get(grantId) ?? []) store.delete(k);
				byGrant.delete(grantId);
			}
		};
	};
}

/**
 * @typedef {object} McpProviderOptions
 * @property {string[]} clientIds The public clients.
 * @property {string[]} redirectUris Registered for every client.
 * @property {string} resource The MCP server's RFC 8707 resource indicator (the tokens' audience).
 * @property {string} scope The scope the MCP server defines.
 * @property {string[]} [pkceOptional] Clients that may omit `code_challenge` (a deliberately weak
 *   client, against RFC 9700 §2.1.1). Default: none.
 * @property {boolean} [refreshTokens] Refresh tokens with every code exchange, rotated on use.
 * @property {'opaque' | 'jwt'} [accessTokenFormat] Default `opaque`.
 * @property {Map<string, import('oidc-provider').AdapterPayload>} store Storage, in memory.
 * @property {string} cookieKey Signs oidc-provider's interaction cookies (memory only).
 * @property {Partial<Record<string, Partial<import('oidc-provider').ClientMetadata>>>} [clientMetadata]
 *   Per-client additions (e.g. a `client_name` the consent page shows).
 */

/**
 * The configuration both servers share; each spreads its own options over it (the harness renders
 * error pages as JSON and turns on introspection; the lab adds CORS and its login pages).
 * @param {McpProviderOptions} options
 * @param {typeof import('oidc-provider').errors} errors oidc-provider's error classes.
 * @returns {import('oidc-provider').Configuration}
 */
export function mcpProviderConfiguration(options, errors) {
	const pkceOptional = new Set(options.pkceOptional ?? []);
	const refreshTokens = options.refreshTokens ?? false;
	// One signing key, made at start and never stored, so oidc-provider does not fall back to (and
	// warn about) development keys.
	const signingKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
		format: 'jwk'
	});
	return {
		clients: options.clientIds.map((client_id) => ({
			client_id,
			// A public client (RFC 6749 §2.1): no secret, so it must use PKCE (RFC 9700 §2.1.1).
			token_endpoint_auth_method: 'none',
			application_type: 'native', // allows http://127.0.0.1 with any port (RFC 8252 §7.3)
			grant_types: refreshTokens ? ['authorization_code', 'refresh_token'] : ['authorization_code'],
			response_types: ['code'],
			redirect_uris: options.redirectUris,
			...options.clientMetadata?.[client_id]
		})),
		// The only key (ID tokens are unused), for these clients and for any client a Client ID
		// Metadata Document describes (the default, RS256, would make it invalid metadata).
		clientDefaults: { id_token_signed_response_alg: 'ES256' },
		// RFC 7636 §4.4.1: every authorization request must carry a code_challenge, except from a
		// client named in `pkceOptional`. oidc-provider 9.x supports only S256 (there is no option for
		// `plain`), so `plain` is always refused.
		pkce: { required: (_ctx, client) => !pkceOptional.has(client.clientId) },
		// Refresh tokens for every client allowed the grant, whatever the scope; each refresh consumes
		// the one presented and returns a new one. A consumed one presented again revokes the grant
		// (lib/actions/grants/refresh_token.js).
		issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
		rotateRefreshToken: true,
		adapter: memoryAdapterFactory(options.store),
		jwks: { keys: [{ ...signingKey, kid: 'lab', alg: 'ES256', use: 'sig' }] },
		features: {
			devInteractions: { enabled: false },
			resourceIndicators: {
				enabled: true,
				defaultResource: () => options.resource,
				useGrantedResource: () => true,
				getResourceServerInfo: (_ctx, indicator) => {
					if (indicator !== options.resource) throw new errors.InvalidTarget();
					const format = options.accessTokenFormat ?? 'opaque';
					return {
						scope: options.scope,
						audience: options.resource,
						accessTokenTTL: 300,
						...(format === 'jwt'
							? { accessTokenFormat: 'jwt', jwt: { sign: { alg: 'ES256' } } }
							: { accessTokenFormat: 'opaque' })
					};
				}
			}
		},
		interactions: { url: (_ctx, interaction) => `${INTERACTION_PREFIX}${interaction.uid}` },
		findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
		cookies: { keys: [options.cookieKey] },
		ttl: {
			AccessToken: 300,
			AuthorizationCode: 60,
			Grant: 600,
			Interaction: 600,
			Session: 600,
			IdToken: 300,
			RefreshToken: 600
		},
		// RFC 6749 §4.1.3: the token request repeats redirect_uri when the authorization request had
		// it. (oidc-provider's default fills it in for clients with a single registered URI.)
		allowOmittingSingleRegisteredRedirectUri: false,
		clientBasedCORS: () => false
	};
}

/**
 * Completes consent for what the request asked: the MCP server's scope for each requested resource
 * (and `openid` if asked), through oidc-provider's own Grant API.
 * @param {import('oidc-provider').default} provider
 * @param {Awaited<ReturnType<import('oidc-provider').default['interactionDetails']>>} details
 * @param {string} accountId
 * @param {string} scope
 * @returns {Promise<string>} the grant's id
 */
export async function grantRequested(provider, details, accountId, scope) {
	const grant = details.grantId
		? await provider.Grant.find(details.grantId)
		: new provider.Grant({ accountId, clientId: String(details.params.client_id) });
	if (!grant) throw new Error('consent: grant not found');
	const requested = details.params.resource;
	const resources = Array.isArray(requested) ? requested : [requested];
	for (const indicator of resources) {
		if (typeof indicator === 'string') grant.addResourceScope(indicator, scope);
	}
	if (typeof details.params.scope === 'string' && details.params.scope.includes('openid')) {
		grant.addOIDCScope('openid');
	}
	// Scopes the server knows (the lab lists the MCP server's for registering clients) that the
	// consent prompt says are still missing.
	const missing = details.prompt.details.missingOIDCScope;
	if (Array.isArray(missing) && missing.length) grant.addOIDCScope(missing.join(' '));
	return grant.save();
}
