import { shellQuote } from './curl';

/** One way to compute a `code_challenge` in a terminal. */
export interface Reproduction {
	tool: 'openssl' | 'Node' | 'Python';
	command: string;
}

/**
 * One-liners (POSIX shell: macOS, Linux, WSL) that print the S256 `code_challenge` of `verifier`,
 * BASE64URL-ENCODE(SHA256(ASCII(code_verifier))) (RFC 7636 §4.2), each with another tool, so a
 * reader can check the page's arithmetic with their own. The verifier is a shell word of its own
 * (quoted when it needs to be); tests run every line and compare (reproduce.test.ts).
 */
export function reproduceChallenge(verifier: string): Reproduction[] {
	const word = shellQuote(verifier);
	return [
		{
			tool: 'openssl',
			command: `printf '%s' ${word} | openssl dgst -sha256 -binary | openssl base64 -A | tr '+/' '-_' | tr -d '='`
		},
		{
			tool: 'Node',
			command: `node -e 'console.log(require("node:crypto").createHash("sha256").update(process.argv[1], "ascii").digest("base64url"))' -- ${word}`
		},
		{
			tool: 'Python',
			command: `python3 -c 'import base64, hashlib, sys; print(base64.urlsafe_b64encode(hashlib.sha256(sys.argv[1].encode("ascii")).digest()).rstrip(b"=").decode())' ${word}`
		}
	];
}
