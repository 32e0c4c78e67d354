import type { RandomOctets, Sha256 } from '../pkce';
import { Attacker } from './attacker';
import {
	createAuthorizationServer,
	type AuthorizationServer,
	type ServerPolicy
} from './authorization-server';
import { Browser } from './browser';
import { McpClient, type PkceUse } from './client';
import type { Send } from './http';
import { McpServer, type McpServerOptions } from './mcp-server';
import { createNetwork } from './network';
import type { HonestServer, HostileServer } from './hostile-server';
import type { RotatingRefreshTokens } from './refresh-tokens';
import type { ActorId, Knowledge } from './types';

/** Where randomness and time come from; nothing in the simulation reaches for its own. */
export interface Environment {
	random: RandomOctets;
	sha256: Sha256;
	/** Milliseconds. */
	now: () => number;
}

export const ISSUER = 'https://auth.example.com';
export const MCP_RESOURCE = 'https://mcp.example.com/mcp';
export const CLIENT_ID = 'notes-mcp-cli';
/** Registered without a port: RFC 8252 §7.3 has the server accept any port on the loopback IP. */
export const REGISTERED_REDIRECT_URI = 'http://127.0.0.1/callback';
export const LOOPBACK_PORT = 53682;

export interface WorldOptions {
	policy?: Partial<ServerPolicy>;
	/** How the honest client uses PKCE; default S256. */
	pkce?: PkceUse;
	/** Whether the honest client checks `state`; default true. */
	checksState?: boolean;
	/** Whether the client already knows the server's endpoints; default true. */
	configured?: boolean;
	/** Refresh tokens, rotated (refresh-tokens.ts): given by the scenarios that show them. */
	refreshTokens?: RotatingRefreshTokens;
	/** Whether the client checks `iss` on the callback (RFC 9207 §2.4); default false. */
	checksIss?: boolean;
	/**
	 * The mix-up (RFC 9700 §4.4): the attacker runs an authorization server too (hostile-server.ts),
	 * and the client's sign-in starts there, as for an MCP server whose metadata names it.
	 */
	hostile?: (attacker: Attacker, honest: HonestServer) => HostileServer;
	/** The resource the client signs in for; default the honest MCP server. */
	resource?: string;
	/** The client's `client_id`; default CLIENT_ID (a Client ID Metadata Document URL elsewhere). */
	clientId?: string;
	/** A lax authorization server's memory of earlier approvals: it approves those again unasked. */
	approvals?: Set<string>;
	/** The scopes the authorization server issues; without them it ignores `scope`. */
	scopes?: readonly string[];
	/** The scope the client asks for in its first sign-in. */
	scope?: string;
	/** The client's redirect URI; default the loopback one (Live mode: the site's callback). */
	redirectUri?: string;
	/** A different MCP server (step-up's, whose tools need scopes); default McpServer. */
	mcp?: (options: McpServerOptions) => McpServer;
}

/** One cast of actors wired to one network. */
export interface World {
	as: AuthorizationServer;
	mcp: McpServer;
	send: Send;
	client: McpClient;
	browser: Browser;
	attacker: Attacker;
	/** Reads what each lane holds, for the knowledge snapshot after each step. */
	lanes: Record<ActorId, () => Knowledge>;
}

/**
 * Builds the five actors of the playground around one authorization server.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization
 */
export function createWorld(env: Environment, options: WorldOptions = {}): World {
	const clientId = options.clientId ?? CLIENT_ID;
	const as = createAuthorizationServer({
		issuer: ISSUER,
		clients: [{ client_id: clientId, redirect_uris: [REGISTERED_REDIRECT_URI] }],
		approvals: options.approvals,
		scopes: options.scopes,
		resources: [MCP_RESOURCE],
		policy: options.policy,
		refreshTokens: options.refreshTokens,
		...env
	});
	const mcp = (options.mcp ?? ((o) => new McpServer(o)))({
		resource: MCP_RESOURCE,
		authorization_servers: [ISSUER],
		lookupAccessToken: (token) => as.lookupAccessToken(token)
	});
	const metadata = as.metadata() as { authorization_endpoint: string; token_endpoint: string };
	const attacker = new Attacker({
		client_id: clientId,
		resource: MCP_RESOURCE,
		authorization_endpoint: metadata.authorization_endpoint,
		token_endpoint: metadata.token_endpoint,
		random: env.random,
		sha256: env.sha256
	});
	const hostile = options.hostile?.(attacker, { ...metadata, resource: MCP_RESOURCE });
	const send = createNetwork(as, mcp, hostile);
	const client = new McpClient({
		client_id: clientId,
		port: LOOPBACK_PORT,
		redirectUri: options.redirectUri,
		resource: options.resource ?? MCP_RESOURCE,
		pkce: options.pkce ?? 'S256',
		checksState: options.checksState ?? true,
		checksIss: options.checksIss ?? false,
		scope: options.scope,
		random: env.random,
		sha256: env.sha256
	});
	if (hostile) client.useServer(hostile.metadata());
	else if (options.configured ?? true) client.useServer(as.metadata());
	const browser = new Browser('alice');
	return {
		as,
		mcp,
		send,
		client,
		browser,
		attacker,
		lanes: {
			client: () => client.knowledge(),
			browser: () => browser.knowledge(),
			as: () => as.knowledge(),
			mcp: () => mcp.knowledge(),
			attacker: () => attacker.knowledge()
		}
	};
}
