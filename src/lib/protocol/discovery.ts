import type { McpClient } from './client';
import { mcpToolCall } from './client';
import { getRequest, headerValue, type Exchange, type Send } from './http';

export type PkceSupport = { proceed: true } | { proceed: false; reason: string };

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

/**
 * How an MCP client finds its authorization server and checks it before a sign-in (MCP
 * 2025-11-25): the 401's `resource_metadata`, the RFC 9728 protected resource metadata, the
 * RFC 8414 authorization server metadata, and PKCE support in it. Loaded only by the scenario
 * that shows discovery; the others start with a client that knows its server.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization
 */
export class Discovery {
	private resourceMetadataUrl: string | undefined;
	private authorizationServer: string | undefined;

	/** @param resource the MCP server's URL, the client's RFC 8707 `resource` */
	constructor(
		private readonly client: McpClient,
		private readonly resource: string
	) {}

	// #region discover-resource
	/**
	 * Calls the MCP server without a token; its 401 names the protected resource metadata.
	 * @see https://www.rfc-editor.org/rfc/rfc9728#section-5.1
	 */
	async callWithoutToken(send: Send): Promise<Exchange> {
		const request = mcpToolCall(this.resource);
		const response = await send(request);
		const challenge = headerValue(response, 'WWW-Authenticate') ?? '';
		this.resourceMetadataUrl = /resource_metadata="([^"]+)"/.exec(challenge)?.[1]; // #mark metadata-url
		return { request, response };
	}

	/** Reads the protected resource metadata: which authorization server to use (RFC 9728 §2). */
	async fetchResourceMetadata(send: Send): Promise<Exchange> {
		if (!this.resourceMetadataUrl) throw new Error('no resource_metadata URL yet');
		const request = getRequest(this.resourceMetadataUrl); // #mark fetch-metadata
		const response = await send(request);
		const servers = response.json?.authorization_servers;
		if (Array.isArray(servers) && typeof servers[0] === 'string') {
			this.authorizationServer = servers[0]; // #mark authorization-server
		}
		return { request, response };
	}
	// #endregion discover-resource

	// #region discover-server
	/**
	 * Reads the authorization server's metadata and decides whether it may proceed.
	 * @see https://www.rfc-editor.org/rfc/rfc8414#section-3
	 */
	async fetchServerMetadata(send: Send): Promise<Exchange & { support: PkceSupport }> {
		if (!this.authorizationServer) throw new Error('no authorization server yet');
		const request = getRequest(
			`${this.authorizationServer}/.well-known/oauth-authorization-server`
		);
		const response = await send(request);
		const metadata = response.json ?? {};
		const support = checkPkceSupport(metadata); // #mark check-support
		if (support.proceed) this.client.useServer(metadata);
		return { request, response, support };
	}
	// #endregion discover-server
}
