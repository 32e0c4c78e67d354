/**
 * Where random octets come from. Everything that needs randomness takes one of these as a
 * parameter, so a test (or the RFC 7636 test-vector mode) can replay exact values.
 */
export type RandomOctets = (count: number) => Uint8Array;

/** The platform's CSPRNG; `crypto.getRandomValues` exists in secure and insecure contexts alike. */
export const webCryptoRandom: RandomOctets = (count) => {
	const octets = new Uint8Array(count);
	// getRandomValues fills at most 65,536 bytes per call; verifiers need at most 96.
	crypto.getRandomValues(octets);
	return octets;
};

/**
 * Replays the given octets in order, then fails loudly: a deterministic source for tests
 * and for the RFC 7636 Appendix B walk-through.
 */
export function replayRandom(...chunks: Uint8Array[]): RandomOctets {
	const queue = chunks.map((chunk) => Uint8Array.from(chunk));
	return (count) => {
		const next = queue.shift();
		if (!next) throw new Error(`replayRandom: asked for ${count} octets, but none are left`);
		if (next.length !== count) {
			throw new Error(`replayRandom: asked for ${count} octets, the next chunk has ${next.length}`);
		}
		return next;
	};
}
