import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { RFC7636_APPENDIX_B, webCryptoSha256 } from '$lib/pkce';
import { diagnosePair } from './diagnose';

const { verifier, challenge } = RFC7636_APPENDIX_B;
const diagnose = (v: string, c: string) => diagnosePair(v, c, webCryptoSha256);
const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

describe('diagnosing a code_verifier / code_challenge pair', () => {
	test('RFC 7636 §4.2, Appendix B: the example pair matches S256', async () => {
		const d = await diagnose(verifier, challenge);
		expect(d).toMatchObject({ kind: 's256-match', matches: true, details: [] });
	});

	test('RFC 7636 §4.2: a challenge equal to the verifier matches plain', async () => {
		expect((await diagnose(verifier, verifier)).kind).toBe('plain-match');
	});

	test('RFC 7636 §4.2: standard base64, padded or not, is named', async () => {
		const std = digest(verifier).toString('base64');
		expect(std).toMatch(/=$/);
		expect((await diagnose(verifier, std)).kind).toBe('standard-base64');
		expect((await diagnose(verifier, std.replace(/=+$/, ''))).kind).toBe('standard-base64');
	});

	test('RFC 7636 §4.2: a hex digest, in either case, is named', async () => {
		const hex = digest(verifier).toString('hex');
		expect((await diagnose(verifier, hex)).kind).toBe('hex-digest');
		expect((await diagnose(verifier, hex.toUpperCase())).kind).toBe('hex-digest');
	});

	test('RFC 7636 §4.1: a trailing newline or space hashed with the verifier is named', async () => {
		for (const suffix of ['\n', ' ', '\r\n']) {
			const hashed = digest(verifier + suffix).toString('base64url');
			const d = await diagnose(verifier, hashed);
			expect(d.kind, JSON.stringify(suffix)).toBe('whitespace-hashed');
			expect(d.details).toHaveLength(1);
		}
	});

	test('RFC 7636 §4.1: a verifier pasted with a newline whose trimmed form matches is named', async () => {
		const d = await diagnose(`${verifier}\n`, challenge);
		expect(d.kind).toBe('whitespace-hashed');
		expect(d.details[0]).toContain('a line break');
	});

	test('whitespace around the pasted challenge is pointed out and ignored', async () => {
		const d = await diagnose(verifier, ` ${challenge}\n`);
		expect(d.kind).toBe('s256-match');
		expect(d.details[0]).toMatch(/^The challenge you pasted has whitespace around it/);
	});

	test('RFC 7636 §4.3/§4.5: swapped values are named', async () => {
		expect((await diagnose(challenge, verifier)).kind).toBe('swapped');
	});

	test('RFC 7636 §4.1: a verifier outside the grammar is named with the validator’s message', async () => {
		const d = await diagnose('too-short', challenge);
		expect(d.kind).toBe('invalid-verifier');
		expect(d.details).toEqual(['Too short by 34 characters: 9 of at least 43.']);
		const hashed = await diagnose('short', digest('short').toString('base64url'));
		expect(hashed.kind).toBe('invalid-verifier');
		expect(hashed.details[0]).toMatch(/the challenge matches/);
	});

	test('RFC 7636 §4.6: any other valid verifier is a different verifier', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.string({
					unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-._~'),
					minLength: 43,
					maxLength: 128
				}),
				async (other) => {
					fc.pre(other !== verifier);
					const d = await diagnose(other, challenge);
					expect(d.kind).toBe('different-verifier');
					expect(d.matches).toBe(false);
				}
			),
			{ numRuns: 50 }
		);
	});

	test('a malformed challenge is pointed out, and empty input asks for both values', async () => {
		const d = await diagnose(verifier, 'nope');
		expect(d.kind).toBe('different-verifier');
		expect(d.details[0]).toContain('it has 4');
		expect((await diagnose('', challenge)).kind).toBe('incomplete');
		expect((await diagnose(verifier, '  ')).kind).toBe('incomplete');
	});
});
