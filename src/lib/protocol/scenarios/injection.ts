import type { ScenarioDefinition } from './definition';
import { carriesOf } from '../timeline';
import { createWorld, LOOPBACK_PORT } from '../world';
import { CodeInjection } from '../code-injection';
import * as flow from './flow';

/** RFC 9700 §4.5: a stolen code injected into the attacker's own session of the client. */
const injection: ScenarioDefinition = {
	async play(t, env) {
		const w = createWorld(env);
		t.cast(w);
		await flow.signIn(t, w, { observed: true });

		const moves = new CodeInjection(w.attacker);
		const own = await moves.startOwnSession(w.send, LOOPBACK_PORT);
		t.record({
			id: 'attacker-own-sign-in',
			from: 'attacker',
			to: 'as',
			kind: 'request',
			...own,
			carries: carriesOf({ request: own.request }),
			outcome: 'info'
		});
		const injected = moves.injectStolenCode();
		t.record({
			id: 'inject-code',
			from: 'attacker',
			to: 'attacker',
			kind: 'local',
			carries: carriesOf({ request: { method: 'GET', url: injected, headers: [] } }),
			outcome: 'info'
		});
		const token = await moves.redeemInjectedCode(w.send);
		t.record({
			id: 'token-injected',
			from: 'attacker',
			to: 'as',
			kind: 'request',
			...token,
			carries: carriesOf({ request: token.request }),
			outcome: token.response.status === 200 ? 'attacker-wins' : 'attacker-fails',
			...flow.serverCheck(w)
		});

		await flow.clientRedeems(t, w);
		await flow.clientCallsMcp(t, w);
	}
};
export default injection;
