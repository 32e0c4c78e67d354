import type { McpClient } from './client';
import { mcpToolCall } from './client';
import { getRequest, headerValue, type Exchange, type Send } from './http';
import { CLIENT_RULES, type ClientRules } from './client-rules';
import { CURRENT_REVISION } from './revisions';

/** Whether the client goes on; `unchecked` when its revision has no rule to check (2025-06-18). */
export type PkceSupport =
	{ proceed: true; unchecked?: boolean } | { proceed: false; reason: string };

// #region check-pkce-support
/**
 * Refuses to proceed unless the metadata lists S256: an absent
 * `code_challenge_methods_supported` means the server does not support PKCE (RFC 8414 §2).
 * @see https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization
 */
export function checkPkceSupport(metadata: Record<string, unknown>): PkceSupport {
	const methods = metadata.code_challenge_methods_supported;
	if (!Array.isArray(methods)) {
		// #mark absent
		return { proceed: false, reason: 'code_challenge_methods_supported is absent: no PKCE' };
	}
	if (!methods.includes('S256')) {
		// #mark lacks-s256
		return { proceed: false, reason: 'code_challenge_methods_supported lacks S256' };
	}
	return { proceed: true }; // #mark proceed
}
// #endregion check-pkce-support

/** What a fetched metadata document says about going on: found and valid, or why not. */
export type MetadataCheck =
	{ found: false } | { found: true; valid: true } | { found: true; valid: false; reason: string };

// #region well-known
/**
 * Where a resource's metadata may be when the 401 does not name it (RFC 9728 §3.1): the
 * well-known URL with the resource's path inserted, then the root one (MCP 2025-11-25).
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-3.1
 */
export function resourceMetadataCandidates(resource: string): string[] {
	const { origin, pathname } = new URL(resource);
	const path = pathname.replace(/\/$/, ''); // §3.1: a terminating slash is removed first
	const root = `${origin}/.well-known/oauth-protected-resource`;
	return path ? [`${root}${path}`, root] : [root]; // #mark path-first
}

/**
 * Where an authorization server's metadata may be, in the order MCP 2025-11-25 tries them:
 * RFC 8414 first, then OpenID Connect Discovery; with a path in the issuer, the path inserted
 * after the well-known segment, and OpenID Connect's appended form last.
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-3.1
 */
export function serverMetadataCandidates(issuer: string): string[] {
	const { origin, pathname } = new URL(issuer);
	const path = pathname.replace(/\/$/, ''); // RFC 8414 §3.1: a terminating slash is removed first
	const candidates = [
		`${origin}/.well-known/oauth-authorization-server${path}`, // #mark oauth
		`${origin}/.well-known/openid-configuration${path}` // #mark oidc
	];
	if (path) candidates.push(`${origin}${path}/.well-known/openid-configuration`);
	return candidates;
}
// #endregion well-known

/**
 * How an MCP client finds its authorization server and checks it before a sign-in (MCP
 * 2025-11-25, 2026-07-28): the 401's `resource_metadata` or the well-known fallback, the
 * protected resource metadata (its `resource` must be this server), the authorization server
 * metadata (its `issuer` must be the server named), and PKCE support in it. Loaded only by the
 * scenarios that show discovery; the others start with a client that knows its server.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization
 */
export class Discovery {
	private resourceMetadataUrl: string | undefined;
	private authorizationServer: string | undefined;

	/**
	 * @param resource the MCP server's URL, the client's RFC 8707 `resource`
	 * @param rules what the client's MCP revision asks of it (revisions.ts)
	 */
	constructor(
		private readonly client: McpClient,
		private readonly resource: string,
		private readonly rules: ClientRules = CLIENT_RULES[CURRENT_REVISION]
	) {}

	// #region discover-resource
	/**
	 * Calls the MCP server without a token; its 401 should name the protected resource metadata.
	 * @see https://www.rfc-editor.org/rfc/rfc9728#section-5.1
	 */
	async callWithoutToken(send: Send): Promise<Exchange> {
		const request = mcpToolCall(this.resource);
		const response = await send(request);
		const challenge = headerValue(response, 'WWW-Authenticate') ?? '';
		this.resourceMetadataUrl = /resource_metadata="([^"]+)"/.exec(challenge)?.[1]; // #mark metadata-url
		return { request, response };
	}

	/**
	 * The URLs to try, in order: the one the 401 named, else the well-known ones (MCP 2025-11-25;
	 * 2025-06-18 relies on the header, which its servers MUST send).
	 */
	resourceMetadataUrls(): string[] {
		if (this.resourceMetadataUrl) return [this.resourceMetadataUrl];
		if (!this.rules.wellKnownFallback) return []; // #mark no-fallback
		return resourceMetadataCandidates(this.resource); // #mark fallback
	}

	// #endregion discover-resource

	// #region read-resource-metadata
	/**
	 * Reads protected resource metadata (RFC 9728 §2) from one URL: whose `resource` it is, and
	 * which authorization server to use.
	 */
	async fetchResourceMetadata(
		send: Send,
		url = this.resourceMetadataUrls()[0]!
	): Promise<Exchange & { verdict: MetadataCheck }> {
		const request = getRequest(url); // #mark fetch-metadata
		const response = await send(request);
		if (response.status !== 200) return { request, response, verdict: { found: false } };
		const { resource, authorization_servers: servers } = response.json ?? {};
		// RFC 9728 §3.3: metadata for another resource MUST NOT be used.
		if (resource !== this.resource) {
			// #mark check-resource
			const reason = `the metadata is for ${String(resource)}, not ${this.resource}`;
			return { request, response, verdict: { found: true, valid: false, reason } }; // #mark refuse-resource
		}
		if (!Array.isArray(servers) || typeof servers[0] !== 'string') {
			const reason = 'the metadata names no authorization server';
			return { request, response, verdict: { found: true, valid: false, reason } };
		}
		this.authorizationServer = servers[0]; // #mark authorization-server
		return { request, response, verdict: { found: true, valid: true } };
	}
	// #endregion read-resource-metadata

	/** Whether a protected resource metadata document named the authorization server. */
	hasAuthorizationServer(): boolean {
		return this.authorizationServer !== undefined;
	}

	/**
	 * The URLs of the authorization server's metadata, in the order MCP tries them: RFC 8414's
	 * alone in 2025-06-18, then OpenID Connect Discovery's too from 2025-11-25.
	 */
	serverMetadataUrls(): string[] {
		if (!this.authorizationServer) throw new Error('no authorization server yet');
		const urls = serverMetadataCandidates(this.authorizationServer);
		return this.rules.oidcDiscovery ? urls : urls.slice(0, 1);
	}

	// #region discover-server
	/**
	 * Reads the authorization server's metadata from one URL and decides whether it may proceed:
	 * the `issuer` must be the server the resource named, and PKCE must be announced.
	 * @see https://www.rfc-editor.org/rfc/rfc8414#section-3.3
	 */
	async fetchServerMetadata(
		send: Send,
		url = this.serverMetadataUrls()[0]!
	): Promise<Exchange & { verdict: MetadataCheck; support?: PkceSupport }> {
		const request = getRequest(url); // #mark fetch-server
		const response = await send(request);
		if (response.status !== 200) return { request, response, verdict: { found: false } };
		const metadata = response.json ?? {};
		// RFC 8414 §3.3, required of clients by MCP 2026-07-28: another issuer's metadata is not used.
		// #mark check-issuer
		if (this.rules.checksIssuer && metadata.issuer !== this.authorizationServer) {
			const reason = `the metadata's issuer is ${String(metadata.issuer)}, not ${this.authorizationServer}`;
			return { request, response, verdict: { found: true, valid: false, reason } }; // #mark refuse-issuer
		}
		// MCP 2025-11-25: verify PKCE support before proceeding; 2025-06-18 has no such rule.
		const support: PkceSupport = this.rules.verifiesPkceSupport
			? checkPkceSupport(metadata) // #mark check-support
			: { proceed: true, unchecked: true }; // #mark unchecked
		if (support.proceed) this.client.useServer(metadata); // #mark use-endpoints
		return { request, response, verdict: { found: true, valid: true }, support };
	}
	// #endregion discover-server
}
