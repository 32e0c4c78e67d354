import { jsonResponse, type Send } from '../http';
import { CLIENT_RULES, type ClientRules } from '../client-rules';
import type { Timeline } from '../timeline';
import { createWorld, ISSUER, type Environment, type World } from '../world';
import type { ScenarioDefinition } from './definition';
import { discover } from './discover';

/** Where the servers of a phase publish their metadata, and what it says. */
interface Hosting {
	/** Whether the MCP server's 401 names its metadata (RFC 9728 §5.1). */
	announces: boolean;
	/** Where the MCP server serves its protected resource metadata. */
	resourceMetadataAt: string;
	/** Where the authorization server serves its metadata. */
	serverMetadataAt: string;
	/** What differs in the documents from what the servers would say. */
	resourceMetadata?: Record<string, unknown>;
	serverMetadata?: Record<string, unknown>;
}

const RESOURCE_ROOT = 'https://mcp.example.com/.well-known/oauth-protected-resource';
const RESOURCE_PATH = `${RESOURCE_ROOT}/mcp`;
const OAUTH = `${ISSUER}/.well-known/oauth-authorization-server`;
const OIDC = `${ISSUER}/.well-known/openid-configuration`;

/**
 * The phase's servers on the network: the world's actors, with their metadata documents at the
 * addresses (and with the contents) of this set-up; every other well-known URL is a 404.
 */
function hosted(w: World, hosting: Hosting): Send {
	return async (request, context) => {
		const url = new URL(request.url);
		const endpoint = url.origin + url.pathname;
		if (request.method === 'GET' && endpoint === hosting.resourceMetadataAt)
			return jsonResponse(200, { ...w.mcp.resourceMetadata(), ...hosting.resourceMetadata });
		if (request.method === 'GET' && endpoint === hosting.serverMetadataAt)
			return jsonResponse(200, { ...w.as.metadata(), ...hosting.serverMetadata });
		if (url.pathname.startsWith('/.well-known/')) return jsonResponse(404, { error: 'not_found' });
		const response = await w.send(request, context);
		if (response.status !== 401 || hosting.announces) return response;
		return { ...response, headers: [['WWW-Authenticate', 'Bearer']] };
	};
}

/** One phase: the world, its servers' metadata where `hosting` puts it, and the client's discovery. */
async function phase(
	t: Timeline,
	env: Environment,
	rules: ClientRules,
	id: string,
	hosting: Hosting
) {
	const w = createWorld(env, { configured: false });
	t.cast(w, id);
	await discover(t, w, rules, hosted(w, hosting));
}

/** Discovery as the spec runs it: the fallbacks in order, and the two checks that refuse. */
const discovery: ScenarioDefinition = {
	async play(t, env, revision) {
		const rules = CLIENT_RULES[revision];
		await phase(t, env, rules, 'fallback', {
			announces: false,
			resourceMetadataAt: RESOURCE_ROOT,
			serverMetadataAt: OIDC
		});
		await phase(t, env, rules, 'wrong-resource', {
			announces: true,
			resourceMetadataAt: RESOURCE_PATH,
			serverMetadataAt: OAUTH,
			resourceMetadata: { resource: 'https://mcp.other.example/mcp' }
		});
		await phase(t, env, rules, 'wrong-issuer', {
			announces: true,
			resourceMetadataAt: RESOURCE_PATH,
			serverMetadataAt: OAUTH,
			serverMetadata: { issuer: 'https://login.other.example' }
		});
	}
};
export default discovery;
