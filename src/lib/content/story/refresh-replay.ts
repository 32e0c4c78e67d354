import type { ScenarioStory } from '../types';
import { at, cite, errorOf } from './text';

/**
 * A stolen refresh token under rotation (RFC 9700 §4.14.2, OAuth 2.1 §4.3.1): PKCE protects the
 * code, not the tokens that come of it; rotation makes a second use of a refresh token visible.
 */
const refreshReplay: ScenarioStory = {
	description:
		'PKCE protects the code, not the tokens after it: a copied refresh token works once, and rotation catches the second use.',
	summary:
		'PKCE protected the code; the refresh token that came of it is a bearer credential. The attacker uses a copy first and it works — then the client uses the same refresh token, the server sees it twice and revokes the whole grant.',
	steps: {
		'token-client': {
			narration:
				'The client sends the `code` with its `code_verifier` on the back channel; the SHA-256 of the verifier equals the bound `code_challenge`. This server issues refresh tokens, so the answer carries an `access_token` and a `refresh_token`: a credential the client can later trade at the token endpoint for new tokens, without asking the user again. PKCE has done its work: the tokens went to the app that started this sign-in.',
			cites: [cite('RFC 7636', '4.6'), cite('OAuth 2.1', '4.3')]
		},
		'refresh-client': {
			title: 'The client refreshes its tokens',
			narration:
				'Access tokens are short-lived (`expires_in` 3600 seconds here). In the story an hour has passed (the simulation does not wait): the client sends its `refresh_token` to the token endpoint instead of asking the user again. This server rotates refresh tokens: each is good for one refresh, and the answer brings a new `access_token` and a new `refresh_token`. The client keeps the new one and throws the old one away.',
			cites: [cite('OAuth 2.1', '4.3'), cite('OAuth 2.1', '4.3.1'), cite('OAuth 2.1', '4.3.2')],
			code: at('refresh-tokens', 'refresh-token', {
				send: 'The refresh token goes to the token endpoint, on the back channel.',
				rotate: 'The answer brings a new refresh token; the old one is discarded.'
			})
		},
		'attacker-copies-refresh': {
			title: 'The attacker gets a copy of the refresh token',
			narration:
				'Suppose another program gets hold of a copy of the client’s `refresh_token`. How is not this story’s subject; what happens next is. PKCE cannot help here: it binds the authorization code to the sign-in, and the code is spent. A public client has no secret to prove who is presenting a refresh token, so OAuth requires its refresh tokens to be sender-constrained (bound to a key only the client holds) or rotated. This server rotates them.',
			cites: [cite('OAuth 2.1', '4.3.1'), cite('RFC 9700', '2.2.2')],
			code: at('refresh-tokens', 'refresh-token', {
				send: 'A refresh request carries the refresh token and the public client_id: nothing only the client has.'
			})
		},
		'refresh-attacker': (step) => ({
			title: 'The attacker sends the copied refresh token',
			narration:
				step.outcome === 'attacker-wins'
					? 'The attacker sends the copied `refresh_token` to the token endpoint with the public `client_id`. Nothing in the request tells it apart from the client. The server rotates: it marks the refresh token as used and answers with a new `access_token` and a new `refresh_token` — now the attacker’s.'
					: `The server refuses: \`${errorOf(step)}\`.`,
			cites: [cite('OAuth 2.1', '4.3.1'), cite('RFC 9700', '4.14.2')],
			code: at('refresh-tokens', 'token-refresh', {
				rotate: 'Valid and unused: spent now, and the answer carries the next refresh token.'
			}),
			question: 'The attacker sends the copied refresh token before the client. Does it get tokens?'
		}),
		'refresh-client-replay': (step) => ({
			title: 'The client refreshes with the refresh token it holds',
			narration: `When its access token runs out again, the client refreshes with the refresh token it holds — the one the attacker has already used. Rotation does not stop the first use of a stolen refresh token; it makes this second use visible. The server cannot tell which sender is the client, and OAuth 2.1 says what follows: it revokes the active refresh token (now the attacker’s new one) and the grant behind it. This server answers \`${errorOf(step)}\`, as oidc-provider does, and revokes the access tokens of the grant too. The client forgets its tokens.`,
			cites: [cite('OAuth 2.1', '4.3.1'), cite('RFC 9700', '4.14.2')],
			code: at('refresh-tokens', 'token-refresh', {
				replay: 'This refresh token was used before: two parties hold it…',
				revoke: '…so the server revokes the whole grant: every token issued under it.'
			}),
			question:
				'The client now sends its refresh token — the one the attacker already used. What does the server do?'
		}),
		'mcp-attacker': {
			cites: [cite('RFC 9700', '4.14.2'), cite('RFC 8707', '2')]
		},
		'mcp-attacker-revoked': (step) => ({
			title: 'The attacker calls the MCP server again',
			narration: `The attacker calls the MCP server again with the access token it got from its refresh. That token belongs to the revoked grant. This MCP server asks the authorization server about every token, so it sees the revocation at once: 401, \`${errorOf(step) ?? 'invalid_token'}\`.`,
			cites: [cite('RFC 6750', '3.1')],
			code: at('mcp-server', 'check-audience', {
				audience: 'Revoked with its grant, the token is no longer active: 401.'
			})
		}),
		'refresh-attacker-revoked': (step) => ({
			title: 'The attacker tries the refresh token it got',
			narration: `The attacker tries the refresh token it got in exchange. It was never used, but its grant is revoked: \`${errorOf(step)}\`. Neither party holds anything that works now.`,
			cites: [cite('OAuth 2.1', '4.3.1')],
			code: at('refresh-tokens', 'token-refresh', {
				revoked: 'Unused, but its grant is revoked: refused.'
			})
		}),
		'make-verifier-again': {
			title: 'The client signs in again, with a new code_verifier',
			narration:
				'Detection has a price: the client lost its tokens too, and the user has to approve again. The client starts a new sign-in from the beginning with a fresh `code_verifier` and `code_challenge` — PKCE makes a new pair for every authorization request — and a fresh `state`. Nothing the attacker holds works with the new grant.',
			cites: [cite('RFC 7636', '4.1'), cite('OAuth 2.1', '4.3.1')],
			code: at('client', 'make-verifier', {
				verifier: 'A new verifier for the new sign-in: never the old one.',
				challenge: 'And its own challenge.'
			})
		}
	},
	end: {
		had: 'a copy of the refresh token, and for a while an access token of its own',
		lacked: 'a way to use the same refresh token as the client without the server seeing it twice',
		verdict: 'Detected: the grant is revoked, the user signs in again',
		tone: 'mixed',
		lesson:
			'PKCE protects the code, not the tokens that come of it. Rotating a public client’s refresh tokens turns a second use of one into an alarm that revokes the grant.',
		contrast:
			'Without rotation or sender-constraining, the copied refresh token would go on minting access tokens, and neither the client nor the server would see anything.',
		next: 'impersonation',
		tools: [{ label: 'Quiz: who must use PKCE?', section: 'quiz-title' }]
	}
};
export default refreshReplay;
