/** A SHA-256 implementation: octets in, 32 octets out. */
export interface Sha256 {
	/** Shown on the page, so a reader knows which implementation produced the digest. */
	readonly name: 'WebCrypto' | '@noble/hashes';
	digest(data: Uint8Array): Promise<Uint8Array>;
}

/** SHA-256 from `crypto.subtle`, which browsers expose only in secure contexts. */
export const webCryptoSha256: Sha256 = {
	name: 'WebCrypto',
	async digest(data) {
		return new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));
	}
};

/** The audited pure-JS SHA-256 of @noble/hashes, loaded only when it is needed. */
export async function loadNobleSha256(): Promise<Sha256> {
	const { sha256 } = await import('@noble/hashes/sha2.js');
	return { name: '@noble/hashes', digest: async (data) => sha256(data) };
}

/**
 * WebCrypto when the context offers it; otherwise (a page served over plain http from a LAN
 * address is not a secure context, so `crypto.subtle` is undefined) the pure-JS fallback.
 */
export async function pickSha256(
	platform: { subtle?: SubtleCrypto } | undefined = globalThis.crypto
): Promise<Sha256> {
	return platform?.subtle ? webCryptoSha256 : loadNobleSha256();
}
