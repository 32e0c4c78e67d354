import type { ScenarioDefinition } from '../runner';
import { createWorld } from '../world';
import * as flow from './flow';

/** RFC 7636 §1 case 4a: the attacker copies the code, races the client, and loses. */
const s256: ScenarioDefinition = {
	summary:
		'The attacker copies the authorization code and races the client to the token endpoint, but without the code_verifier every attempt gets invalid_grant; the client signs in.',
	async play(t, env) {
		const w = createWorld(env);
		t.cast(w);
		await flow.observedSignIn(t, w);
		await flow.attackerRedeems(t, w, 'no-verifier');
		await flow.attackerRedeems(t, w, 'guessed-verifier', {
			code: flow.at('authorization-server', 'token-verify-pkce')
		});
		await flow.clientRedeems(t, w, {
			narration:
				'The client sends the same `code` with its `code_verifier`. The attacker’s failed attempts did not use the code up: the server hashes this verifier, it matches the bound `code_challenge`, and the client gets an `access_token` marked `Cache-Control: no-store`.'
		});
		await flow.clientCallsMcp(t, w);
	}
};
export default s256;
