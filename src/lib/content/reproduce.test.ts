/**
 * The Reproduce panel's one-liners, run for real in a shell (openssl, Node, Python) and compared
 * with the page's own S256 (RFC 7636 §4.2), on RFC 7636 Appendix B's vector and on fresh
 * verifiers of every length. A missing tool fails the test, as a missing browser fails the browser
 * tests: .ci/run installs openssl and python3-minimal.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { computeCodeChallenge, generateCodeVerifier, RFC7636_APPENDIX_B } from '$lib/pkce';
import { reproduceChallenge } from './reproduce';

const run = (command: string) => execFileSync('sh', ['-c', command], { encoding: 'utf8' }).trim();

describe('Reproduce: the same code_challenge from openssl, Node and Python (RFC 7636 §4.2)', () => {
	it('each tool is installed', () => {
		for (const tool of ['openssl', 'node', 'python3']) {
			expect(() => run(`command -v ${tool}`), `${tool} is missing`).not.toThrow();
		}
	});

	it(
		'Appendix B: every line prints E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
		{ timeout: 30_000 },
		() => {
			const { verifier, challenge } = RFC7636_APPENDIX_B;
			for (const { tool, command } of reproduceChallenge(verifier)) {
				expect(run(command), tool).toBe(challenge);
			}
		}
	);

	// Each line starts a process: generous timeouts for a busy machine (timings are not the point).
	it(
		'fresh verifiers of 43 to 128 characters: every line agrees with the page',
		{ timeout: 60_000 },
		async () => {
			for (const length of [43, 44, 64, 100, 127, 128]) {
				const verifier = generateCodeVerifier(length);
				const expected = await computeCodeChallenge(verifier, 'S256');
				for (const { tool, command } of reproduceChallenge(verifier)) {
					expect(run(command), `${tool}, ${length} characters`).toBe(expected);
				}
			}
		}
	);

	it(
		'every unreserved character survives the shell, a leading "-" and "~" included',
		{ timeout: 30_000 },
		async () => {
			const verifier = `-~._${'aZ09-._~'.repeat(6)}`;
			const expected = await computeCodeChallenge(verifier, 'S256');
			for (const { tool, command } of reproduceChallenge(verifier)) {
				expect(run(command), tool).toBe(expected);
			}
		}
	);
});
