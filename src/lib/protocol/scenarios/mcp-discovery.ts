import { CLIENT_RULES } from '../client-rules';
import type { ScenarioDefinition } from './definition';
import { createWorld } from '../world';
import { discover } from './discover';
import * as flow from './flow';

/**
 * MCP authorization 2025-11-25 (unchanged in 2026-07-28): verify PKCE support before anything
 * else. A 2025-06-18 client has no such rule and goes on.
 */
const mcpDiscovery: ScenarioDefinition = {
	async play(t, env, revision) {
		const rules = CLIENT_RULES[revision];
		const legacy = createWorld(env, { policy: { publishesPkceMethods: false }, configured: false });
		t.cast(legacy, 'legacy');
		await discover(t, legacy, rules);

		const w = createWorld(env, { configured: false });
		t.cast(w, 'pkce');
		if (!(await discover(t, w, rules))) return;
		await flow.signIn(t, w);
		await flow.clientRedeems(t, w);
		await flow.clientCallsMcp(t, w);
	}
};
export default mcpDiscovery;
