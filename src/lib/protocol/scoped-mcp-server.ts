import type { AccessTokenInfo } from './authorization-server';
import { McpServer, toolResult, type McpServerOptions } from './mcp-server';
import type { HttpRequest, HttpResponse } from './types';

/**
 * An MCP server whose tools need scopes (MCP 2025-11-25, "Scope Challenge Handling"). A token
 * that lacks them gets 403 with an RFC 6750 §3.1 `insufficient_scope` challenge that names the
 * scopes this call needs. Loaded only by the step-up scenario.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization
 */
export class ScopedMcpServer extends McpServer {
	/** @param needs the scopes each tool needs, space-separated, by tool name */
	constructor(
		options: McpServerOptions,
		private readonly needs: Readonly<Record<string, string>>
	) {
		super(options);
	}

	// #region scope-challenge
	/** Serves the tool only if the token's scopes include every scope it needs. */
	protected override serve(token: AccessTokenInfo, request: HttpRequest): HttpResponse {
		const tool = String((request.json?.params as { name?: unknown } | undefined)?.name);
		const needed = this.needs[tool] ?? '';
		const granted = token.scope?.split(' ') ?? [];
		const missing = needed.split(' ').filter((scope) => scope && !granted.includes(scope)); // #mark check
		if (missing.length > 0) return this.insufficientScope(needed); // #mark refuse
		if (tool === 'list_notes') return super.serve(token, request);
		return toolResult(request, `${tool} done for ${token.sub}.`); // #mark serve
	}

	/** 403: the token is valid but not enough; `scope` names what this call needs (RFC 6750 §3.1). */
	private insufficientScope(scope: string): HttpResponse {
		const params = [
			'error="insufficient_scope"', // #mark error
			`scope="${scope}"`, // #mark scope
			`resource_metadata="${this.resourceMetadataUrl}"`
		];
		return {
			status: 403,
			statusText: 'Forbidden',
			headers: [['WWW-Authenticate', `Bearer ${params.join(', ')}`]]
		};
	}
	// #endregion scope-challenge
}
