import { describe, expect, test } from 'vitest';
import type { TaughtStep as Step } from '$lib/content/types';
import { arrowLabel, arrowsOf } from './labels';

const base: Step = {
	id: 'x',
	action: 'x',
	title: 'The client makes a verifier',
	from: 'client',
	to: 'client',
	kind: 'local',
	carries: {},
	knowledge: { client: {}, browser: {}, as: {}, mcp: {}, attacker: {} },
	outcome: 'info',
	narration: '',
	cites: [],
	code: { file: 'protocol/client.ts', region: 'x' }
};

describe('arrowLabel', () => {
	test('a local step reads as its title', () => {
		expect(arrowLabel(base)).toBe('The client makes a verifier');
	});

	test('a request reads as method and path, without the query', () => {
		expect(
			arrowLabel({
				...base,
				kind: 'request',
				request: { method: 'GET', url: 'https://as.example/authorize?x=1', headers: [] }
			})
		).toBe('GET /authorize');
	});

	test('an error response reads as status and error code (RFC 6749 §5.2)', () => {
		expect(
			arrowLabel({
				...base,
				kind: 'response',
				response: {
					status: 400,
					statusText: 'Bad Request',
					headers: [],
					json: { error: 'invalid_grant' }
				}
			})
		).toBe('400 invalid_grant');
	});

	test('a redirect reads as 302 and the target path', () => {
		expect(
			arrowLabel({
				...base,
				kind: 'redirect',
				response: {
					status: 302,
					statusText: 'Found',
					headers: [['Location', 'http://127.0.0.1:5000/callback?code=a']]
				}
			})
		).toBe('302 → /callback');
	});

	test('a token response reads as access_token', () => {
		expect(
			arrowLabel({
				...base,
				kind: 'response',
				response: { status: 200, statusText: 'OK', headers: [], json: { access_token: 't' } }
			})
		).toBe('200 access_token');
	});

	test('a token response with a refresh token names both (OAuth 2.1 §4.3.1 rotation)', () => {
		expect(
			arrowLabel({
				...base,
				kind: 'response',
				response: {
					status: 200,
					statusText: 'OK',
					headers: [],
					json: { access_token: 't', refresh_token: 'r' }
				}
			})
		).toBe('200 access_token, refresh_token');
	});
});

describe('arrowsOf: the message and the answer drawn back', () => {
	const token = {
		...base,
		from: 'attacker' as const,
		to: 'as' as const,
		kind: 'request' as const,
		request: { method: 'POST' as const, url: 'https://as.example/token', headers: [] }
	};

	test('a refused token request draws its 400 and error code back (RFC 6749 §5.2)', () => {
		const response = {
			status: 400,
			statusText: 'Bad Request',
			headers: [],
			json: { error: 'invalid_grant' }
		};
		expect(arrowsOf({ ...token, response })).toEqual({
			message: 'POST /token',
			reply: '400 invalid_grant'
		});
	});

	test('the authorization endpoint answers with the page where the user signs in', () => {
		const request = {
			method: 'GET' as const,
			url: 'https://as.example/authorize?a=b',
			headers: []
		};
		const response = { status: 200, statusText: 'OK', headers: [], text: '<form>' };
		expect(arrowsOf({ ...token, request, response })).toEqual({
			message: 'GET /authorize',
			reply: '200 sign-in page',
			signIn: true
		});
	});

	test('a request without an answer is one arrow; a computation reads as its title', () => {
		expect(arrowsOf(token)).toEqual({ message: 'POST /token' });
		expect(arrowsOf(base)).toEqual({ message: 'The client makes a verifier' });
	});
});
