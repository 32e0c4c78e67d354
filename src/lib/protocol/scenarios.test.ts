import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { RFC7636_APPENDIX_B, type Sha256 } from '../pkce';
import { deterministicRandom, testVectorEnvironment } from './environment';
import { REVISION_DEPENDENT } from './client-rules';
import { MCP_REVISIONS, type McpRevision } from './revisions';
import { runScenario } from './runner';
import { carriesOf } from './timeline';
import { SCENARIO_IDS } from './scenarios';
import { ACTOR_IDS, type ScenarioId, type ScenarioRun, type Step } from './types';

const nodeSha256: Sha256 = {
	name: 'WebCrypto',
	digest: async (data) => new Uint8Array(createHash('sha256').update(data).digest())
};
const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

const IDS = [...SCENARIO_IDS];
const runs = new Map<ScenarioId, ScenarioRun>();
async function run(id: ScenarioId): Promise<ScenarioRun> {
	if (!runs.has(id)) runs.set(id, await runScenario(id, testVectorEnvironment()));
	return runs.get(id)!;
}
function step(r: ScenarioRun, id: string): Step {
	const found = r.steps.find((s) => s.id === id);
	if (!found)
		throw new Error(`${r.scenario} has no step ${id}: ${r.steps.map((s) => s.id).join(', ')}`);
	return found;
}
const status = (r: ScenarioRun, id: string) => step(r, id).response?.status;
const headerOf = (response: { headers: readonly (readonly [string, string])[] }, name: string) =>
	response.headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1] ?? '';
const error = (r: ScenarioRun, id: string) => step(r, id).response?.json?.error;

describe('scenario outcomes', () => {
	test('s256 (RFC 7636 §1, case 4a): the attacker gets invalid_grant twice; the client signs in', async () => {
		const r = await run('s256');
		expect(error(r, 'token-attacker-no-verifier')).toBe('invalid_grant');
		expect(error(r, 'token-attacker-guess')).toBe('invalid_grant');
		expect(status(r, 'token-client')).toBe(200);
		expect(status(r, 'mcp-call')).toBe(200);
		expect(r.steps.filter((s) => s.outcome === 'attacker-wins')).toEqual([]);
	});

	test('hijack (RFC 8252 §8.1): only the attacker has the code, cannot redeem it, and the retry works', async () => {
		const r = await run('hijack');
		const taken = step(r, 'attacker-hijacks');
		expect(taken.knowledge.client.code).toBeUndefined();
		expect(taken.knowledge.attacker.code).toBe(taken.carries.code);
		expect(error(r, 'token-attacker-no-verifier')).toBe('invalid_grant');
		expect(error(r, 'token-attacker-guess')).toBe('invalid_grant');
		expect(status(r, 'retry-token-client')).toBe(200);
		expect(status(r, 'retry-mcp-call')).toBe(200);
		expect(step(r, 'retry-make-verifier').carries.code_verifier).not.toBe(
			RFC7636_APPENDIX_B.verifier
		);
	});

	test('no-pkce: the attacker redeems and reads the data; the client’s valid replay revokes it (RFC 6749 §4.1.2)', async () => {
		const r = await run('no-pkce');
		expect(step(r, 'token-attacker-no-verifier').outcome).toBe('attacker-wins');
		expect(step(r, 'mcp-attacker').outcome).toBe('attacker-wins');
		expect(JSON.stringify(step(r, 'mcp-attacker').response?.json)).toContain('alice');
		expect(error(r, 'token-client')).toBe('invalid_grant');
		expect(status(r, 'mcp-attacker-revoked')).toBe(401);
		expect(r.steps.some((s) => s.carries.code_verifier || s.carries.code_challenge)).toBe(false);
	});

	test('plain (RFC 7636 §1 case 4b, §7.2): the attacker learns the verifier and wins; against S256 it fails', async () => {
		const r = await run('plain');
		const read = step(r, 'attacker-reads-request');
		expect(read.knowledge.attacker.code_verifier).toBe(read.knowledge.client.code_verifier);
		expect(step(r, 'token-attacker-challenge').outcome).toBe('attacker-wins');
		expect(step(r, 'mcp-attacker').outcome).toBe('attacker-wins');
		const strong = step(r, 's256-attacker-reads-request');
		expect(strong.knowledge.attacker.code_verifier).toBeUndefined();
		expect(strong.knowledge.attacker.code_challenge).toBe(strong.knowledge.client.code_challenge);
		expect(error(r, 's256-token-attacker-challenge')).toBe('invalid_grant');
		expect(status(r, 's256-token-client')).toBe(200);
		expect(new Set(r.steps.map((s) => s.phase)).size).toBe(2);
	});

	test('downgrade (RFC 9700 §4.8): lax server wins for the attacker; state, §4.8.2 and required PKCE each stop it', async () => {
		const r = await run('downgrade');
		expect(status(r, 'lax-token-client')).toBe(200);
		expect(step(r, 'lax-mcp-call').outcome).toBe('attacker-wins');
		expect(JSON.stringify(step(r, 'lax-mcp-call').response?.json)).toContain('mallory');
		expect(step(r, 'lax-callback').knowledge.client.code).toBe(
			step(r, 'lax-attacker-authorize').knowledge.attacker.code
		);
		expect(step(r, 'state-callback').outcome).toBe('attacker-fails');
		expect(r.steps.some((s) => s.id === 'state-token-client')).toBe(false);
		// RFC 9700 §4.8.2 names no code; OAuth 2.1 (-15) §3.2.4 lists this case under invalid_request
		expect(error(r, 'rfc9700-token-client')).toBe('invalid_request');
		const required = step(r, 'required-attacker-authorize');
		const location = new URL(required.response!.headers.find(([n]) => n === 'Location')![1]);
		expect(location.searchParams.get('error')).toBe('invalid_request');
		expect(location.searchParams.get('code')).toBeNull();
		expect(new Set(r.steps.map((s) => s.phase)).size).toBe(4);
	});

	test('replay (OAuth 2.1 draft -15 §7.5.2, Reuse of Authorization Codes): refused, and the client’s token survives', async () => {
		const r = await run('replay');
		expect(status(r, 'token-client')).toBe(200);
		expect(error(r, 'token-attacker-replay')).toBe('invalid_grant');
		expect(status(r, 'mcp-call-again')).toBe(200);
	});

	test('injection (RFC 9700 §4.5): the injected code with the attacker’s own verifier -> invalid_grant', async () => {
		const r = await run('injection');
		expect(step(r, 'inject-code').carries.code).toBe(step(r, 'attacker-observes').carries.code);
		expect(error(r, 'token-injected')).toBe('invalid_grant');
		const sent = step(r, 'token-injected').carries.code_verifier;
		expect(sent).toBeDefined();
		expect(sent).not.toBe(RFC7636_APPENDIX_B.verifier);
		expect(status(r, 'token-client')).toBe(200);
	});

	test('mcp-discovery (MCP 2025-11-25): refuses without code_challenge_methods_supported, proceeds with S256', async () => {
		const r = await run('mcp-discovery');
		const unauthorized = step(r, 'legacy-mcp-unauthorized').response!;
		expect(unauthorized.status).toBe(401);
		expect(unauthorized.headers).toContainEqual([
			'WWW-Authenticate',
			'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp"'
		]);
		expect(step(r, 'legacy-server-metadata').response?.json).not.toHaveProperty(
			'code_challenge_methods_supported'
		);
		expect(step(r, 'legacy-refuse').outcome).toBe('rejected');
		expect(r.steps.filter((s) => s.phase === 'legacy').at(-1)?.id).toBe('legacy-refuse');
		expect(step(r, 'pkce-proceed').outcome).toBe('ok');
		expect(status(r, 'pkce-token-client')).toBe(200);
		expect(status(r, 'pkce-mcp-call')).toBe(200);
	});
});

describe('mix-up (RFC 9700 §4.4, RFC 9207 §2.4): what PKCE does not stop', () => {
	test('without the iss check the client hands the attacker code and verifier; PKCE passes for it', async () => {
		const r = await run('mix-up');
		const forward = step(r, 'no-iss-check-hostile-authorize');
		expect(forward.to).toBe('attacker');
		expect(new URL(forward.request!.url).origin).toBe('https://auth.attacker.example');
		const honest = step(r, 'no-iss-check-authorize-request');
		expect(new URL(honest.request!.url).origin).toBe('https://auth.example.com');
		expect(new URL(honest.request!.url).searchParams.get('code_challenge')).toBe(
			step(r, 'no-iss-check-make-verifier').knowledge.client.code_challenge
		);
		expect(step(r, 'no-iss-check-callback').outcome).toBe('ok');
		const handed = step(r, 'no-iss-check-token-client-mixed-up');
		expect(new URL(handed.request!.url).origin).toBe('https://auth.attacker.example');
		expect(handed.knowledge.attacker.code_verifier).toBe(handed.knowledge.client.code_verifier);
		expect(handed.knowledge.attacker.code).toBe(handed.knowledge.client.code);
		const redeemed = step(r, 'no-iss-check-token-attacker-captured');
		expect(redeemed.response?.status).toBe(200);
		expect(redeemed.check?.passed).toBe(true);
		expect(status(r, 'no-iss-check-mcp-attacker')).toBe(200);
	});

	test('with the iss check the callback is refused and the code reaches no token endpoint', async () => {
		const r = await run('mix-up');
		const back = step(r, 'iss-check-authorize-response');
		const location = new URL(headerOf(back.response!, 'Location'));
		expect(location.searchParams.get('iss')).toBe('https://auth.example.com');
		const callback = step(r, 'iss-check-callback');
		expect(callback.outcome).toBe('rejected');
		expect(callback.reason).toMatch(
			/^iss https:\/\/auth\.example\.com is not https:\/\/auth\.attacker\.example/
		);
		expect(callback.knowledge.client.code).toBeUndefined();
		expect(callback.knowledge.attacker.code).toBeUndefined();
		expect(r.steps.at(-1)?.id).toBe('iss-check-callback');
	});
});

describe('refresh-replay (OAuth 2.1 -15 §4.3.1, RFC 9700 §4.14.2): what PKCE does not stop', () => {
	test('PKCE passes and the client gets a refresh token; rotation hands out a new one each time', async () => {
		const r = await run('refresh-replay');
		expect(step(r, 'token-client').check?.passed).toBe(true);
		const first = step(r, 'token-client').response?.json?.refresh_token;
		const rotated = step(r, 'refresh-client').response?.json?.refresh_token;
		expect(typeof first).toBe('string');
		expect(typeof rotated).toBe('string');
		expect(rotated).not.toBe(first);
		expect(step(r, 'refresh-client').knowledge.client.refresh_token).toBe(rotated);
	});

	test('the attacker’s copy works once; the client’s second use of it revokes the grant', async () => {
		const r = await run('refresh-replay');
		const copied = step(r, 'attacker-copies-refresh').carries.refresh_token;
		expect(copied).toBe(step(r, 'refresh-client').knowledge.client.refresh_token);
		expect(step(r, 'refresh-attacker').outcome).toBe('attacker-wins');
		expect(step(r, 'mcp-attacker').outcome).toBe('attacker-wins');
		expect(step(r, 'refresh-client-replay').carries.refresh_token).toBe(copied);
		expect(error(r, 'refresh-client-replay')).toBe('invalid_grant');
		expect(step(r, 'refresh-client-replay').knowledge.client).not.toHaveProperty('access_token');
		expect(step(r, 'refresh-client-replay').knowledge.client).not.toHaveProperty('refresh_token');
		// Revoking the grant cuts the attacker off too: its access token and its rotated refresh token.
		expect(status(r, 'mcp-attacker-revoked')).toBe(401);
		expect(step(r, 'mcp-attacker-revoked').outcome).toBe('attacker-fails');
		expect(error(r, 'refresh-attacker-revoked')).toBe('invalid_grant');
		expect(step(r, 'refresh-attacker-revoked').carries.refresh_token).toBe(
			step(r, 'refresh-attacker').response?.json?.refresh_token
		);
	});

	test('the client starts over with a new PKCE pair (RFC 7636 §4.1: one verifier per request)', async () => {
		const r = await run('refresh-replay');
		const before = step(r, 'make-verifier').knowledge.client;
		const after = step(r, 'make-verifier-again').knowledge.client;
		expect(after.code_verifier).toBeDefined();
		expect(after.code_verifier).not.toBe(before.code_verifier);
		expect(after.code_challenge).not.toBe(before.code_challenge);
	});
});

describe('impersonation (MCP 2025-11-25 “Localhost Redirect URI Risks”): what PKCE does not stop', () => {
	const CIMD = 'https://notes-cli.example.com/client.json';

	test('the app signs in under the honest client’s client_id, from a loopback port of its own', async () => {
		const r = await run('impersonation');
		const url = new URL(step(r, 'auto-approve-impersonator-opens-browser').request!.url);
		expect(url.searchParams.get('client_id')).toBe(CIMD);
		expect(url.searchParams.get('redirect_uri')).toBe('http://127.0.0.1:49152/callback');
		// The honest client takes no part: nothing of it is stolen or intercepted.
		for (const s of r.steps) expect(s.knowledge.client).toEqual({});
	});

	test('RFC 8252 §8.6 / OAuth 2.1 §7.3.1: a server that re-approves silently issues a code and PKCE passes', async () => {
		const r = await run('impersonation');
		expect(status(r, 'auto-approve-auto-approved')).toBe(302);
		const location = new URL(headerOf(step(r, 'auto-approve-auto-approved').response!, 'Location'));
		expect(location.host).toBe('127.0.0.1:49152');
		expect(location.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random octets
		expect(
			r.steps.some((s) => s.response?.text?.startsWith('Sign in') && s.phase === 'auto-approve')
		).toBe(false);
		const redeem = step(r, 'auto-approve-impersonator-redeems');
		expect(redeem.check?.passed).toBe(true);
		expect(redeem.check?.verifier).toBe(redeem.knowledge.attacker.code_verifier);
		expect(redeem.outcome).toBe('attacker-wins');
		expect(step(r, 'auto-approve-mcp-attacker').outcome).toBe('attacker-wins');
	});

	test('MCP: the server that asks names the redirect host and warns for loopback; the user declines, no code', async () => {
		const r = await run('impersonation');
		const page = step(r, 'ask-first-consent-page').response!;
		expect(page.status).toBe(200);
		expect(page.text).toContain(CIMD);
		expect(page.text).toContain('You will return to 127.0.0.1.');
		expect(page.text).toMatch(/That is this computer, where other apps can listen/);
		const declined = new URL(headerOf(step(r, 'ask-first-user-declines').response!, 'Location'));
		expect(declined.searchParams.get('error')).toBe('access_denied');
		expect(declined.searchParams.has('code')).toBe(false);
		const last = step(r, 'ask-first-impersonator-callback');
		expect(last.outcome).toBe('attacker-fails');
		expect(last.knowledge.attacker).not.toHaveProperty('code');
		expect(last.knowledge.attacker).not.toHaveProperty('access_token');
		expect(r.steps.at(-1)?.id).toBe('ask-first-impersonator-callback');
	});
});

describe('step-up (MCP 2025-11-25 “Scope Challenge Handling”, 2026-07-28)', () => {
	const challengeOf = (s: Step) => headerOf(s.response!, 'WWW-Authenticate');

	test('RFC 6750 §3.1: 403 insufficient_scope names the scope this call needs, and resource_metadata', async () => {
		const r = await run('step-up');
		const denied = step(r, 'more-scope-tool-denied');
		expect(denied.response!.status).toBe(403);
		expect(challengeOf(denied)).toBe(
			'Bearer error="insufficient_scope", scope="notes:write", resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp"'
		);
		expect(denied.outcome).toBe('rejected');
	});

	test('the client signs in again with a new PKCE pair, for the union of its scopes (2026-07-28)', async () => {
		const r = await run('step-up');
		const before = step(r, 'more-scope-tool-denied').knowledge.client;
		const again = step(r, 'more-scope-make-verifier').knowledge.client;
		expect(again.code_verifier).toBeDefined();
		expect(again.code_verifier).not.toBe(before.code_verifier);
		expect(again.code_challenge).not.toBe(before.code_challenge);
		const url = new URL(step(r, 'more-scope-open-browser').request!.url);
		expect(url.searchParams.get('scope')).toBe('notes:read notes:write');
		const token = step(r, 'more-scope-token-client').response!;
		expect(token.json?.scope).toBe('notes:read notes:write');
		const retried = step(r, 'more-scope-tool-retried');
		expect(retried.response!.status).toBe(200);
		expect(retried.outcome).toBe('ok');
		expect(r.steps.filter((s) => s.phase === 'more-scope').at(-1)?.id).toBe(
			'more-scope-tool-retried'
		);
	});

	test('RFC 6749 §3.3: a scope the server does not issue is left out and the response says so; the retry limit ends the call', async () => {
		const r = await run('step-up');
		const url = new URL(step(r, 'never-enough-open-browser').request!.url);
		expect(url.searchParams.get('scope')).toBe('notes:read notes:admin');
		expect(step(r, 'never-enough-token-client').response!.json?.scope).toBe('notes:read');
		const retried = step(r, 'never-enough-tool-retried');
		expect(retried.response!.status).toBe(403);
		expect(challengeOf(retried)).toContain('scope="notes:admin"');
		const last = r.steps.at(-1)!;
		expect(last.id).toBe('never-enough-client-gives-up');
		expect(last.reason).toMatch(/after 1 new sign-in: the client stops/);
		// One new sign-in per call: exactly one verifier step in each phase.
		for (const phase of ['more-scope', 'never-enough']) {
			expect(r.steps.filter((s) => s.phase === phase && s.action === 'make-verifier')).toHaveLength(
				1
			);
		}
	});
});

describe('discovery as MCP 2025-11-25 runs it (RFC 9728 §3, RFC 8414 §3)', () => {
	const path = (s: Step) => new URL(s.request!.url).pathname;

	test('no resource_metadata in the 401: the well-known URLs, path-inserted first; then RFC 8414, then OIDC', async () => {
		const r = await run('discovery');
		const fallback = r.steps.filter((s) => s.phase === 'fallback');
		expect(headerOf(fallback[0]!.response!, 'WWW-Authenticate')).toBe('Bearer');
		expect(
			fallback.filter((s) => s.request?.method === 'GET').map((s) => [path(s), s.response!.status])
		).toEqual([
			['/.well-known/oauth-protected-resource/mcp', 404],
			['/.well-known/oauth-protected-resource', 200],
			['/.well-known/oauth-authorization-server', 404],
			['/.well-known/openid-configuration', 200]
		]);
		expect(fallback.at(-1)!.id).toBe('fallback-proceed');
	});

	test('RFC 9728 §3.3 and RFC 8414 §3.3: a document for another resource or issuer is refused, and nothing follows', async () => {
		const r = await run('discovery');
		const wrongResource = r.steps.filter((s) => s.phase === 'wrong-resource');
		expect(wrongResource.at(-1)!.id).toBe('wrong-resource-refuse-resource');
		expect(wrongResource.at(-1)!.reason).toBe(
			'the metadata is for https://mcp.other.example/mcp, not https://mcp.example.com/mcp'
		);
		expect(wrongResource.some((s) => s.to === 'as')).toBe(false);
		const wrongIssuer = r.steps.filter((s) => s.phase === 'wrong-issuer');
		expect(wrongIssuer.at(-1)!.reason).toBe(
			"the metadata's issuer is https://login.other.example, not https://auth.example.com"
		);
		expect(wrongIssuer.some((s) => s.request?.url.includes('/authorize'))).toBe(false);
		expect(r.steps.at(-1)!.id).toBe('wrong-issuer-refuse-issuer');
	});
});

describe('the MCP revision switch: the client follows the rules of the revision picked', () => {
	const under = (id: ScenarioId, revision: McpRevision) =>
		runScenario(id, testVectorEnvironment(), revision);
	const ids = (r: ScenarioRun) => r.steps.map((s) => s.id);

	test('MCP 2025-11-25 Authorization Code Protection: absent code_challenge_methods_supported -> refuse; a 2025-06-18 client goes on', async () => {
		for (const revision of ['2025-11-25', '2026-07-28'] as const)
			expect(step(await under('mcp-discovery', revision), 'legacy-refuse').outcome).toBe(
				'rejected'
			);
		const old = await under('mcp-discovery', '2025-06-18');
		expect(ids(old)).not.toContain('legacy-refuse');
		expect(step(old, 'legacy-proceed-unchecked').outcome).toBe('info');
	});

	test('MCP 2025-11-25 Authorization Server Discovery: the well-known fallback; a 2025-06-18 client stops at the bare 401', async () => {
		const old = await under('discovery', '2025-06-18');
		expect(step(old, 'fallback-refuse-resource').reason).toMatch(/names no resource_metadata/);
		expect(ids(old)).not.toContain('fallback-resource-metadata');
		const now = await under('discovery', '2025-11-25');
		expect(step(now, 'fallback-resource-metadata-root').response?.status).toBe(200);
		expect(step(now, 'fallback-server-metadata-oidc').response?.status).toBe(200);
	});

	test('MCP 2026-07-28 (RFC 8414 §3.3): only a current client refuses another issuer’s metadata', async () => {
		expect(step(await under('discovery', '2026-07-28'), 'wrong-issuer-refuse-issuer').outcome).toBe(
			'rejected'
		);
		expect(step(await under('discovery', '2025-11-25'), 'wrong-issuer-proceed').outcome).toBe('ok');
		expect(ids(await under('discovery', '2025-06-18'))).toContain('wrong-issuer-proceed-unchecked');
	});

	test('MCP 2026-07-28 (RFC 9207 §2.4): without the iss check, earlier clients end with the attacker’s win', async () => {
		for (const revision of ['2025-06-18', '2025-11-25'] as const) {
			const r = await under('mix-up', revision);
			expect(r.steps.at(-1)!.outcome, revision).toBe('attacker-wins');
			expect(
				ids(r).some((id) => id.startsWith('iss-check')),
				revision
			).toBe(false);
		}
		const now = await under('mix-up', '2026-07-28');
		expect(step(now, 'iss-check-callback').outcome).toBe('rejected');
	});

	test('step-up: none in 2025-06-18, the challenged scope in 2025-11-25 (and notes:read is lost), the union in 2026-07-28', async () => {
		const none = await under('step-up', '2025-06-18');
		expect(ids(none)).toEqual(['more-scope-tool-denied', 'more-scope-client-gives-up']);
		const challenged = await under('step-up', '2025-11-25');
		expect(step(challenged, 'more-scope-token-client').response?.json?.scope).toBe('notes:write');
		expect(step(challenged, 'more-scope-tool-retried').response?.status).toBe(200);
		const lost = step(challenged, 'more-scope-scope-lost');
		expect(lost.response?.status).toBe(403);
		expect(headerOf(lost.response!, 'WWW-Authenticate')).toContain('scope="notes:read"');
		const union = await under('step-up', '2026-07-28');
		expect(step(union, 'more-scope-token-client').response?.json?.scope).toBe(
			'notes:read notes:write'
		);
		expect(ids(union)).not.toContain('more-scope-scope-lost');
	});

	test('where no rule differs, the run is the same under every revision', async () => {
		const differ = new Set<string>(REVISION_DEPENDENT);
		for (const id of IDS) {
			const runs = await Promise.all(MCP_REVISIONS.map((r) => under(id, r)));
			const same = runs.every((r) => ids(r).join() === ids(runs[0]!).join());
			expect(same, id).toBe(!differ.has(id));
		}
	});
});

describe('RFC 7636 §4.6: a token step carries the PKCE check the server performed', () => {
	const check = (r: ScenarioRun, id: string) => {
		const found = step(r, id).check;
		if (!found) throw new Error(`${r.scenario}: ${id} has no check`);
		return found;
	};

	test('s256: the client’s verifier hashes to the Appendix B challenge (RFC 7636 §4.2, Appendix B)', async () => {
		const c = check(await run('s256'), 'token-client');
		expect(c).toEqual({
			challenge: { value: RFC7636_APPENDIX_B.challenge, method: 'S256' },
			verifier: RFC7636_APPENDIX_B.verifier,
			derived: RFC7636_APPENDIX_B.challenge,
			passed: true
		});
		expect(c.derived).toBe(s256(c.verifier!));
	});

	test('s256: no verifier sent, nothing to compare; a guessed one hashes to something else', async () => {
		const r = await run('s256');
		expect(check(r, 'token-attacker-no-verifier')).toEqual({
			challenge: { value: RFC7636_APPENDIX_B.challenge, method: 'S256' },
			passed: false
		});
		const guess = check(r, 'token-attacker-guess');
		expect(guess.challenge?.value).toBe(RFC7636_APPENDIX_B.challenge);
		expect(guess.derived).toBe(s256(guess.verifier!));
		expect(guess.derived).not.toBe(guess.challenge?.value);
		expect(guess.passed).toBe(false);
	});

	test('plain (RFC 7636 §4.2): the verifier itself is compared; under S256 the read challenge hashes away', async () => {
		const r = await run('plain');
		const stolen = check(r, 'token-attacker-challenge');
		expect(stolen.challenge).toEqual({ value: RFC7636_APPENDIX_B.verifier, method: 'plain' });
		expect(stolen.derived).toBe(stolen.verifier);
		expect(stolen.derived).toBe(stolen.challenge?.value);
		expect(stolen.passed).toBe(true);
		// The client's replay passes PKCE and is refused afterwards, as a second use of the code.
		expect(check(r, 'token-client').passed).toBe(true);
		expect(error(r, 'token-client')).toBe('invalid_grant');
		const hashed = check(r, 's256-token-attacker-challenge');
		expect(hashed.verifier).toBe(hashed.challenge?.value);
		expect(hashed.derived).toBe(s256(hashed.verifier!));
		expect(hashed.passed).toBe(false);
	});

	test('downgrade (RFC 9700 §4.8.2): a verifier for a code without a challenge is recorded as such', async () => {
		const r = await run('downgrade');
		const lax = check(r, 'lax-token-client');
		expect(lax.challenge).toBeUndefined();
		expect(lax.derived).toBeUndefined();
		expect(lax.verifier).toBe(RFC7636_APPENDIX_B.verifier);
		expect(lax.passed).toBe(true);
		const refused = check(r, 'rfc9700-token-client');
		expect(refused.challenge).toBeUndefined();
		expect(refused.verifier).toBeDefined();
		expect(refused.passed).toBe(false);
	});

	test('no-pkce: no challenge bound and no verifier sent, so no step has a check', async () => {
		expect((await run('no-pkce')).steps.filter((s) => s.check)).toEqual([]);
	});

	test('replay (OAuth 2.1 draft -15 §7.5.2): the wrong verifier fails PKCE before the reuse check', async () => {
		const r = await run('replay');
		expect(check(r, 'token-client').passed).toBe(true);
		expect(check(r, 'token-attacker-replay').passed).toBe(false);
	});

	test.each(IDS)(
		'%s: only token requests carry a check, and it agrees with the request and the response',
		async (id) => {
			for (const s of (await run(id)).steps) {
				if (!s.check) continue;
				expect(new URL(s.request!.url).pathname, s.id).toBe('/token');
				const sent = s.request!.form!.find(([name]) => name === 'code_verifier')?.[1];
				expect(s.check.verifier, s.id).toBe(sent);
				const { challenge, derived, passed } = s.check;
				if (challenge)
					expect(passed, s.id).toBe(derived !== undefined && derived === challenge.value);
				else expect(derived, s.id).toBeUndefined();
				if (s.response!.status === 200) expect(passed, s.id).toBe(true);
			}
		}
	);
});

describe('who knows what: the knowledge panel is data, so a wrong entry is a bug', () => {
	test('s256: the authorization server holds state and code_challenge from the request on, and the verifier it verified', async () => {
		const r = await run('s256');
		const request = step(r, 'authorize-request');
		// RFC 7636 §4.4: the server keeps the challenge; RFC 6749 §4.1.2: it echoes state
		expect(request.knowledge.as).toEqual({
			state: request.carries.state,
			code_challenge: RFC7636_APPENDIX_B.challenge
		});
		const later = r.steps.slice(r.steps.indexOf(request));
		for (const s of later) expect(s.knowledge.as.state, s.id).toBe(request.carries.state);
		expect(step(r, 'authorize-response').knowledge.as.code).toBe(
			step(r, 'authorize-response').carries.code
		);
		// RFC 7636 §4.6: it receives the verifier and recomputes the challenge from it
		expect(step(r, 'token-attacker-guess').knowledge.as.code_verifier).toBeUndefined();
		expect(step(r, 'token-client').knowledge.as.code_verifier).toBe(RFC7636_APPENDIX_B.verifier);
	});

	test.each(IDS)(
		'%s: a request arrow carries what its request holds, never its response’s values',
		async (id) => {
			for (const s of (await run(id)).steps) {
				if (s.kind !== 'request' || !s.request) continue;
				expect(s.carries, s.id).toEqual(carriesOf({ request: s.request }));
			}
		}
	);

	test('s256 and plain: POST /token carries code_verifier and code, not the access_token it gets back', async () => {
		for (const [id, token] of [
			['s256', 'token-client'],
			['plain', 'token-attacker-challenge']
		] as const) {
			const carried = step(await run(id), token).carries;
			expect(Object.keys(carried).sort(), `${id}/${token}`).toEqual(['code', 'code_verifier']);
		}
	});
});

describe('every scenario', () => {
	test.each(IDS)(
		'%s: the victim’s code_verifier never reaches the browser or the attacker (except plain)',
		async (id) => {
			const r = await run(id);
			const victimVerifiers = new Set(
				r.steps.map((s) => s.knowledge.client.code_verifier).filter(Boolean)
			);
			// RFC 9700 §4.4: in the mix-up the client itself sends its verifier to the attacker's
			// token endpoint; only from that step on, and only in the phase without the iss check.
			const handedOver = r.steps.findIndex((s) => s.id === 'no-iss-check-token-client-mixed-up');
			for (const [i, s] of r.steps.entries()) {
				if (id === 'mix-up' && s.phase === 'no-iss-check' && i >= handedOver) continue;
				for (const lane of ['browser', 'attacker'] as const) {
					const held = Object.values(s.knowledge[lane]);
					const leaked = held.filter((value) => victimVerifiers.has(value));
					if (id === 'plain' && s.phase === 'plain') continue;
					expect(leaked, `${s.id}: ${lane}`).toEqual([]);
					// The impersonating app makes a verifier of its own (MCP, "Localhost Redirect URI
					// Risks"): nothing of the client's; the leak check above still applies to it.
					if (id === 'impersonation' && lane === 'attacker') continue;
					if (id !== 'plain')
						expect(s.knowledge[lane].code_verifier, `${s.id}: ${lane}`).toBeUndefined();
				}
			}
		}
	);

	test.each(IDS)(
		'%s: each code_challenge is the S256 (or plain) of the verifier beside it',
		async (id) => {
			const r = await run(id);
			for (const s of r.steps) {
				const { code_verifier, code_challenge } = s.knowledge.client;
				if (code_verifier && code_challenge) {
					expect([s256(code_verifier), code_verifier]).toContain(code_challenge);
				}
			}
		}
	);

	test.each(IDS)('%s: steps are well-formed data for the UI', async (id) => {
		const r = await run(id);
		expect(r.scenario).toBe(id);
		expect(r.steps.length).toBeGreaterThan(3);
		const lanes = ACTOR_IDS;
		for (const s of r.steps) {
			expect(s.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
			expect(lanes).toContain(s.from);
			expect(lanes).toContain(s.to);
			expect(Object.keys(s.knowledge).sort()).toEqual([...lanes].sort());
			expect(s.kind === 'local').toBe(s.from === s.to);
			if (s.request) expect(() => new URL(s.request!.url)).not.toThrow();
			if (s.response) expect(s.response.statusText).not.toBe('');
			expect(s.action).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
		}
	});

	test('the scenario list matches the loaders and the ScenarioId union', () => {
		expect(IDS).toEqual([
			's256',
			'hijack',
			'no-pkce',
			'plain',
			'downgrade',
			'replay',
			'injection',
			'mcp-discovery',
			'refresh-replay',
			'mix-up',
			'impersonation',
			'step-up',
			'discovery'
		]);
		const index = readFileSync(new URL('./scenarios/index.ts', import.meta.url), 'utf8');
		expect(index).not.toMatch(/^import (?!type).*from '\.\/(?!flow)/m);
	});
});

describe('code regions', () => {
	// Which step shows which region is content, checked by src/lib/content/check.ts.

	test('regions are compact, unique, and not nested', () => {
		for (const file of ['authorization-server', 'client', 'attacker', 'mcp-server', 'browser']) {
			const lines = readFileSync(new URL(`./${file}.ts`, import.meta.url), 'utf8').split('\n');
			let open: { name: string; at: number } | undefined;
			const seen = new Set<string>();
			lines.forEach((line, at) => {
				const marker = /^\s*\/\/ #(region|endregion) (\S+)$/.exec(line);
				if (!marker) return;
				const [, kind, name] = marker;
				if (kind === 'region') {
					expect(open, `${file}: ${name} inside ${open?.name}`).toBeUndefined();
					expect(seen.has(name!), `${file}: ${name} twice`).toBe(false);
					seen.add(name!);
					open = { name: name!, at };
				} else {
					expect(open?.name, `${file}: #endregion ${name}`).toBe(name);
					const length = at - open!.at - 1;
					expect(length, `${file}#${name} has ${length} lines`).toBeGreaterThanOrEqual(3);
					expect(length, `${file}#${name} has ${length} lines`).toBeLessThanOrEqual(30);
					open = undefined;
				}
			});
			expect(open).toBeUndefined();
		}
	});
});

describe('RFC 7636 Appendix B: the test-vector run', () => {
	test.each(IDS)('%s: two runs are deep-equal, byte for byte', async (id) => {
		const a = await runScenario(id, testVectorEnvironment(nodeSha256));
		const b = await runScenario(id, testVectorEnvironment());
		expect(JSON.stringify(a)).toBe(JSON.stringify(b));
		expect(a).toEqual(b);
	});

	test.each(IDS.filter((id) => id !== 'no-pkce' && id !== 'discovery'))(
		'%s: the first verifier and challenge are the Appendix B values',
		async (id) => {
			const r = await run(id);
			// In the impersonation the honest client never signs in: the first verifier is the app's.
			const lane = id === 'impersonation' ? 'attacker' : 'client';
			const first = r.steps.find((s) => s.knowledge[lane].code_verifier);
			expect(first?.knowledge[lane].code_verifier).toBe(RFC7636_APPENDIX_B.verifier);
			if (id !== 'plain') {
				expect(first?.knowledge[lane].code_challenge).toBe(RFC7636_APPENDIX_B.challenge);
			}
		}
	);

	test('s256: the authorization request carries E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', async () => {
		const r = await run('s256');
		const url = new URL(step(r, 'authorize-request').request!.url);
		expect(url.searchParams.get('code_challenge')).toBe(RFC7636_APPENDIX_B.challenge);
		expect(url.searchParams.get('code_challenge_method')).toBe('S256');
		expect(step(r, 'token-client').request!.form).toContainEqual([
			'code_verifier',
			RFC7636_APPENDIX_B.verifier
		]);
	});

	test('a live-style run (other random octets) differs but tells the same story', async () => {
		const live = await runScenario('s256', {
			random: deterministicRandom(99),
			sha256: nodeSha256,
			now: () => 0
		});
		const vector = await run('s256');
		expect(live.steps.map((s) => [s.id, s.outcome])).toEqual(
			vector.steps.map((s) => [s.id, s.outcome])
		);
		expect(live.steps[0]!.carries.code_verifier).not.toBe(RFC7636_APPENDIX_B.verifier);
	});
});
