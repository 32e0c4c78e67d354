import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { RFC7636_APPENDIX_B, webCryptoSha256 } from '$lib/pkce';
import { toHex } from '$lib/pkce/pipeline';
import { inspectVerifier, recoverOctets, verifierPipeline } from './inspect';
import { describeSurroundingWhitespace, surroundingWhitespace } from './whitespace';

const vector = RFC7636_APPENDIX_B.verifier;

describe('RFC 7636 §4.1: one precise message for anything typed', () => {
	test.each([
		['', 'Too short by 43 characters: 0 of at least 43.'],
		['abc', 'Too short by 40 characters: 3 of at least 43.'],
		['a'.repeat(42), 'Too short by 1 character: 42 of at least 43.'],
		['a'.repeat(129), 'Too long by 1 character: 129 of at most 128.'],
		[
			'abc+def',
			`The character '+' (standard base64, not base64url) at position 4 is not allowed: a code_verifier uses only A-Z, a-z, 0-9 and "-" "." "_" "~".`
		],
		[
			'ab😀',
			`The character '😀' (U+1F600) at position 3 is not allowed: a code_verifier uses only A-Z, a-z, 0-9 and "-" "." "_" "~".`
		]
	])('%j', (text, message) => {
		expect(inspectVerifier(text).verdict).toEqual({ tone: 'bad', text: message });
	});

	test('a valid verifier says so, with its length', () => {
		expect(inspectVerifier(vector).verdict).toEqual({
			tone: 'good',
			text: 'A valid code_verifier: 43 characters, all of them unreserved.'
		});
	});

	test('a valid verifier pasted with a trailing line break is pointed out, not trimmed', () => {
		const inspection = inspectVerifier(`${vector}\n`);
		expect(inspection.validation.valid).toBe(false);
		expect(inspection.length).toBe(44);
		expect(inspection.verdict.text).toBe(
			'Your paste has a line break at the end; without it the code_verifier would be valid. Whitespace is not allowed in a code_verifier, and a client that hashes it sends a code_challenge that never matches.'
		);
	});

	test('whitespace at both ends is named at both ends', () => {
		expect(inspectVerifier(`  ${vector}\r\n`).verdict.text).toMatch(
			/^Your paste has 2 × a space at the start and a carriage return and a line break at the end;/
		);
	});

	test('whitespace around an otherwise invalid value gets the validator’s message', () => {
		expect(inspectVerifier(' short ').verdict.text).toMatch(/^The character a space at position 1/);
	});

	test('never throws and never says nothing, for any string', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
				const { verdict, validation } = inspectVerifier(text);
				expect(verdict.text.length).toBeGreaterThan(10);
				expect(verdict.tone === 'good').toBe(validation.valid);
			})
		);
	});
});

describe('whitespace detection', () => {
	test('finds leading and trailing runs, including a no-break and a zero-width space', () => {
		expect(surroundingWhitespace('abc')).toBeUndefined();
		expect(surroundingWhitespace('a b')).toBeUndefined();
		expect(surroundingWhitespace('\u00a0abc\u200b')).toEqual({
			leading: '\u00a0',
			trailing: '\u200b',
			inner: 'abc'
		});
		expect(surroundingWhitespace(' \n')).toEqual({ leading: ' \n', trailing: '', inner: '' });
	});

	test('describes it in words', () => {
		expect(describeSurroundingWhitespace(surroundingWhitespace('abc\n')!)).toBe(
			'Your paste ends with a line break.'
		);
		expect(describeSurroundingWhitespace(surroundingWhitespace('\tabc  ')!)).toBe(
			'Your paste starts with a tab and ends with 2 × a space.'
		);
	});
});

describe('RFC 7636 §4.2: the pipeline of any text', () => {
	test('Appendix B: octets, SHA-256 octets and both challenges', async () => {
		const run = await verifierPipeline(vector, webCryptoSha256);
		expect(run.octets).toEqual(RFC7636_APPENDIX_B.octets);
		expect(run.s256).toBe(RFC7636_APPENDIX_B.challenge);
		expect(run.plain).toBe(vector);
		expect(toHex(run.digest)).toBe(
			Buffer.from(RFC7636_APPENDIX_B.challenge, 'base64url')
				.toString('hex')
				.replace(/(..)(?!$)/g, '$1 ')
		);
	});

	test('keeps the generator’s octets only while the text is unchanged', async () => {
		const known = { text: 'x'.repeat(45), octets: Uint8Array.of(1, 2, 3) };
		expect((await verifierPipeline(known.text, webCryptoSha256, known)).octets).toEqual(
			known.octets
		);
		expect((await verifierPipeline(`${known.text}y`, webCryptoSha256, known)).octets).toBe(
			undefined
		);
	});

	test('recovers octets only from canonical base64url inside the §4.1 grammar', () => {
		expect(recoverOctets(vector)).toEqual(RFC7636_APPENDIX_B.octets);
		expect(recoverOctets('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXl')).toBeUndefined();
		expect(recoverOctets('a.b~'.repeat(11))).toBeUndefined();
		expect(recoverOctets('abc')).toBeUndefined();
	});

	test('hashes invalid text too (what a careless client would send), never throwing', async () => {
		const run = await verifierPipeline(`${vector}\n`, webCryptoSha256);
		expect(run.s256).not.toBe(RFC7636_APPENDIX_B.challenge);
		expect(run.s256).toHaveLength(43);
	});
});
