import type { ScenarioStory } from '../types';
import { at, cite, errorOf } from './text';

/** OAuth 2.1 (-15) §7.5.2, "Reuse of Authorization Codes": an invalid replay does not revoke. */
const replay: ScenarioStory = {
	description: 'A replay with a wrong verifier is refused and does not revoke the real tokens.',
	summary:
		'The client redeems first; the attacker’s replay of the used code with a wrong code_verifier is refused and, being invalid, does not revoke the client’s token.',
	steps: {
		'token-client': {
			narration:
				'This time the client is first. It sends the `code` with its `code_verifier` on the back channel; the SHA-256 of the verifier equals the bound `code_challenge`, the client gets its `access_token`, and the code is now used.'
		},
		'token-attacker-replay': (step) => ({
			title: 'The attacker replays the used code',
			narration: `The attacker replays the used \`code\` with a guessed \`code_verifier\`. This server checks the verifier before it looks at reuse, so it refuses with \`${errorOf(step)}\` and does not revoke the client’s token: OAuth 2.1 says a server SHOULD NOT revoke tokens because of a replay with invalid parameters, or a thief holding only the code could sign the user out.`,
			cites: [cite('OAuth 2.1', '7.5.2'), cite('RFC 6749', '4.1.2'), cite('RFC 7636', '4.6')],
			code: at('authorization-server', 'token-verify-pkce', {
				recompute: 'The server hashes the guessed verifier…',
				mismatch: '…it does not match: refused here, before the reuse check that would revoke.'
			}),
			question:
				'A used code comes back with a wrong verifier. Should the server revoke the client’s token?'
		}),
		'mcp-call-again': {
			title: 'The client calls the MCP server again',
			narration:
				'The client calls the MCP server again with the same token, and it still works: the replay did not revoke it.',
			cites: [cite('OAuth 2.1', '7.5.2')]
		}
	},
	end: {
		had: 'the used authorization code',
		lacked: 'the code_verifier',
		verdict: 'Blocked: the client stays signed in',
		tone: 'blocked',
		lesson:
			'A replay the server refuses must not cost the client its tokens; only a valid second use is a reason to revoke.',
		contrast:
			'Without PKCE a replay would be a valid request: denied, and the tokens issued from the code revoked.',
		next: 'injection',
		tools: [{ label: 'Redeem a code with a wrong verifier', section: 'redeem-title' }]
	}
};
export default replay;
