import { checkPkceSupport } from '../client';
import type { ScenarioDefinition } from '../runner';
import { carriesOf, type Timeline } from '../timeline';
import { createWorld, type World } from '../world';
import * as flow from './flow';

/** 401 -> RFC 9728 metadata -> RFC 8414 metadata -> proceed only with S256 announced. */
async function discover(t: Timeline, w: World): Promise<boolean> {
	const first = await w.client.callWithoutToken(w.send);
	t.record({
		id: 'mcp-unauthorized',
		title: 'The client calls the MCP server without a token',
		from: 'client',
		to: 'mcp',
		kind: 'request',
		...first,
		carries: carriesOf(first),
		outcome: 'info',
		narration:
			'The client calls the MCP server before it has a token. The server answers 401 with a `WWW-Authenticate` header whose `resource_metadata` says where to read how to get one.',
		cites: [
			flow.cite('RFC 9728', '5.1'),
			flow.cite('MCP 2025-11-25', 'Authorization Server Discovery')
		],
		code: flow.at('mcp-server', 'www-authenticate')
	});
	const resource = await w.client.fetchResourceMetadata(w.send);
	t.record({
		id: 'resource-metadata',
		title: 'The client reads the protected resource metadata',
		from: 'client',
		to: 'mcp',
		kind: 'request',
		...resource,
		carries: {},
		outcome: 'info',
		narration:
			'The protected resource metadata names the MCP server’s `resource` and its `authorization_servers`. The MCP server is only a resource server; tokens come from the authorization server it names.',
		cites: [
			flow.cite('RFC 9728', '3'),
			flow.cite('MCP 2025-11-25', 'Authorization Server Discovery')
		],
		code: flow.at('client', 'discover-resource')
	});
	const server = await w.client.fetchServerMetadata(w.send);
	const methods = server.response.json?.code_challenge_methods_supported;
	t.record({
		id: 'server-metadata',
		title: 'The client reads the authorization server metadata',
		from: 'client',
		to: 'as',
		kind: 'request',
		request: server.request,
		response: server.response,
		carries: {},
		outcome: 'info',
		narration: Array.isArray(methods)
			? `The RFC 8414 metadata lists the endpoints and \`code_challenge_methods_supported\`: ${methods.join(', ')}.`
			: 'The RFC 8414 metadata lists the endpoints — and no `code_challenge_methods_supported`. Under RFC 8414 an omitted field means the server does not support PKCE.',
		cites: [flow.cite('RFC 8414', '2'), flow.cite('RFC 9700', '2.1.1')],
		code: flow.at('client', 'discover-server')
	});
	const support = checkPkceSupport(server.response.json ?? {});
	t.record({
		id: support.proceed ? 'proceed' : 'refuse',
		title: support.proceed
			? 'S256 is supported: the client proceeds'
			: 'The client refuses to proceed',
		from: 'client',
		to: 'client',
		kind: 'local',
		carries: {},
		outcome: support.proceed ? 'ok' : 'rejected',
		narration: support.proceed
			? 'The metadata lists `S256`, so the client may start the sign-in, and it will use `S256`.'
			: `The client stops here (${support.reason}). An MCP client MUST refuse to proceed without PKCE rather than send the user through a flow that cannot protect the code.`,
		cites: [
			flow.cite('MCP 2025-11-25', 'Authorization Code Protection'),
			flow.cite('RFC 8414', '2')
		],
		code: flow.at('client', 'check-pkce-support')
	});
	return support.proceed;
}

/** MCP authorization 2025-11-25: verify PKCE support from the metadata before anything else. */
const mcpDiscovery: ScenarioDefinition = {
	summary:
		'The MCP client discovers the authorization server from the MCP server’s 401 and refuses to proceed unless its metadata announces S256 in code_challenge_methods_supported.',
	async play(t, env) {
		const legacy = createWorld(env, { policy: { publishesPkceMethods: false }, configured: false });
		t.cast(legacy, { id: 'legacy', title: 'A server that does not announce PKCE' });
		await discover(t, legacy);

		const w = createWorld(env, { configured: false });
		t.cast(w, { id: 'pkce', title: 'A server that announces S256' });
		if (!(await discover(t, w))) return;
		await flow.makeVerifier(t, w);
		const request = flow.openBrowser(t, w);
		flow.authorizeRequest(t, w, request);
		const location = await flow.authorizeResponse(t, w, request);
		flow.callback(t, w, location);
		await flow.clientRedeems(t, w, {
			cites: [
				flow.cite('RFC 7636', '4.6'),
				flow.cite('RFC 8707', '2'),
				flow.cite('MCP 2025-11-25', 'Resource Parameter Implementation')
			]
		});
		await flow.clientCallsMcp(t, w);
	}
};
export default mcpDiscovery;
