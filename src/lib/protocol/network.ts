import type { AuthorizationServer } from './authorization-server';
import type { HostileServer } from './hostile-server';
import { formRecord, jsonResponse, type Send } from './http';
import type { McpServer } from './mcp-server';

/**
 * Routes a request to the actor its URL names, as DNS and TCP would: the authorization server's
 * endpoints and RFC 8414 metadata, the MCP server and its RFC 9728 metadata.
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-3
 */
export function createNetwork(
	as: AuthorizationServer,
	mcp: McpServer,
	hostile?: HostileServer
): Send {
	const metadata = as.metadata();
	const hostileMetadata = hostile?.metadata();
	return async (request, context) => {
		const url = new URL(request.url);
		const endpoint = url.origin + url.pathname;
		const get = request.method === 'GET';
		if (hostile && hostileMetadata) {
			if (get && endpoint === hostileMetadata.authorization_endpoint) {
				return hostile.authorize(request.url);
			}
			if (!get && endpoint === hostileMetadata.token_endpoint) {
				return hostile.token(formRecord(request));
			}
		}
		if (get && endpoint === metadata.authorization_endpoint) {
			return as.authorize(request.url, context?.user, context?.approved, context?.declined)
				.response;
		}
		if (!get && endpoint === metadata.token_endpoint) return as.token(formRecord(request));
		if (get && endpoint === `${as.issuer}/.well-known/oauth-authorization-server`) {
			return jsonResponse(200, as.metadata());
		}
		if (get && endpoint === mcp.resourceMetadataUrl)
			return jsonResponse(200, mcp.resourceMetadata());
		if (!get && endpoint === mcp.resource) return mcp.handle(request);
		return jsonResponse(404, { error: 'not_found' });
	};
}
