/**
 * Watch in the lab's two servers: what records each request and its answer (recorder.js), what
 * changes their answers in an adversarial mode, the lab's attacker, and the Watch page's
 * endpoints (/lab/watch/…: the event stream, the mode, a new session).
 */
import { bodyOf, pickHeaders, REQUEST_HEADERS, RESPONSE_HEADERS, WATCH_MODES } from './recorder.js';

/** The issuer an authorization response carries in `wrong-iss` mode (RFC 9207 §2). */
export const FOREIGN_ISSUER = 'https://issuer.example';

/**
 * The authorization server's metadata as the lab serves it in a mode (RFC 8414 §2): without
 * `code_challenge_methods_supported`, or with an `issuer` that is not the URL it was fetched from
 * (RFC 8414 §3.3 says a client must then not use it). Both servers serve it through here: the
 * authorization server's own and the MCP server's copy (the SDK's mcpAuthMetadataRouter).
 * @param {Record<string, unknown>} metadata
 * @param {import('./recorder.js').WatchMode} mode
 */
export function metadataInMode(metadata, mode) {
	if (mode === 'no-pkce-metadata') {
		const { code_challenge_methods_supported: _dropped, ...rest } = metadata;
		return rest;
	}
	if (mode === 'wrong-issuer') return { ...metadata, issuer: `${metadata.issuer}/elsewhere` };
	return metadata;
}

/**
 * The protected resource metadata in a mode (RFC 9728 §2): in `wrong-resource`, a `resource`
 * that is not the MCP server the client asked (RFC 9728 §3.3: then it must not be used).
 * @param {Record<string, unknown>} metadata
 * @param {import('./recorder.js').WatchMode} mode
 */
export function resourceMetadataInMode(metadata, mode) {
	if (mode === 'wrong-resource') {
		return { ...metadata, resource: new URL('/another-mcp', String(metadata.resource)).href };
	}
	return metadata;
}

/**
 * The authorization server: records each exchange oidc-provider answers (as Koa middleware, so it
 * sees the parsed form and the real answer), rewrites answers in an adversarial mode, and in
 * `attacker` mode redeems each code itself before the client gets it.
 * @param {import('oidc-provider').default} provider
 * @param {object} options
 * @param {import('./recorder.js').Recorder} options.recorder
 * @param {string} options.issuer
 * @param {Set<string>} options.origins The playground's sites.
 * @param {string[]} options.ownClients The playground's own clients (Live mode).
 */
export function watchAuthorizationServer(provider, { recorder, issuer, origins, ownClients }) {
	const attackerMark = crypto.randomUUID();
	provider.use(async (ctx, next) => {
		const fromAttacker = ctx.get('x-lab-attacker') === attackerMark;
		// The modes are for the reader's own client: the playground's Live mode (its pages, its
		// clients) always meets a lab that behaves.
		const asked = recorder.mode;
		await next();
		const clientId = String(ctx.oidc?.client?.clientId ?? ctx.oidc?.params?.client_id ?? '');
		const mode = origins.has(ctx.get('origin')) || ownClients.includes(clientId) ? 'normal' : asked;
		const path = ctx.path;
		if (
			ctx.method === 'GET' &&
			ctx.status === 200 &&
			(path === '/.well-known/oauth-authorization-server' ||
				path === '/.well-known/openid-configuration') &&
			ctx.body &&
			typeof ctx.body === 'object'
		) {
			ctx.body = metadataInMode(/** @type {Record<string, unknown>} */ (ctx.body), mode);
		}
		const location = ctx.response.get('location');
		const target = location ? new URL(location, issuer) : undefined;
		const toClient = target && target.origin !== issuer;
		if (toClient && mode === 'wrong-iss' && target.searchParams.has('code')) {
			target.searchParams.set('iss', FOREIGN_ISSUER);
			ctx.set('location', target.href);
		}
		const body = /** @type {unknown} */ (ctx.oidc?.body);
		const type = ctx.get('content-type');
		const form = body && typeof body === 'object' && type.includes('form') ? body : undefined;
		const json = body && typeof body === 'object' && type.includes('json') ? body : undefined;
		const answer = ctx.body;
		recorder.add({
			mode,
			server: 'as',
			from: fromAttacker ? 'attacker' : path.startsWith('/auth') ? 'browser' : 'client',
			request: {
				method: ctx.method,
				url: new URL(ctx.originalUrl, issuer).href,
				headers: pickHeaders(ctx.headers, REQUEST_HEADERS),
				...(form && {
					form: Object.entries(form).map(([name, value]) => [name, String(value)])
				}),
				...(json !== undefined && { json })
			},
			response: {
				status: ctx.status,
				statusText: ctx.message,
				// Location absolute, as the browser resolves it.
				headers: pickHeaders(ctx.response.headers, RESPONSE_HEADERS).map(([name, value]) =>
					name === 'location' ? [name, new URL(value, issuer).href] : [name, value]
				),
				...(typeof answer === 'string'
					? bodyOf(answer, ctx.response.type)
					: answer && typeof answer === 'object' && !Buffer.isBuffer(answer)
						? { json: answer }
						: {})
			}
		});
		const code = toClient ? target.searchParams.get('code') : null;
		if (target && code && mode === 'attacker' && !fromAttacker) {
			// RFC 7636 §1: an app on the same machine read the authorization response. It redeems the
			// code before the client can, with everything the response and the request showed, but
			// without the code_verifier, which never travelled there. The client gets its redirect
			// only after this answer.
			const params = /** @type {Record<string, unknown>} */ (ctx.oidc?.params ?? {});
			const redirectUri = new URL(target.pathname, target).href;
			await fetch(`${issuer}/token`, {
				method: 'POST',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					'x-lab-attacker': attackerMark
				},
				body: new URLSearchParams({
					grant_type: 'authorization_code',
					code,
					redirect_uri: typeof params.redirect_uri === 'string' ? params.redirect_uri : redirectUri,
					client_id: String(params.client_id ?? ctx.oidc?.client?.clientId ?? '')
				}),
				// A stalled answer must not hold the user's redirect for long.
				signal: AbortSignal.timeout(5000)
			}).catch(() => undefined);
		}
	});
}

/**
 * The MCP server (an Express app): records each exchange, and serves the SDK router's metadata
 * as the mode says. Install before the SDK's routes.
 * @param {import('express').Express} app
 * @param {object} options
 * @param {import('./recorder.js').Recorder} options.recorder
 * @param {Set<string>} options.origins The playground's sites (Live mode meets a lab that behaves).
 */
export function watchMcpServer(app, { recorder, origins }) {
	app.use((req, res, next) => {
		const mode = origins.has(req.headers.origin ?? '') ? 'normal' : recorder.mode;
		const base = `http://${req.headers.host ?? '127.0.0.1'}`;
		const url = new URL(req.originalUrl, base);
		if (req.method === 'GET' && url.pathname.startsWith('/.well-known/')) {
			const json = res.json.bind(res);
			res.json = (body) =>
				json(
					url.pathname.startsWith('/.well-known/oauth-protected-resource')
						? resourceMetadataInMode(body, mode)
						: url.pathname.startsWith('/.well-known/oauth-authorization-server')
							? metadataInMode(body, mode)
							: body
				);
		}
		/** @type {Buffer[]} */
		const chunks = [];
		const write = res.write.bind(res);
		const end = res.end.bind(res);
		/** @param {unknown} chunk @param {unknown} [encoding] */
		const keep = (chunk, encoding) => {
			if (typeof chunk === 'string')
				chunks.push(Buffer.from(chunk, /** @type {BufferEncoding} */ (encoding ?? 'utf8')));
			else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
		};
		res.write = /** @type {any} */ (
			(/** @type {any} */ chunk, /** @type {any[]} */ ...rest) => {
				keep(chunk, typeof rest[0] === 'string' ? rest[0] : undefined);
				return write(chunk, ...rest);
			}
		);
		res.end = /** @type {any} */ (
			(/** @type {any} */ chunk, /** @type {any[]} */ ...rest) => {
				if (chunk && typeof chunk !== 'function')
					keep(chunk, typeof rest[0] === 'string' ? rest[0] : undefined);
				return end(chunk, ...rest);
			}
		);
		res.once('finish', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			const type = String(res.getHeader('content-type') ?? '');
			recorder.add({
				mode,
				server: 'mcp',
				from: 'client',
				request: {
					method: req.method,
					url: url.href,
					headers: pickHeaders(req.headers, REQUEST_HEADERS),
					...(req.body && typeof req.body === 'object' && { json: req.body })
				},
				response: {
					status: res.statusCode,
					statusText: res.statusMessage ?? '',
					headers: pickHeaders(
						/** @type {Record<string, string>} */ (res.getHeaders()),
						RESPONSE_HEADERS
					),
					...bodyOf(text, type)
				}
			});
		});
		next();
	});
}

/**
 * GET /lab/watch/events (Server-Sent Events: the record so far, then each new exchange), POST
 * /lab/watch/mode (body: a mode's name), POST /lab/watch/session (start a new session). Only the
 * playground's sites may change the mode (a page elsewhere cannot; a local program may, as it
 * could run its own lab). The stream is readable by the playground's sites only.
 * @param {import('./recorder.js').Recorder} recorder
 * @param {Set<string>} origins
 * @param {string} mcpUrl The lab's MCP server, which the page tells the reader to point a client at.
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void}
 */
export function watchEndpoints(recorder, origins, mcpUrl) {
	return (req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const origin = req.headers.origin;
		/** @type {Record<string, string>} */
		const cors =
			origin && origins.has(origin)
				? { 'access-control-allow-origin': origin, vary: 'Origin' }
				: { vary: 'Origin' };
		if (origin && !origins.has(origin)) {
			res
				.writeHead(403, { 'content-type': 'text/plain', ...cors })
				.end(`This lab does not serve ${origin}; start it with --origin ${origin}.`);
			return;
		}
		if (req.method === 'GET' && url.pathname === '/lab/watch/events') {
			/** @param {string} event @param {unknown} data @param {number} [id] */
			const send = (event, data, id) =>
				res.write(
					`${id ? `id: ${recorder.id}:${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`
				);
			const hello = () => ({ mode: recorder.mode, modes: WATCH_MODES, mcpUrl, lab: recorder.id });
			const stop = recorder.subscribe((event) => {
				if (event.type === 'exchange') send('exchange', event.exchange, event.exchange.seq);
				else if (event.type === 'mode') send('mode', hello());
				else send('session', { session: event.session });
			});
			if (!stop) {
				res
					.writeHead(503, { 'content-type': 'text/plain', ...cors })
					.end('Too many pages follow this lab already.');
				return;
			}
			res.writeHead(200, {
				'content-type': 'text/event-stream',
				'cache-control': 'no-store',
				...cors
			});
			// Replays what this page has not seen: after its Last-Event-ID ("<lab>:<seq>"), unless the
			// lab restarted since (then everything).
			const [lab, seen] = String(req.headers['last-event-id'] ?? '').split(':');
			const after = lab === recorder.id ? Number(seen) || 0 : 0;
			send('mode', hello());
			for (const exchange of recorder.exchanges) {
				if (exchange.seq > after) send('exchange', exchange, exchange.seq);
			}
			// A comment now and then keeps idle connections open through proxies and sleep.
			const alive = setInterval(() => res.write(': alive\n\n'), 15_000);
			req.once('close', () => {
				stop();
				clearInterval(alive);
			});
			return;
		}
		if (req.method === 'POST' && url.pathname === '/lab/watch/mode') {
			readText(req).then(
				(text) => {
					const mode = text.trim();
					if (!(/** @type {readonly string[]} */ (WATCH_MODES).includes(mode))) {
						res
							.writeHead(400, { 'content-type': 'text/plain', ...cors })
							.end(`Unknown mode "${mode.slice(0, 40)}"; the modes are ${WATCH_MODES.join(', ')}.`);
						return;
					}
					recorder.setMode(/** @type {import('./recorder.js').WatchMode} */ (mode));
					res.writeHead(204, cors).end();
				},
				() => res.writeHead(413, cors).end()
			);
			return;
		}
		if (req.method === 'POST' && url.pathname === '/lab/watch/session') {
			recorder.newSession();
			res.writeHead(204, cors).end();
			return;
		}
		res.writeHead(404, { 'content-type': 'text/plain', ...cors }).end('Not found');
	};
}

/** @param {import('node:http').IncomingMessage} req */
async function readText(req) {
	let text = '';
	for await (const chunk of req) {
		text += chunk;
		if (text.length > 1000) throw new Error('too large');
	}
	return text;
}
