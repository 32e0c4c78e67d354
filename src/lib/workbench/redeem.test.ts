import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { RFC7636_APPENDIX_B } from '$lib/pkce';
import { testVectorEnvironment } from '$lib/protocol/environment';
import { startRedeemSession } from './redeem';
import { runFailureMode } from './failures';

const errorOf = (exchange: { response: { json?: Record<string, unknown> } }) =>
	exchange.response.json?.error;

describe('redeem with your guess (RFC 7636 §4.6 against the simulated server)', () => {
	test('Appendix B: the secret verifier is the test vector, the code is bound to its challenge', async () => {
		const session = await startRedeemSession(testVectorEnvironment());
		expect(session.reveal()).toBe(RFC7636_APPENDIX_B.verifier);
		expect(session.code_challenge).toBe(RFC7636_APPENDIX_B.challenge);
		expect(session.authorizationRequest).toContain('code_challenge_method=S256');
	});

	test('§4.6: a wrong guess, the challenge, no verifier and a plain downgrade all get invalid_grant', async () => {
		const session = await startRedeemSession(testVectorEnvironment());
		const guess = await session.redeem({
			kind: 'guess',
			code_verifier: 'a'.repeat(43)
		});
		expect(guess.response.status).toBe(400);
		expect(errorOf(guess)).toBe('invalid_grant');
		expect(guess.request.form).toContainEqual(['code_verifier', 'a'.repeat(43)]);
		for (const kind of ['challenge', 'missing', 'plain'] as const) {
			expect(errorOf(await session.redeem({ kind })), kind).toBe('invalid_grant');
		}
		expect(errorOf(await session.redeem({ kind: 'guess', code_verifier: '' }))).toBe(
			'invalid_grant'
		);
	});

	test('§4.6 then RFC 6749 §4.1.2: the real verifier gets a token, once; a second use is refused', async () => {
		const session = await startRedeemSession(testVectorEnvironment());
		const right = await session.redeem({ kind: 'guess', code_verifier: session.reveal() });
		expect(right.response.status).toBe(200);
		expect(right.response.json?.access_token).toEqual(expect.any(String));
		expect(right.response.headers).toContainEqual(['Cache-Control', 'no-store']);
		expect(errorOf(await session.redeem({ kind: 'client' }))).toBe('invalid_grant');
	});

	test('§4.1: a malformed guess gets invalid_request', async () => {
		const session = await startRedeemSession(testVectorEnvironment());
		expect(errorOf(await session.redeem({ kind: 'guess', code_verifier: 'short' }))).toBe(
			'invalid_request'
		);
	});

	test('§4.6: for any verifier other than the secret one, redemption fails', async () => {
		const session = await startRedeemSession(testVectorEnvironment());
		await fc.assert(
			fc.asyncProperty(fc.string({ maxLength: 140 }), async (guess) => {
				fc.pre(guess !== session.reveal());
				const { response } = await session.redeem({ kind: 'guess', code_verifier: guess });
				expect(response.status).toBe(400);
			}),
			{ numRuns: 100 }
		);
		expect((await session.redeem({ kind: 'client' })).response.status).toBe(200);
	});
});

describe('what goes wrong', () => {
	test('RFC 7636 §7.1: a Math.random() verifier is too short and the server refuses it', async () => {
		const run = await runFailureMode('math-random', testVectorEnvironment(), () => 0.123456789);
		expect(run.verifier).toBe((0.123456789).toString(36).slice(2));
		expect(run.verdict?.text).toMatch(/^Too short by \d+ characters/);
		expect(errorOf(run.exchange)).toBe('invalid_request');
	});

	test('RFC 7636 §4.1: a 16-character verifier gets invalid_request', async () => {
		const run = await runFailureMode('too-short', testVectorEnvironment(), () => 0.5);
		expect(run.verdict?.text).toBe('Too short by 27 characters: 16 of at least 43.');
		expect(errorOf(run.exchange)).toBe('invalid_request');
	});

	test('RFC 9700 §2.1.1: a server that never checks the verifier gives the attacker a token', async () => {
		const run = await runFailureMode('unchecked-server', testVectorEnvironment(), () => 0.5);
		expect(run.exchange.request.form?.some(([name]) => name === 'code_verifier')).toBe(false);
		expect(run.exchange.response.status).toBe(200);
		expect(run.exchange.response.json?.access_token).toEqual(expect.any(String));
	});

	test('RFC 7636 §4.6: a client that lost its verifier gets invalid_grant', async () => {
		const run = await runFailureMode('lost-verifier', testVectorEnvironment(), () => 0.5);
		expect(errorOf(run.exchange)).toBe('invalid_grant');
		expect(run.verifier).toBeUndefined();
	});
});
