import type { TaughtStep as Step } from '$lib/content/types';
import type { HttpResponse } from '$lib/protocol/types';

/** The short label on a diagram arrow: what travels, as on the wire ("POST /token", "400 invalid_grant"). */
export function arrowLabel(step: Step): string {
	const { request, response } = step;
	if (response && (step.kind === 'response' || step.kind === 'redirect' || !request)) {
		return responseLabel(response);
	}
	if (request) return `${request.method} ${pathOf(request.url)}`;
	return step.title;
}

/**
 * The diagram's arrows for one step: the message, and the answer drawn back when the step holds
 * a request and its response (the token endpoint's `400 invalid_grant` is an arrow of its own).
 */
export function arrowsOf(step: Step): { message: string; reply?: string; signIn?: true } {
	const { request, response } = step;
	if (step.from === step.to || !request) {
		return { message: response && step.from !== step.to ? responseLabel(response) : step.title };
	}
	const message = `${request.method} ${pathOf(request.url)}`;
	if (!response) return { message };
	// The authorization endpoint's first answer is the page where the user signs in and is asked to approve.
	const page = response.status === 200 && response.text !== undefined && !response.json;
	if (page && pathOf(request.url).endsWith('/authorize')) {
		return { message, reply: '200 sign-in page', signIn: true };
	}
	return { message, reply: responseLabel(response) };
}

function responseLabel(response: HttpResponse): string {
	const error = response.json?.error;
	if (typeof error === 'string') return `${response.status} ${error}`;
	if (response.status === 302) return `302 → ${pathOf(headerOf(response.headers, 'location'))}`;
	if (typeof response.json?.access_token === 'string') {
		const refresh = typeof response.json.refresh_token === 'string' ? ', refresh_token' : '';
		return `${response.status} access_token${refresh}`;
	}
	return `${response.status} ${response.statusText}`.trim();
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
