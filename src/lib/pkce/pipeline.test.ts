import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeCodeChallenge } from './challenge';
import { runPkcePipeline, toHex } from './pipeline';
import { replayRandom } from './random';
import { loadNobleSha256, webCryptoSha256 } from './sha256';
import { RFC7636_APPENDIX_B } from './vectors';

describe('runPkcePipeline', () => {
	test('RFC 7636 Appendix B: octets -> verifier -> challenge, every stage', async () => {
		const run = await runPkcePipeline(replayRandom(RFC7636_APPENDIX_B.octets), webCryptoSha256);
		expect(run.octets).toEqual(RFC7636_APPENDIX_B.octets);
		expect(run.code_verifier).toBe(RFC7636_APPENDIX_B.verifier);
		expect(run.code_challenge).toBe(RFC7636_APPENDIX_B.challenge);
		expect(toHex(run.digest)).toBe(
			Buffer.from(RFC7636_APPENDIX_B.challenge, 'base64url')
				.toString('hex')
				.replace(/(..)(?!$)/g, '$1 ')
		);
		expect(run.sha256).toBe('WebCrypto');
	});

	test('agrees with computeCodeChallenge for any octets and either SHA-256', async () => {
		const noble = await loadNobleSha256();
		await fc.assert(
			fc.asyncProperty(
				fc.uint8Array({ minLength: 32, maxLength: 32 }),
				fc.boolean(),
				async (octets, useNoble) => {
					const run = await runPkcePipeline(
						replayRandom(octets),
						useNoble ? noble : webCryptoSha256
					);
					expect(run.code_challenge).toBe(await computeCodeChallenge(run.code_verifier, 'S256'));
				}
			)
		);
	});

	test('toHex pads each octet to two digits', () => {
		expect(toHex(Uint8Array.of(0, 15, 255))).toBe('00 0f ff');
	});
});
