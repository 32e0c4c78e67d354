/**
 * The local lab (`npm run lab`), started for real on free ports: its configuration (RFC 7636
 * §4.4.1 PKCE required for the public client, S256 only; RFC 8414 metadata; CORS for the
 * playground's origins only; 127.0.0.1 only) and a whole sign-in through its own pages, token
 * exchange and MCP tool call, with the attacker's redemption refused (RFC 7636 §4.6).
 */
import { createHash, randomBytes } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { siteUrl, startLab } from './lab.js';
import { consentPage, escapeHtml } from './pages.js';
import { labTokenVerifier } from './mcp-server.js';
import { signInThroughPages } from './sign-in.harness';

const SITE = 'http://127.0.0.1:4173/pkce-playground/';
const CALLBACK = `${SITE}live/callback/`;
const OTHER_ORIGIN = 'https://evil.example';

let lab: Awaited<ReturnType<typeof startLab>>;
beforeAll(async () => {
	lab = await startLab({ asPort: 0, mcpPort: 0, sites: [SITE] });
});
afterAll(() => lab?.close());

const b64url = (bytes: Buffer) => bytes.toString('base64url');
const s256 = (verifier: string) => b64url(createHash('sha256').update(verifier, 'ascii').digest());

const signIn = (params: Record<string, string>, name?: string) =>
	signInThroughPages(`${lab.issuer}/auth?${new URLSearchParams(params)}`, name);

async function token(form: Record<string, string>, origin = new URL(SITE).origin) {
	const response = await fetch(`${lab.issuer}/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
		body: new URLSearchParams(form)
	});
	return { response, json: (await response.json()) as Record<string, string> };
}

function authorization(clientId: string, pkce: boolean) {
	const verifier = b64url(randomBytes(32));
	const state = b64url(randomBytes(16));
	const params: Record<string, string> = {
		response_type: 'code',
		client_id: clientId,
		redirect_uri: CALLBACK,
		scope: 'mcp:tools',
		resource: lab.resource,
		state
	};
	if (pkce)
		Object.assign(params, { code_challenge: s256(verifier), code_challenge_method: 'S256' });
	return { verifier, state, params };
}

const mcpCall = (accessToken?: string) =>
	fetch(lab.mcpUrl, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			accept: 'application/json, text/event-stream',
			...(accessToken && { authorization: `Bearer ${accessToken}` })
		},
		body: JSON.stringify({
			jsonrpc: '2.0',
			id: 1,
			method: 'tools/call',
			params: { name: 'whoami', arguments: {} }
		})
	});

describe('the lab: configuration', () => {
	it('binds to 127.0.0.1 only: both servers refuse a non-loopback address of this machine', async () => {
		expect(new URL(lab.issuer).hostname).toBe('127.0.0.1');
		expect(new URL(lab.mcpUrl).hostname).toBe('127.0.0.1');
		const other = Object.values(networkInterfaces())
			.flat()
			.find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
		// Not on IPv6 loopback either, nor under another host name (DNS rebinding: 421).
		for (const url of [lab.issuer, lab.mcpUrl]) {
			await expect(fetch(`http://[::1]:${new URL(url).port}/`)).rejects.toThrow();
		}
		const { request } = await import('node:http');
		const status = await new Promise<number | undefined>((resolve, reject) => {
			const req = request(
				`${lab.issuer}/.well-known/oauth-authorization-server`,
				{ headers: { host: 'rebound.example:80' } },
				(res) => resolve(res.statusCode)
			);
			req.on('error', reject).end();
		});
		expect(status).toBe(421);
		if (!other) return; // a machine with loopback only: nothing else to refuse
		for (const url of [lab.issuer, lab.mcpUrl]) {
			const port = new URL(url).port;
			await expect(fetch(`http://${other}:${port}/`)).rejects.toThrow();
		}
	});

	it('RFC 8414 §2 metadata: S256 only, code flow, the issuer it is served from', async () => {
		const metadata = await (
			await fetch(`${lab.issuer}/.well-known/oauth-authorization-server`)
		).json();
		expect(metadata.issuer).toBe(lab.issuer);
		expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
		expect(metadata.response_types_supported).toEqual(['code']);
		expect(metadata.grant_types_supported).toEqual(['authorization_code', 'refresh_token']);
		expect(metadata.authorization_response_iss_parameter_supported).toBe(true);
	});

	it('RFC 9728 §3: the MCP server names its resource and the lab authorization server', async () => {
		const unauthorized = await mcpCall();
		expect(unauthorized.status).toBe(401);
		const challenge = unauthorized.headers.get('www-authenticate') ?? '';
		const metadataUrl = /resource_metadata="([^"]+)"/.exec(challenge)?.[1];
		expect(metadataUrl).toBe(new URL('/.well-known/oauth-protected-resource/mcp', lab.mcpUrl).href);
		const metadata = await (await fetch(metadataUrl!)).json();
		expect(metadata).toMatchObject({
			resource: lab.resource,
			authorization_servers: [lab.issuer],
			scopes_supported: ['mcp:tools']
		});
	});

	it('RFC 7636 §4.4.1: the playground client must send a code_challenge; plain is refused', async () => {
		const { params } = authorization('playground', false);
		const denied = await signIn(params);
		expect(denied.searchParams.get('error')).toBe('invalid_request');
		expect(denied.searchParams.get('error_description')).toMatch(/requires PKCE/);
		const plain = await signIn({
			...params,
			code_challenge: 'a'.repeat(43),
			code_challenge_method: 'plain'
		});
		expect(plain.searchParams.get('error')).toBe('invalid_request');
	});

	it('CORS: the token endpoint answers the playground origin and refuses another', async () => {
		const allowed = await token({
			grant_type: 'authorization_code',
			code: 'x',
			client_id: 'playground'
		});
		expect(allowed.response.headers.get('access-control-allow-origin')).toBe(new URL(SITE).origin);
		const refused = await token(
			{ grant_type: 'authorization_code', code: 'x', client_id: 'playground' },
			OTHER_ORIGIN
		);
		expect(refused.response.headers.get('access-control-allow-origin')).toBeNull();
		expect(refused.json.error_description).toMatch(/origin .* not allowed/);
		const mcp = await fetch(lab.mcpUrl, { method: 'OPTIONS', headers: { origin: OTHER_ORIGIN } });
		expect(mcp.headers.get('access-control-allow-origin')).toBeNull();
	});

	it('--origin: a site URL gets a trailing slash; a bad one gets a plain message', () => {
		expect(siteUrl('https://you.github.io/pkce-playground')).toBe(
			'https://you.github.io/pkce-playground/'
		);
		expect(() => siteUrl('you.github.io')).toThrow(/--origin wants a URL/);
		expect(() => siteUrl('ftp://x/')).toThrow(/http or https/);
	});

	it('a port in use gets a message naming the flag, not a stack trace', async () => {
		const port = new URL(lab.issuer).port;
		await expect(startLab({ asPort: Number(port), mcpPort: 0, sites: [SITE] })).rejects.toThrow(
			`Port ${port} on 127.0.0.1 is in use, so the authorization server cannot start there. Stop what uses it, or pick another port with --as-port <port>.`
		);
	});

	it('the pages escape what they show', () => {
		expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;'
		);
		const page = consentPage({
			uid: 'u"><script>x()</script>',
			account: '<b>mallory</b>',
			clientId: 'legacy',
			clientName: '<img src=x onerror=alert(1)>',
			redirectUri: 'http://127.0.0.1:1/cb?"><script>alert(1)</script>',
			scope: 'mcp:tools',
			resource: 'http://127.0.0.1:2/mcp',
			pkceMethod: undefined,
			unsafe: true
		});
		expect(page).not.toMatch(/<script>|<img|<b>mallory/);
		expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(page).toContain('Unsafe client.');
	});

	it('RFC 8707 §2, RFC 9068 §4: the MCP server refuses a well-signed token for another audience', async () => {
		const { generateKeyPair, exportJWK, SignJWT } = await import('jose');
		const { privateKey, publicKey } = await generateKeyPair('ES256');
		const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k', alg: 'ES256' }] };
		const verifier = labTokenVerifier({
			issuer: 'http://127.0.0.1:1',
			resource: lab.resource,
			jwks
		});
		const sign = (aud: string) =>
			new SignJWT({ client_id: 'playground', scope: 'mcp:tools' })
				.setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: 'k' })
				.setIssuer('http://127.0.0.1:1')
				.setSubject('alice')
				.setAudience(aud)
				.setExpirationTime('5m')
				.sign(privateKey);
		await expect(verifier.verifyAccessToken(await sign(lab.resource))).resolves.toMatchObject({
			clientId: 'playground',
			scopes: ['mcp:tools']
		});
		await expect(
			verifier.verifyAccessToken(await sign('http://127.0.0.1:3/other-mcp'))
		).rejects.toThrow(/not valid here: unexpected "aud" claim value/);
	});
});

describe('the lab: a whole sign-in, for real', () => {
	it('RFC 7636 §4.6: the stolen code without a verifier is refused, the client redeems, the MCP tool answers', async () => {
		const { verifier, state, params } = authorization('playground', true);
		const callback = await signIn(params, 'bob');
		expect(callback.href.startsWith(CALLBACK)).toBe(true);
		expect(callback.searchParams.get('state')).toBe(state);
		expect(callback.searchParams.get('iss')).toBe(lab.issuer); // RFC 9207 §2
		const code = callback.searchParams.get('code')!;

		const stolen = await token({
			grant_type: 'authorization_code',
			code,
			client_id: 'playground',
			redirect_uri: CALLBACK
		});
		expect(stolen.response.status).toBe(400);
		expect(stolen.json.error).toBe('invalid_grant');

		const redeemed = await token({
			grant_type: 'authorization_code',
			code,
			client_id: 'playground',
			redirect_uri: CALLBACK,
			code_verifier: verifier
		});
		expect(redeemed.response.status, JSON.stringify(redeemed.json)).toBe(200);
		// A refresh token comes with every code exchange (the lab issues one to each client allowed the grant).
		expect(redeemed.json.refresh_token).toMatch(/^[\w-]{43,}$/);
		// RFC 9068: a JWT access token whose audience is the MCP server (RFC 8707 §2).
		expect(decodeProtectedHeader(redeemed.json.access_token!).typ).toBe('at+jwt');
		expect(decodeJwt(redeemed.json.access_token!)).toMatchObject({
			aud: lab.resource,
			iss: lab.issuer,
			sub: 'bob',
			client_id: 'playground'
		});

		const answer = await mcpCall(redeemed.json.access_token);
		expect(answer.status).toBe(200);
		const body = await answer.json();
		expect(body.result.content[0].text).toBe(
			'You are bob, calling through the client playground, with the scope mcp:tools.'
		);

		// What the page reads to draw the front channel: the server's real answers, by state.
		const record = lab.authorizationRecord(state);
		expect(record?.first?.status).toBe(303);
		expect(record?.last).toEqual({ status: 303, location: callback.href });
	});

	it('OAuth 2.1 (-15) §4.3.1: every refresh rotates the refresh token; the old one is refused', async () => {
		const { verifier, params } = authorization('playground', true);
		const callback = await signIn(params);
		const first = await token({
			grant_type: 'authorization_code',
			code: callback.searchParams.get('code')!,
			client_id: 'playground',
			redirect_uri: CALLBACK,
			code_verifier: verifier
		});
		const refresh = (refresh_token: string) =>
			token({ grant_type: 'refresh_token', refresh_token, client_id: 'playground' });
		const second = await refresh(first.json.refresh_token!);
		expect(second.response.status).toBe(200);
		expect(second.json.refresh_token).toMatch(/^[\w-]{43,}$/);
		expect(second.json.refresh_token).not.toBe(first.json.refresh_token);
		const replayed = await refresh(first.json.refresh_token!);
		expect(replayed.response.status).toBe(400);
		expect(replayed.json.error).toBe('invalid_grant');
	});

	it('RFC 7636 §1: the legacy client needs no PKCE (against RFC 9700 §2.1.1), so whoever redeems a copied code first gets the tokens', async () => {
		const { params } = authorization('legacy', false);
		const callback = await signIn(params);
		const stolen = await token({
			grant_type: 'authorization_code',
			code: callback.searchParams.get('code')!,
			client_id: 'legacy',
			redirect_uri: CALLBACK
		});
		expect(stolen.response.status).toBe(200);
		expect((await mcpCall(stolen.json.access_token)).status).toBe(200);
	});

	it('RFC 8707 §2: a token for another audience is refused by the MCP server', async () => {
		const forged = `${Buffer.from('{"alg":"none"}').toString('base64url')}.e30.`;
		const answer = await mcpCall(forged);
		expect(answer.status).toBe(401);
		expect(answer.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
	});
});

describe('npm run lab (scripts/lab.js)', () => {
	it('prints what it started, and Ctrl-C (SIGINT) stops it cleanly', async () => {
		const { spawn } = await import('node:child_process');
		const child = spawn(process.execPath, ['scripts/lab.js', '--as-port', '0', '--mcp-port', '0'], {
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let out = '';
		child.stdout.on('data', (chunk) => (out += chunk));
		await new Promise<void>((resolve, reject) => {
			child.stdout.on('data', () => out.includes('press "Live"') && resolve());
			child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
		});
		expect(out).toMatch(/Authorization server \(oidc-provider\) +http:\/\/127\.0\.0\.1:\d+/);
		expect(out).toMatch(/MCP server \(official TypeScript SDK\) +http:\/\/127\.0\.0\.1:\d+\/mcp/);
		const issuer = /Authorization server \(oidc-provider\) +(\S+)/.exec(out)![1]!;
		expect((await fetch(`${issuer}/.well-known/oauth-authorization-server`)).status).toBe(200);
		child.kill('SIGINT');
		const code = await new Promise((resolve) => child.once('exit', resolve));
		expect(code).toBe(0);
		expect(out).toContain('Lab stopped.');
		await expect(fetch(`${issuer}/.well-known/oauth-authorization-server`)).rejects.toThrow();
	});

	it('a bad flag gets a one-line message or the usage, not a stack trace', async () => {
		const { spawnSync } = await import('node:child_process');
		const result = spawnSync(process.execPath, ['scripts/lab.js', '--as-port', 'x'], {
			encoding: 'utf8'
		});
		expect(result.status).toBe(1);
		expect(result.stderr.trim()).toBe('--as-port wants a port number from 0 to 65535 (got "x")');
		const unknown = spawnSync(process.execPath, ['scripts/lab.js', '--nope'], { encoding: 'utf8' });
		expect(unknown.status).toBe(2);
		expect(unknown.stderr).toContain('Usage: npm run lab');
	});
});
