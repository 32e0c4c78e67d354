import type { ScenarioDefinition } from './definition';
import { createWorld } from '../world';
import * as flow from './flow';

/** The interception of RFC 7636 §1 against a server and a client that do not use PKCE. */
const noPkce: ScenarioDefinition = {
	async play(t, env) {
		const w = createWorld(env, { policy: { pkceRequired: false }, pkce: 'none' });
		t.cast(w);
		await flow.signIn(t, w, { observed: true });
		await flow.attackerRedeems(t, w, 'no-verifier');
		await flow.attackerCallsMcp(t, w);
		await flow.clientRedeems(t, w);
		await flow.attackerCallsMcp(t, w, { id: 'mcp-attacker-revoked' });
	}
};
export default noPkce;
