import type { ScenarioDefinition } from './definition';
import { createWorld } from '../world';
import { discover } from './discover';
import * as flow from './flow';

/** MCP authorization 2025-11-25 (unchanged in 2026-07-28): verify PKCE support before anything else. */
const mcpDiscovery: ScenarioDefinition = {
	async play(t, env) {
		const legacy = createWorld(env, { policy: { publishesPkceMethods: false }, configured: false });
		t.cast(legacy, 'legacy');
		await discover(t, legacy);

		const w = createWorld(env, { configured: false });
		t.cast(w, 'pkce');
		if (!(await discover(t, w))) return;
		await flow.signIn(t, w);
		await flow.clientRedeems(t, w);
		await flow.clientCallsMcp(t, w);
	}
};
export default mcpDiscovery;
