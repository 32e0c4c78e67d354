import type { ScenarioStory } from '../types';
import { at, cite, errorOf } from './text';

/** RFC 9700 §4.5: a stolen code injected into the attacker's own session of the client. */
const injection: ScenarioStory = {
	description: 'The attacker feeds a stolen code to its own copy of the client; PKCE refuses it.',
	summary:
		'The attacker injects the stolen code into its own sign-in with the same client; its code_verifier does not match the victim’s code_challenge, so the server refuses.',
	steps: {
		'attacker-own-sign-in': {
			title: 'The attacker starts a sign-in of its own',
			narration:
				'The attacker runs its own copy of the same MCP client and signs in to its own account. That client makes its own `code_verifier` and `code_challenge`; the server redirects with a `code` for the attacker.',
			cites: [cite('RFC 9700', '4.5')],
			code: at('code-injection', 'own-session', {
				'own-verifier': 'Its own copy of the client makes its own verifier and challenge.'
			})
		},
		'inject-code': {
			title: 'The attacker swaps the stolen code into its own callback',
			narration:
				'Before its client sees the callback, the attacker replaces its own `code` with the victim’s. The `state` is its own, so its client accepts the callback and takes the code to the token endpoint as if it were its own.',
			cites: [cite('RFC 9700', '4.5')],
			code: at('code-injection', 'inject-stolen-code', {
				swap: 'The victim’s code replaces the attacker’s own in its callback…',
				accept: '…and its client accepts the callback: the state in it is its own.'
			})
		},
		'token-injected': (step) => ({
			title: 'The attacker’s client sends the victim’s code with its own verifier',
			narration: `The attacker’s client sends the victim’s \`code\` with its own \`code_verifier\`. Its SHA-256 is the attacker’s challenge, not the one bound to this code, so the server answers \`${errorOf(step)}\`. Without PKCE (or, in OpenID Connect, a checked \`nonce\`, a one-time value the client checks in the ID token) nothing would have told the two sign-ins apart.`,
			cites: [cite('RFC 9700', '4.5'), cite('RFC 7636', '4.6')],
			code: at('authorization-server', 'token-verify-pkce', {
				recompute: 'The server hashes the attacker client’s own verifier…',
				mismatch: '…which is not the challenge bound to the victim’s code: invalid_grant.'
			}),
			question:
				'The attacker’s own client sends the victim’s code with its own verifier. Will it work?'
		}),
		'token-client': {
			narration:
				'The victim’s client redeems its `code` with its own `code_verifier`. This server keeps a code valid after a refused attempt (its choice; the specs leave it open), so the client gets its `access_token`.'
		}
	},
	end: {
		had: 'the victim’s code, and a real copy of the client with a verifier of its own',
		lacked: 'the verifier whose hash is bound to the victim’s code',
		verdict: 'Blocked: the client signs in',
		tone: 'blocked',
		lesson:
			'PKCE ties a code to the sign-in that asked for it: a code injected into another sign-in fails, even in the same client.',
		contrast: 'Without PKCE the attacker’s client would be signed in to the victim’s account.',
		next: 'mcp-discovery',
		tools: [{ label: 'Redeem a code with a wrong verifier', section: 'redeem-title' }]
	}
};
export default injection;
