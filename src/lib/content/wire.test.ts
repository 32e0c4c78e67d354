import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import type { HttpRequest } from '$lib/protocol/types';
import { shellQuote, toCurl } from './curl';
import { formatRequest, formatResponse } from './wire';

const tokenRequest: HttpRequest = {
	method: 'POST',
	url: 'https://as.example.com/token',
	headers: [
		['Content-Type', 'application/x-www-form-urlencoded'],
		['Accept', 'application/json']
	],
	form: [
		['grant_type', 'authorization_code'],
		['code', 'abc'],
		['redirect_uri', 'http://127.0.0.1:49152/callback'],
		['code_verifier', "it's~x"]
	]
};

describe('wire format', () => {
	test('RFC 6749 §4.1.3: a token request is a form POST with Host and the encoded body', () => {
		expect(formatRequest(tokenRequest)).toBe(
			[
				'POST /token HTTP/1.1',
				'Host: as.example.com',
				'Content-Type: application/x-www-form-urlencoded',
				'Accept: application/json',
				'',
				'grant_type=authorization_code&code=abc&redirect_uri=http%3A%2F%2F127.0.0.1%3A49152%2Fcallback&code_verifier=it%27s%7Ex'
			].join('\n')
		);
	});

	test('a GET keeps its query in the request line', () => {
		expect(
			formatRequest({
				method: 'GET',
				url: 'https://as.example.com/authorize?a=1&b=x%20y',
				headers: []
			})
		).toBe('GET /authorize?a=1&b=x%20y HTTP/1.1\nHost: as.example.com');
	});

	test('responses show status line, headers and pretty JSON', () => {
		expect(
			formatResponse({
				status: 400,
				statusText: 'Bad Request',
				headers: [['Content-Type', 'application/json']],
				json: { error: 'invalid_grant' }
			})
		).toBe(
			'HTTP/1.1 400 Bad Request\nContent-Type: application/json\n\n{\n  "error": "invalid_grant"\n}'
		);
	});
});

describe('toCurl', () => {
	test('quotes for the shell so that sh reads back exactly the values', () => {
		const command = toCurl(tokenRequest);
		expect(command).toContain("--data-urlencode 'code_verifier=it'\\''s~x'");
		// Let a real shell parse it: echo each argument on its own line instead of running curl.
		const words = execFileSync('sh', [
			'-c',
			`set -- ${command.replace(/^curl/, '')}; printf '%s\\n' "$@"`
		])
			.toString()
			.trim()
			.split('\n');
		expect(words).toEqual([
			'-i',
			'https://as.example.com/token',
			'-H',
			'Accept: application/json',
			'--data-urlencode',
			'grant_type=authorization_code',
			'--data-urlencode',
			'code=abc',
			'--data-urlencode',
			'redirect_uri=http://127.0.0.1:49152/callback',
			'--data-urlencode',
			"code_verifier=it's~x"
		]);
	});

	test('plain words stay unquoted', () => {
		expect(shellQuote('https://a.example/x')).toBe('https://a.example/x');
		expect(shellQuote('a b')).toBe("'a b'");
	});
});
