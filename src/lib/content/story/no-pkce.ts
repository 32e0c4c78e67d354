import type { ScenarioStory } from '../types';
import { at, cite } from './text';

/** The interception of RFC 7636 §1 against a server and a client that do not use PKCE. */
const noPkce: ScenarioStory = {
	description:
		'The same interception against a server and client without PKCE: the attacker gets in.',
	summary:
		'Without PKCE the copied code is all the attacker needs: it redeems the code and reads the user’s data; the client’s redemption is then refused and the server revokes the token, after the harm is done.',
	steps: {
		'authorize-request': {
			narration:
				'This server makes PKCE optional: it checks the `client_id` and the loopback `redirect_uri`, and accepts the request with or without a `code_challenge`. Public clients MUST use PKCE (RFC 9700), and OAuth 2.1 has the server reject a public client’s request without a challenge; here the client sends none and the server does not insist.',
			cites: [cite('RFC 8252', '7.3'), cite('RFC 9700', '2.1.1'), cite('OAuth 2.1', '4.1.2.1')],
			code: at('authorization-server', 'authorize-client-check', {
				client: 'The client_id must be registered…',
				redirect: '…and the redirect_uri must be its registered loopback URI.'
			})
		},
		'attacker-observes': {
			narration:
				'A malicious app on the same machine gets a copy of the redirect URL, as in the other scenarios (on some systems another app can reach the loopback interface the client listens on). It now holds the `code` and the `state` — and without PKCE that is all anyone needs.'
		},
		'token-attacker-no-verifier': {
			title: 'The attacker sends the code to the token endpoint',
			question: 'No challenge is bound to this code. Will the attacker get a token?',
			cites: [cite('RFC 7636', '1'), cite('RFC 9700', '2.1.1')]
		},
		'token-client': {
			title: 'The client sends the same code',
			narration:
				'The client’s request is valid, but the code was already used. The server MUST deny it, and SHOULD revoke the tokens already issued from that code; this server does, so the attacker’s token stops working.',
			cites: [cite('RFC 6749', '4.1.2'), cite('OAuth 2.1', '4.1.3')],
			code: at('authorization-server', 'token-reuse', {
				used: 'The code was already used, by the attacker…',
				revoke: '…so the server revokes the tokens issued from it…',
				deny: '…and denies this request.'
			}),
			question: 'The attacker redeemed the code first. What happens to the client’s request?'
		},
		'mcp-attacker-revoked': {
			title: 'The attacker calls the MCP server again',
			narration:
				'The attacker’s token no longer works: the MCP server answers 401 with `error="invalid_token"`. Too late: the attacker read the user’s notes two steps ago, and the user is not signed in either. Revocation limited the damage; PKCE would have prevented it.',
			cites: [cite('RFC 6749', '4.1.2'), cite('RFC 6750', '3.1')],
			code: at('mcp-server', 'check-audience', {
				audience: 'The token was revoked: it is no longer active, so the server answers 401.'
			}),
			verdict: 'Refused, too late: the notes were read'
		}
	},
	end: {
		had: 'the authorization code and the state',
		lacked: 'nothing: this server asks only for the code and the public client_id and redirect_uri',
		verdict: 'Attacker gets in',
		tone: 'attacker-gets-in',
		lesson:
			'Without PKCE a copied code is a token: the attacker read the user’s notes before anything was revoked.',
		contrast:
			'With PKCE (S256) the same attacker is refused, even when it arrives first, and the client signs in.',
		next: 'plain',
		tools: [{ label: 'Failure modes: a server that never checks', section: 'failures-title' }]
	}
};
export default noPkce;
