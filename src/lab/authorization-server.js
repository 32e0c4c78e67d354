/**
 * The lab's authorization server: oidc-provider with the project's shared MCP policy
 * (provider.js), plus what a browser-based lab needs — CORS for the playground's origins at the
 * token endpoint, JWT access tokens the MCP server can verify, a sign-in and consent page, and a
 * small in-memory record of each authorization request's real answers, which the playground's Live
 * mode reads to draw the front channel it cannot see from the page.
 */
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import {
	grantRequested,
	INTERACTION_PREFIX,
	loadOidcProvider,
	mcpProviderConfiguration
} from './provider.js';
import { consentPage, errorPage, loginPage } from './pages.js';
import { watchAuthorizationServer, watchEndpoints } from './watch.js';

/** The public client the playground's Live mode is: PKCE required, S256 only. */
export const PLAYGROUND_CLIENT = 'playground';
/**
 * The deliberately weak public client: PKCE not required — against RFC 9700 §2.1.1, to show the
 * RFC 7636 §1 interception (`no-pkce`).
 */
export const LEGACY_CLIENT = 'legacy';
/** The scope the lab's MCP server defines. */
export const LAB_SCOPE = 'mcp:tools';

const CLIENT_NAMES = {
	[PLAYGROUND_CLIENT]: 'PKCE Playground (Live mode)',
	[LEGACY_CLIENT]: 'Legacy client without PKCE (unsafe)'
};

/** How many authorization requests the record keeps (the oldest go first). */
const RECORD_LIMIT = 50;

/**
 * @typedef {{ status: number, location?: string }} RecordedAnswer
 * @typedef {{ request: { method: string, url: string }, first?: RecordedAnswer, last?: RecordedAnswer }} AuthorizationRecord
 */

/**
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<URLSearchParams>}
 */
async function formBody(req) {
	let text = '';
	for await (const chunk of req) {
		text += chunk;
		if (text.length > 10_000) throw new Error('form too large');
	}
	return new URLSearchParams(text);
}

/**
 * @param {object} options
 * @param {number} options.port
 * @param {string} options.resource The MCP server's resource indicator (its URL).
 * @param {string[]} options.redirectUris The playground's callback routes.
 * @param {Set<string>} options.origins Origins allowed to call the token endpoint (CORS).
 * @param {import('./recorder.js').Recorder} options.recorder Watch's record of every exchange.
 */
export async function startAuthorizationServer({
	port,
	resource,
	redirectUris,
	origins,
	recorder
}) {
	const { default: Provider, errors } = await loadOidcProvider();
	const server = createServer();
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve(undefined));
	});
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	const issuer = `http://127.0.0.1:${address.port}`;

	const shared = mcpProviderConfiguration(
		{
			clientIds: [PLAYGROUND_CLIENT, LEGACY_CLIENT],
			redirectUris,
			resource,
			scope: LAB_SCOPE,
			pkceOptional: [LEGACY_CLIENT],
			refreshTokens: true,
			accessTokenFormat: 'jwt',
			store: new Map(),
			cookieKey: randomBytes(32).toString('base64url'),
			clientMetadata: {
				[PLAYGROUND_CLIENT]: { client_name: CLIENT_NAMES[PLAYGROUND_CLIENT] },
				[LEGACY_CLIENT]: { client_name: CLIENT_NAMES[LEGACY_CLIENT] }
			}
		},
		errors
	);
	const provider = new Provider(issuer, {
		...shared,
		// OAuth 2.1 has the code flow only (no implicit grant, no tokens in the front channel).
		responseTypes: ['code'],
		features: {
			...shared.features,
			// Your own MCP client registers itself (RFC 7591; MCP 2025-06-18 and later). Open, as in
			// a teaching lab; its clients live in memory and need PKCE like the playground's.
			registration: { enabled: true }
		},
		// A registration without `application_type` is a native app (RFC 8252: loopback redirects on
		// any port, §7.3); MCP 2026-07-28 asks native clients to say so themselves.
		clientDefaults: { ...shared.clientDefaults, application_type: 'native' },
		// The MCP server's scope, which a registering client may name (RFC 7591 §2 `scope`).
		scopes: ['openid', 'offline_access', LAB_SCOPE],
		// The token endpoint answers the playground's origins only; metadata and keys stay open to all
		// (oidc-provider's default for discovery and JWKS).
		clientBasedCORS: (_ctx, origin) => origins.has(origin),
		renderError: (ctx, out) => {
			ctx.set(pageHeaders);
			ctx.type = 'html';
			ctx.body = errorPage(`${out.error}: ${out.error_description ?? ''}`);
		}
	});
	watchAuthorizationServer(provider, {
		recorder,
		issuer,
		origins,
		ownClients: [PLAYGROUND_CLIENT, LEGACY_CLIENT]
	});
	const providerCallback = provider.callback();
	const watch = watchEndpoints(recorder, origins, resource);

	/** @type {Map<string, AuthorizationRecord>} by `state` */
	const records = new Map();

	/**
	 * Records the first answer to GET /auth?… and the last (the redirect to the client), by state.
	 * @param {import('node:http').IncomingMessage} req
	 * @param {import('node:http').ServerResponse} res
	 */
	function record(req, res) {
		const url = new URL(req.url ?? '/', issuer);
		if (req.method !== 'GET' || !url.pathname.startsWith('/auth')) return;
		res.once('finish', () => {
			const location = res.getHeader('location');
			/** @type {RecordedAnswer} */
			const answer = {
				status: res.statusCode,
				...(typeof location === 'string' && { location: new URL(location, issuer).href })
			};
			const state = url.searchParams.get('state');
			if (url.pathname === '/auth' && state) {
				records.set(state, { request: { method: 'GET', url: url.href }, first: answer });
				while (records.size > RECORD_LIMIT) records.delete(records.keys().next().value ?? '');
			}
			const target = answer.location ? new URL(answer.location) : undefined;
			if (target && target.origin !== issuer) {
				const answered = target.searchParams.get('state') ?? state;
				const entry = answered ? records.get(answered) : undefined;
				if (entry) entry.last = answer;
			}
		});
	}

	/**
	 * GET /lab/authorization?state=… : what this server answered to that authorization request.
	 * @param {import('node:http').IncomingMessage} req
	 * @param {import('node:http').ServerResponse} res
	 */
	function answerRecord(req, res) {
		const url = new URL(req.url ?? '/', issuer);
		const origin = req.headers.origin;
		/** @type {Record<string, string>} */
		const headers = { 'content-type': 'application/json', 'cache-control': 'no-store' };
		if (origin && origins.has(origin)) {
			headers['access-control-allow-origin'] = origin;
			headers.vary = 'Origin';
		}
		const entry = records.get(url.searchParams.get('state') ?? '');
		res.writeHead(entry ? 200 : 404, headers).end(JSON.stringify(entry ?? { error: 'not_found' }));
	}

	/**
	 * @param {import('node:http').IncomingMessage} req
	 * @param {import('node:http').ServerResponse} res
	 */
	async function interaction(req, res) {
		const [uid, action] = (req.url ?? '').slice(INTERACTION_PREFIX.length).split(/[/?]/);
		const details = await provider.interactionDetails(req, res);
		if (details.uid !== uid) throw new Error('this sign-in is not the one in progress');
		const clientId = String(details.params.client_id);
		const clientName =
			CLIENT_NAMES[/** @type {keyof typeof CLIENT_NAMES} */ (clientId)] ??
			(await provider.Client.find(clientId))?.clientName ??
			clientId;
		if (req.method === 'POST' && action === 'abort') {
			await provider.interactionFinished(req, res, {
				error: 'access_denied',
				error_description: 'The user denied the request.'
			});
			return;
		}
		if (details.prompt.name === 'login') {
			if (req.method === 'POST' && action === 'login') {
				const name = (await formBody(req)).get('name') ?? '';
				if (!/^[A-Za-z0-9._-]{1,64}$/.test(name)) {
					res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
					res.end(errorPage('A name is letters, digits, ".", "_" or "-" (at most 64).'));
					return;
				}
				await provider.interactionFinished(req, res, { login: { accountId: name } });
				return;
			}
			res.writeHead(200, pageHeaders).end(loginPage({ uid: details.uid, clientName }));
			return;
		}
		if (details.prompt.name === 'consent') {
			const account = details.session?.accountId ?? '';
			if (req.method === 'POST' && action === 'confirm') {
				const grantId = await grantRequested(provider, details, account, LAB_SCOPE);
				await provider.interactionFinished(
					req,
					res,
					{ consent: { grantId } },
					{ mergeWithLastSubmission: true }
				);
				return;
			}
			const requested = details.params.resource;
			res.writeHead(200, pageHeaders).end(
				consentPage({
					uid: details.uid,
					account,
					clientId,
					clientName,
					redirectUri: String(details.params.redirect_uri ?? ''),
					scope: String(details.params.scope ?? LAB_SCOPE),
					resource: String(
						Array.isArray(requested) ? requested.join(' ') : (requested ?? resource)
					),
					pkceMethod:
						typeof details.params.code_challenge_method === 'string'
							? details.params.code_challenge_method
							: undefined,
					unsafe: clientId === LEGACY_CLIENT
				})
			);
			return;
		}
		throw new Error(`unexpected prompt ${details.prompt.name}`);
	}

	// DNS rebinding: a page on another name that resolves to 127.0.0.1 reaches this server with its
	// own Host; only the loopback names are answered (the MCP server has the SDK's check).
	const hosts = new Set([`127.0.0.1:${address.port}`, `localhost:${address.port}`]);
	server.on('request', (req, res) => {
		if (!hosts.has(req.headers.host ?? '')) {
			res
				.writeHead(421, { 'content-type': 'text/plain' })
				.end('Misdirected Request: this lab answers 127.0.0.1 only.');
			return;
		}
		if (req.url?.startsWith(INTERACTION_PREFIX)) {
			interaction(req, res).catch((err) => {
				if (res.headersSent) return res.end();
				res
					.writeHead(400, pageHeaders)
					.end(errorPage(err instanceof Error ? err.message : String(err)));
			});
			return;
		}
		if (req.url?.startsWith('/lab/authorization')) return answerRecord(req, res);
		if (req.url?.startsWith('/lab/watch/')) return watch(req, res);
		record(req, res);
		providerCallback(req, res);
	});

	return {
		issuer,
		provider,
		/** @param {string} state */
		authorizationRecord: (state) => records.get(state),
		close: () => closeServer(server)
	};
}

const pageHeaders = {
	'content-type': 'text/html; charset=utf-8',
	'cache-control': 'no-store',
	// The lab's pages run no script, and no one may frame them (clickjacking on consent).
	'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"
};

/**
 * Stops a server and drops its open connections.
 * @param {import('node:http').Server} server
 * @returns {Promise<void>}
 */
export function closeServer(server) {
	server.closeAllConnections();
	return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
}
