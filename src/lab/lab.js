/**
 * The local lab (`npm run lab`): a real authorization server (oidc-provider, ./authorization-server.js)
 * and a real MCP server (the official TypeScript SDK, ./mcp-server.js), both on 127.0.0.1 only,
 * storing nothing on disk. The playground's Live mode and your own MCP client talk to it.
 */
import { startAuthorizationServer, closeServer, LAB_SCOPE } from './authorization-server.js';
import { startMcpServer } from './mcp-server.js';
import { Recorder } from './recorder.js';

import { CALLBACK_PATH, DEFAULT_AS_PORT, DEFAULT_MCP_PORT } from './defaults.js';

export { DEFAULT_AS_PORT, DEFAULT_MCP_PORT };

/**
 * The playground sites the lab serves by default: `vite dev` (5173) and `vite preview` (4173), on
 * localhost and on 127.0.0.1, at the base path the site was built with (BASE_PATH, as in
 * svelte.config.js).
 * @param {string} base
 */
export function defaultSites(base) {
	return [
		'http://localhost:5173',
		'http://127.0.0.1:5173',
		'http://localhost:4173',
		'http://127.0.0.1:4173'
	].map((origin) => `${origin}${base}/`);
}

/** The playground's callback page under a site URL (static/live/callback/). */
export const callbackOf = (/** @type {string} */ site) => new URL(CALLBACK_PATH, site).href;

/**
 * Normalizes a site URL given with `--origin`: http(s), no query or fragment, ending in "/".
 * @param {string} value
 * @returns {string}
 */
export function siteUrl(value) {
	let url;
	try {
		url = new URL(value);
	} catch {
		throw new Error(
			`--origin wants a URL such as https://you.github.io/pkce-playground (got "${value}")`
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new Error(`--origin wants an http or https URL (got "${value}")`);
	}
	if (url.search || url.hash)
		throw new Error(`--origin takes no query or fragment (got "${value}")`);
	if (!url.pathname.endsWith('/')) url.pathname += '/';
	return url.href;
}

/**
 * @typedef {object} LabOptions
 * @property {number} [asPort] 0 picks a free port.
 * @property {number} [mcpPort] 0 picks a free port.
 * @property {string[]} [sites] Playground site URLs (origin and base path) allowed to use the lab.
 */

/**
 * Starts both servers. Rejects with a plain message when a port is taken.
 * @param {LabOptions} [options]
 */
export async function startLab(options = {}) {
	const sites = [
		...new Set((options.sites ?? defaultSites(process.env.BASE_PATH ?? '')).map(siteUrl))
	];
	const origins = new Set(sites.map((site) => new URL(site).origin));
	const asPort = options.asPort ?? DEFAULT_AS_PORT;
	const mcpPort = options.mcpPort ?? DEFAULT_MCP_PORT;
	// The resource is the MCP server's URL, which carries its port: with port 0, it is known only
	// once that server listens, and the authorization server needs it first. So pick it now.
	const resolvedMcpPort = mcpPort === 0 ? await freePort() : mcpPort;
	const resource = `http://127.0.0.1:${resolvedMcpPort}/mcp`;

	const recorder = new Recorder();
	const as = await startAuthorizationServer({
		port: asPort,
		resource,
		redirectUris: sites.map(callbackOf),
		origins,
		recorder
	}).catch((error) => {
		throw portMessage(error, asPort, 'authorization server', '--as-port');
	});
	try {
		const metadata = await (
			await fetch(`${as.issuer}/.well-known/oauth-authorization-server`)
		).json();
		const jwks = await (await fetch(metadata.jwks_uri)).json();
		const mcp = await startMcpServer({
			port: resolvedMcpPort,
			issuer: as.issuer,
			asMetadata: metadata,
			jwks,
			scope: LAB_SCOPE,
			origins,
			recorder
		}).catch((error) => {
			throw portMessage(error, resolvedMcpPort, 'MCP server', '--mcp-port');
		});
		recorder.recording = true;
		return {
			issuer: as.issuer,
			mcpUrl: mcp.url,
			resource,
			sites,
			callbacks: sites.map(callbackOf),
			authorizationRecord: as.authorizationRecord,
			/** Watch's record of every exchange, and the lab's mode. */
			recorder,
			async close() {
				await Promise.all([as.close(), closeServer(mcp.server)]);
			}
		};
	} catch (error) {
		await as.close();
		throw error;
	}
}

/**
 * @param {unknown} error
 * @param {number} port
 * @param {string} what
 * @param {string} flag
 */
function portMessage(error, port, what, flag) {
	const code = /** @type {NodeJS.ErrnoException} */ (error)?.code;
	if (code === 'EADDRINUSE') {
		return new Error(
			`Port ${port} on 127.0.0.1 is in use, so the ${what} cannot start there. Stop what uses it, or pick another port with ${flag} <port>.`
		);
	}
	if (code === 'EACCES')
		return new Error(`Port ${port} needs privileges; pick another with ${flag} <port>.`);
	return error;
}

/** A port free on 127.0.0.1 right now. */
async function freePort() {
	const { createServer } = await import('node:net');
	const probe = createServer();
	await new Promise((resolve) => probe.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
	await new Promise((resolve) => probe.close(() => resolve(undefined)));
	return port;
}
