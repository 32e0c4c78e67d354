import type { TaughtStep as Step } from '$lib/content/types';

/** The short label on a diagram arrow: what travels, as on the wire ("POST /token", "400 invalid_grant"). */
export function arrowLabel(step: Step): string {
	const { request, response } = step;
	if (response && (step.kind === 'response' || step.kind === 'redirect' || !request)) {
		const error = response.json?.error;
		if (typeof error === 'string') return `${response.status} ${error}`;
		if (response.status === 302) return `302 → ${pathOf(headerOf(response.headers, 'location'))}`;
		if (typeof response.json?.access_token === 'string') return `${response.status} access_token`;
		return `${response.status} ${response.statusText}`.trim();
	}
	if (request) return `${request.method} ${pathOf(request.url)}`;
	return step.title;
}

function headerOf(headers: readonly (readonly [string, string])[], name: string): string {
	return headers.find(([key]) => key.toLowerCase() === name)?.[1] ?? '';
}

function pathOf(url: string): string {
	try {
		return new URL(url).pathname;
	} catch {
		return url;
	}
}
