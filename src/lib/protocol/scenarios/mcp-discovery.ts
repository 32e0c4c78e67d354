import { checkPkceSupport, Discovery } from '../discovery';
import type { ScenarioDefinition } from './definition';
import { carriesOf, type Timeline } from '../timeline';
import { createWorld, MCP_RESOURCE, type World } from '../world';
import * as flow from './flow';

/** 401 -> RFC 9728 metadata -> RFC 8414 metadata -> proceed only with S256 announced. */
async function discover(t: Timeline, w: World): Promise<boolean> {
	const discovery = new Discovery(w.client, MCP_RESOURCE);
	const first = await discovery.callWithoutToken(w.send);
	t.record({
		id: 'mcp-unauthorized',
		from: 'client',
		to: 'mcp',
		kind: 'request',
		...first,
		carries: carriesOf({ request: first.request }),
		outcome: 'info'
	});
	const resource = await discovery.fetchResourceMetadata(w.send);
	t.record({
		id: 'resource-metadata',
		from: 'client',
		to: 'mcp',
		kind: 'request',
		...resource,
		carries: {},
		outcome: 'info'
	});
	const server = await discovery.fetchServerMetadata(w.send);
	t.record({
		id: 'server-metadata',
		from: 'client',
		to: 'as',
		kind: 'request',
		request: server.request,
		response: server.response,
		carries: {},
		outcome: 'info'
	});
	const support = checkPkceSupport(server.response.json ?? {});
	t.record({
		id: support.proceed ? 'proceed' : 'refuse',
		from: 'client',
		to: 'client',
		kind: 'local',
		carries: {},
		outcome: support.proceed ? 'ok' : 'rejected',
		...(!support.proceed && { reason: support.reason })
	});
	return support.proceed;
}

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
