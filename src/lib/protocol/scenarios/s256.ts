import type { ScenarioDefinition } from './definition';
import { createWorld } from '../world';
import * as flow from './flow';

/** RFC 7636 §1 case 4a: the attacker copies the code and redeems it first; it is refused. */
const s256: ScenarioDefinition = {
	async play(t, env) {
		const w = createWorld(env);
		t.cast(w);
		await flow.signIn(t, w, { observed: true });
		await flow.attackerRedeems(t, w, 'no-verifier');
		await flow.attackerRedeems(t, w, 'guessed-verifier');
		await flow.clientRedeems(t, w);
		await flow.clientCallsMcp(t, w);
	}
};
export default s256;
