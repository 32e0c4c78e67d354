import type { RedirectKind, RedirectText } from '$lib/workbench/redirect';

const EXACT = { spec: 'RFC 9700', section: '2.1' } as const;
const ANY_PORT = { spec: 'RFC 8252', section: '7.3' } as const;
const LOOPBACK = { spec: 'RFC 8252', section: '8.3' } as const;

/** The wording of each redirect URI verdict: content, kept apart from the logic that picks one. */
export const REDIRECT_VERDICTS: Record<RedirectKind, RedirectText> = {
	incomplete: {
		title: 'Enter both URIs',
		explanation:
			'Enter the `redirect_uri` your client registered (or lists in its Client ID Metadata Document) and the one it sends in the authorization request.',
		cites: [EXACT]
	},
	'not-a-url': {
		title: 'One of them is not a URL',
		explanation:
			'A `redirect_uri` is an absolute URL with a scheme, such as `http://127.0.0.1/callback`. Check for a missing `http://` or a stray character.',
		cites: [EXACT]
	},
	exact: {
		title: 'Exact match: accepted',
		explanation:
			'The requested `redirect_uri` is the registered one, character for character. Servers compare redirect URIs by exact string matching.',
		cites: [EXACT]
	},
	'exact-localhost': {
		title: 'Exact match, but on localhost',
		explanation:
			'The strings are equal, so this server accepts it. But `localhost` is NOT RECOMMENDED for a loopback redirect: the IP literal `127.0.0.1` or `[::1]` avoids listening on other network interfaces by mistake, and is less affected by client-side firewalls and misconfigured name resolution.',
		cites: [LOOPBACK, EXACT]
	},
	'loopback-any-port': {
		title: 'Loopback IP, another port: accepted',
		explanation:
			'Only the port differs, and the host is a loopback IP literal. A CLI or desktop app binds whatever port is free when it starts, so the server MUST allow any port at the time of the request for loopback IP redirect URIs. Everything else must still match exactly.',
		cites: [ANY_PORT]
	},
	'localhost-port': {
		title: 'localhost on another port: refused here',
		explanation:
			'This server applies the any-port rule only to loopback IP literals, as RFC 8252 §7.3 words it; `localhost` must match exactly. The specs word this differently: RFC 9700 §2.1 and OAuth 2.1 speak of a port exception for `localhost` redirect URIs, so another server may accept it. Either way `localhost` is NOT RECOMMENDED: register and use `127.0.0.1` or `[::1]`.',
		cites: [ANY_PORT, EXACT, LOOPBACK]
	},
	'loopback-host': {
		title: 'A different loopback host: refused',
		explanation:
			'`127.0.0.1`, `[::1]` and `localhost` all mean this computer, but to the server they are different hosts, and only the port may differ. A client must send the host it registered: if it may listen on IPv6, register `[::1]` too. Clients should not assume IPv4 or IPv6 is available, and trying both is RECOMMENDED.',
		cites: [ANY_PORT, LOOPBACK]
	},
	path: {
		title: 'The path or query differs: refused',
		explanation:
			'Same host, but the path, the query or a fragment differs from the registered URI. Only the port of a loopback IP literal may vary: `/callback` and `/callback/` are different strings.',
		cites: [EXACT, ANY_PORT]
	},
	spelling: {
		title: 'Written differently: refused',
		explanation:
			'Parsed, the two may name the same address — a capital letter, a default port, `127.1` for `127.0.0.1`, a user name before the host — but the server compares redirect URIs as strings. Send the URI character for character as registered; only the port of a loopback IP literal may differ.',
		cites: [EXACT, ANY_PORT]
	},
	scheme: {
		title: 'The scheme differs: refused',
		explanation:
			'`http` and `https` are different strings to the server. A loopback redirect uses `http`, which is acceptable because the request never leaves the computer.',
		cites: [EXACT, ANY_PORT, LOOPBACK]
	},
	different: {
		title: 'Not the registered URI: refused',
		explanation:
			'The host differs, or it is not a loopback IP literal and the port differs. Outside the loopback port rule, the requested `redirect_uri` must equal the registered one exactly; otherwise the server shows an error page and does not redirect, so the code cannot go to someone else’s address.',
		cites: [EXACT, { spec: 'RFC 6749', section: '4.1.2.1' }]
	}
};
