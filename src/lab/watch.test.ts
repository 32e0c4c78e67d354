/**
 * Watch against real clients: the official TypeScript SDK's MCP client, and a hand-written bad
 * one, run against the real lab; the lab's record, and what Watch finds in it (src/lib/watch).
 * The checks are the page's own; a test asserts what they find, never tunes them to a client.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { computeCodeChallenge } from '$lib/pkce';
import { isKnownCitation } from '$lib/content/sources';
import { MODE_TEXT } from '$lib/content/watch';
import { findingsOf } from '$lib/watch/analyze';
import { sessionsOf } from '$lib/watch/report';
import { watchSteps } from '$lib/watch/steps';
import { WATCH_MODES as PAGE_MODES, type RecordedExchange } from '$lib/watch/types';
import { startLab } from './lab.js';
import { WATCH_MODES } from './recorder.js';
import { runSdkClient } from './sdk-client.harness';
import { signInThroughPages } from './sign-in.harness';

/** What the lab's `whoami` tool answers a signed-in client. */
const WHOAMI = /^You are alice, calling through the client \S+, with the scope mcp:tools\.$/;
const SITE = 'http://127.0.0.1:4173/';
const s256 = (text: string) => computeCodeChallenge(text, 'S256');
let lab: Awaited<ReturnType<typeof startLab>> | undefined;
afterEach(async () => {
	await lab?.close();
	lab = undefined;
});

async function labIn(mode: (typeof WATCH_MODES)[number]) {
	lab = await startLab({ asPort: 0, mcpPort: 0, sites: [SITE] });
	lab.recorder.setMode(mode);
	return lab;
}

/** The findings of the last session, against the current MCP revision. */
async function lastFindings(exchanges: RecordedExchange[]) {
	const sessions = sessionsOf(exchanges);
	const last = sessions.at(-1) ?? [];
	const earlier = sessions.slice(0, -1).flat();
	const findings = await findingsOf(last, { revision: '2026-07-28', s256 }, earlier);
	// Every finding cites, and only sections the site may cite (src/lib/content/sources.ts).
	for (const finding of findings) {
		expect(finding.cites.length, finding.check).toBeGreaterThan(0);
		for (const cite of finding.cites)
			expect(isKnownCitation(cite), JSON.stringify(cite)).toBe(true);
	}
	return findings;
}
const statusOf = (findings: Awaited<ReturnType<typeof findingsOf>>) =>
	findings.map((f) => `${f.check}:${f.status}`);
/** What the record shows, one line per message: who sent what where, and the answer. */
const flow = (exchanges: RecordedExchange[]) =>
	exchanges
		.filter((e) => !/^\/auth\/./.test(new URL(e.request.url).pathname))
		.map(
			(e) =>
				`${e.from} ${e.request.method} ${e.server}${new URL(e.request.url).pathname} ${e.response.status}`
		);

describe('the lab records an MCP client (the official TypeScript SDK)', () => {
	test('the page and the lab share one list of modes; each is described, citing only known sections', () => {
		// One list (src/lab/defaults.js) for the lab and the page.
		expect(PAGE_MODES).toBe(WATCH_MODES);
		expect(Object.keys(MODE_TEXT)).toEqual([...WATCH_MODES]);
		for (const mode of WATCH_MODES) {
			for (const cite of MODE_TEXT[mode].cites) expect(isKnownCitation(cite)).toBe(true);
		}
	});

	test('a whole flow, in order, and every check passes', async () => {
		const { mcpUrl, recorder } = await labIn('normal');
		const run = await runSdkClient(mcpUrl);
		expect(run.error).toBeUndefined();
		expect(run.answer).toMatch(WHOAMI);
		const exchanges = recorder.exchanges as RecordedExchange[];
		// SDK 1.32's flow as the lab saw it (the sign-in pages' hops left out): discovery, its own
		// registration, the browser at /auth, discovery again in finishAuth, the code's redemption,
		// then the MCP session (initialize, initialized, the SSE probe this stateless server
		// refuses, the tool call).
		expect(flow(exchanges)).toEqual([
			'client POST mcp/mcp 401',
			'client GET mcp/.well-known/oauth-protected-resource/mcp 200',
			'client GET as/.well-known/oauth-authorization-server 200',
			'client POST as/reg 201',
			'browser GET as/auth 303',
			'client GET mcp/.well-known/oauth-protected-resource/mcp 200',
			'client GET as/.well-known/oauth-authorization-server 200',
			'client POST as/token 200',
			'client POST mcp/mcp 200',
			'client POST mcp/mcp 202',
			'client GET mcp/mcp 405',
			'client POST mcp/mcp 200'
		]);
		expect(flow(exchanges)).toContain('client POST as/token 200');
		expect(new Set(exchanges.map((e) => e.session))).toEqual(new Set([1]));
		const findings = await lastFindings(exchanges);
		expect(statusOf(findings).filter((s) => !s.endsWith(':pass'))).toEqual([]);
		expect(statusOf(findings)).toEqual(
			expect.arrayContaining([
				'resource-metadata:pass',
				'as-metadata:pass',
				'pkce-method:pass',
				'fresh-verifier:pass',
				'state:pass',
				'redirect-loopback:pass',
				'resource-authorize:pass',
				'verifier-shape:pass',
				'verifier-matches:pass',
				'resource-token:pass',
				'bearer:pass'
			])
		);
		// The state is the harness's (SDK 1.32 takes it from the provider), and so is its check.
		expect(run.callback).toMatchObject({ state: true });
		// The diagram's steps: the token step carries the check the server made, recomputed.
		const steps = await watchSteps(exchanges, findings, { s256 });
		const token = steps.find((s) => s.action === 'token');
		expect(token?.check).toMatchObject({ passed: true });
		expect(token?.check?.derived).toBe(token?.check?.challenge?.value);
		expect(steps.map((s) => s.from)).toContain('browser');
	});

	test('metadata without code_challenge_methods_supported: the SDK goes on, and Watch reports the 2025-11-25 violation', async () => {
		const { mcpUrl, issuer, recorder } = await labIn('no-pkce-metadata');
		// Both copies of the metadata lose the field: the authorization server's and the MCP
		// server's (the SDK's mcpAuthMetadataRouter).
		const own = await (await fetch(`${issuer}/.well-known/oauth-authorization-server`)).json();
		const copy = await (
			await fetch(new URL('/.well-known/oauth-authorization-server', mcpUrl))
		).json();
		expect(own).not.toHaveProperty('code_challenge_methods_supported');
		expect(copy).not.toHaveProperty('code_challenge_methods_supported');
		expect(own.authorization_endpoint).toBe(`${issuer}/auth`);
		// The playground's own Live mode (its site's origin) always meets a lab that behaves.
		const live = await (
			await fetch(`${issuer}/.well-known/oauth-authorization-server`, {
				headers: { origin: 'http://127.0.0.1:4173' }
			})
		).json();
		expect(live.code_challenge_methods_supported).toEqual(['S256']);
		recorder.newSession();
		const run = await runSdkClient(mcpUrl);
		expect(run.answer).toMatch(WHOAMI); // SDK 1.32 checks the field only when it is present
		const findings = await lastFindings(recorder.exchanges as RecordedExchange[]);
		expect(statusOf(findings)).toContain('pkce-support-checked:fail');
		const finding = findings.find((f) => f.check === 'pkce-support-checked');
		expect(finding?.cites).toContainEqual({
			spec: 'MCP 2025-11-25',
			section: 'Authorization Code Protection'
		});
		// Checked against 2025-06-18, which did not yet ask for it: a warning, not a failure.
		const older = await findingsOf(sessionsOf(recorder.exchanges as RecordedExchange[]).at(-1)!, {
			revision: '2025-06-18',
			s256
		});
		expect(statusOf(older)).toContain('pkce-support-checked:warn');
	});

	test("a foreign iss: the harness's listener refuses the code (the SDK never sees iss); without that check, Watch fails it", async () => {
		const { mcpUrl, recorder } = await labIn('wrong-iss');
		const checked = await runSdkClient(mcpUrl);
		expect(checked.callback).toMatchObject({ iss: 'https://issuer.example', issChecked: true });
		expect(checked.error).toMatch(/iss https:\/\/issuer\.example is not/);
		expect(statusOf(await lastFindings(recorder.exchanges as RecordedExchange[]))).toContain(
			'iss-checked:pass'
		);
		recorder.newSession();
		const unchecked = await runSdkClient(mcpUrl, { checkIss: false });
		expect(unchecked.answer).toMatch(WHOAMI);
		expect(statusOf(await lastFindings(recorder.exchanges as RecordedExchange[]))).toContain(
			'iss-checked:fail'
		);
	});

	test('a wrong resource in the protected resource metadata: the SDK refuses it, but only after fetching the server metadata it names', async () => {
		const { mcpUrl, recorder } = await labIn('wrong-resource');
		const run = await runSdkClient(mcpUrl);
		expect(run.answer).toBeUndefined();
		expect(run.error).toMatch(/resource/i);
		expect(statusOf(await lastFindings(recorder.exchanges as RecordedExchange[]))).toContain(
			'resource-validated:fail'
		);
	});

	test('a wrong issuer in the authorization server metadata: SDK 1.32 does not check it, and Watch says so', async () => {
		const { mcpUrl, recorder } = await labIn('wrong-issuer');
		const run = await runSdkClient(mcpUrl);
		expect(run.answer).toMatch(WHOAMI);
		expect(statusOf(await lastFindings(recorder.exchanges as RecordedExchange[]))).toContain(
			'issuer-validated:fail'
		);
	});

	test("attacker mode: the lab's attacker redeems first and is refused; the client still succeeds", async () => {
		const { mcpUrl, recorder } = await labIn('attacker');
		const run = await runSdkClient(mcpUrl);
		expect(run.answer).toMatch(WHOAMI);
		const exchanges = recorder.exchanges as RecordedExchange[];
		const lines = flow(exchanges);
		const attacker = lines.indexOf('attacker POST as/token 400');
		expect(attacker).toBeGreaterThan(-1);
		expect(lines.indexOf('client POST as/token 200')).toBeGreaterThan(attacker);
		const stolen = exchanges.find((e) => e.from === 'attacker');
		expect(stolen?.response.json).toMatchObject({ error: 'invalid_grant' });
		expect(new Map(stolen?.request.form).has('code_verifier')).toBe(false);
		const findings = await lastFindings(exchanges);
		expect(statusOf(findings)).toEqual(
			expect.arrayContaining(['attacker-refused:pass', 'verifier-matches:pass', 'bearer:pass'])
		);
		const steps = await watchSteps(exchanges, findings, { s256 });
		expect(steps.find((s) => s.from === 'attacker')).toMatchObject({
			outcome: 'attacker-fails',
			check: { passed: false }
		});
		const callback = steps.find((s) => s.action === 'callback');
		expect(callback?.knowledge.attacker.code).toBe(callback?.carries.code);
		expect(callback?.carries.code).toMatch(/^[\w-]{20,}$/);
	});
});

describe('sessions', () => {
	test('a refused flow, a new mode, a new run: two sessions, and the second one clean', async () => {
		const { mcpUrl, recorder } = await labIn('wrong-resource');
		expect((await runSdkClient(mcpUrl)).answer).toBeUndefined();
		recorder.setMode('normal'); // as the page does; no "New session" pressed
		expect((await runSdkClient(mcpUrl)).answer).toMatch(WHOAMI);
		const exchanges = recorder.exchanges as RecordedExchange[];
		expect(new Set(exchanges.map((e) => e.session))).toEqual(new Set([1, 2]));
		const findings = await lastFindings(exchanges);
		expect(statusOf(findings).filter((s) => !s.endsWith(':pass'))).toEqual([]);
	});

	test('the same client run again without a new session: a second session, its verifier fresh', async () => {
		const { mcpUrl, recorder } = await labIn('normal');
		await runSdkClient(mcpUrl);
		await runSdkClient(mcpUrl);
		expect(sessionsOf(recorder.exchanges as RecordedExchange[])).toHaveLength(2);
		expect(statusOf(await lastFindings(recorder.exchanges as RecordedExchange[]))).toContain(
			'fresh-verifier:pass'
		);
	});

	test('the same S256 challenge in a later session is a reused verifier', async () => {
		const { mcpUrl, recorder } = await labIn('normal');
		const challenge = await s256('the-same-verifier-every-time-0123456789-abcdefgh');
		for (const state of ['one', 'two']) {
			await fetch(mcpUrl, { method: 'POST', body: '{}' }); // a flow starts with a 401
			const meta = await (
				await fetch(new URL('/.well-known/oauth-authorization-server', mcpUrl))
			).json();
			const client = await (
				await fetch(meta.registration_endpoint, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({
						redirect_uris: ['http://127.0.0.1:8123/callback'],
						token_endpoint_auth_method: 'none',
						client_name: 'Reuses its verifier'
					})
				})
			).json();
			await signInThroughPages(
				`${meta.authorization_endpoint}?${new URLSearchParams({
					response_type: 'code',
					client_id: client.client_id,
					redirect_uri: 'http://127.0.0.1:8123/callback',
					scope: 'mcp:tools',
					state,
					resource: mcpUrl,
					code_challenge: challenge,
					code_challenge_method: 'S256'
				})}`
			);
		}
		const sessions = sessionsOf(recorder.exchanges as RecordedExchange[]);
		expect(sessions).toHaveLength(2);
		const first = await findingsOf(sessions[0]!, { revision: '2026-07-28', s256 });
		expect(statusOf(first)).toContain('fresh-verifier:pass');
		expect(statusOf(await lastFindings(recorder.exchanges as RecordedExchange[]))).toContain(
			'fresh-verifier:fail'
		);
	});
});

describe('a hand-written bad client', () => {
	test('plain, a reused verifier, a localhost redirect and no resource: exactly those findings', async () => {
		const { mcpUrl, issuer, recorder } = await labIn('normal');
		// Discovery done right: 401, protected resource metadata, authorization server metadata.
		const challenge = await fetch(mcpUrl, { method: 'POST', body: '{}' });
		const prmUrl = /resource_metadata="([^"]+)"/.exec(
			challenge.headers.get('www-authenticate') ?? ''
		)?.[1];
		const prm = await (await fetch(prmUrl!)).json();
		const meta = await (
			await fetch(`${prm.authorization_servers[0]}/.well-known/oauth-authorization-server`)
		).json();
		const redirectUri = 'http://localhost:8123/callback';
		const registered = await (
			await fetch(meta.registration_endpoint, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					redirect_uris: [redirectUri],
					token_endpoint_auth_method: 'none',
					grant_types: ['authorization_code'],
					response_types: ['code'],
					client_name: 'Bad client'
				})
			})
		).json();
		// One verifier for every attempt, and no resource anywhere.
		const verifier = 'this-verifier-is-reused-by-a-bad-client-0123456789';
		const authorize = (challenge: string, method: string, state: string) =>
			`${meta.authorization_endpoint}?${new URLSearchParams({
				response_type: 'code',
				client_id: registered.client_id,
				redirect_uri: redirectUri,
				scope: 'mcp:tools',
				state,
				code_challenge: challenge,
				code_challenge_method: method
			})}`;
		const refused = await signInThroughPages(authorize(verifier, 'plain', 'first'));
		expect(refused.searchParams.get('error')).toBe('invalid_request'); // this lab supports S256 only
		const landed = await signInThroughPages(authorize(await s256(verifier), 'S256', 'second'));
		const token = await (
			await fetch(meta.token_endpoint, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({
					grant_type: 'authorization_code',
					code: landed.searchParams.get('code')!,
					redirect_uri: redirectUri,
					client_id: registered.client_id,
					code_verifier: verifier
				})
			})
		).json();
		const call = await fetch(mcpUrl, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${token.access_token}`,
				'content-type': 'application/json',
				accept: 'application/json, text/event-stream'
			},
			body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' })
		});
		expect(call.status).toBe(200);
		expect(issuer).toBe(prm.authorization_servers[0]);

		const findings = await lastFindings(recorder.exchanges as RecordedExchange[]);
		expect(statusOf(findings).filter((s) => !s.endsWith(':pass'))).toEqual([
			'pkce-method:fail',
			'redirect-loopback:warn',
			'resource-authorize:fail',
			'fresh-verifier:fail',
			'redirect-loopback:warn',
			'resource-authorize:fail',
			'resource-token:fail'
		]);
		expect(
			findings.find((f) => f.check === 'fresh-verifier' && f.status === 'fail')?.title
		).toMatch(/an earlier authorization request sent this challenge already/);
	});
});

describe("Watch's endpoints", () => {
	test('the stream replays the record, then follows it; only the sites may read it or change the mode', async () => {
		const { issuer, mcpUrl, recorder } = await labIn('normal');
		await fetch(mcpUrl, { method: 'POST', body: '{}' });
		const controller = new AbortController();
		const stream = await fetch(`${issuer}/lab/watch/events`, {
			headers: { origin: 'http://127.0.0.1:4173' },
			signal: controller.signal
		});
		expect(stream.headers.get('content-type')).toBe('text/event-stream');
		expect(stream.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4173');
		const reader = stream.body!.getReader();
		let text = '';
		while (!text.includes('event: exchange'))
			text += new TextDecoder().decode((await reader.read()).value);
		expect(text).toMatch(/^event: mode\ndata: \{"mode":"normal"/);
		expect(text).toContain(`"mcpUrl":"${mcpUrl}"`);
		expect(text).toContain(`id: ${recorder.id}:1\nevent: exchange\ndata: {"seq":1`);
		controller.abort();

		const set = (mode: string, origin?: string) =>
			fetch(`${issuer}/lab/watch/mode`, {
				method: 'POST',
				headers: { 'content-type': 'text/plain', ...(origin && { origin }) },
				body: mode
			});
		expect((await set('attacker', 'https://elsewhere.example')).status).toBe(403);
		expect(recorder.mode).toBe('normal');
		const unknown = await set('auto-approve', 'http://127.0.0.1:4173');
		expect(unknown.status).toBe(400);
		expect(await unknown.text()).toMatch(/^Unknown mode "auto-approve"; the modes are normal, /);
		expect((await set('attacker', 'http://127.0.0.1:4173')).status).toBe(204);
		expect(recorder.mode).toBe('attacker');
		// The lab's own requests to /lab/… are not a client's.
		expect(recorder.exchanges.every((e) => !e.request.url.includes('/lab/'))).toBe(true);
	});
});
