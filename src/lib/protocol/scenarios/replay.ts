import type { ScenarioDefinition } from './definition';
import { createWorld } from '../world';
import * as flow from './flow';

/** OAuth 2.1 draft -15 §7.5.2, "Reuse of Authorization Codes": a bad replay does not revoke. */
const replay: ScenarioDefinition = {
	async play(t, env) {
		const w = createWorld(env);
		t.cast(w);
		await flow.signIn(t, w, { observed: true });
		await flow.clientRedeems(t, w);
		await flow.clientCallsMcp(t, w);
		await flow.attackerRedeems(t, w, 'guessed-verifier', { id: 'token-attacker-replay' });
		await flow.clientCallsMcp(t, w, { id: 'mcp-call-again' });
	}
};
export default replay;
