import { REDIRECT_VERDICTS } from '$lib/content/redirects';
import type { Citation } from '$lib/content/types';
import { redirectUriMatches } from '$lib/protocol/authorization-server';

/** Why a requested `redirect_uri` matches a registered one at this server, or why not. */
export type RedirectKind =
	| 'incomplete'
	| 'not-a-url'
	| 'exact'
	| 'exact-localhost'
	| 'loopback-any-port'
	| 'localhost-port'
	| 'loopback-host'
	| 'path'
	| 'spelling'
	| 'scheme'
	| 'different';

export interface RedirectVerdict {
	kind: RedirectKind;
	/** True when this project's authorization server would accept the requested URI. */
	matches: boolean;
	title: string;
	/** Plain prose; `backticks` mark wire names. */
	explanation: string;
	cites: Citation[];
}

/** A verdict's wording (content/redirects.ts). */
export type RedirectText = Omit<RedirectVerdict, 'kind' | 'matches'>;

const LOOPBACK_IPS = ['127.0.0.1', '[::1]'];

/**
 * Checks a requested `redirect_uri` against a registered one with the authorization server's own
 * matching (`redirectUriMatches`), and names the reason: exact string match, except the any-port
 * rule for loopback IP literals (RFC 8252 §7.3), which this server does not extend to `localhost`.
 * @see https://www.rfc-editor.org/rfc/rfc8252#section-7.3
 */
export function checkRedirect(registered: string, requested: string): RedirectVerdict {
	registered = registered.trim();
	requested = requested.trim();
	if (registered === '' || requested === '') return make('incomplete', false);
	const a = parse(registered);
	const b = parse(requested);
	if (!a || !b) return make('not-a-url', false);
	// The server's own answer; the kind only explains it.
	const matches = redirectUriMatches(registered, requested);
	const localhost = a.hostname === 'localhost' || b.hostname === 'localhost';
	if (registered === requested) return make(localhost ? 'exact-localhost' : 'exact', matches);
	return make(matches ? 'loopback-any-port' : kindOfMismatch(a, b, localhost), matches);
}

/** The first difference that explains a refusal. */
function kindOfMismatch(a: URL, b: URL, localhost: boolean): RedirectKind {
	if (a.protocol !== b.protocol) return 'scheme';
	const loopback = (url: URL) =>
		LOOPBACK_IPS.includes(url.hostname) || url.hostname === 'localhost';
	if (loopback(a) && loopback(b) && a.hostname !== b.hostname) return 'loopback-host';
	if (localhost && a.hostname === b.hostname && a.port !== b.port) return 'localhost-port';
	// Same host, and a port that may differ only on an http loopback IP literal.
	const anyPort = a.protocol === 'http:' && LOOPBACK_IPS.includes(a.hostname);
	if (a.hostname === b.hostname && (anyPort || a.port === b.port)) {
		const same = a.pathname === b.pathname && a.search === b.search && b.hash === '';
		// Parsed alike, written differently: case, a default port, 127.1, a user name.
		return same ? 'spelling' : 'path';
	}
	return 'different';
}

function make(kind: RedirectKind, matches: boolean): RedirectVerdict {
	return { kind, matches, ...REDIRECT_VERDICTS[kind] };
}

function parse(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}
