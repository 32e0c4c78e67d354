import { base64UrlEncode } from './base64url';
import { webCryptoSha256, type Sha256 } from './sha256';

/** The two `code_challenge_method` values RFC 7636 §4.2 defines. */
export type CodeChallengeMethod = 'S256' | 'plain';

// #region challenge
/**
 * Derives the `code_challenge` from a `code_verifier` (RFC 7636 §4.2):
 * S256: BASE64URL-ENCODE(SHA256(ASCII(code_verifier))); plain: the verifier itself.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */
export async function computeCodeChallenge(
	verifier: string,
	method: CodeChallengeMethod,
	sha256: Sha256 = webCryptoSha256
): Promise<string> {
	if (method === 'plain') return verifier;
	// A valid verifier is ASCII, where UTF-8 and ASCII are the same octets.
	const digest = await sha256.digest(new TextEncoder().encode(verifier));
	return base64UrlEncode(digest);
}
// #endregion challenge
