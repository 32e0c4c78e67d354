import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { Sha256 } from '../pkce';
import { createAuthorizationServer, type AccessTokenInfo } from './authorization-server';
import { McpClient, mcpToolCall } from './client';
import { deterministicRandom } from './environment';
import { headerValue } from './http';
import { ScopedMcpServer } from './scoped-mcp-server';
import { StepUp, unionOfScopes } from './step-up';
import type { HttpResponse } from './types';

const nodeSha256: Sha256 = {
	name: 'WebCrypto',
	digest: async (data) => new Uint8Array(createHash('sha256').update(data).digest())
};
const RESOURCE = 'https://mcp.example.com/mcp';

function forbidden(scope: string): HttpResponse {
	return {
		status: 403,
		statusText: 'Forbidden',
		headers: [['WWW-Authenticate', `Bearer error="insufficient_scope", scope="${scope}"`]]
	};
}

function client(scope?: string) {
	return new McpClient({
		client_id: 'cli',
		port: 50000,
		resource: RESOURCE,
		scope,
		random: deterministicRandom(1),
		sha256: nodeSha256
	});
}

describe('MCP 2026-07-28: the union of the scopes asked for before and the challenge’s', () => {
	test('each scope once, in first-seen order, ignoring extra spaces and absent lists', () => {
		expect(unionOfScopes('notes:read', 'notes:write')).toBe('notes:read notes:write');
		expect(unionOfScopes('a b', 'b  c', undefined, '')).toBe('a b c');
		expect(unionOfScopes(undefined)).toBe('');
	});

	test('a step-up keeps the scopes the client had and adds the challenged ones', () => {
		const c = client('notes:read');
		expect(new StepUp(c).decide(forbidden('notes:write'))).toEqual({
			action: 'reauthorize',
			scope: 'notes:read notes:write'
		});
		expect(c.scope).toBe('notes:read notes:write');
	});
});

describe('MCP 2025-11-25 “Scope Challenge Handling”: when the client steps up, and when it stops', () => {
	test('only a 403 with error="insufficient_scope" is a scope challenge', () => {
		const stepUp = new StepUp(client('notes:read'));
		const ok: HttpResponse = { status: 200, statusText: 'OK', headers: [] };
		const unauthorized: HttpResponse = {
			status: 401,
			statusText: 'Unauthorized',
			headers: [['WWW-Authenticate', 'Bearer error="invalid_token"']]
		};
		const otherForbidden: HttpResponse = { status: 403, statusText: 'Forbidden', headers: [] };
		for (const response of [ok, unauthorized, otherForbidden]) {
			expect(stepUp.decide(response)).toEqual({ action: 'none' });
		}
	});

	test('a retry limit: after `limit` new sign-ins for a call, it gives up instead of looping', () => {
		const stepUp = new StepUp(client('notes:read'), 'union', 2);
		expect(stepUp.decide(forbidden('notes:admin')).action).toBe('reauthorize');
		expect(stepUp.decide(forbidden('notes:admin')).action).toBe('reauthorize');
		const third = stepUp.decide(forbidden('notes:admin'));
		expect(third).toEqual({
			action: 'give-up',
			reason:
				'still 403 insufficient_scope after 2 new sign-ins: the client stops and tells the user'
		});
	});

	test('the authorization request carries scope only when the client asks for one', () => {
		const endpoints = {
			authorization_endpoint: 'https://auth.example.com/authorize',
			token_endpoint: 'https://auth.example.com/token'
		};
		const plain = client();
		plain.useServer(endpoints);
		expect(new URL(plain.authorizationUrl()).searchParams.has('scope')).toBe(false);
		const scoped = client('notes:read notes:write');
		scoped.useServer(endpoints);
		expect(new URL(scoped.authorizationUrl()).searchParams.get('scope')).toBe(
			'notes:read notes:write'
		);
	});
});

describe('RFC 6750 §3.1: a tool that needs a scope the token lacks', () => {
	const token = (scope?: string): AccessTokenInfo => ({
		sub: 'alice',
		client_id: 'cli',
		resource: RESOURCE,
		scope,
		active: true
	});
	function server(info: AccessTokenInfo | undefined) {
		return new ScopedMcpServer(
			{
				resource: RESOURCE,
				authorization_servers: ['https://auth.example.com'],
				lookupAccessToken: () => info
			},
			{ list_notes: 'notes:read', add_note: 'notes:write' }
		);
	}

	test('403 insufficient_scope naming the scope the call needs, with resource_metadata', () => {
		const response = server(token('notes:read')).handle(mcpToolCall(RESOURCE, 't', 'add_note'));
		expect(response.status).toBe(403);
		expect(headerValue(response, 'WWW-Authenticate')).toBe(
			'Bearer error="insufficient_scope", scope="notes:write", resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp"'
		);
	});

	test('the call runs when the token has the scope; an inactive token is still a 401, not a 403', () => {
		const s = server(token('notes:read notes:write'));
		expect(s.handle(mcpToolCall(RESOURCE, 't', 'add_note')).status).toBe(200);
		expect(s.handle(mcpToolCall(RESOURCE, 't', 'list_notes')).status).toBe(200);
		const revoked = server({ ...token('notes:write'), active: false });
		expect(revoked.handle(mcpToolCall(RESOURCE, 't', 'add_note')).status).toBe(401);
	});
});

describe('RFC 6749 §3.3: the scope of a token', () => {
	function setup(scopes?: readonly string[]) {
		return createAuthorizationServer({
			issuer: 'https://auth.example.com',
			clients: [{ client_id: 'cli', redirect_uris: ['http://127.0.0.1/callback'] }],
			resources: [RESOURCE],
			scopes,
			random: deterministicRandom(3),
			sha256: nodeSha256,
			now: () => 0
		});
	}
	async function tokenFor(scopes: readonly string[] | undefined, requested: string) {
		const as = setup(scopes);
		const c = client(requested);
		c.useServer(as.metadata() as { authorization_endpoint: string; token_endpoint: string });
		await c.startSignIn();
		const answer = as.authorize(c.authorizationUrl());
		if (answer.kind !== 'redirect') throw new Error(answer.kind);
		c.receiveCallback(answer.location);
		const exchange = await c.redeem(async (request) =>
			as.token(Object.fromEntries(request.form ?? []))
		);
		return { as, response: exchange.response };
	}

	test('the server issues the scopes it knows, leaves out the others, and says what it issued', async () => {
		const { as, response } = await tokenFor(
			['notes:read', 'notes:write'],
			'notes:read notes:admin'
		);
		expect(as.metadata()).toMatchObject({ scopes_supported: ['notes:read', 'notes:write'] });
		expect(response.json?.scope).toBe('notes:read');
		expect(as.lookupAccessToken(response.json!.access_token as string)?.scope).toBe('notes:read');
	});

	test('RFC 6749 §3.3: a request with no scope this server issues fails with invalid_scope', () => {
		const as = setup(['notes:read']);
		const url = new URL('https://auth.example.com/authorize');
		for (const [name, value] of Object.entries({
			response_type: 'code',
			client_id: 'cli',
			redirect_uri: 'http://127.0.0.1:5000/callback',
			code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
			code_challenge_method: 'S256',
			scope: 'notes:admin'
		}))
			url.searchParams.append(name, value);
		const answer = as.authorize(url.href);
		expect(answer.kind).toBe('redirect');
		if (answer.kind !== 'redirect') return;
		expect(new URL(answer.location).searchParams.get('error')).toBe('invalid_scope');
		url.searchParams.delete('scope');
		const none = as.authorize(url.href);
		if (none.kind !== 'redirect') throw new Error(none.kind);
		expect(new URL(none.location).searchParams.get('error')).toBe('invalid_scope');
	});

	test('a server without scopes ignores scope: no scope in the response or the metadata', async () => {
		const { as, response } = await tokenFor(undefined, 'notes:read');
		expect(response.status).toBe(200);
		expect(response.json).not.toHaveProperty('scope');
		expect(as.metadata()).not.toHaveProperty('scopes_supported');
	});
});

describe('the step-up rules of each MCP revision', () => {
	test('MCP 2025-11-25 Scope Challenge Handling: the client asks for the challenge’s scopes, and keeps nothing of before', () => {
		const c = client('notes:read');
		const decision = new StepUp(c, 'challenged').decide(forbidden('notes:write'));
		expect(decision).toEqual({ action: 'reauthorize', scope: 'notes:write' });
		expect(c.scope).toBe('notes:write');
	});

	test('MCP 2026-07-28 Authorization: the union of the scopes asked before and the challenge’s', () => {
		const c = client('notes:read');
		expect(new StepUp(c, 'union').decide(forbidden('notes:write'))).toEqual({
			action: 'reauthorize',
			scope: 'notes:read notes:write'
		});
	});

	test('MCP 2025-06-18 has no step-up rule: a 403 insufficient_scope is reported, no new sign-in', () => {
		const c = client('notes:read');
		const decision = new StepUp(c, 'none').decide(forbidden('notes:write'));
		expect(decision.action).toBe('give-up');
		expect(c.scope).toBe('notes:read');
	});
});
