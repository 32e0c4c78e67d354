import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { Sha256 } from '../pkce';
import { createAuthorizationServer } from './authorization-server';
import { McpClient, mcpToolCall } from './client';
import { checkPkceSupport } from './discovery';
import { deterministicRandom } from './environment';
import { headerValue } from './http';
import { McpServer, resourceMetadataUrl } from './mcp-server';
import { createWorld, MCP_RESOURCE } from './world';

const nodeSha256: Sha256 = {
	name: 'WebCrypto',
	digest: async (data) => new Uint8Array(createHash('sha256').update(data).digest())
};
const env = () => ({ random: deterministicRandom(5), sha256: nodeSha256, now: () => 0 });

describe('MCP client', () => {
	test('MCP 2025-11-25: refuses to proceed when code_challenge_methods_supported is absent or lacks S256', () => {
		expect(checkPkceSupport({}).proceed).toBe(false);
		expect(checkPkceSupport({ code_challenge_methods_supported: ['plain'] }).proceed).toBe(false);
		expect(checkPkceSupport({ code_challenge_methods_supported: 'S256' }).proceed).toBe(false);
		expect(checkPkceSupport({ code_challenge_methods_supported: ['plain', 'S256'] })).toEqual({
			proceed: true
		});
	});

	test('RFC 8252 §7.3 + RFC 8707 §2: the authorization request uses 127.0.0.1, S256, state and resource', async () => {
		const w = createWorld(env());
		await w.client.startSignIn();
		const query = new URL(w.client.authorizationUrl()).searchParams;
		expect(query.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
		expect(query.get('code_challenge_method')).toBe('S256');
		expect(query.get('code_challenge')).toBe(w.client.knowledge().code_challenge);
		expect(query.get('state')).toBe(w.client.knowledge().state);
		expect(query.get('resource')).toBe(MCP_RESOURCE);
		expect(query.has('code_verifier')).toBe(false);
	});

	test('RFC 6749 §10.12: the client refuses a callback whose state is not its own', async () => {
		const w = createWorld(env());
		await w.client.startSignIn();
		const result = w.client.receiveCallback(`${w.client.redirectUri}?code=abc&state=forged`);
		expect(result.accepted).toBe(false);
		expect(result.response.status).toBe(400);
		expect(w.client.knowledge().code).toBeUndefined();
	});

	test('RFC 9207 §2.4: a client that checks iss takes only its own server’s answer', async () => {
		const w = createWorld(env(), { checksIss: true, policy: { issInResponse: true } });
		await w.client.startSignIn();
		const { state } = w.client.knowledge();
		const callback = (iss?: string) =>
			`${w.client.redirectUri}?code=abc&state=${state}${iss ? `&iss=${encodeURIComponent(iss)}` : ''}`;
		const other = w.client.receiveCallback(callback('https://auth.attacker.example'));
		expect(other.accepted).toBe(false);
		expect(w.client.knowledge().code).toBeUndefined();
		// The server announces iss in its metadata, so an answer without one is refused too.
		expect(w.client.receiveCallback(callback()).accepted).toBe(false);
		expect(w.client.receiveCallback(callback('https://auth.example.com')).accepted).toBe(true);
	});

	test('RFC 9207 §2.4: from a server that does not announce iss, an answer without one is taken', async () => {
		const w = createWorld(env(), { checksIss: true });
		await w.client.startSignIn();
		const { state } = w.client.knowledge();
		expect(
			w.client.receiveCallback(`${w.client.redirectUri}?code=abc&state=${state}`).accepted
		).toBe(true);
	});

	test('a client that does not check iss takes another server’s answer (the mix-up precondition)', async () => {
		const w = createWorld(env());
		await w.client.startSignIn();
		const { state } = w.client.knowledge();
		const url = `${w.client.redirectUri}?code=abc&state=${state}&iss=https%3A%2F%2Fevil.example`;
		expect(w.client.receiveCallback(url).accepted).toBe(true);
	});

	test('a client configured not to check state takes any code (the downgrade precondition)', async () => {
		const w = createWorld(env(), { checksState: false });
		await w.client.startSignIn();
		expect(w.client.receiveCallback(`${w.client.redirectUri}?code=abc&state=forged`).accepted).toBe(
			true
		);
	});

	test('RFC 7636 §4.2: a plain client sends the verifier as the challenge; a none client sends none', async () => {
		const plain = new McpClient({
			client_id: 'c',
			port: 1,
			resource: MCP_RESOURCE,
			pkce: 'plain',
			...env()
		});
		plain.useServer({
			authorization_endpoint: 'https://as.example/authorize',
			token_endpoint: 'x'
		});
		await plain.startSignIn();
		const query = new URL(plain.authorizationUrl()).searchParams;
		expect(query.get('code_challenge')).toBe(plain.knowledge().code_verifier);
		expect(query.get('code_challenge_method')).toBe('plain');
		const none = createWorld(env(), { pkce: 'none' }).client;
		await none.startSignIn();
		expect(new URL(none.authorizationUrl()).searchParams.has('code_challenge')).toBe(false);
	});
});

describe('MCP server (resource server)', () => {
	function setup() {
		const as = createAuthorizationServer({
			issuer: 'https://as.example',
			clients: [{ client_id: 'c', redirect_uris: ['http://127.0.0.1/callback'] }],
			resources: [MCP_RESOURCE, 'https://other.example/mcp'],
			...env()
		});
		const mcp = new McpServer({
			resource: MCP_RESOURCE,
			authorization_servers: ['https://as.example'],
			lookupAccessToken: (token) => as.lookupAccessToken(token)
		});
		return { as, mcp };
	}

	async function tokenFor(as: ReturnType<typeof setup>['as'], resource: string) {
		const verifier = 'a'.repeat(43);
		const challenge = createHash('sha256').update(verifier).digest('base64url');
		const url = new URL('https://as.example/authorize');
		url.search = new URLSearchParams({
			response_type: 'code',
			client_id: 'c',
			redirect_uri: 'http://127.0.0.1:9/callback',
			code_challenge: challenge,
			code_challenge_method: 'S256',
			resource
		}).toString();
		const result = as.authorize(url.href);
		if (result.kind !== 'redirect') throw new Error('no redirect');
		const code = new URL(result.location).searchParams.get('code')!;
		const response = await as.token({
			grant_type: 'authorization_code',
			code,
			client_id: 'c',
			redirect_uri: 'http://127.0.0.1:9/callback',
			code_verifier: verifier
		});
		return String(response.json?.access_token);
	}

	test('RFC 9728 §5.1: no token -> 401 with WWW-Authenticate resource_metadata', () => {
		const { mcp } = setup();
		const response = mcp.handle(mcpToolCall(MCP_RESOURCE));
		expect(response.status).toBe(401);
		expect(headerValue(response, 'WWW-Authenticate')).toBe(
			`Bearer resource_metadata="${resourceMetadataUrl(MCP_RESOURCE)}"`
		);
		expect(resourceMetadataUrl(MCP_RESOURCE)).toBe(
			'https://mcp.example.com/.well-known/oauth-protected-resource/mcp'
		);
		expect(mcp.resourceMetadata()).toEqual({
			resource: MCP_RESOURCE,
			authorization_servers: ['https://as.example'],
			bearer_methods_supported: ['header']
		});
	});

	test('RFC 8707 §2: a valid token issued for another resource is refused with invalid_token', async () => {
		const { as, mcp } = setup();
		const foreign = await tokenFor(as, 'https://other.example/mcp');
		const response = mcp.handle(mcpToolCall(MCP_RESOURCE, foreign));
		expect(response.status).toBe(401);
		expect(headerValue(response, 'WWW-Authenticate')).toMatch(/^Bearer error="invalid_token", /);
		const own = await tokenFor(as, MCP_RESOURCE);
		expect(mcp.handle(mcpToolCall(MCP_RESOURCE, own)).status).toBe(200);
		expect(mcp.handle(mcpToolCall(MCP_RESOURCE, 'made-up')).status).toBe(401);
	});
});
