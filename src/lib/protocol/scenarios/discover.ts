import { Discovery, type MetadataCheck } from '../discovery';
import type { Send } from '../http';
import type { ClientRules } from '../client-rules';
import { carriesOf, type Timeline } from '../timeline';
import { MCP_RESOURCE, type World } from '../world';

/** The client's refusal of a document that fails its check. */
function refuse(t: Timeline, id: string, verdict: MetadataCheck): boolean {
	if (verdict.found && !verdict.valid) {
		t.record({
			id,
			from: 'client',
			to: 'client',
			kind: 'local',
			carries: {},
			outcome: 'rejected',
			reason: verdict.reason
		});
		return true;
	}
	return false;
}

/**
 * Discovery as the client's MCP revision runs it (2026-07-28: the 401, the protected resource
 * metadata, named or at the well-known URLs in order, the authorization server metadata, RFC
 * 8414 then OpenID Connect Discovery, each checked before it is used; earlier revisions less).
 */
export async function discover(
	t: Timeline,
	w: World,
	rules: ClientRules,
	send: Send = w.send
): Promise<boolean> {
	const discovery = new Discovery(w.client, MCP_RESOURCE, rules);
	const first = await discovery.callWithoutToken(send);
	t.record({
		id: 'mcp-unauthorized',
		from: 'client',
		to: 'mcp',
		kind: 'request',
		...first,
		carries: carriesOf({ request: first.request }),
		outcome: 'info'
	});

	for (const [i, url] of discovery.resourceMetadataUrls().entries()) {
		const { request, response, verdict } = await discovery.fetchResourceMetadata(send, url);
		t.record({
			id: i === 0 ? 'resource-metadata' : 'resource-metadata-root',
			action: 'resource-metadata',
			from: 'client',
			to: 'mcp',
			kind: 'request',
			request,
			response,
			carries: {},
			outcome: verdict.found ? 'info' : 'rejected'
		});
		if (refuse(t, 'refuse-resource', verdict)) return false;
		if (verdict.found) break;
	}
	if (!discovery.hasAuthorizationServer()) {
		const reason = discovery.resourceMetadataUrls().length
			? 'no protected resource metadata found'
			: 'the 401 names no resource_metadata, and this client has nowhere else to look';
		return !refuse(t, 'refuse-resource', { found: true, valid: false, reason });
	}

	const names = ['server-metadata', 'server-metadata-oidc', 'server-metadata-oidc-appended'];
	for (const [i, url] of discovery.serverMetadataUrls().entries()) {
		const { request, response, verdict, support } = await discovery.fetchServerMetadata(send, url);
		t.record({
			id: names[i]!,
			action: 'server-metadata',
			from: 'client',
			to: 'as',
			kind: 'request',
			request,
			response,
			carries: {},
			outcome: verdict.found ? 'info' : 'rejected'
		});
		if (refuse(t, 'refuse-issuer', verdict)) return false;
		if (!support) continue;
		const unchecked = support.proceed && support.unchecked;
		t.record({
			id: support.proceed ? (unchecked ? 'proceed-unchecked' : 'proceed') : 'refuse',
			from: 'client',
			to: 'client',
			kind: 'local',
			carries: {},
			outcome: support.proceed ? (unchecked ? 'info' : 'ok') : 'rejected',
			...(!support.proceed && { reason: support.reason })
		});
		return support.proceed;
	}
	const reason = 'no authorization server metadata found';
	return !refuse(t, 'refuse-issuer', { found: true, valid: false, reason });
}
