import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeCodeChallenge, generateCodeVerifier, type Sha256 } from '../pkce';
import type { RedeemStrategy } from './attacker';
import { CodeInjection } from './code-injection';
import { deterministicRandom } from './environment';
import { runScenario } from './runner';
import { SCENARIO_IDS } from './scenarios';
import { createWorld, LOOPBACK_PORT, type World, type WorldOptions } from './world';

/** node's synchronous SHA-256 behind the async interface: 10,000 sessions stay fast. */
const nodeSha256: Sha256 = {
	name: 'WebCrypto',
	digest: async (data) => new Uint8Array(createHash('sha256').update(data).digest())
};

const UNRESERVED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';
const verifierArb = fc.string({
	unit: fc.constantFrom(...UNRESERVED),
	minLength: 43,
	maxLength: 128
});

function world(seed: number, options: WorldOptions = {}): World {
	return createWorld(
		{ random: deterministicRandom(seed), sha256: nodeSha256, now: () => 0 },
		options
	);
}

/** One sign-in up to the redirect, with the attacker reading both the request and the response. */
async function intercepted(w: World): Promise<void> {
	await w.client.startSignIn();
	const request = w.browser.navigate(w.client.authorizationUrl());
	w.attacker.readAuthorizationRequest(request.url);
	const location = w.browser.receive(await w.send(request, { user: w.browser.user }));
	if (!location) throw new Error('no redirect');
	w.attacker.observeRedirect(location);
	expect(w.client.receiveCallback(location).accepted).toBe(true);
}

const REDEEM: RedeemStrategy[] = ['no-verifier', 'guessed-verifier', 'challenge-as-verifier'];

describe('property: with S256 required, no attacker strategy ever obtains a token', () => {
	test('10,000 random sessions: no verifier, guessed, challenge-as-verifier, inject, replay', async () => {
		await fc.assert(
			fc.asyncProperty(fc.integer(), fc.boolean(), async (seed, clientFirst) => {
				const w = world(seed);
				await intercepted(w);
				const statuses: number[] = [];
				const attack = async () => {
					for (const strategy of REDEEM) {
						statuses.push((await w.attacker.redeemStolenCode(strategy, w.send)).response.status);
					}
				};
				if (clientFirst) {
					expect((await w.client.redeem(w.send)).response.status).toBe(200);
					await attack(); // replays of the used code
				} else {
					await attack();
					const moves = new CodeInjection(w.attacker);
					await moves.startOwnSession(w.send, LOOPBACK_PORT);
					moves.injectStolenCode();
					statuses.push((await moves.redeemInjectedCode(w.send)).response.status);
					expect((await w.client.redeem(w.send)).response.status).toBe(200);
					await attack(); // and once more after the client, as replays
				}
				expect(statuses.every((status) => status === 400)).toBe(true);
				expect(w.attacker.knowledge().access_token).toBeUndefined();
				expect((await w.attacker.callMcp(w.send)).response.status).toBe(401);
				expect((await w.client.callMcp(w.send)).response.status).toBe(200);
			}),
			{ numRuns: 10_000 }
		);
	}, 60_000);
});

describe('property: without PKCE, interception succeeds every time', () => {
	test('the attacker who redeems first always gets a token the MCP server accepts', async () => {
		await fc.assert(
			fc.asyncProperty(fc.integer(), async (seed) => {
				const w = world(seed, { policy: { pkceRequired: false }, pkce: 'none' });
				await intercepted(w);
				expect((await w.attacker.redeemStolenCode('no-verifier', w.send)).response.status).toBe(
					200
				);
				expect((await w.attacker.callMcp(w.send)).response.status).toBe(200);
				expect((await w.client.redeem(w.send)).response.json?.error).toBe('invalid_grant');
			}),
			{ numRuns: 1_000 }
		);
	});
});

/** A fresh strict server with one code bound to the S256 challenge of `verifier`. */
async function boundCode(seed: number, verifier: string) {
	const w = world(seed);
	const challenge = await computeCodeChallenge(verifier, 'S256', nodeSha256);
	const url = new URL(String(w.as.metadata().authorization_endpoint));
	url.search = new URLSearchParams({
		response_type: 'code',
		client_id: 'notes-mcp-cli',
		redirect_uri: w.client.redirectUri,
		code_challenge: challenge,
		code_challenge_method: 'S256'
	}).toString();
	const result = w.as.authorize(url.href);
	if (result.kind !== 'redirect') throw new Error('no redirect');
	const code = new URL(result.location).searchParams.get('code')!;
	const redeem = (code_verifier?: string) =>
		w.as.token({
			grant_type: 'authorization_code',
			code,
			redirect_uri: w.client.redirectUri,
			client_id: 'notes-mcp-cli',
			...(code_verifier !== undefined && { code_verifier })
		});
	return { w, redeem };
}

describe('property: RFC 7636 §4.6, any verifier other than the bound one is refused', () => {
	test('well-formed wrong verifiers get invalid_grant; the right one still redeems afterwards', async () => {
		await fc.assert(
			fc.asyncProperty(fc.integer(), verifierArb, verifierArb, async (seed, bound, other) => {
				fc.pre(bound !== other);
				const { redeem } = await boundCode(seed, bound);
				const refused = await redeem(other);
				expect(refused.status).toBe(400);
				expect(refused.json?.error).toBe('invalid_grant');
				expect((await redeem(bound)).status).toBe(200);
			}),
			{ numRuns: 2_000 }
		);
	});

	test('any string at all, well-formed or not, is refused unless it is the bound verifier', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer(),
				fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })),
				async (seed, attempt) => {
					const bound = generateCodeVerifier(43, deterministicRandom(seed));
					fc.pre(attempt !== bound);
					const { redeem } = await boundCode(seed, bound);
					const response = await redeem(attempt);
					expect(response.status).toBe(400);
					expect(['invalid_grant', 'invalid_request']).toContain(response.json?.error);
				}
			),
			{ numRuns: 2_000 }
		);
	});
});

describe('property: RFC 6749 §4.1.2, codes never redeem twice', () => {
	test('any sequence of attempts yields at most one token, and a valid second use revokes it', async () => {
		const attemptArb = fc.array(fc.constantFrom('right', 'wrong', 'none'), {
			minLength: 1,
			maxLength: 8
		});
		await fc.assert(
			fc.asyncProperty(fc.integer(), attemptArb, async (seed, attempts) => {
				const bound = generateCodeVerifier(43, deterministicRandom(seed));
				const { w, redeem } = await boundCode(seed, bound);
				const wrong = `${bound.slice(0, -1)}${bound.endsWith('A') ? 'B' : 'A'}`;
				const tokens: string[] = [];
				let rightAfterToken = false;
				for (const attempt of attempts) {
					const verifier = { right: bound, wrong, none: undefined }[attempt];
					const response = await redeem(verifier);
					if (response.status === 200) tokens.push(String(response.json?.access_token));
					else if (attempt === 'right' && tokens.length > 0) rightAfterToken = true;
				}
				expect(tokens.length).toBe(attempts.includes('right') ? 1 : 0);
				const active = tokens.map((token) => w.as.lookupAccessToken(token)?.active);
				expect(active).toEqual(tokens.length ? [!rightAfterToken] : []);
			}),
			{ numRuns: 1_000 }
		);
	});
});

describe('property: RFC 7636 §4.6, a recorded PKCE check is the comparison itself', () => {
	const transform = (verifier: string, method: 'S256' | 'plain') =>
		method === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');

	test('any run of any scenario: passed exactly when the derived value equals the challenge', async () => {
		await fc.assert(
			fc.asyncProperty(fc.integer(), fc.constantFrom(...SCENARIO_IDS), async (seed, id) => {
				const run = await runScenario(id, {
					random: deterministicRandom(seed),
					sha256: nodeSha256,
					now: () => 0
				});
				for (const { check } of run.steps) {
					if (!check?.challenge) continue;
					const { challenge, verifier, derived, passed } = check;
					expect(passed).toBe(derived !== undefined && derived === challenge.value);
					expect(derived).toBe(verifier && transform(verifier, challenge.method));
				}
			}),
			{ numRuns: 300 }
		);
	});
});

describe('property: PKCE does not prove who the client is (MCP 2025-11-25 “Localhost Redirect URI Risks”)', () => {
	test('an app with a borrowed client_id always passes PKCE when approved silently, and never gets a code when the user is asked and declines', async () => {
		await fc.assert(
			fc.asyncProperty(fc.integer(), async (seed) => {
				const run = await runScenario('impersonation', {
					random: deterministicRandom(seed),
					sha256: nodeSha256,
					now: () => 0
				});
				const silent = run.steps.filter((s) => s.phase === 'auto-approve');
				const asked = run.steps.filter((s) => s.phase === 'ask-first');
				const redeem = silent.find((s) => s.id === 'auto-approve-impersonator-redeems');
				expect(redeem?.check?.passed).toBe(true);
				expect(redeem?.response?.status).toBe(200);
				for (const s of asked) {
					expect(s.knowledge.attacker.code).toBeUndefined();
					expect(s.knowledge.attacker.access_token).toBeUndefined();
				}
				expect(asked.at(-1)?.outcome).toBe('attacker-fails');
			}),
			{ numRuns: 200 }
		);
	});
});
