/**
 * Real HTTP for Live mode: sends the project's `HttpRequest` data with an injected `fetch` and
 * records the answer as an `HttpResponse`, exactly as a browser page can read it (CORS shows a
 * page only the safelisted response headers and those the server exposes).
 */
import type { Field, HttpRequest, HttpResponse } from '$lib/protocol/types';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** A problem the reader can act on, in plain words (never a stack trace). */
export class LiveError extends Error {
	override name = 'LiveError';
}

/**
 * A URL on 127.0.0.1 (what the page's CSP allows, and where the lab listens), or a message
 * naming `who` talks only to the lab and where the reader finds the address (`example`).
 */
export function loopbackUrl(
	value: string,
	{ who, example }: { who: string; example: string }
): URL {
	let url: URL;
	try {
		url = new URL(value.trim());
	} catch {
		throw new LiveError(`"${value}" is not a URL. ${example}`);
	}
	if (url.protocol !== 'http:' || url.hostname !== '127.0.0.1') {
		throw new LiveError(
			`${who} talks only to a lab on this computer: an http://127.0.0.1:<port>/… address (got ${url.origin}).`
		);
	}
	return url;
}

/** The response headers worth showing, in this order, when the page may read them. */
const SHOWN_HEADERS = [
	'Content-Type',
	'Cache-Control',
	'Pragma',
	'Location',
	'WWW-Authenticate',
	'Mcp-Session-Id'
];

/** What to tell a reader when nothing answered (or CORS hid the answer). */
export function unreachable(url: string, site: string): LiveError {
	return new LiveError(
		`Nothing answered at ${url}. Is the lab running? Start it with "npm run lab" in a clone of ` +
			`this site's repository. If it is running, it may not allow this site: start it with ` +
			`"npm run lab -- --origin ${site}".`
	);
}

/**
 * Sends `request` for real and records the answer. A network failure (nothing listening, or a CORS
 * refusal, which a page cannot tell apart) becomes `unreachable`.
 */
export async function send(
	fetch: Fetch,
	request: HttpRequest,
	site: string
): Promise<HttpResponse> {
	const headers = new Headers(
		request.headers.map(([name, value]): [string, string] => [name, value])
	);
	const body = request.form
		? new URLSearchParams(request.form.map(([name, value]) => [name, value])).toString()
		: request.json
			? JSON.stringify(request.json)
			: undefined;
	let response: Response;
	try {
		response = await fetch(request.url, { method: request.method, headers, body });
	} catch {
		throw unreachable(request.url, site);
	}
	const shown: Field[] = [];
	for (const name of SHOWN_HEADERS) {
		const value = response.headers.get(name);
		if (value !== null) shown.push([name, value]);
	}
	const text = await response.text();
	let json: Record<string, unknown> | undefined;
	try {
		const parsed: unknown = text ? JSON.parse(text) : undefined;
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
			json = parsed as Record<string, unknown>;
		}
	} catch {
		json = undefined;
	}
	return {
		status: response.status,
		statusText: response.statusText || STATUS_TEXT[response.status] || '',
		headers: shown,
		...(json ? { json } : text ? { text } : {})
	};
}

/** HTTP/2 and some servers send no reason phrase; these are the ones Live mode meets. */
const STATUS_TEXT: Record<number, string> = {
	200: 'OK',
	204: 'No Content',
	302: 'Found',
	303: 'See Other',
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	406: 'Not Acceptable'
};

export const statusText = (status: number): string => STATUS_TEXT[status] ?? '';
