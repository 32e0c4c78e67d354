import type { AccessTokenInfo } from './authorization-server';
import { headerValue, jsonResponse } from './http';
import type { HttpRequest, HttpResponse, Knowledge } from './types';

export interface McpServerOptions {
	/** The server's own URL: the RFC 8707 `resource` its tokens must be issued for. */
	resource: string;
	authorization_servers: string[];
	/** How the server learns what a token is (in-process here; no wire protocol is modelled). */
	lookupAccessToken: (access_token: string) => AccessTokenInfo | undefined;
}

const NOTES: Record<string, string[]> = {
	alice: ['Q3 roadmap draft', 'Customer call notes'],
	mallory: ['(empty account, created by the attacker)']
};

/**
 * Where RFC 9728 puts the metadata of a resource: the well-known segment after the host.
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-3.1
 */
export function resourceMetadataUrl(resource: string): string {
	const url = new URL(resource);
	const path = url.pathname === '/' ? '' : url.pathname;
	return `${url.origin}/.well-known/oauth-protected-resource${path}`;
}

/**
 * The MCP server: an OAuth resource server (MCP 2025-06-18 and later).
 * @see https://www.rfc-editor.org/rfc/rfc9728
 */
export class McpServer {
	readonly resource: string;
	readonly resourceMetadataUrl: string;
	protected readonly options: McpServerOptions;
	private received: Knowledge = {};

	constructor(options: McpServerOptions) {
		this.options = options;
		this.resource = options.resource;
		this.resourceMetadataUrl = resourceMetadataUrl(options.resource);
	}

	// #region protected-resource-metadata
	/** RFC 9728 §2: which authorization servers issue tokens for this resource. */
	resourceMetadata(): Record<string, unknown> {
		return {
			resource: this.resource,
			authorization_servers: this.options.authorization_servers,
			bearer_methods_supported: ['header']
		};
	}
	// #endregion protected-resource-metadata

	// #region check-audience
	/** Serves a tool call only for an active token issued for this very resource. */
	handle(request: HttpRequest): HttpResponse {
		const authorization = headerValue(request, 'Authorization') ?? '';
		const access_token = /^Bearer (\S+)$/.exec(authorization)?.[1];
		if (access_token === undefined) return this.unauthorized();
		this.received = { access_token };
		const token = this.options.lookupAccessToken(access_token);
		// A token for another resource (audience) is not for us to accept, even if it is valid.
		if (!token?.active || token.resource !== this.resource)
			// #mark audience
			return this.unauthorized('invalid_token');
		return this.serve(token, request); // #mark serve
	}
	// #endregion check-audience

	/** The tool's answer, once the token passed the checks. */
	protected serve(token: AccessTokenInfo, request: HttpRequest): HttpResponse {
		return toolResult(request, `Notes of ${token.sub}: ${(NOTES[token.sub] ?? []).join('; ')}`);
	}

	/** The last token presented to the server. */
	knowledge(): Knowledge {
		return { ...this.received };
	}

	// #region www-authenticate
	/**
	 * 401 that tells the client where to discover how to get a token (`resource_metadata`,
	 * RFC 9728 §5.1); `error="invalid_token"` is RFC 6750 §3.1's.
	 */
	protected unauthorized(error?: 'invalid_token'): HttpResponse {
		const params = [`resource_metadata="${this.resourceMetadataUrl}"`]; // #mark resource-metadata
		if (error) params.unshift(`error="${error}"`); // #mark error
		return {
			status: 401,
			statusText: 'Unauthorized',
			headers: [['WWW-Authenticate', `Bearer ${params.join(', ')}`]]
		};
	}
	// #endregion www-authenticate
}

/** A JSON-RPC result carrying one text, the answer to a tool call. */
export function toolResult(request: HttpRequest, text: string): HttpResponse {
	return jsonResponse(200, {
		jsonrpc: '2.0',
		id: request.json?.id ?? null,
		result: { content: [{ type: 'text', text }] }
	});
}
