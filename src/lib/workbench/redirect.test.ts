import { describe, expect, test } from 'vitest';
import { checkRedirect, type RedirectKind } from './redirect';

const REGISTERED = 'http://127.0.0.1/callback';

describe('the redirect URI check: the server’s own matching, explained', () => {
	const cases: [string, string, RedirectKind, boolean][] = [
		// RFC 9700 §2.1: exact string matching
		[REGISTERED, REGISTERED, 'exact', true],
		['https://app.example/cb', 'https://app.example/cb', 'exact', true],
		// RFC 8252 §7.3: any port for loopback IP literals, IPv4 and IPv6
		[REGISTERED, 'http://127.0.0.1:53682/callback', 'loopback-any-port', true],
		['http://[::1]/callback', 'http://[::1]:8080/callback', 'loopback-any-port', true],
		// RFC 8252 §8.3: localhost is NOT RECOMMENDED; this server keeps the port rule to IP literals
		['http://localhost/callback', 'http://localhost/callback', 'exact-localhost', true],
		['http://localhost/callback', 'http://localhost:53682/callback', 'localhost-port', false],
		[REGISTERED, 'http://[::1]:53682/callback', 'loopback-host', false],
		[REGISTERED, 'http://localhost:53682/callback', 'loopback-host', false],
		[REGISTERED, 'http://127.0.0.1:53682/callback/', 'path', false],
		[REGISTERED, 'http://127.0.0.1:53682/callback?x=1', 'path', false],
		[REGISTERED, 'http://127.0.0.1:53682/callback#top', 'path', false],
		[REGISTERED, 'https://127.0.0.1:53682/callback', 'scheme', false],
		['https://app.example/cb', 'https://app.example:8443/cb', 'different', false],
		[REGISTERED, 'http://127.0.0.2:53682/callback', 'different', false],
		// Parsed alike, written differently: the server compares strings
		[REGISTERED, 'http://127.1:53682/callback', 'spelling', false],
		[REGISTERED, 'http://user@127.0.0.1:53682/callback', 'spelling', false],
		[REGISTERED, 'HTTP://127.0.0.1:53682/callback', 'spelling', false],
		['https://app.example/cb', 'https://APP.example:443/cb', 'spelling', false],
		['https://127.0.0.1/callback', 'https://127.0.0.1:8443/callback', 'different', false]
	];

	test.each(cases)('%s vs %s: %s', (registered, requested, kind, matches) => {
		const verdict = checkRedirect(registered, requested);
		expect(verdict.kind).toBe(kind);
		expect(verdict.matches).toBe(matches);
		expect(verdict.title).not.toBe('');
	});

	test('a verdict says “accepted” exactly when the server accepts', () => {
		for (const [registered, requested] of cases) {
			const verdict = checkRedirect(registered, requested);
			expect(verdict.title.includes('refused'), verdict.kind).toBe(!verdict.matches);
		}
	});

	test('empty fields and text that is not a URL get a message, never an exception', () => {
		expect(checkRedirect('', REGISTERED).kind).toBe('incomplete');
		expect(checkRedirect(REGISTERED, '   ').kind).toBe('incomplete');
		expect(checkRedirect('127.0.0.1/callback', REGISTERED).kind).toBe('not-a-url');
		expect(checkRedirect(REGISTERED, 'http://[::1/callback').kind).toBe('not-a-url');
		expect(checkRedirect(' http://127.0.0.1/callback ', REGISTERED).kind).toBe('exact');
	});
});
