import type { Field, HttpRequest, HttpResponse } from './types';

/** One HTTP round trip as the simulation carried it. */
export interface Exchange {
	request: HttpRequest;
	response: HttpResponse;
}

/**
 * How actors reach each other: a request in, the addressee's response out. `user` is who is
 * signed in to the authorization server in the browser that sends the request; `approved: false`
 * stops an authorization request at the sign-in and consent page; `declined`, the user said no.
 */
export type Send = (
	request: HttpRequest,
	context?: { user?: string; approved?: boolean; declined?: boolean }
) => Promise<HttpResponse>;

const STATUS_TEXT: Record<number, string> = {
	200: 'OK',
	302: 'Found',
	400: 'Bad Request',
	401: 'Unauthorized',
	404: 'Not Found'
};

/** A GET as a browser or client sends it. */
export function getRequest(url: string, headers: Field[] = []): HttpRequest {
	return { method: 'GET', url, headers: [['Accept', 'application/json'], ...headers] };
}

/**
 * A form POST, as RFC 6749 §4.1.3 sends a token request.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 */
export function formPost(url: string, form: Field[]): HttpRequest {
	return {
		method: 'POST',
		url,
		headers: [
			['Content-Type', 'application/x-www-form-urlencoded'],
			['Accept', 'application/json']
		],
		form
	};
}

/** A response with a JSON body. */
export function jsonResponse(
	status: number,
	json: Record<string, unknown>,
	headers: Field[] = []
): HttpResponse {
	return {
		status,
		statusText: STATUS_TEXT[status] ?? '',
		headers: [['Content-Type', 'application/json'], ...headers],
		json
	};
}

/** A front-channel redirect: 302 with a Location header and no body. */
export function redirectResponse(location: string): HttpResponse {
	return { status: 302, statusText: STATUS_TEXT[302]!, headers: [['Location', location]] };
}

/** A page shown to the person at the browser. */
export function pageResponse(status: number, text: string): HttpResponse {
	return {
		status,
		statusText: STATUS_TEXT[status] ?? '',
		headers: [['Content-Type', 'text/html; charset=utf-8']],
		text
	};
}

/**
 * An OAuth error response: 400 with `{ error, error_description }`.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function oauthError(error: string, error_description: string): HttpResponse {
	return jsonResponse(400, { error, error_description }, [
		['Cache-Control', 'no-store'],
		['Pragma', 'no-cache']
	]);
}

/** The first value of a header, matched case-insensitively. */
export function headerValue(
	message: { headers: readonly Field[] },
	name: string
): string | undefined {
	const lower = name.toLowerCase();
	return message.headers.find(([key]) => key.toLowerCase() === lower)?.[1];
}

/** The form fields of a request as a record; a repeated field keeps its last value. */
export function formRecord(request: HttpRequest): Record<string, string> {
	return Object.fromEntries(request.form ?? []);
}
