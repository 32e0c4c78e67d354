import type { HttpRequest, HttpResponse } from '$lib/protocol/types';

/**
 * HTTP messages as they would travel on the wire (HTTP/1.1 text), for the "raw message" view.
 * (As a curl command: curl.ts.)
 */

function requestTarget(url: URL): string {
	return `${url.pathname}${url.search}`;
}

function formBody(request: HttpRequest): string | undefined {
	return request.form
		? new URLSearchParams(request.form.map(([k, v]) => [k, v])).toString()
		: undefined;
}

function body(request: HttpRequest): string | undefined {
	return formBody(request) ?? (request.json ? JSON.stringify(request.json, null, 2) : undefined);
}

/** The request line, Host and headers, a blank line, and the body (form bodies one field a line for reading). */
export function formatRequest(request: HttpRequest): string {
	const url = new URL(request.url);
	const lines = [`${request.method} ${requestTarget(url)} HTTP/1.1`, `Host: ${url.host}`];
	for (const [name, value] of request.headers) lines.push(`${name}: ${value}`);
	const text = body(request);
	return text === undefined ? lines.join('\n') : `${lines.join('\n')}\n\n${text}`;
}

/** The status line, headers, a blank line, and the JSON (pretty) or text body. */
export function formatResponse(response: HttpResponse): string {
	const lines = [`HTTP/1.1 ${response.status} ${response.statusText}`.trimEnd()];
	for (const [name, value] of response.headers) lines.push(`${name}: ${value}`);
	const text = response.json !== undefined ? JSON.stringify(response.json, null, 2) : response.text;
	return text === undefined ? lines.join('\n') : `${lines.join('\n')}\n\n${text}`;
}
