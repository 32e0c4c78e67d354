/**
 * The lab's access tokens are JWTs (RFC 9068). Live mode decodes one beside the run and checks its
 * ES256 signature with the lab's published keys (RFC 7517 JWKS) through WebCrypto — nothing is
 * trusted from the token itself but the key id it names.
 */
import { base64UrlDecode } from '$lib/pkce';

export interface DecodedJwt {
	header: Record<string, unknown>;
	payload: Record<string, unknown>;
	/** Whether the signature verifies with the key of the JWKS that the header names. */
	verified: boolean;
	/** Why it did not verify, if it did not. */
	problem?: string;
}

const decodeJson = (part: string | undefined): Record<string, unknown> | undefined => {
	const bytes = part === undefined ? undefined : base64UrlDecode(part);
	if (!bytes) return undefined;
	try {
		const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
		return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
};

/** Decodes a compact JWS and verifies it with `jwks` (ES256 only, as the lab signs). */
export async function verifyJwt(
	token: string,
	jwks: { keys?: JsonWebKey[] },
	subtle: SubtleCrypto
): Promise<DecodedJwt | undefined> {
	const [head, body, signature] = token.split('.');
	const header = decodeJson(head);
	const payload = decodeJson(body);
	if (!header || !payload || signature === undefined) return undefined;
	const fail = (problem: string): DecodedJwt => ({ header, payload, verified: false, problem });
	if (header.alg !== 'ES256') return fail(`alg is ${String(header.alg)}, not ES256`);
	const jwk = (jwks.keys ?? []).find((key) => (key as { kid?: string }).kid === header.kid);
	if (!jwk) return fail(`no key with kid ${String(header.kid)} in the lab's JWKS`);
	const signatureBytes = base64UrlDecode(signature);
	if (!signatureBytes) return fail('the signature is not base64url');
	try {
		const key = await subtle.importKey(
			'jwk',
			{ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y },
			{ name: 'ECDSA', namedCurve: 'P-256' },
			false,
			['verify']
		);
		const verified = await subtle.verify(
			{ name: 'ECDSA', hash: 'SHA-256' },
			key,
			signatureBytes as BufferSource,
			new TextEncoder().encode(`${head}.${body}`)
		);
		return verified ? { header, payload, verified } : fail('the signature does not verify');
	} catch (error) {
		return fail(error instanceof Error ? error.message : String(error));
	}
}
