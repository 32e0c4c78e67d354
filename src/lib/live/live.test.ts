/**
 * Live mode's core against the real lab (oidc-provider + the MCP TypeScript SDK), started here on
 * free ports: discovery (RFC 9728 §5.1, §3; RFC 8414 §3.1), the sign-in through the lab's pages,
 * the attacker's real refusals (RFC 7636 §4.6), the client's real tokens, the MCP tool's answer —
 * recorded as the same steps the simulation records, so the story's text serves them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webCryptoRandom, webCryptoSha256 } from '$lib/pkce';
import { runScenario } from '$lib/protocol/runner';
import { loadStory, teach } from '$lib/content/story';
import { liveDifferences, tellLive } from '$lib/content/live';
import { retell } from '$lib/content/retell';
import { CURRENT_REVISION, type ScenarioId } from '$lib/protocol/types';
import { startLab } from '../../lab/lab.js';
import { signInThroughPages } from '../../lab/sign-in.harness';
import { discoverLab, labUrl } from './discover';
import { finishLiveSignIn, startLiveSignIn, type LiveScenario } from './session';
import { verifyJwt } from './jwt';
import { LiveError, type Fetch } from './wire';
import { LIVE_CHANNEL } from './channel';

const SITE = 'http://127.0.0.1:4173/pkce-playground/';
const CALLBACK = `${SITE}live/callback/`;

let lab: Awaited<ReturnType<typeof startLab>>;
beforeAll(async () => {
	lab = await startLab({ asPort: 0, mcpPort: 0, sites: [SITE] });
});
afterAll(() => lab?.close());

/** The page's fetch: every request carries the site's Origin, as a browser's would (CORS). */
const pageFetch: Fetch = (input, init) => {
	const headers = new Headers(init?.headers);
	headers.set('Origin', new URL(SITE).origin);
	return fetch(input, { ...init, headers });
};
const env = { random: webCryptoRandom, sha256: webCryptoSha256, now: () => Date.now() };
const page = { fetch: pageFetch, site: SITE };

async function told(scenario: ScenarioId) {
	const run = await runScenario(scenario, env);
	return teach(run, await loadStory(scenario));
}

async function liveRun(scenario: LiveScenario, name = 'alice') {
	const endpoints = await discoverLab(lab.mcpUrl, pageFetch, SITE);
	const start = await startLiveSignIn({
		scenario,
		revision: CURRENT_REVISION,
		endpoints,
		redirectUri: CALLBACK,
		env
	});
	const callback = await signInThroughPages(start.authorizationUrl, name);
	const record = lab.authorizationRecord(start.state);
	return { start, finish: await finishLiveSignIn(start, callback.href, record, page) };
}

describe('Live mode: discovery', () => {
	it('RFC 9728 §5.1 → §3 → RFC 8414 §3.1: from the MCP URL to the endpoints', async () => {
		const endpoints = await discoverLab(lab.mcpUrl, pageFetch, SITE);
		expect(endpoints).toMatchObject({
			mcpUrl: lab.mcpUrl,
			resource: lab.resource,
			issuer: lab.issuer,
			authorization_endpoint: `${lab.issuer}/auth`,
			token_endpoint: `${lab.issuer}/token`,
			code_challenge_methods_supported: ['S256'],
			scope: 'mcp:tools'
		});
		expect(endpoints.exchanges.map((e) => e.response.status)).toEqual([401, 200, 200]);
	});

	it('nothing listening: a message that says how to start the lab, and how to allow this site', async () => {
		const closed = await startLab({ asPort: 0, mcpPort: 0, sites: [SITE] });
		const url = closed.mcpUrl;
		await closed.close();
		await expect(discoverLab(url, pageFetch, SITE)).rejects.toThrow(
			`Nothing answered at ${url}. Is the lab running? Start it with "npm run lab" in a clone of this site's repository. If it is running, it may not allow this site: start it with "npm run lab -- --origin ${SITE}".`
		);
	});

	it('only http://127.0.0.1 (the CSP allows nothing else): other addresses get a message', () => {
		expect(() => labUrl('https://mcp.example.com/mcp')).toThrow(LiveError);
		expect(() => labUrl('http://localhost:9401/mcp')).toThrow(/127\.0\.0\.1/);
		expect(() => labUrl('not a url')).toThrow(/is not a URL/);
		expect(labUrl(' http://127.0.0.1:9401/mcp ').href).toBe('http://127.0.0.1:9401/mcp');
	});
});

describe('Live mode: s256 against the real lab', () => {
	it('RFC 7636 §4.6: the attacker is refused twice, the client gets a token, the tool answers', async () => {
		const { start, finish } = await liveRun('s256', 'carol');
		const steps = finish.run.steps;
		const byId = Object.fromEntries(steps.map((s) => [s.id, s]));
		expect(byId['token-attacker-no-verifier']!.response).toMatchObject({
			status: 400,
			json: { error: 'invalid_grant' }
		});
		expect(byId['token-attacker-guess']!.response?.status).toBe(400);
		expect(byId['token-attacker-guess']!.check).toMatchObject({
			challenge: { value: start.challenge, method: 'S256' },
			passed: false
		});
		expect(byId['token-client']!.response?.status).toBe(200);
		expect(byId['token-client']!.check?.derived).toBe(start.challenge);
		expect(byId['mcp-call']!.response?.status).toBe(200);
		expect(finish.toolAnswer).toBe(
			'You are carol, calling through the client playground, with the scope mcp:tools.'
		);
		// Who knows what: only the client and the server ever hold the verifier.
		const last = steps.at(-1)!.knowledge;
		expect(last.client.code_verifier).toBe(start.verifier);
		expect(last.attacker.code_verifier).toBeUndefined();
		expect(last.attacker.access_token).toBeUndefined();
		expect(last.attacker.code).toBe(last.client.code);
	});

	it('mirrors the simulated s256 step for step: same ids, same outcomes, so its story tells it', async () => {
		const { finish } = await liveRun('s256');
		const simulated = await told('s256');
		expect(finish.run.steps.map((s) => [s.id, s.outcome])).toEqual(
			simulated.steps.map((s) => [s.id, s.outcome])
		);
		expect(retell(finish.run, simulated)).toBeDefined();
		expect(tellLive(finish.run, simulated).steps.map((s) => s.title)).toEqual(
			simulated.steps.map((s) => s.title)
		);
	});

	it('says where the real server differs: 303 redirects (RFC 6749 §4.1.2), error wording (§5.2)', async () => {
		const { finish } = await liveRun('s256');
		const differences = liveDifferences(finish.run, await told('s256'));
		const at = (id: string) => differences.find((d) => finish.run.steps[d.step]!.id === id);
		expect(at('authorize-request')?.real).toMatch(
			/^303 See Other to http:\/\/127\.0\.0\.1:\d+\/interaction\//
		);
		expect(at('authorize-response')).toMatchObject({
			real: '303 See Other',
			simulated: '302 Found',
			cites: [
				{ spec: 'RFC 6749', section: '1.7' },
				{ spec: 'RFC 9700', section: '4.12' }
			]
		});
		expect(at('token-attacker-guess')?.cites).toEqual([{ spec: 'RFC 6749', section: '5.2' }]);
		// The same status and code on the client's and the MCP call: no difference listed.
		expect(at('token-client')).toBeUndefined();
		expect(at('mcp-call')).toBeUndefined();
	});

	it("RFC 9068: the access token is a JWT for the MCP server, signed with the lab's key", async () => {
		const { finish } = await liveRun('s256', 'dave');
		const jwks = await (await fetch(`${lab.issuer}/jwks`)).json();
		const decoded = await verifyJwt(finish.accessToken!, jwks, crypto.subtle);
		expect(decoded).toMatchObject({
			verified: true,
			header: { alg: 'ES256', typ: 'at+jwt' },
			payload: { aud: lab.resource, iss: lab.issuer, sub: 'dave', client_id: 'playground' }
		});
		const [head, body] = finish.accessToken!.split('.');
		const forged = `${head}.${body}.${'A'.repeat(86)}`;
		expect(await verifyJwt(forged, jwks, crypto.subtle)).toMatchObject({
			verified: false,
			problem: 'the signature does not verify'
		});
	});

	it('a callback with another state is refused before anything is sent (RFC 6749 §10.12)', async () => {
		const endpoints = await discoverLab(lab.mcpUrl, pageFetch, SITE);
		const start = await startLiveSignIn({
			scenario: 's256',
			revision: CURRENT_REVISION,
			endpoints,
			redirectUri: CALLBACK,
			env
		});
		await expect(
			finishLiveSignIn(start, `${CALLBACK}?code=x&state=other`, undefined, page)
		).rejects.toThrow(
			'The client ignored the callback: state does not match this sign-in; the code is ignored (RFC 6749 §10.12).'
		);
		await expect(
			finishLiveSignIn(
				start,
				`${CALLBACK}?error=access_denied&error_description=The+user+denied+the+request.&state=${start.state}`,
				undefined,
				page
			)
		).rejects.toThrow('The lab answered error=access_denied (The user denied the request.)');
	});
});

describe('Live mode: no-pkce against the real lab (the legacy client)', () => {
	it('RFC 7636 §1: without PKCE the copied code works without a verifier, and the tool answers the attacker', async () => {
		const { finish } = await liveRun('no-pkce', 'erin');
		const byId = Object.fromEntries(finish.run.steps.map((s) => [s.id, s]));
		expect(byId['token-attacker-no-verifier']).toMatchObject({
			outcome: 'attacker-wins',
			response: { status: 200 }
		});
		expect(byId['mcp-attacker']!.outcome).toBe('attacker-wins');
		expect(finish.toolAnswer).toBe(
			'You are erin, calling through the client legacy, with the scope mcp:tools.'
		);
		// RFC 6749 §4.1.2: the code's second use is denied …
		expect(byId['token-client']).toMatchObject({ outcome: 'rejected', response: { status: 400 } });
		// … but the lab's MCP server verifies JWTs itself, so the attacker's token still works:
		// a real difference from the simulation, told as such.
		expect(byId['mcp-attacker-revoked']!.outcome).toBe('attacker-wins');
		const simulated = await told('no-pkce');
		const taught = tellLive(finish.run, simulated);
		const revoked = taught.steps.find((s) => s.id === 'mcp-attacker-revoked')!;
		expect(revoked.narration).toMatch(/still accepts the attacker's token/);
		const difference = liveDifferences(finish.run, simulated).find(
			(d) => finish.run.steps[d.step]!.id === 'mcp-attacker-revoked'
		);
		expect(difference).toMatchObject({ real: '200 OK', simulated: '401 Unauthorized' });
	});
});

describe('Live mode: the callback page', () => {
	it('static/live/callback/callback.js posts on the channel the playground listens to', async () => {
		const { readFileSync } = await import('node:fs');
		const script = readFileSync('static/live/callback/callback.js', 'utf8');
		expect(script).toContain(`const CHANNEL = '${LIVE_CHANNEL}';`);
		expect(script).toContain('postMessage(message, location.origin)');
	});
});
