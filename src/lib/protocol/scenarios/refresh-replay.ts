import { refresh, RotatingRefreshTokens, type TokenHolder } from '../refresh-tokens';
import { carriesOf, type Timeline } from '../timeline';
import { CLIENT_ID, createWorld, MCP_RESOURCE, type World } from '../world';
import type { ScenarioDefinition } from './definition';
import * as flow from './flow';

/** One refresh at the token endpoint, by the client or by the attacker with its copy. */
async function refreshes(
	t: Timeline,
	w: World,
	who: 'client' | 'attacker',
	id: string
): Promise<void> {
	const holder: TokenHolder = w[who];
	const token_endpoint = String(w.as.metadata().token_endpoint);
	const exchange = await refresh(holder, w.send, {
		token_endpoint,
		client_id: CLIENT_ID,
		resource: MCP_RESOURCE
	});
	const ok = exchange.response.status === 200;
	t.record({
		id,
		action: `refresh-${who}`,
		from: who,
		to: 'as',
		kind: 'request',
		...exchange,
		carries: carriesOf({ request: exchange.request }),
		outcome:
			who === 'client' ? (ok ? 'ok' : 'rejected') : flow.attackerOutcome(exchange.response.status)
	});
}

/**
 * A stolen refresh token under rotation (RFC 9700 §4.14.2, OAuth 2.1 §4.3.1): PKCE protected the
 * code; the refresh token that came of it is a bearer credential. The attacker and the client
 * each use the same refresh token once, and the second use revokes the grant.
 */
const refreshReplay: ScenarioDefinition = {
	async play(t, env) {
		const w = createWorld(env, { refreshTokens: new RotatingRefreshTokens(env.random) });
		t.cast(w);
		await flow.signIn(t, w);
		await flow.clientRedeems(t, w);
		await flow.clientCallsMcp(t, w);
		await refreshes(t, w, 'client', 'refresh-client');
		// The attacker comes to hold a copy of the client's current refresh token.
		const { refresh_token } = w.client.knowledge();
		w.attacker.learn({ refresh_token });
		t.record({
			id: 'attacker-copies-refresh',
			from: 'client',
			to: 'attacker',
			kind: 'intercept',
			carries: { refresh_token },
			outcome: 'info'
		});
		await refreshes(t, w, 'attacker', 'refresh-attacker');
		await flow.attackerCallsMcp(t, w);
		await refreshes(t, w, 'client', 'refresh-client-replay');
		await flow.attackerCallsMcp(t, w, { id: 'mcp-attacker-revoked' });
		await refreshes(t, w, 'attacker', 'refresh-attacker-revoked');
		await flow.makeVerifier(t, w, { id: 'make-verifier-again' });
	}
};
export default refreshReplay;
