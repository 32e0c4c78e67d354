/**
 * Test-only harness: a real, certified authorization server (panva's oidc-provider 9.x) on
 * 127.0.0.1, configured like the one the simulation models — a public native client with a
 * loopback redirect (RFC 8252 §7.3), PKCE required with S256 only (RFC 7636 §4.4.1), and
 * resource indicators (RFC 8707) for one MCP server.
 *
 * Codes are minted without a browser and without touching the storage model: `authorize()`
 * drives the real /auth endpoint over HTTP (fetch with `redirect: 'manual'` and a cookie jar),
 * and a tiny interaction route in the same HTTP server completes login and consent through
 * `provider.interactionFinished`. So every check oidc-provider makes at /auth runs for real.
 *
 * With `refreshTokens: true` the clients may also use the refresh_token grant, every code exchange
 * returns a refresh token, and each refresh rotates it (OAuth 2.1 -15 §4.3.1, RFC 9700 §4.14.2).
 * Token introspection (RFC 7662) is on in every configuration, for a wire-level view of whether
 * oidc-provider still honours a token.
 *
 * With `clientIdMetadataDocuments` oidc-provider's experimental Client ID Metadata Document feature
 * (draft-ietf-oauth-client-id-metadata-document-02) is on: an https `client_id` is resolved by
 * fetching its document, and the harness answers that fetch itself (oidc-provider's `fetch`
 * option), so no request leaves the process.
 *
 * The policy it shares with the local lab (`npm run lab`) comes from one module,
 * src/lab/provider.js; what is the harness's own is below (opaque tokens it can look up,
 * introspection, error pages as JSON, Client ID Metadata Documents).
 *
 * Imported only by oidc-crosscheck.test.ts; it is Node-only on purpose, unlike the portable core.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AdapterPayload, Configuration } from 'oidc-provider';
import {
	grantRequested,
	INTERACTION_PREFIX,
	loadOidcProvider,
	mcpProviderConfiguration
} from '../../lab/provider.js';

export interface AuthorizeOutcome {
	/** Status of the last response: 302/303 for a redirect to redirect_uri, 400 for an error page. */
	status: number;
	/** Where the server finally sent the user agent (a URL under redirect_uri), if it redirected. */
	location?: URL;
	/** `code` from the redirect, if any. */
	code?: string;
	/** `error` from the redirect, or from the error page (which the harness renders as JSON). */
	error?: string;
	errorDescription?: string;
	/** `iss` from the redirect (RFC 9207 §2), if any. */
	iss?: string;
}

export interface TokenOutcome {
	status: number;
	headers: Headers;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a wire JSON body
	json: any;
}

export interface OidcProviderHarness {
	/** e.g. http://127.0.0.1:43125 */
	issuer: string;
	/** The authorization endpoint, e.g. http://127.0.0.1:43125/auth */
	authorizationEndpoint: string;
	tokenEndpoint: string;
	clientId: string;
	/** A second public client with the same redirect_uri, for "code bound to client_id" checks. */
	otherClientId: string;
	/** The registered loopback redirect_uri. */
	redirectUri: string;
	/** The RFC 8707 resource indicator of the MCP server. */
	resource: string;
	/** The scope the MCP server defines, requested in every authorization request. */
	scope: string;
	/** oidc-provider's RFC 8414 / OpenID discovery document. */
	metadata(): Promise<Record<string, unknown>>;
	/** GET any URL (e.g. a well-known metadata address); the status and the JSON body, if any. */
	getJson(url: string): Promise<{ status: number; json: Record<string, unknown> | undefined }>;
	/** The Client ID Metadata Document URLs oidc-provider fetched, in order (none left the process). */
	documentFetches: string[];
	/**
	 * Sends GET /auth?<params>, follows the interaction (login + consent, done programmatically)
	 * with a fresh cookie jar, and stops at the first redirect to a URL that is not on this server
	 * (the client's redirect_uri), or at an error page.
	 */
	authorize(params: Record<string, string>): Promise<AuthorizeOutcome>;
	/** POST /token with an application/x-www-form-urlencoded body. */
	token(form: Record<string, string>): Promise<TokenOutcome>;
	/**
	 * POST /token/introspection (RFC 7662 §2.1) as `clientId` (a public client may introspect only
	 * the tokens issued to it); returns the response body, e.g. `{ active: false }`.
	 */
	introspect(token: string): Promise<Record<string, unknown>>;
	/**
	 * Whether an opaque access token is still stored (not revoked, e.g. by a replayed code,
	 * RFC 6749 §4.1.2). Reads the harness's own storage; oidc-provider writes it.
	 */
	isAccessTokenActive(accessToken: string): boolean;
	/** The audience (RFC 8707 resource) oidc-provider bound an opaque access token to. */
	accessTokenAudience(accessToken: string): string | undefined;
	close(): Promise<void>;
}

export interface HarnessOptions {
	clientId?: string;
	otherClientId?: string;
	/** Registered redirect URI; any port, since RFC 8252 §7.3 loopback ports never match anyway. */
	redirectUri?: string;
	resource?: string;
	scope?: string;
	accountId?: string;
	/**
	 * RFC 7636 §4.4.1 policy. Default true. With false, a request without code_challenge gets a
	 * code bound to no challenge — the only way to exercise RFC 9700 §4.8.2 on oidc-provider.
	 */
	pkceRequired?: boolean;
	/**
	 * Default false. With true, the clients may use the refresh_token grant, oidc-provider issues a
	 * refresh token with every code exchange (a custom `issueRefreshToken`; the default would issue
	 * one only for the `offline_access` scope, granted only with `prompt=consent`), and every refresh
	 * rotates it (`rotateRefreshToken: true`; the default rotates for public clients anyway).
	 */
	refreshTokens?: boolean;
	/**
	 * Client ID Metadata Documents by URL. When given, the experimental `clientIdMetadataDocument`
	 * feature is on (acknowledged as 'draft-02', the version oidc-provider 9.13.3 implements,
	 * lib/helpers/features.js), and oidc-provider's `fetch` answers a GET of one of these URLs with
	 * the document (200, JSON) and any other URL with 404, without network.
	 */
	clientIdMetadataDocuments?: Record<string, Record<string, unknown>>;
}

export async function startOidcProvider(
	options: HarnessOptions = {}
): Promise<OidcProviderHarness> {
	const clientId = options.clientId ?? 'mcp-cli';
	const otherClientId = options.otherClientId ?? 'other-cli';
	const redirectUri = options.redirectUri ?? 'http://127.0.0.1:8765/callback';
	const resource = options.resource ?? 'https://mcp.example.com/';
	const scope = options.scope ?? 'mcp:tools';
	const accountId = options.accountId ?? 'alice';
	const pkceRequired = options.pkceRequired ?? true;
	const refreshTokens = options.refreshTokens ?? false;
	const documents = options.clientIdMetadataDocuments;
	const documentFetches: string[] = [];
	const { default: Provider, errors } = await loadOidcProvider();
	const store = new Map<string, AdapterPayload>();

	// The issuer carries the port, so listen first and attach the provider afterwards (no one can
	// send a request before the port is known).
	const server = createServer();
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	const issuer = `http://127.0.0.1:${port}`;

	// oidc-provider fetches a document through `configuration.fetch` (lib/helpers/fetch_request.js,
	// called from lib/helpers/client_id_metadata_document.js); this one serves `documents` only.
	async function serveDocument(input: string | URL | Request): Promise<Response> {
		const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
		documentFetches.push(url);
		const document = documents?.[url];
		if (!document) return new Response('not found', { status: 404 });
		return new Response(JSON.stringify(document), {
			status: 200,
			headers: { 'content-type': 'application/json' }
		});
	}

	const shared = mcpProviderConfiguration(
		{
			clientIds: [clientId, otherClientId],
			redirectUris: [redirectUri],
			resource,
			scope,
			pkceOptional: pkceRequired ? [] : [clientId, otherClientId],
			refreshTokens,
			accessTokenFormat: 'opaque',
			store,
			cookieKey: 'pkce-playground-crosscheck-cookie-key'
		},
		errors
	);
	// (A cast: @types/oidc-provider types `features` as a union of whole feature sets, which a
	// spread of the shared ones cannot narrow.)
	const features = {
		...(shared.features as object),
		// RFC 7662; a public client may introspect the tokens issued to it, and no others.
		introspection: {
			enabled: true,
			allowedPolicy: (_ctx: unknown, client: { clientId: string }, token: { clientId?: string }) =>
				token.clientId === client.clientId
		},
		...(documents && { clientIdMetadataDocument: { enabled: true, ack: 'draft-02' } })
	};
	const configuration: Configuration = {
		...shared,
		features,
		// Error pages (RFC 6749 §4.1.2.1: unknown client, bad redirect_uri) as JSON, so a test can
		// read the `error` code; oidc-provider still chooses the status.
		renderError: (ctx, out) => {
			ctx.type = 'application/json';
			ctx.body = out;
		},
		...(documents && { fetch: serveDocument })
	};

	const provider = new Provider(issuer, configuration);
	const providerCallback = provider.callback();

	// The "login page": logs in `accountId`, then the "consent page": grants the requested scope
	// for the requested resource. Both complete through oidc-provider's own interaction API.
	async function interaction(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const details = await provider.interactionDetails(req, res);
		if (details.prompt.name === 'login') {
			await provider.interactionFinished(req, res, { login: { accountId } });
			return;
		}
		if (details.prompt.name === 'consent') {
			const grantId = await grantRequested(provider, details, accountId, scope);
			await provider.interactionFinished(req, res, { consent: { grantId } });
			return;
		}
		throw new Error(`interaction: unexpected prompt ${details.prompt.name}`);
	}

	server.on('request', (req: IncomingMessage, res: ServerResponse) => {
		if (req.url?.startsWith(INTERACTION_PREFIX)) {
			interaction(req, res).catch((err: unknown) => {
				res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
			});
			return;
		}
		providerCallback(req, res);
	});

	const authorizationEndpoint = `${issuer}/auth`;
	const tokenEndpoint = `${issuer}/token`;

	async function authorize(params: Record<string, string>): Promise<AuthorizeOutcome> {
		const jar = new Map<string, string>();
		let url = new URL(authorizationEndpoint);
		for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);

		for (let hop = 0; hop < 10; hop++) {
			const response = await fetch(url, {
				redirect: 'manual',
				headers: jar.size
					? { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') }
					: {}
			});
			for (const line of response.headers.getSetCookie()) {
				const pair = line.split(';', 1)[0] ?? '';
				const eq = pair.indexOf('=');
				if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
			}
			const location = response.headers.get('location');
			if (response.status >= 300 && response.status < 400 && location) {
				await response.body?.cancel();
				const next = new URL(location, url);
				if (next.origin === issuer) {
					url = next;
					continue;
				}
				// Left the authorization server: this is the authorization response (RFC 6749 §4.1.2),
				// in the query — or in the fragment for an unsupported response_type such as `token`.
				const answer = next.search
					? next.searchParams
					: new URLSearchParams(next.hash.replace(/^#/, ''));
				return {
					status: response.status,
					location: next,
					code: answer.get('code') ?? undefined,
					error: answer.get('error') ?? undefined,
					errorDescription: answer.get('error_description') ?? undefined,
					iss: answer.get('iss') ?? undefined
				};
			}
			const text = await response.text();
			let body: Record<string, unknown>;
			try {
				body = JSON.parse(text) as Record<string, unknown>;
			} catch {
				body = { error_description: text };
			}
			return {
				status: response.status,
				error: typeof body.error === 'string' ? body.error : undefined,
				errorDescription:
					typeof body.error_description === 'string' ? body.error_description : undefined
			};
		}
		throw new Error('authorize: too many redirects');
	}

	async function token(form: Record<string, string>): Promise<TokenOutcome> {
		const response = await fetch(tokenEndpoint, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(form).toString()
		});
		const text = await response.text();
		return {
			status: response.status,
			headers: response.headers,
			json: text ? JSON.parse(text) : {}
		};
	}

	async function introspect(tokenValue: string): Promise<Record<string, unknown>> {
		const response = await fetch(`${tokenEndpoint}/introspection`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ token: tokenValue, client_id: clientId }).toString()
		});
		if (response.status !== 200) {
			throw new Error(`introspect: ${response.status} ${await response.text()}`);
		}
		return (await response.json()) as Record<string, unknown>;
	}

	async function getJson(
		url: string
	): Promise<{ status: number; json: Record<string, unknown> | undefined }> {
		const response = await fetch(url);
		const text = await response.text();
		let json: Record<string, unknown> | undefined;
		try {
			json = JSON.parse(text) as Record<string, unknown>;
		} catch {
			json = undefined;
		}
		return { status: response.status, json };
	}

	async function metadata(): Promise<Record<string, unknown>> {
		const { json } = await getJson(`${issuer}/.well-known/openid-configuration`);
		return json ?? {};
	}

	async function close(): Promise<void> {
		server.closeAllConnections();
		await new Promise<void>((resolve, reject) =>
			server.close((err) => (err ? reject(err) : resolve()))
		);
	}

	return {
		issuer,
		authorizationEndpoint,
		tokenEndpoint,
		clientId,
		otherClientId,
		redirectUri,
		resource,
		scope,
		metadata,
		getJson,
		documentFetches,
		authorize,
		token,
		introspect,
		isAccessTokenActive: (accessToken) => store.has(`AccessToken:${accessToken}`),
		accessTokenAudience: (accessToken) => {
			const aud = store.get(`AccessToken:${accessToken}`)?.aud;
			return Array.isArray(aud) ? aud.join(' ') : aud;
		},
		close
	};
}
