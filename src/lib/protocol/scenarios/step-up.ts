import { CLIENT_RULES, type ClientRules } from '../client-rules';
import { ScopedMcpServer } from '../scoped-mcp-server';
import { StepUp } from '../step-up';
import type { Timeline } from '../timeline';
import { createWorld, type Environment, type World } from '../world';
import type { ScenarioDefinition } from './definition';
import * as flow from './flow';

/** What the authorization server issues: no `notes:admin`, whatever a client asks for. */
export const ISSUED_SCOPES = ['notes:read', 'notes:write'];
/** What each tool of the MCP server needs. */
export const TOOL_SCOPES = {
	list_notes: 'notes:read',
	add_note: 'notes:write',
	delete_all_notes: 'notes:admin'
};

/** The sign-in the client made before the story starts, with `notes:read`: not shown. */
async function signedInEarlier(w: World): Promise<void> {
	await w.client.startSignIn();
	const response = await w.send(w.browser.navigate(w.client.authorizationUrl()), {
		user: w.browser.user
	});
	const location = w.browser.receive(response);
	if (!location) throw new Error(`the server answered ${response.status}`);
	w.client.receiveCallback(location);
	await w.client.redeem(w.send);
}

/** The client stops and tells the user why. */
function givesUp(t: Timeline, reason: string): void {
	t.record({
		id: 'client-gives-up',
		from: 'client',
		to: 'client',
		kind: 'local',
		carries: {},
		outcome: 'rejected',
		reason
	});
}

/**
 * One tool call with step-up: 403 `insufficient_scope`, a new sign-in with a new PKCE pair for
 * the scopes the client's revision asks for, the call again; and, if the server still refuses,
 * the client stops. A 2025-11-25 client, which asked for the challenge's scopes alone, then finds
 * a call that worked before refused. Returns false when the client has no step-up at all.
 */
async function phase(
	t: Timeline,
	env: Environment,
	rules: ClientRules,
	id: string,
	tool: string
): Promise<boolean> {
	const w = createWorld(env, {
		scopes: ISSUED_SCOPES,
		scope: 'notes:read',
		mcp: (options) => new ScopedMcpServer(options, TOOL_SCOPES)
	});
	t.cast(w, id);
	await signedInEarlier(w);
	const stepUp = new StepUp(w.client, rules.stepUp);
	const denied = await flow.clientCallsMcp(t, w, { id: 'tool-denied', tool });
	const decision = stepUp.decide(denied);
	if (decision.action === 'give-up') {
		givesUp(t, decision.reason);
		return false;
	}
	if (decision.action !== 'reauthorize') throw new Error(`no step-up: ${decision.action}`);
	await flow.signIn(t, w);
	await flow.clientRedeems(t, w);
	const retried = await flow.clientCallsMcp(t, w, { id: 'tool-retried', tool });
	const next = stepUp.decide(retried);
	if (next.action === 'give-up') givesUp(t, next.reason);
	else if (!w.client.scope?.split(' ').includes('notes:read'))
		await flow.clientCallsMcp(t, w, { id: 'scope-lost', tool: 'list_notes' });
	return true;
}

/**
 * Step-up authorization (MCP 2025-11-25 "Scope Challenge Handling", 2026-07-28): the client
 * signs in again with a new PKCE pair for the union of its scopes; a retry limit ends a call
 * the server will never allow.
 */
const stepUp: ScenarioDefinition = {
	async play(t, env, revision) {
		const rules = CLIENT_RULES[revision];
		if (!(await phase(t, env, rules, 'more-scope', 'add_note'))) return;
		// A 2025-11-25 client would ask for notes:admin alone, which this server does not issue.
		if (rules.stepUp === 'union') await phase(t, env, rules, 'never-enough', 'delete_all_notes');
	}
};
export default stepUp;
