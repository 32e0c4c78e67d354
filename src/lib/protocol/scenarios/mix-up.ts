import { CLIENT_RULES } from '../client-rules';
import type { Attacker } from '../attacker';
import { HOSTILE_RESOURCE, HostileServer, type HonestServer } from '../hostile-server';
import type { ScenarioDefinition } from './definition';
import { carriesOf, type Timeline } from '../timeline';
import { createWorld, type World } from '../world';
import * as flow from './flow';

/**
 * The sign-in starts at the attacker's authorization server, which sends the browser on to the
 * honest one; the user approves there, and the honest server's code comes back to the client.
 * Returns whether the client accepted the callback.
 */
async function mixedUpSignIn(t: Timeline, w: World): Promise<boolean> {
	await flow.makeVerifier(t, w);
	const start = flow.openBrowser(t, w);
	const forward = await w.send(start, { user: w.browser.user });
	const location = w.browser.receive(forward);
	if (!location) throw new Error('the attacker’s server did not redirect');
	t.record({
		id: 'hostile-authorize',
		from: 'browser',
		to: 'attacker',
		kind: 'request',
		request: start,
		response: forward,
		carries: carriesOf({ request: start }),
		outcome: 'info'
	});
	const request = w.browser.navigate(location);
	await flow.authorizeRequest(t, w, request);
	const back = await flow.authorizeResponse(t, w, request);
	return flow.callback(t, w, back);
}

/**
 * Mix-up (RFC 9700 §4.4): PKCE passes for the attacker, because the client itself sends the
 * `code_verifier` to the attacker's token endpoint. The `iss` check (RFC 9207 §2.4, required of MCP
 * clients since 2026-07-28) stops the client before it sends the code anywhere.
 */
const mixUp: ScenarioDefinition = {
	async play(t, env, revision) {
		const rules = CLIENT_RULES[revision];
		const honestIss = { issInResponse: true };
		// The sign-in is for the attacker's MCP server, whose metadata names the attacker's server.
		const attackerServer = {
			hostile: (attacker: Attacker, honest: HonestServer) => new HostileServer(attacker, honest),
			resource: HOSTILE_RESOURCE
		};
		const lax = createWorld(env, { ...attackerServer, policy: honestIss });
		t.cast(lax, 'no-iss-check');
		await mixedUpSignIn(t, lax);
		const exchange = await lax.client.redeem(lax.send);
		t.record({
			id: 'token-client-mixed-up',
			action: 'token-client-mixed-up',
			from: 'client',
			to: 'attacker',
			kind: 'request',
			...exchange,
			carries: carriesOf({ request: exchange.request }),
			outcome: 'attacker-wins'
		});
		await flow.attackerRedeems(t, lax, 'captured-verifier');
		await flow.attackerCallsMcp(t, lax);

		// Only a 2026-07-28 client is required to check iss: earlier ones end with the attacker's win.
		if (!rules.checksIss) return;
		const strict = createWorld(env, { ...attackerServer, checksIss: true, policy: honestIss });
		t.cast(strict, 'iss-check');
		await mixedUpSignIn(t, strict);
	}
};
export default mixUp;
