import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { RFC7636_APPENDIX_B, type Sha256 } from '../pkce';
import {
	approvalOf,
	constantTimeEqual,
	createAuthorizationServer,
	redirectUriMatches,
	type AuthorizeResult,
	type ServerPolicy
} from './authorization-server';
import { deterministicRandom } from './environment';
import { RotatingRefreshTokens } from './refresh-tokens';
import { headerValue } from './http';
import type { HttpResponse } from './types';

const nodeSha256: Sha256 = {
	name: 'WebCrypto',
	digest: async (data) => new Uint8Array(createHash('sha256').update(data).digest())
};

const ISSUER = 'https://as.example';
const RESOURCE = 'https://mcp.example/mcp';
const OTHER_RESOURCE = 'https://other.example/mcp';
const REDIRECT = 'http://127.0.0.1:4000/callback';
const { verifier: VERIFIER, challenge: CHALLENGE } = RFC7636_APPENDIX_B;

function setup(
	policy: Partial<ServerPolicy> = {},
	{ refreshTokens = false, approvals }: { refreshTokens?: boolean; approvals?: Set<string> } = {}
) {
	const clock = { now: 1_000_000 };
	const as = createAuthorizationServer({
		issuer: ISSUER,
		clients: [
			{ client_id: 'cli', redirect_uris: ['http://127.0.0.1/callback'] },
			{ client_id: 'other', redirect_uris: ['https://other.example/cb'] }
		],
		resources: [RESOURCE, OTHER_RESOURCE],
		policy,
		random: deterministicRandom(42),
		sha256: nodeSha256,
		now: () => clock.now,
		approvals,
		...(refreshTokens && { refreshTokens: new RotatingRefreshTokens(deterministicRandom(7)) })
	});
	return { as, clock };
}

type Params = Record<string, string | undefined>;

function authorizeUrl(params: Params = {}): string {
	const all: Params = {
		response_type: 'code',
		client_id: 'cli',
		redirect_uri: REDIRECT,
		state: 'af0ifjsldkj',
		code_challenge: CHALLENGE,
		code_challenge_method: 'S256',
		resource: RESOURCE,
		...params
	};
	const url = new URL(`${ISSUER}/authorize`);
	for (const [name, value] of Object.entries(all)) {
		if (value !== undefined) url.searchParams.append(name, value);
	}
	return url.href;
}

function redirectParams(result: AuthorizeResult): URLSearchParams {
	if (result.kind !== 'redirect') throw new Error(`expected a redirect, got ${result.kind}`);
	expect(result.response.status).toBe(302);
	expect(headerValue(result.response, 'Location')).toBe(result.location);
	return new URL(result.location).searchParams;
}

function issueCode(as: ReturnType<typeof setup>['as'], params: Params = {}): string {
	const code = redirectParams(as.authorize(authorizeUrl(params))).get('code');
	if (!code) throw new Error('no code issued');
	return code;
}

function tokenForm(code: string, fields: Params = {}): Record<string, string> {
	const all: Params = {
		grant_type: 'authorization_code',
		code,
		redirect_uri: REDIRECT,
		client_id: 'cli',
		code_verifier: VERIFIER,
		resource: RESOURCE,
		...fields
	};
	return Object.fromEntries(
		Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined)
	);
}

/** RFC 6749 §5.2: 400, JSON `{ error, error_description }`. */
function expectOAuthError(response: HttpResponse, error: string) {
	expect(response.status).toBe(400);
	expect(headerValue(response, 'Content-Type')).toBe('application/json');
	expect(response.json).toEqual({ error, error_description: expect.any(String) });
}

describe('/authorize: client and redirect_uri', () => {
	test('RFC 6749 §4.1.2.1: an unknown client_id gets an error page, never a redirect', () => {
		const { as } = setup();
		const result = as.authorize(authorizeUrl({ client_id: 'nobody' }));
		expect(result.kind).toBe('error-page');
		expect(result.response.status).toBe(400);
		expect(headerValue(result.response, 'Location')).toBeUndefined();
		expect(result.response.text).toMatch(/client_id/);
	});

	test('RFC 6749 §4.1.2.1: a redirect_uri not registered for the client gets an error page', () => {
		const { as } = setup();
		for (const redirect_uri of [
			'https://evil.example/callback',
			'http://127.0.0.1:4000/other-path',
			'http://localhost:4000/callback', // RFC 8252 §8.3: the IP literal, not localhost
			'https://other.example/cb', // registered, but for another client
			'http://127.0.0.1:4000/callback#frag'
		]) {
			const result = as.authorize(authorizeUrl({ redirect_uri }));
			expect(result.kind, redirect_uri).toBe('error-page');
			expect(headerValue(result.response, 'Location')).toBeUndefined();
		}
	});

	test('RFC 8252 §7.3: a loopback redirect_uri matches the registered one on any port', () => {
		const { as } = setup();
		for (const port of [1, 4000, 53682, 65535]) {
			const redirect_uri = `http://127.0.0.1:${port}/callback`;
			const params = redirectParams(as.authorize(authorizeUrl({ redirect_uri })));
			expect(params.get('error')).toBeNull();
			expect(params.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random octets
		}
		expect(redirectUriMatches('http://[::1]/callback', 'http://[::1]:8080/callback')).toBe(true);
		expect(redirectUriMatches('https://app.example/cb', 'https://app.example:8443/cb')).toBe(false);
		expect(redirectUriMatches('http://127.0.0.1/callback', 'http://127.0.0.2:80/callback')).toBe(
			false
		);
		// Only the port may differ: the rest is compared as written, not as a parsed URL.
		for (const requested of [
			'http://user@127.0.0.1:9/callback',
			'http://127.1:9/callback',
			'HTTP://127.0.0.1:9/callback',
			'http://127.0.0.1:9/callback/',
			'http://127.0.0.1:9/callback#top',
			'http://127.0.0.1:9/callback?x=1',
			'https://127.0.0.1:9/callback',
			'http://[::1]:9/callback',
			'http://localhost:9/callback'
		]) {
			expect(redirectUriMatches('http://127.0.0.1/callback', requested), requested).toBe(false);
		}
		expect(redirectUriMatches('http://127.0.0.1:4000/callback', 'http://127.0.0.1/callback')).toBe(
			true
		);
		expect(redirectUriMatches('http://localhost/callback', 'http://localhost:9/callback')).toBe(
			false
		);
	});
});

describe('/authorize: PKCE (strict policy)', () => {
	test('RFC 7636 §4.4.1: no code_challenge -> redirect with error=invalid_request, state echoed', () => {
		const { as } = setup();
		const params = redirectParams(
			as.authorize(authorizeUrl({ code_challenge: undefined, code_challenge_method: undefined }))
		);
		expect(params.get('error')).toBe('invalid_request');
		expect(params.get('error_description')).toBe('code challenge required');
		expect(params.get('state')).toBe('af0ifjsldkj');
		expect(params.get('code')).toBeNull();
	});

	test('RFC 7636 §4.3: an absent code_challenge_method means plain, which is refused with invalid_request', () => {
		const { as } = setup();
		const params = redirectParams(
			as.authorize(authorizeUrl({ code_challenge: VERIFIER, code_challenge_method: undefined }))
		);
		expect(params.get('error')).toBe('invalid_request');
		expect(params.get('error_description')).toBe('transform algorithm not supported');
	});

	test('RFC 7636 §4.4.1: plain, or an unknown method, -> invalid_request (transform algorithm not supported)', () => {
		const { as } = setup();
		for (const method of ['plain', 'S512', 's256']) {
			const params = redirectParams(
				as.authorize(authorizeUrl({ code_challenge: VERIFIER, code_challenge_method: method }))
			);
			expect(params.get('error'), method).toBe('invalid_request');
		}
	});

	test('RFC 7636 §4.2: a malformed S256 code_challenge -> invalid_request', () => {
		const { as } = setup();
		for (const code_challenge of [
			CHALLENGE.slice(1),
			`${CHALLENGE}A`,
			CHALLENGE.replace('-', '+')
		]) {
			const params = redirectParams(as.authorize(authorizeUrl({ code_challenge })));
			expect(params.get('error'), code_challenge).toBe('invalid_request');
		}
	});

	test('RFC 7636 §4.4: the code is random (256 bits), state is echoed, and the code is bound', async () => {
		const { as } = setup();
		const params = redirectParams(as.authorize(authorizeUrl()));
		const code = params.get('code')!;
		expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 octets >= 128 bits
		expect(params.get('state')).toBe('af0ifjsldkj');
		expect(issueCode(as)).not.toBe(code);
		expect((await as.token(tokenForm(code))).status).toBe(200);
	});

	test('RFC 8707 §2: a resource the server does not serve -> invalid_target', () => {
		const { as } = setup();
		const params = redirectParams(
			as.authorize(authorizeUrl({ resource: 'https://evil.example/' }))
		);
		expect(params.get('error')).toBe('invalid_target');
	});

	test('RFC 6749 §4.1.2.1: response_type other than code -> unsupported_response_type', () => {
		const { as } = setup();
		const params = redirectParams(as.authorize(authorizeUrl({ response_type: 'token' })));
		expect(params.get('error')).toBe('unsupported_response_type');
	});
});

describe('/authorize: consent', () => {
	function consentText(result: AuthorizeResult): string {
		expect(result.kind).toBe('consent');
		expect(result.response.status).toBe(200);
		return result.response.text ?? '';
	}

	test('RFC 8252 §8.6, OAuth 2.1 (-15) §7.3.1: no automatic approval of a public client by default, even one approved before', () => {
		const { as } = setup();
		issueCode(as); // the user approves once
		consentText(as.authorize(authorizeUrl(), 'alice', false));
	});

	test('RFC 8252 §8.6: a lax server approves a known user and client again without asking, and only those', () => {
		const { as } = setup({}, { approvals: new Set() });
		consentText(as.authorize(authorizeUrl(), 'alice', false)); // never approved: asked
		issueCode(as);
		expect(redirectParams(as.authorize(authorizeUrl(), 'alice', false)).get('code')).toMatch(
			/^[A-Za-z0-9_-]{43}$/
		);
		consentText(as.authorize(authorizeUrl(), 'bob', false)); // another user: asked
	});

	test('MCP 2025-11-25 “Localhost Redirect URI Risks”: the page shows the redirect host, with a warning for loopback', () => {
		const { as } = setup();
		const text = consentText(as.authorize(authorizeUrl(), 'alice', false));
		expect(text).toContain('allow cli to use');
		expect(text).toContain('You will return to 127.0.0.1.');
		expect(text).toMatch(/That is this computer, where other apps can listen/);
		const other = consentText(
			as.authorize(
				authorizeUrl({ client_id: 'other', redirect_uri: 'https://other.example/cb' }),
				'alice',
				false
			)
		);
		expect(other).toContain('You will return to other.example.');
		expect(other).not.toMatch(/this computer/);
	});

	test('RFC 6749 §4.1.2.1: a user who declines gets access_denied at the redirect URI, with state and no code', () => {
		const { as } = setup({}, { approvals: new Set([approvalOf('alice', 'cli')]) });
		const params = redirectParams(as.authorize(authorizeUrl(), 'alice', false, true));
		expect(params.get('error')).toBe('access_denied');
		expect(params.get('state')).toBe('af0ifjsldkj');
		expect(params.has('code')).toBe(false);
	});
});

describe('RFC 8414 §2: metadata', () => {
	test('announces code_challenge_methods_supported: S256 only by default', () => {
		const { as } = setup();
		expect(as.metadata()).toMatchObject({
			issuer: ISSUER,
			authorization_endpoint: `${ISSUER}/authorize`,
			token_endpoint: `${ISSUER}/token`,
			code_challenge_methods_supported: ['S256']
		});
	});
	test('lists plain only when allowed, and omits the field when told to (meaning: no PKCE)', () => {
		expect(setup({ allowPlain: true }).as.metadata().code_challenge_methods_supported).toEqual([
			'S256',
			'plain'
		]);
		expect(setup({ publishesPkceMethods: false }).as.metadata()).not.toHaveProperty(
			'code_challenge_methods_supported'
		);
	});
});

describe('/token', () => {
	test('RFC 6749 §5.2: grant_type other than authorization_code -> unsupported_grant_type', async () => {
		const { as } = setup();
		const code = issueCode(as);
		expectOAuthError(
			await as.token(tokenForm(code, { grant_type: 'password' })),
			'unsupported_grant_type'
		);
		expectOAuthError(await as.token(tokenForm(code, { grant_type: undefined })), 'invalid_request');
	});

	test('RFC 6749 §4.1.3: an unknown code -> invalid_grant', async () => {
		const { as } = setup();
		expectOAuthError(await as.token(tokenForm('not-a-code')), 'invalid_grant');
	});

	test('RFC 6749 §4.1.3: a code is bound to its client_id -> another client gets invalid_grant', async () => {
		const { as } = setup();
		const code = issueCode(as);
		const response = await as.token(
			tokenForm(code, { client_id: 'other', redirect_uri: 'https://other.example/cb' })
		);
		expectOAuthError(response, 'invalid_grant');
		expectOAuthError(await as.token(tokenForm(code, { client_id: 'nobody' })), 'invalid_client');
	});

	test('RFC 6749 §4.1.3: a redirect_uri that differs from the authorization request -> invalid_grant', async () => {
		const { as } = setup();
		const code = issueCode(as);
		const otherPort = 'http://127.0.0.1:4001/callback';
		expectOAuthError(await as.token(tokenForm(code, { redirect_uri: otherPort })), 'invalid_grant');
		expectOAuthError(
			await as.token(tokenForm(code, { redirect_uri: undefined })),
			'invalid_request'
		);
		expect((await as.token(tokenForm(code))).status).toBe(200);
	});

	test('RFC 6749 §4.1.2: a code expires (60 s here, under the 10-minute maximum)', async () => {
		const { as, clock } = setup();
		const fresh = issueCode(as);
		const stale = issueCode(as);
		clock.now += 59_999;
		expect((await as.token(tokenForm(fresh))).status).toBe(200);
		clock.now += 1;
		expectOAuthError(await as.token(tokenForm(stale)), 'invalid_grant');
	});

	test('RFC 7636 §4.6: a code bound to a challenge, redeemed without code_verifier -> invalid_grant', async () => {
		const { as } = setup();
		expectOAuthError(
			await as.token(tokenForm(issueCode(as), { code_verifier: undefined })),
			'invalid_grant'
		);
	});

	test('RFC 7636 §4.6: a verifier whose S256 differs from the bound challenge -> invalid_grant', async () => {
		const { as } = setup();
		const code = issueCode(as);
		const wrong = `${VERIFIER.slice(0, -1)}Y`;
		expectOAuthError(await as.token(tokenForm(code, { code_verifier: wrong })), 'invalid_grant');
		expectOAuthError(
			await as.token(tokenForm(code, { code_verifier: CHALLENGE })),
			'invalid_grant'
		);
	});

	test('RFC 7636 §4.1: a malformed code_verifier (too short, bad character) -> invalid_request', async () => {
		const { as } = setup();
		const code = issueCode(as);
		for (const code_verifier of ['short', `${VERIFIER.slice(0, 42)}+`, 'a'.repeat(129)]) {
			expectOAuthError(await as.token(tokenForm(code, { code_verifier })), 'invalid_request');
		}
	});

	test('RFC 7636 Appendix B + RFC 6749 §5.1: the right verifier gets a token, with Cache-Control: no-store', async () => {
		const { as } = setup();
		const response = await as.token(tokenForm(issueCode(as)));
		expect(response.status).toBe(200);
		expect(headerValue(response, 'Cache-Control')).toBe('no-store');
		expect(headerValue(response, 'Pragma')).toBe('no-cache');
		expect(response.json).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String) });
		const info = as.lookupAccessToken(response.json!.access_token as string);
		expect(info).toEqual({ sub: 'alice', client_id: 'cli', resource: RESOURCE, active: true });
	});

	test('RFC 8707 §2: a token request for a different resource than the code -> invalid_target', async () => {
		const { as } = setup();
		const response = await as.token(tokenForm(issueCode(as), { resource: OTHER_RESOURCE }));
		expectOAuthError(response, 'invalid_target');
	});

	test('RFC 7636 §4.2: with plain allowed, the verifier equal to the challenge redeems', async () => {
		const { as } = setup({ allowPlain: true });
		const code = issueCode(as, { code_challenge: VERIFIER, code_challenge_method: 'plain' });
		expect((await as.token(tokenForm(code))).status).toBe(200);
	});

	test('RFC 9700 §4.8.2: a code_verifier for a code issued without a challenge is refused; OAuth 2.1 (-15) §3.2.4 -> invalid_request', async () => {
		const { as } = setup({ pkceRequired: false });
		const unbound = { code_challenge: undefined, code_challenge_method: undefined };
		expectOAuthError(await as.token(tokenForm(issueCode(as, unbound))), 'invalid_request');
		// Without a verifier, an unbound code still redeems on a server where PKCE is optional.
		const plainOld = await as.token(
			tokenForm(issueCode(as, unbound), { code_verifier: undefined })
		);
		expect(plainOld.status).toBe(200);
	});

	test('RFC 9700 §4.8: a server without downgrade protection ignores the verifier of an unbound code', async () => {
		const { as } = setup({ pkceRequired: false, downgradeProtection: false });
		const code = issueCode(as, { code_challenge: undefined, code_challenge_method: undefined });
		expect((await as.token(tokenForm(code))).status).toBe(200);
	});

	test('RFC 6749 §4.1.2: a second valid use is denied and revokes the tokens issued from the code', async () => {
		const { as } = setup();
		const code = issueCode(as);
		const first = await as.token(tokenForm(code));
		const token = first.json!.access_token as string;
		expectOAuthError(await as.token(tokenForm(code)), 'invalid_grant');
		expect(as.lookupAccessToken(token)?.active).toBe(false);
	});

	test('OAuth 2.1 draft -15, Reuse of Authorization Codes: a replay with a wrong verifier does not revoke', async () => {
		const { as } = setup();
		const code = issueCode(as);
		const token = (await as.token(tokenForm(code))).json!.access_token as string;
		const wrong = `${VERIFIER.slice(0, -1)}Y`;
		expectOAuthError(await as.token(tokenForm(code, { code_verifier: wrong })), 'invalid_grant');
		expectOAuthError(
			await as.token(tokenForm(code, { code_verifier: undefined })),
			'invalid_grant'
		);
		expect(as.lookupAccessToken(token)?.active).toBe(true);
	});

	test('RFC 7636 §4.6: failed attempts do not use the code up', async () => {
		const { as } = setup();
		const code = issueCode(as);
		await as.token(tokenForm(code, { code_verifier: undefined }));
		await as.token(tokenForm(code, { code_verifier: 'x'.repeat(43) }));
		expect((await as.token(tokenForm(code))).status).toBe(200);
	});

	test('the "server that never checks the verifier" (checksVerifier off) accepts any verifier', async () => {
		const { as } = setup({ checksVerifier: false });
		const code = issueCode(as);
		expect((await as.token(tokenForm(code, { code_verifier: 'nonsense' }))).status).toBe(200);
	});

	test('RFC 6749 §3.1: a parameter sent empty counts as omitted', async () => {
		const { as } = setup();
		expectOAuthError(
			await as.token(tokenForm(issueCode(as), { code_verifier: '' })),
			'invalid_grant'
		);
	});
});

describe('RFC 9207: the server names itself in the authorization response', () => {
	test('with issInResponse, iss is in the code response, the error response and the metadata', () => {
		const { as } = setup({ issInResponse: true });
		expect(redirectParams(as.authorize(authorizeUrl())).get('iss')).toBe(ISSUER);
		const refused = redirectParams(as.authorize(authorizeUrl({ code_challenge: undefined })));
		expect(refused.get('error')).toBe('invalid_request');
		expect(refused.get('iss')).toBe(ISSUER);
		expect(as.metadata().authorization_response_iss_parameter_supported).toBe(true);
	});

	test('off by default: no iss, and the metadata does not announce it', () => {
		const { as } = setup();
		expect(redirectParams(as.authorize(authorizeUrl())).has('iss')).toBe(false);
		expect(as.metadata()).not.toHaveProperty('authorization_response_iss_parameter_supported');
	});
});

describe('OAuth 2.1 (-15) §4.3.1: refresh tokens of a public client, rotated', () => {
	const refreshForm = (refresh_token: string | undefined, fields: Params = {}) =>
		Object.fromEntries(
			Object.entries({
				grant_type: 'refresh_token',
				refresh_token,
				client_id: 'cli',
				resource: RESOURCE,
				...fields
			} as Params).filter((entry): entry is [string, string] => entry[1] !== undefined)
		);
	async function signedIn() {
		const { as } = setup({}, { refreshTokens: true });
		const response = await as.token(tokenForm(issueCode(as)));
		expect(response.status).toBe(200);
		const { access_token, refresh_token } = response.json as Record<string, string>;
		return { as, access_token: access_token!, refresh_token: refresh_token! };
	}

	test('off by default: no refresh_token, and grant_type=refresh_token is unsupported', async () => {
		const { as } = setup();
		const response = await as.token(tokenForm(issueCode(as)));
		expect(response.json).not.toHaveProperty('refresh_token');
		expect(as.metadata().grant_types_supported).toEqual(['authorization_code']);
		expectOAuthError(await as.token(refreshForm('anything')), 'unsupported_grant_type');
	});

	test('RFC 8414 §2: the metadata lists the refresh_token grant when it is on', () => {
		const { as } = setup({}, { refreshTokens: true });
		expect(as.metadata().grant_types_supported).toEqual(['authorization_code', 'refresh_token']);
	});

	test('§4.3.1 rotation: each refresh returns a new access token and a new refresh token', async () => {
		const { as, access_token, refresh_token } = await signedIn();
		const response = await as.token(refreshForm(refresh_token));
		expect(response.status).toBe(200);
		expect(headerValue(response, 'Cache-Control')).toBe('no-store');
		const next = response.json as Record<string, string>;
		expect(next.refresh_token).toBeDefined();
		expect(next.refresh_token).not.toBe(refresh_token);
		expect(next.access_token).not.toBe(access_token);
		expect(as.lookupAccessToken(next.access_token!)).toMatchObject({
			active: true,
			client_id: 'cli',
			resource: RESOURCE
		});
		// The rotated-in token works once more; the chain goes on.
		expect((await as.token(refreshForm(next.refresh_token))).status).toBe(200);
	});

	test('§4.3.1 replay: a used refresh token revokes the grant — every access and refresh token of it', async () => {
		const { as, access_token, refresh_token } = await signedIn();
		const first = (await as.token(refreshForm(refresh_token))).json as Record<string, string>;
		expectOAuthError(await as.token(refreshForm(refresh_token)), 'invalid_grant');
		expect(as.lookupAccessToken(access_token)?.active).toBe(false);
		expect(as.lookupAccessToken(first.access_token!)?.active).toBe(false);
		expectOAuthError(await as.token(refreshForm(first.refresh_token)), 'invalid_grant');
	});

	test('the refresh token is bound to its client and its resource; a missing one is invalid_request', async () => {
		const { as, refresh_token } = await signedIn();
		expectOAuthError(await as.token(refreshForm(undefined)), 'invalid_request');
		expectOAuthError(await as.token(refreshForm('unknown')), 'invalid_grant');
		expectOAuthError(
			await as.token(refreshForm(refresh_token, { client_id: 'other' })),
			'invalid_grant'
		);
		expectOAuthError(
			await as.token(refreshForm(refresh_token, { resource: OTHER_RESOURCE })),
			'invalid_target'
		);
		// Refusals that never got to rotation leave the token usable.
		expect((await as.token(refreshForm(refresh_token))).status).toBe(200);
	});

	test('RFC 6749 §4.1.2: a valid reuse of the code revokes its refresh tokens too', async () => {
		const { as } = setup({}, { refreshTokens: true });
		const code = issueCode(as);
		const { refresh_token } = (await as.token(tokenForm(code))).json as Record<string, string>;
		expectOAuthError(await as.token(tokenForm(code)), 'invalid_grant');
		expectOAuthError(await as.token(refreshForm(refresh_token)), 'invalid_grant');
	});
});

describe('RFC 7636 §4.6: the server records the PKCE check it performed (pkceCheck)', () => {
	test('S256, Appendix B: the verifier’s BASE64URL(SHA-256) equals the bound challenge', async () => {
		const { as } = setup();
		expect(as.pkceCheck()).toBeUndefined();
		expect((await as.token(tokenForm(issueCode(as)))).status).toBe(200);
		expect(as.pkceCheck()).toEqual({
			challenge: { value: CHALLENGE, method: 'S256' },
			verifier: VERIFIER,
			derived: CHALLENGE,
			passed: true
		});
	});

	test('a missing verifier is refused before anything is derived', async () => {
		const { as } = setup();
		await as.token(tokenForm(issueCode(as), { code_verifier: undefined }));
		expect(as.pkceCheck()).toEqual({
			challenge: { value: CHALLENGE, method: 'S256' },
			passed: false
		});
	});

	test('plain: the derived value is the verifier itself', async () => {
		const { as } = setup({ allowPlain: true });
		const code = issueCode(as, { code_challenge: VERIFIER, code_challenge_method: 'plain' });
		const wrong = `${VERIFIER.slice(0, -1)}Y`;
		await as.token(tokenForm(code, { code_verifier: wrong }));
		expect(as.pkceCheck()).toMatchObject({ verifier: wrong, derived: wrong, passed: false });
	});

	test('RFC 9700 §4.8.2: a verifier for a code without a challenge, refused or let through', async () => {
		for (const downgradeProtection of [true, false]) {
			const { as } = setup({ pkceRequired: false, downgradeProtection });
			const code = issueCode(as, { code_challenge: undefined, code_challenge_method: undefined });
			await as.token(tokenForm(code));
			expect(as.pkceCheck()).toEqual({ verifier: VERIFIER, passed: !downgradeProtection });
		}
	});

	test('no check is recorded when there is nothing to check, or the server does not check', async () => {
		const lax = setup({ pkceRequired: false }).as;
		const bare = issueCode(lax, { code_challenge: undefined, code_challenge_method: undefined });
		expect((await lax.token(tokenForm(bare, { code_verifier: undefined }))).status).toBe(200);
		expect(lax.pkceCheck()).toBeUndefined();

		const broken = setup({ checksVerifier: false }).as;
		await broken.token(tokenForm(issueCode(broken), { code_verifier: 'nonsense' }));
		expect(broken.pkceCheck()).toBeUndefined();
	});

	test('each token request starts afresh: one refused before PKCE (§4.1: malformed verifier) records none', async () => {
		const { as } = setup();
		const code = issueCode(as);
		await as.token(tokenForm(code, { code_verifier: undefined }));
		expect(as.pkceCheck()).toBeDefined();
		expectOAuthError(
			await as.token(tokenForm(code, { code_verifier: 'short' })),
			'invalid_request'
		);
		expect(as.pkceCheck()).toBeUndefined();
		await as.token(tokenForm(code));
		expectOAuthError(await as.token(tokenForm('unknown-code')), 'invalid_grant');
		expect(as.pkceCheck()).toBeUndefined();
	});

	test('the record is a copy: changing it changes nothing the server holds', async () => {
		const { as } = setup();
		await as.token(tokenForm(issueCode(as)));
		const first = as.pkceCheck()!;
		first.passed = false;
		first.challenge!.value = 'x';
		expect(as.pkceCheck()).toMatchObject({ passed: true, challenge: { value: CHALLENGE } });
	});
});

describe('RFC 7636 §4.6: the challenge comparison is constant-time', () => {
	test('constantTimeEqual compares whole strings, of any lengths', () => {
		expect(constantTimeEqual(CHALLENGE, CHALLENGE)).toBe(true);
		expect(constantTimeEqual(CHALLENGE, `${CHALLENGE.slice(0, -1)}N`)).toBe(false);
		expect(constantTimeEqual(CHALLENGE, CHALLENGE.slice(0, -1))).toBe(false);
		expect(constantTimeEqual('', CHALLENGE)).toBe(false);
		expect(constantTimeEqual('', '')).toBe(true);
	});
	test('the token endpoint compares with constantTimeEqual, not ===', () => {
		const source = readFileSync(new URL('./authorization-server.ts', import.meta.url), 'utf8');
		const region = /#region token-verify-pkce\n([\s\S]*?)#endregion token-verify-pkce/.exec(
			source
		)?.[1];
		expect(region).toContain('constantTimeEqual(challenge, grant.code_challenge)');
		expect(region).not.toMatch(
			/\bchallenge\s*[!=]==\s*grant|grant\.code_challenge\s*[!=]==\s*challenge\b/
		);
	});
});
