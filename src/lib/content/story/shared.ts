/**
 * The text of the steps most scenarios share, keyed by the step's action. A scenario overrides
 * what its story tells differently (story/<scenario>.ts); the values always come from the run.
 */
import type { SharedText } from '../types';
import { at, cite, errorOf, queryOf } from './text';

export const SHARED: Record<string, SharedText> = {
	'make-verifier': () => ({
		title: 'The client makes a secret code_verifier and its S256 code_challenge',
		narration:
			'The MCP client draws 32 random bytes (“octets” in the RFCs) and encodes them as a 43-character `code_verifier`, its secret for this sign-in. The verifier will never pass through the browser: the client sends it once, at the end, straight to the token endpoint. What goes out now is the `code_challenge`: the SHA-256 hash of the verifier (a one-way fingerprint, easy to compute and impossible to reverse), written in URL-safe characters (base64url) — the `S256` method. The client also picks a random `state` for this sign-in.',
		cites: [cite('RFC 7636', '4.1'), cite('RFC 7636', '4.2'), cite('RFC 6749', '10.12')],
		code: at('client', 'make-verifier', {
			verifier: '32 random octets, base64url-encoded: the 43-character secret, kept in memory.',
			challenge:
				'Its SHA-256, base64url-encoded: the only form of it that goes through the browser.',
			state: 'A fresh random state for this sign-in, to recognise its own callback.'
		})
	}),
	'make-plain-verifier': () => ({
		title: 'The client makes a code_verifier and a plain code_challenge',
		narration:
			'This client uses the `plain` method: the `code_challenge` it will send through the browser is the `code_verifier` itself. RFC 7636 allows `plain` only for a client that cannot compute SHA-256; a client that can MUST use `S256`, and `plain` SHOULD NOT be used in new implementations.',
		cites: [cite('RFC 7636', '4.2'), cite('RFC 7636', '7.2')],
		code: at('client', 'make-verifier', {
			verifier: 'The same kind of random verifier as with S256.',
			challenge: 'With plain, the “challenge” computed here is the verifier itself, unchanged.'
		})
	}),
	'make-state': () => ({
		title: 'The client picks a state, but no PKCE',
		narration:
			'This client picks a random `state` — a value it expects back with the code, so that it can refuse a callback from a sign-in it did not start — and nothing else: no `code_verifier`, no `code_challenge`. Nothing will tie the authorization code to this sign-in: whoever holds the code can redeem it with the public `client_id`.',
		cites: [cite('RFC 9700', '2.1.1'), cite('RFC 6749', '10.12')],
		code: at('client', 'make-verifier', {
			state: 'Without PKCE the verifier lines are skipped: the client makes only a state.'
		})
	}),
	'open-browser': (step) => {
		const method = queryOf(step, 'code_challenge_method');
		const pkce = method
			? `the \`code_challenge\` with \`code_challenge_method=${method}\``
			: 'no `code_challenge` at all';
		const redirect = queryOf(step, 'redirect_uri');
		const host = redirect ? new URL(redirect).host : '';
		return {
			title: 'The client opens the browser at the authorization endpoint',
			narration: `The client opens the system browser (the user’s own browser, not a window inside the app) at the authorization server’s authorization endpoint, with its request in the URL. It names the app by its \`client_id\` (a public name, not a secret) and asks for the answer at the \`redirect_uri\` ${host}: a loopback address, a port on this computer where the client listens. It adds \`state\`, ${pkce}, and the MCP server as \`resource\`, the server the token will be for. Everything in this URL passes through the browser: the front channel.`,
			cites: [cite('RFC 8252', '7.3'), cite('RFC 7636', '4.3'), cite('RFC 8707', '2')],
			code: at(
				'client',
				'authorize-request',
				method
					? {
							challenge: `The code_challenge goes into the URL${method === 'plain' ? ': with plain, that is the verifier' : ', never the verifier'}.`,
							method:
								method === 'plain'
									? 'code_challenge_method=plain: the server will compare the verifier with the challenge as it is.'
									: 'code_challenge_method=S256: without it the server would assume plain.',
							redirect: 'The loopback redirect_uri, where the client listens for the answer.'
						}
					: {
							'client-id': 'The public client_id: anyone may send it.',
							redirect: 'The loopback redirect_uri, where the client listens for the answer.',
							state: 'state is all this client sends to recognise its sign-in: no challenge.'
						}
			)
		};
	},
	'authorize-request': () => ({
		title: 'The browser sends the authorization request; the user signs in',
		narration:
			'The server checks the request before it asks the user anything. The `client_id` must be registered and the `redirect_uri` must be its registered loopback URI (any port matches): otherwise the code could be sent to someone else’s address, so the server shows an error instead of redirecting. A `code_challenge` must be present, or a server that requires PKCE redirects with `invalid_request`: the challenge is what will tie the code to this sign-in. This server also accepts only `S256` — hardening, not an RFC 7636 requirement. It keeps the `state` and the `code_challenge`, and shows the user its sign-in and consent page.',
		cites: [cite('RFC 6749', '4.1.2.1'), cite('RFC 8252', '7.3'), cite('RFC 7636', '4.4.1')],
		code: at('authorization-server', 'authorize-pkce', {
			present:
				'A code_challenge is present, so the request passes the “no challenge, no code” rule.',
			method: 'Its method must be one this server supports: here only S256.'
		})
	}),
	'authorize-response': (step) => {
		const bound = step.knowledge.as.code_challenge
			? 'the `client_id`, the `redirect_uri`, the `code_challenge` and its method, and the `resource`'
			: 'the `client_id`, the `redirect_uri` and the `resource`, but to no challenge';
		return {
			title: 'The user approves; the server redirects with a one-time code',
			narration: `The user approved. The server issues an authorization \`code\`: a one-time ticket that the client will swap for a token (valid here for a minute; RFC 6749 recommends ten at most). It binds the code to ${bound}: it stores them with the code and checks them when the code comes back. Then it redirects the browser to the loopback callback with the \`code\` and the same \`state\`.`,
			cites: [cite('RFC 7636', '4.4'), cite('RFC 6749', '4.1.2')],
			code: at(
				'authorization-server',
				'authorize-issue-code',
				step.knowledge.as.code_challenge
					? {
							code: 'A fresh, unguessable one-time code.',
							bind: 'The challenge is stored with the code: this is what ties the code to the sign-in.',
							state: 'The state goes back unchanged, for the client to check.'
						}
					: {
							code: 'A fresh, unguessable one-time code.',
							state: 'The state goes back unchanged; no challenge was sent, so none is stored.'
						}
			)
		};
	},
	'attacker-observes': () => ({
		title: 'The redirect back to the client',
		narration:
			'A malicious app on the same machine gets a copy of the redirect URL. On some operating systems an app can reach the loopback interface the client listens on; with a custom URI scheme instead of a loopback address, an app registered for the same scheme can be handed the response. RFC 7636 calls an attacker who sees only the responses “case 4a”. It now holds the `code` and the `state` — but not the `code_verifier`, which has never been in a URL.',
		cites: [cite('RFC 7636', '1'), cite('RFC 8252', '8.1')],
		code: at('attacker', 'observe-response', {
			copy: 'The attacker copies the code and the state out of the redirect URL.'
		})
	}),
	callback: (step) => ({
		title: 'The callback reaches the client',
		narration:
			step.outcome === 'ok'
				? 'The browser follows the redirect to `127.0.0.1`, where the client listens. The client checks that `state` is the one it sent for this sign-in, so that a code from a sign-in it did not start is refused (cross-site request forgery), then keeps the `code`.'
				: `The client compares \`state\` with the one it sent for this sign-in and refuses the callback: ${step.reason}.`,
		cites: [cite('RFC 6749', '10.12'), cite('RFC 8252', '7.3')],
		code: at(
			'client',
			'handle-callback',
			step.outcome === 'ok'
				? {
						'check-state': 'The state must be the one this client sent for this sign-in.',
						'keep-code': 'It matches: the client keeps the code for the token request.'
					}
				: {
						'check-state': 'The state is not the one this client sent for this sign-in…',
						refuse: '…so the callback is refused and its code is never used.'
					}
		)
	}),
	'token-client': (step) => ({
		title: 'The client sends the code with its code_verifier',
		narration:
			step.outcome === 'ok'
				? 'The client sends the `code` with its `code_verifier`. This is the one time the verifier travels, and it goes on the back channel: an HTTPS request from the client straight to the token endpoint, with no browser and no redirect that another app could be handed. The server computes the SHA-256 of the verifier, finds it equal to the `code_challenge` bound to the code, and issues an `access_token` for the MCP server, marked `Cache-Control: no-store` so that nothing on the way stores it.'
				: `The client sends the \`code\` with its \`code_verifier\`, and the server refuses: \`${errorOf(step)}\`.`,
		cites: [cite('RFC 7636', '4.5'), cite('RFC 7636', '4.6'), cite('RFC 6749', '5.1')],
		code: at('authorization-server', 'token-verify-pkce', {
			recompute: 'The server hashes the code_verifier it just received…',
			compare: '…and compares the result with the stored code_challenge: equal, so no error.'
		})
	}),
	'mcp-call': (step) => ({
		title: 'The client calls the MCP server with its token',
		narration:
			step.outcome === 'ok'
				? 'The client calls a tool with its `access_token` in the `Authorization: Bearer` header (a bearer token: whoever holds it may use it, so it must not leak). The MCP server accepts it because the token is active and was issued for this server’s own `resource` (the token’s audience).'
				: `The MCP server refuses the call: \`${errorOf(step) ?? step.response?.status}\`.`,
		cites: [
			cite('RFC 6750', '2.1'),
			cite('RFC 8707', '2'),
			cite('MCP 2025-11-25', 'Token Audience Binding and Validation')
		],
		code: at(
			'mcp-server',
			'check-audience',
			step.response?.status === 200
				? {
						audience: 'The token is active and its resource (audience) is this very server…',
						serve: '…so the server answers the tool call.'
					}
				: { audience: 'The token is not active, or not for this server: 401.' }
		)
	}),
	'token-attacker-no-verifier': (step) => ({
		title: 'The attacker sends the code, without a code_verifier',
		narration:
			step.outcome === 'attacker-fails'
				? `The attacker sends the \`code\` it holds to the token endpoint with the \`client_id\` and the \`redirect_uri\` — both public, anyone can send them — but it has no \`code_verifier\`. The code is bound to a \`code_challenge\`, so the server refuses. This server answers with the error code \`${errorOf(step)}\`, as oidc-provider does; the specs do not fix the code for a missing verifier, and OAuth 2.1 lists a missing required parameter under \`invalid_request\`.`
				: 'The attacker sends the copied `code` to the token endpoint with the public `client_id` and `redirect_uri`. No `code_challenge` is bound to the code, so nothing asks for proof: the server issues an `access_token` to the attacker.',
		cites: [cite('RFC 7636', '4.6'), cite('OAuth 2.1', '3.2.4')],
		code: at(
			'authorization-server',
			'token-verify-pkce',
			step.outcome === 'attacker-fails'
				? {
						bound: 'This code has a code_challenge bound to it, so a verifier is required…',
						missing: '…and the request has none: refused before anything is compared.'
					}
				: { bound: 'No challenge is bound to this code, so the whole PKCE check is skipped.' }
		)
	}),
	'token-attacker-guess': (step) => ({
		title: 'The attacker sends a guessed code_verifier',
		narration: `The attacker tries a \`code_verifier\` of its own: 43 random characters. The server computes their SHA-256, which is not the bound \`code_challenge\`, and answers \`${errorOf(step)}\` — the error RFC 7636 sets for a verifier that does not match. Hitting the real verifier means guessing 256 random bits.`,
		cites: [cite('RFC 7636', '4.6'), cite('RFC 7636', '7.1')],
		code: at('authorization-server', 'token-verify-pkce', {
			recompute: 'The server hashes the guessed verifier…',
			mismatch: '…the hash is not the stored challenge: invalid_grant.'
		})
	}),
	'token-attacker-challenge': (step) => ({
		title: 'The attacker sends the code_challenge it read as the code_verifier',
		narration: `The attacker sends the \`code_challenge\` it read in the request as the \`code_verifier\`. The server computes its SHA-256, and the hash of the challenge is not the challenge: \`${errorOf(step)}\`. SHA-256 cannot be run backwards, so the challenge does not give away the verifier.`,
		cites: [cite('RFC 7636', '4.2'), cite('RFC 7636', '4.6')],
		code: at('authorization-server', 'token-verify-pkce', {
			recompute: 'The server hashes what was sent: the challenge itself…',
			mismatch: '…and SHA-256 of the challenge is not the challenge: invalid_grant.'
		})
	}),
	'mcp-attacker': (step) => ({
		title: 'The attacker calls the MCP server with its token',
		narration:
			step.outcome === 'attacker-wins'
				? 'With the token, the attacker calls the MCP server. The token is active and was issued for this `resource`, so the server returns the user’s notes.'
				: `The MCP server refuses the attacker’s token: \`${errorOf(step) ?? step.response?.status}\`.`,
		cites: [cite('RFC 7636', '1'), cite('RFC 8707', '2')],
		code: at(
			'attacker',
			'call-mcp-as-victim',
			step.outcome === 'attacker-wins'
				? { bearer: 'The stolen token goes in the Authorization header, like the client’s would.' }
				: { bearer: 'The same call with the token it got; the server decides.' }
		)
	}),
	'mcp-unauthorized': () => ({
		title: 'The client calls the MCP server without a token',
		narration:
			'The client calls the MCP server before it has a token. The server answers 401 with a `WWW-Authenticate` header whose `resource_metadata` says where to read how to get one.',
		cites: [cite('RFC 9728', '5.1'), cite('MCP 2025-11-25', 'Authorization Server Discovery')],
		code: at('mcp-server', 'www-authenticate', {
			'resource-metadata': 'The 401 names where the protected resource metadata is.'
		})
	}),
	'resource-metadata': () => ({
		title: 'The client reads the protected resource metadata',
		narration:
			'The protected resource metadata (a small JSON document the MCP server publishes) names the MCP server’s `resource` and its `authorization_servers`. The MCP server is only a resource server — it accepts tokens but does not issue them; tokens come from the authorization server it names.',
		cites: [
			cite('RFC 9728', '2'),
			cite('RFC 9728', '3'),
			cite('MCP 2025-11-25', 'Authorization Server Discovery')
		],
		code: at('discovery', 'read-resource-metadata', {
			'fetch-metadata': 'The client fetches the metadata from the URL the 401 named…',
			'authorization-server': '…and takes from it the authorization server to use.'
		})
	}),
	'server-metadata': (step, revision) => {
		const methods = step.response?.json?.code_challenge_methods_supported;
		return {
			title: 'The client reads the authorization server metadata',
			narration: Array.isArray(methods)
				? `The authorization server’s metadata (RFC 8414) lists its endpoints and \`code_challenge_methods_supported\`: ${methods.join(', ')}.`
				: 'The authorization server’s metadata (RFC 8414) lists its endpoints — and no `code_challenge_methods_supported`. RFC 8414 says an omitted field means the server does not support PKCE.',
			cites: [cite('RFC 8414', '2'), cite('RFC 9700', '2.1.1')],
			code:
				revision === '2025-06-18'
					? at('discovery', 'discover-server', {
							'fetch-server': 'The client fetches the metadata from RFC 8414’s address.'
						})
					: at('discovery', 'discover-server', {
							'check-support':
								'Before anything else, the client checks the metadata for PKCE support.'
						})
		};
	},
	'proceed-unchecked': () => ({
		title: 'The client takes the endpoints and goes on',
		narration:
			'This client follows MCP 2025-06-18, which has no rule about `code_challenge_methods_supported`: it takes the endpoints from the metadata and goes on to sign in, with `S256` as always. MCP 2025-11-25 added the check: a client MUST verify PKCE support before proceeding and refuse when the field is absent.',
		cites: [
			cite('MCP 2025-06-18', 'Authorization Code Protection'),
			cite('MCP 2025-11-25', 'Authorization Code Protection')
		],
		code: at('discovery', 'discover-server', {
			unchecked: 'No PKCE check in this revision…',
			'use-endpoints': '…so the client takes the endpoints as they are.'
		})
	}),
	proceed: () => ({
		title: 'The client checks the metadata for PKCE',
		narration:
			'The metadata lists `S256`, so the client may start the sign-in, and it will use `S256`, as MCP requires of a client that can.',
		cites: [cite('MCP 2025-11-25', 'Authorization Code Protection'), cite('RFC 8414', '2')],
		code: at('discovery', 'check-pkce-support', {
			proceed: 'code_challenge_methods_supported is there and lists S256: go on.'
		}),
		question: 'The metadata lists S256. May the client go on?'
	}),
	refuse: (step) => ({
		title: 'The client checks the metadata for PKCE',
		narration: `The client stops here (${step.reason}). An MCP client MUST refuse to proceed then: from the metadata it cannot tell whether this server would check a verifier at all, and a code nothing checks is not protected (MCP 2025-11-25, unchanged in 2026-07-28).`,
		cites: [
			cite('MCP 2025-11-25', 'Authorization Code Protection'),
			cite('MCP 2026-07-28', 'Authorization'),
			cite('RFC 8414', '2')
		],
		code: at('discovery', 'check-pkce-support', {
			absent: 'No code_challenge_methods_supported: the server does not support PKCE, so stop.'
		}),
		question: 'The metadata does not mention PKCE. Should the client go on with the sign-in?'
	})
};
