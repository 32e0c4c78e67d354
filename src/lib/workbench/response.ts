import type { HttpResponse } from '$lib/protocol/types';

/** One sentence for a token response, for the line above the raw message. */
export function describeResponse(response: HttpResponse): { tone: 'good' | 'bad'; text: string } {
	const json = response.json ?? {};
	if (response.status === 200 && typeof json.access_token === 'string') {
		return {
			tone: 'good',
			text: `${response.status} ${response.statusText}: the server issued an access_token.`
		};
	}
	const error = typeof json.error === 'string' ? json.error : 'no error code';
	const description =
		typeof json.error_description === 'string' ? ` (“${json.error_description}”)` : '';
	return {
		tone: 'bad',
		text: `${response.status} ${response.statusText}: ${error}${description}.`
	};
}
