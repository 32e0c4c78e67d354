import { approvalOf } from '../authorization-server';
import { Impersonation } from '../impersonation';
import { carriesOf, type Timeline } from '../timeline';
import { createWorld, type World } from '../world';
import type { ScenarioDefinition } from './definition';
import * as flow from './flow';

/** A Client ID Metadata Document URL: the honest client's public name at every server. */
export const CIMD_CLIENT_ID = 'https://notes-cli.example.com/client.json';
/** The port the malicious app listens on: any loopback port is accepted (RFC 8252 §7.3). */
export const IMPERSONATOR_PORT = 49152;

/**
 * The malicious app starts a sign-in of its own under the honest client's `client_id` and opens
 * the user's browser at it; returns the browser's request and the server's first answer.
 */
async function impersonate(t: Timeline, w: World) {
	const app = new Impersonation(w.attacker);
	const url = await app.start(IMPERSONATOR_PORT);
	t.record({
		id: 'impersonator-starts',
		from: 'attacker',
		to: 'attacker',
		kind: 'local',
		carries: w.attacker.knowledge(),
		outcome: 'info'
	});
	const request = w.browser.navigate(url);
	t.record({
		id: 'impersonator-opens-browser',
		from: 'attacker',
		to: 'browser',
		kind: 'redirect',
		request,
		carries: carriesOf({ request }),
		outcome: 'info'
	});
	const response = await w.send(request, { user: w.browser.user, approved: false });
	return { app, request, response };
}

/** The browser follows the server's redirect to the malicious app's listener. */
function deliver(t: Timeline, w: World, app: Impersonation, location: string): boolean {
	const request = w.browser.navigate(location);
	const result = app.receive(request.url);
	t.record({
		id: 'impersonator-callback',
		from: 'browser',
		to: 'attacker',
		kind: 'redirect',
		request,
		response: result.response,
		carries: carriesOf({ request }),
		outcome: result.accepted ? 'info' : 'attacker-fails',
		...(!result.accepted && { reason: result.reason })
	});
	return result.accepted;
}

/**
 * A borrowed client ID on localhost (MCP 2025-11-25, "Localhost Redirect URI Risks"): PKCE passes
 * for the malicious app, whose flow it is. What stops it is a server that asks the user every
 * time (RFC 8252 §8.6, OAuth 2.1 §7.3.1), and a user who declines a sign-in they did not start.
 */
const impersonation: ScenarioDefinition = {
	async play(t, env) {
		// The user approved the notes client earlier; only the lax server remembers it.
		const approvals = new Set<string>();
		const lax = createWorld(env, { clientId: CIMD_CLIENT_ID, approvals });
		approvals.add(approvalOf(lax.browser.user, CIMD_CLIENT_ID));
		t.cast(lax, 'auto-approve');
		const silent = await impersonate(t, lax);
		const location = lax.browser.receive(silent.response);
		if (!location) throw new Error(`the server answered ${silent.response.status}`);
		t.record({
			id: 'auto-approved',
			from: 'as',
			to: 'browser',
			kind: 'redirect',
			request: silent.request,
			response: silent.response,
			carries: carriesOf({ response: silent.response }),
			outcome: 'info'
		});
		deliver(t, lax, silent.app, location);
		const exchange = await silent.app.redeem(lax.send);
		t.record({
			id: 'impersonator-redeems',
			from: 'attacker',
			to: 'as',
			kind: 'request',
			...exchange,
			carries: carriesOf({ request: exchange.request }),
			outcome: flow.attackerOutcome(exchange.response.status),
			...flow.serverCheck(lax)
		});
		await flow.attackerCallsMcp(t, lax);

		const strict = createWorld(env, { clientId: CIMD_CLIENT_ID });
		t.cast(strict, 'ask-first');
		const asked = await impersonate(t, strict);
		t.record({
			id: 'consent-page',
			from: 'browser',
			to: 'as',
			kind: 'request',
			request: asked.request,
			response: asked.response,
			carries: carriesOf({ request: asked.request }),
			outcome: 'info'
		});
		const declined = await strict.send(asked.request, {
			user: strict.browser.user,
			declined: true
		});
		const back = strict.browser.receive(declined);
		if (!back) throw new Error(`the server answered ${declined.status}`);
		t.record({
			id: 'user-declines',
			from: 'as',
			to: 'browser',
			kind: 'redirect',
			response: declined,
			carries: carriesOf({ response: declined }),
			outcome: 'rejected'
		});
		deliver(t, strict, asked.app, back);
	}
};
export default impersonation;
