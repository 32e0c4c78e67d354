import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { base64UrlDecode, base64UrlEncode } from './base64url';
import { computeCodeChallenge } from './challenge';
import { replayRandom } from './random';
import { loadNobleSha256, pickSha256, webCryptoSha256 } from './sha256';
import { describeVerifierProblem } from './describe';
import { VERIFIER_GRAMMAR } from './grammar';
import { isWellFormedCodeChallenge, validateCodeVerifier } from './validate';
import {
	generateCodeVerifier,
	generatedVerifierEntropyBits,
	octetsForVerifierLength
} from './verifier';
import { RFC7636_APPENDIX_B } from './vectors';

const nodeS256 = (verifier: string) =>
	createHash('sha256').update(verifier, 'ascii').digest('base64url');
const UNRESERVED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';
const verifierArb = fc.string({
	unit: fc.constantFrom(...UNRESERVED),
	minLength: 43,
	maxLength: 128
});

describe('RFC 7636 Appendix B', () => {
	test('the example octets base64url-encode to the example code_verifier', () => {
		expect(base64UrlEncode(RFC7636_APPENDIX_B.octets)).toBe(RFC7636_APPENDIX_B.verifier);
	});

	test('generateCodeVerifier draws 32 octets for 43 characters and yields the example verifier', () => {
		const verifier = generateCodeVerifier(43, replayRandom(RFC7636_APPENDIX_B.octets));
		expect(verifier).toBe(RFC7636_APPENDIX_B.verifier);
	});

	test('S256 of the example verifier is the example code_challenge (§4.2)', async () => {
		await expect(computeCodeChallenge(RFC7636_APPENDIX_B.verifier, 'S256')).resolves.toBe(
			RFC7636_APPENDIX_B.challenge
		);
		const noble = await loadNobleSha256();
		await expect(computeCodeChallenge(RFC7636_APPENDIX_B.verifier, 'S256', noble)).resolves.toBe(
			RFC7636_APPENDIX_B.challenge
		);
	});

	test('plain: the code_challenge is the code_verifier (§4.2)', async () => {
		await expect(computeCodeChallenge(RFC7636_APPENDIX_B.verifier, 'plain')).resolves.toBe(
			RFC7636_APPENDIX_B.verifier
		);
	});
});

describe('RFC 7636 §3: base64url without padding', () => {
	test('matches node:crypto base64url for any octets, and decodes back', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 200 }), (octets) => {
				const text = base64UrlEncode(octets);
				expect(text).toBe(Buffer.from(octets).toString('base64url'));
				expect(base64UrlDecode(text)).toEqual(octets);
			})
		);
	});

	test('decode rejects standard base64, padding and impossible lengths', () => {
		expect(base64UrlDecode('ab+/')).toBeUndefined();
		expect(base64UrlDecode('YQ==')).toBeUndefined();
		expect(base64UrlDecode('abcde')).toBeUndefined();
		expect(base64UrlDecode('YR')).toBeUndefined(); // non-zero padding bits
		expect(base64UrlDecode('YQ')).toEqual(Uint8Array.of(0x61));
	});
});

describe('RFC 7636 §4.1: generateCodeVerifier', () => {
	test('every length from 43 to 128 has exactly that many unreserved characters, from the fewest octets', () => {
		for (let length = 43; length <= 128; length++) {
			const octets = octetsForVerifierLength(length);
			expect(base64UrlEncode(new Uint8Array(octets)).length).toBeGreaterThanOrEqual(length);
			expect(base64UrlEncode(new Uint8Array(octets - 1)).length).toBeLessThan(length);
			const verifier = generateCodeVerifier(length);
			expect(verifier).toHaveLength(length);
			expect(validateCodeVerifier(verifier)).toEqual({ valid: true });
		}
	});

	test('43 characters carry the 256 bits of 32 octets (§7.1), 128 characters 768 bits', () => {
		expect(octetsForVerifierLength(43)).toBe(32);
		expect(generatedVerifierEntropyBits(43)).toBe(256);
		expect(generatedVerifierEntropyBits(128)).toBe(768);
	});

	test('each character is 6 bits of the octets, never a remainder (no modulo bias)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 43, max: 128 }),
				fc.infiniteStream(fc.nat(255)),
				(length, bytes) => {
					const octets = Uint8Array.from(bytes.take(octetsForVerifierLength(length)));
					const verifier = generateCodeVerifier(length, replayRandom(octets));
					expect(verifier).toBe(Buffer.from(octets).toString('base64url').slice(0, length));
				}
			)
		);
	});

	test('lengths outside 43..128 are refused with the section to read', () => {
		expect(() => generateCodeVerifier(42)).toThrow(/43 to 128.*RFC 7636 §4\.1/);
		expect(() => generateCodeVerifier(129)).toThrow(RangeError);
		expect(() => generateCodeVerifier(50.5)).toThrow(RangeError);
	});
});

describe('RFC 7636 §4.2: S256 equals node:crypto SHA-256', () => {
	test('for random octets turned into verifiers', async () => {
		await fc.assert(
			fc.asyncProperty(fc.uint8Array({ minLength: 32, maxLength: 32 }), async (octets) => {
				const verifier = generateCodeVerifier(43, replayRandom(octets));
				expect(await computeCodeChallenge(verifier, 'S256')).toBe(nodeS256(verifier));
			})
		);
	});

	test('for random valid verifiers, and the challenge is always 43 well-formed characters', async () => {
		await fc.assert(
			fc.asyncProperty(verifierArb, async (verifier) => {
				const challenge = await computeCodeChallenge(verifier, 'S256');
				expect(challenge).toBe(nodeS256(verifier));
				expect(isWellFormedCodeChallenge(challenge, 'S256')).toBe(true);
			})
		);
	});

	test('the @noble/hashes fallback and WebCrypto always agree', async () => {
		const noble = await loadNobleSha256();
		await fc.assert(
			fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (data) => {
				expect(await noble.digest(data)).toEqual(await webCryptoSha256.digest(data));
			})
		);
	});

	test('pickSha256 uses WebCrypto when crypto.subtle exists, the fallback when it does not', async () => {
		expect((await pickSha256()).name).toBe('WebCrypto');
		expect((await pickSha256({})).name).toBe('@noble/hashes');
	});
});

describe('RFC 7636 §4.1: validateCodeVerifier', () => {
	const grammar = /^[A-Za-z0-9\-._~]{43,128}$/;

	test('the grammar the workbench shows is §4.1’s, with the limits and characters checked here', () => {
		expect(VERIFIER_GRAMMAR).toBe(
			'code-verifier = 43*128unreserved\nunreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"'
		);
		for (const c of '-._~') expect(validateCodeVerifier(c.repeat(43)).valid).toBe(true);
	});

	test('accepts exactly the §4.1 grammar, for strings of any characters and lengths 0..200', () => {
		const mixed = fc.oneof(
			fc.string({ unit: fc.constantFrom(...UNRESERVED), maxLength: 200 }),
			fc.string({ unit: 'grapheme', maxLength: 200 }),
			fc.string({ unit: 'binary', maxLength: 200 }),
			fc
				.tuple(verifierArb, fc.nat(128), fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }))
				.map(([v, at, c]) => v.slice(0, at % v.length) + c + v.slice(at % v.length))
		);
		fc.assert(
			fc.property(mixed, (value) => {
				const result = validateCodeVerifier(value);
				expect(result.valid).toBe(grammar.test(value));
				if (!result.valid) expect(describeVerifierProblem(result.problem)).not.toBe('');
			}),
			{ numRuns: 2000 }
		);
	});

	test('names the length problem precisely', () => {
		expect(validateCodeVerifier('a'.repeat(40))).toEqual({
			valid: false,
			problem: { kind: 'too-short', length: 40, missing: 3 }
		});
		expect(validateCodeVerifier('')).toEqual({
			valid: false,
			problem: { kind: 'too-short', length: 0, missing: 43 }
		});
		expect(validateCodeVerifier('a'.repeat(130))).toEqual({
			valid: false,
			problem: { kind: 'too-long', length: 130, extra: 2 }
		});
		expect(validateCodeVerifier('a'.repeat(42))).toMatchObject({ problem: { missing: 1 } });
		expect(validateCodeVerifier('a'.repeat(43)).valid).toBe(true);
		expect(validateCodeVerifier('a'.repeat(128)).valid).toBe(true);
	});

	test('names the first character outside unreserved and its 1-based position, by code point', () => {
		expect(validateCodeVerifier('abc def')).toEqual({
			valid: false,
			problem: { kind: 'invalid-character', character: ' ', position: 4 }
		});
		expect(validateCodeVerifier('😀x+')).toEqual({
			valid: false,
			problem: { kind: 'invalid-character', character: '😀', position: 1 }
		});
		expect(validateCodeVerifier('ab😀+')).toMatchObject({
			problem: { character: '😀', position: 3 }
		});
	});

	test('messages are one friendly sentence', () => {
		expect(describeVerifierProblem({ kind: 'too-short', length: 42, missing: 1 })).toBe(
			'Too short by 1 character: 42 of at least 43.'
		);
		expect(describeVerifierProblem({ kind: 'too-long', length: 131, extra: 3 })).toBe(
			'Too long by 3 characters: 131 of at most 128.'
		);
		expect(
			describeVerifierProblem({ kind: 'invalid-character', character: '\n', position: 44 })
		).toMatch(/^The character a line break at position 44 is not allowed/);
		expect(
			describeVerifierProblem({ kind: 'invalid-character', character: '+', position: 2 })
		).toContain('standard base64');
		expect(
			describeVerifierProblem({ kind: 'invalid-character', character: 'é', position: 2 })
		).toContain("'é' (U+00E9)");
	});
});

describe('isWellFormedCodeChallenge', () => {
	test('S256 challenges are 43 base64url characters of a 32-octet digest', () => {
		expect(isWellFormedCodeChallenge(RFC7636_APPENDIX_B.challenge, 'S256')).toBe(true);
		expect(isWellFormedCodeChallenge(RFC7636_APPENDIX_B.challenge.slice(1), 'S256')).toBe(false);
		expect(isWellFormedCodeChallenge('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cN', 'S256')).toBe(
			false
		);
		expect(isWellFormedCodeChallenge('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM', 'S256')).toBe(
			false
		);
	});

	test('plain challenges follow the verifier grammar', () => {
		expect(isWellFormedCodeChallenge(RFC7636_APPENDIX_B.verifier, 'plain')).toBe(true);
		expect(isWellFormedCodeChallenge('short', 'plain')).toBe(false);
	});
});
