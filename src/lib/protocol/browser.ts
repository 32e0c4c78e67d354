import { headerValue } from './http';
import type { HttpRequest, HttpResponse, Knowledge } from './types';

const VISIBLE: readonly (keyof Knowledge)[] = [
	'code_verifier',
	'code_challenge',
	'state',
	'code',
	'access_token'
];

/**
 * The user's browser: it carries the front channel. It holds exactly what passed through the
 * URLs it was sent to, which is why a `code_verifier` must never travel in one.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-1
 */
export class Browser {
	private readonly seen: Knowledge = {};

	/** @param user who is signed in to the authorization server in this browser */
	constructor(readonly user: string) {}

	// #region follow-redirect
	/** Opens a URL: the browser sees every parameter in its query. */
	navigate(url: string): HttpRequest {
		this.note(url);
		return { method: 'GET', url, headers: [['Accept', 'text/html']] };
	}

	/** Receives a 302: the Location URL passes through the browser on its way to the app. */
	receive(response: HttpResponse): string | undefined {
		const location = headerValue(response, 'Location');
		if (location) this.note(location);
		return location;
	}
	// #endregion follow-redirect

	/** What the browser has seen. */
	knowledge(): Knowledge {
		return { ...this.seen };
	}

	private note(url: string): void {
		const query = new URL(url).searchParams;
		for (const name of VISIBLE) {
			const value = query.get(name);
			if (value) this.seen[name] = value;
		}
	}
}
