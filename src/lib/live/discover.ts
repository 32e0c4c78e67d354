/**
 * Live mode's discovery of the lab, as an MCP client does it: call the MCP server without a token,
 * read `resource_metadata` from its 401 (RFC 9728 §5.1; the lab always sends it, so this client does
 * not try MCP's well-known fallbacks, which the discovery scenario shows), fetch the protected resource metadata
 * (RFC 9728 §3), then the authorization server's metadata (RFC 8414 §3.1), checking what each
 * document says against the address it came from (RFC 9728 §3.3, RFC 8414 §3.3).
 */
import { mcpToolCall } from '$lib/protocol/client';
import { getRequest, headerValue } from '$lib/protocol/http';
import type { HttpRequest, HttpResponse } from '$lib/protocol/types';
import { LiveError, loopbackUrl, send, type Fetch } from './wire';

/** What Live mode needs to know about the lab, and the real exchanges that told it. */
export interface LabEndpoints {
	mcpUrl: string;
	/** The MCP server's resource indicator (RFC 8707), from its metadata. */
	resource: string;
	scope: string | undefined;
	issuer: string;
	authorization_endpoint: string;
	token_endpoint: string;
	jwks_uri: string;
	code_challenge_methods_supported: string[] | undefined;
	/** The discovery, request by request. */
	exchanges: { request: HttpRequest; response: HttpResponse }[];
}

/** A URL on 127.0.0.1 (what the page's CSP allows, and where the lab listens), or a message. */
export const labUrl = (value: string): URL =>
	loopbackUrl(value, {
		who: 'Live mode',
		example: "The lab prints its MCP server's, e.g. http://127.0.0.1:9401/mcp."
	});

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export async function discoverLab(
	mcpUrl: string,
	fetch: Fetch,
	site: string
): Promise<LabEndpoints> {
	const mcp = labUrl(mcpUrl).href;
	const exchanges: LabEndpoints['exchanges'] = [];
	const exchange = async (request: HttpRequest) => {
		const response = await send(fetch, request, site);
		exchanges.push({ request, response });
		return response;
	};

	const probe = await exchange(mcpToolCall(mcp, undefined, 'whoami'));
	const challenge = headerValue(probe, 'WWW-Authenticate') ?? '';
	const metadataUrl = /resource_metadata="([^"]+)"/.exec(challenge)?.[1];
	if (probe.status !== 401 || !metadataUrl) {
		throw new LiveError(
			`${mcp} answered ${probe.status} without a WWW-Authenticate resource_metadata (RFC 9728 §5.1); is it the lab's MCP server?`
		);
	}
	const resourceMetadata = await exchange(getRequest(labUrl(metadataUrl).href));
	const prm = resourceMetadata.json ?? {};
	const resource = text(prm.resource);
	// RFC 9728 §3.3: the resource in the document must be the one the client asked about.
	if (resource !== mcp) {
		throw new LiveError(
			`The protected resource metadata names ${resource ?? 'no resource'}, not ${mcp} (RFC 9728 §3.3).`
		);
	}
	const issuer = Array.isArray(prm.authorization_servers)
		? text(prm.authorization_servers[0])
		: undefined;
	if (!issuer)
		throw new LiveError('The protected resource metadata names no authorization server.');
	// RFC 8414 §3.1: the well-known suffix goes between the issuer's host and its path.
	const issuerUrl = labUrl(issuer);
	const path = issuerUrl.pathname === '/' ? '' : issuerUrl.pathname;
	const asMetadata = await exchange(
		getRequest(new URL(`/.well-known/oauth-authorization-server${path}`, issuerUrl).href)
	);
	const as = asMetadata.json ?? {};
	// RFC 8414 §3.3: the issuer in the document must be the one the address was made from.
	if (text(as.issuer) !== issuer) {
		throw new LiveError(
			`The authorization server's metadata names the issuer ${text(as.issuer)}, not ${issuer} (RFC 8414 §3.3).`
		);
	}
	const endpoint = (name: string) => {
		const value = text(as[name]);
		if (!value) throw new LiveError(`The authorization server's metadata has no ${name}.`);
		return labUrl(value).href;
	};
	const methods = as.code_challenge_methods_supported;
	const scopes = Array.isArray(prm.scopes_supported) ? prm.scopes_supported : [];
	return {
		mcpUrl: mcp,
		resource,
		scope: scopes.filter((s): s is string => typeof s === 'string').join(' ') || undefined,
		issuer,
		authorization_endpoint: endpoint('authorization_endpoint'),
		token_endpoint: endpoint('token_endpoint'),
		jwks_uri: endpoint('jwks_uri'),
		code_challenge_methods_supported: Array.isArray(methods)
			? methods.filter((m): m is string => typeof m === 'string')
			: undefined,
		exchanges
	};
}
