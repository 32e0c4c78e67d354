import type { ScenarioDefinition } from '../runner';
import { createWorld } from '../world';
import * as flow from './flow';

/** OAuth 2.1 draft -15, "Reuse of Authorization Codes": a bad replay must not revoke. */
const replay: ScenarioDefinition = {
	summary:
		'The client redeems first; the attacker’s replay of the used code with a wrong code_verifier is refused and, being invalid, does not revoke the client’s token.',
	async play(t, env) {
		const w = createWorld(env);
		t.cast(w);
		await flow.observedSignIn(t, w);
		await flow.clientRedeems(t, w, {
			narration:
				'This time the client is faster. It sends the `code` with its `code_verifier`; the server hashes the verifier, it matches the bound `code_challenge`, and the code is now used.'
		});
		await flow.clientCallsMcp(t, w);
		await flow.attackerRedeems(t, w, 'guessed-verifier', {
			id: 'token-attacker-replay',
			title: 'The attacker replays the used code',
			narration:
				'The attacker replays the used `code` with a guessed `code_verifier`. The server refuses it with `invalid_grant` at the verifier check, before it looks at reuse — so it does not revoke the client’s token: a thief holding only the code cannot sign the user out.',
			cites: [
				flow.cite('OAuth 2.1', 'Reuse of Authorization Codes'),
				flow.cite('RFC 6749', '4.1.2'),
				flow.cite('RFC 7636', '4.6')
			],
			code: flow.at('authorization-server', 'token-reuse')
		});
		await flow.clientCallsMcp(t, w, {
			id: 'mcp-call-again',
			title: 'The client’s token still works',
			narration:
				'The client calls the MCP server again with the same token, and it still works: the replay did not revoke it.',
			cites: [flow.cite('OAuth 2.1', 'Reuse of Authorization Codes')]
		});
	}
};
export default replay;
