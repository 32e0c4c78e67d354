import {
	RFC7636_APPENDIX_B,
	webCryptoRandom,
	webCryptoSha256,
	type RandomOctets,
	type Sha256
} from '../pkce';
import type { Environment } from './world';

/** 2015-09-01T00:00:00Z, the month RFC 7636 was published: the test-vector clock. */
export const TEST_VECTOR_EPOCH = 1_441_065_600_000;

/**
 * A reproducible octet stream (SplitMix32). Not a CSPRNG: for test-vector runs and tests only.
 * @see https://www.rfc-editor.org/rfc/rfc7636#appendix-B
 */
export function deterministicRandom(seed = 7636): RandomOctets {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x9e3779b9) >>> 0;
		let z = state;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
		return (z ^ (z >>> 16)) >>> 0;
	};
	return (count) => {
		const octets = new Uint8Array(count);
		for (let i = 0; i < count; i++) octets[i] = next() & 0xff;
		return octets;
	};
}

/**
 * A fully deterministic run: the first draw, when it asks for 32 octets, gets the RFC 7636
 * Appendix B octets. Every scenario that uses PKCE draws the honest client's `code_verifier`
 * first, so it is `dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk`; `state`, codes and tokens come
 * from {@link deterministicRandom}.
 * @see https://www.rfc-editor.org/rfc/rfc7636#appendix-B
 */
export function testVectorEnvironment(sha256: Sha256 = webCryptoSha256): Environment {
	const rest = deterministicRandom();
	let first = true;
	const random: RandomOctets = (count) => {
		const useVector = first && count === RFC7636_APPENDIX_B.octets.length;
		first = false;
		return useVector ? Uint8Array.from(RFC7636_APPENDIX_B.octets) : rest(count);
	};
	return { random, sha256, now: () => TEST_VECTOR_EPOCH };
}

/**
 * Fresh values from the platform's CSPRNG; the caller supplies SHA-256 and the clock.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-7.1
 */
export function liveEnvironment(sha256: Sha256, now: () => number): Environment {
	return { random: webCryptoRandom, sha256, now };
}
