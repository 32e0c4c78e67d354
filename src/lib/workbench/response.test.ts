import { describe, expect, test } from 'vitest';
import { jsonResponse, oauthError } from '$lib/protocol/http';
import { describeResponse } from './response';

describe('describeResponse', () => {
	test('RFC 6749 §5.1: a token response reads as a success', () => {
		expect(
			describeResponse(jsonResponse(200, { access_token: 't', token_type: 'Bearer' }))
		).toEqual({ tone: 'good', text: '200 OK: the server issued an access_token.' });
	});

	test('RFC 6749 §5.2: an error response names its error and description', () => {
		expect(describeResponse(oauthError('invalid_grant', 'no match'))).toEqual({
			tone: 'bad',
			text: '400 Bad Request: invalid_grant (“no match”).'
		});
		expect(describeResponse(jsonResponse(404, {})).text).toBe('404 Not Found: no error code.');
	});
});
