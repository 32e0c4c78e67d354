import type { ScenarioDefinition } from '../runner';
import { carriesOf } from '../timeline';
import { createWorld, LOOPBACK_PORT } from '../world';
import * as flow from './flow';

/** RFC 9700 §4.5: a stolen code injected into the attacker's own session of the client. */
const injection: ScenarioDefinition = {
	summary:
		'The attacker injects the stolen code into its own sign-in with the same client; its code_verifier does not match the victim’s code_challenge, so the server refuses.',
	async play(t, env) {
		const w = createWorld(env);
		t.cast(w);
		await flow.observedSignIn(t, w);

		const own = await w.attacker.startOwnSession(w.send, LOOPBACK_PORT);
		t.record({
			id: 'attacker-own-sign-in',
			title: 'The attacker starts a sign-in of its own',
			from: 'attacker',
			to: 'as',
			kind: 'request',
			...own,
			carries: carriesOf(own),
			outcome: 'info',
			narration:
				'The attacker runs its own copy of the same MCP client, on the same loopback port, and signs in to its own account. That client makes its own `code_verifier` and `code_challenge`; the server redirects with a `code` for the attacker.',
			cites: [flow.cite('RFC 9700', '4.5')],
			code: flow.at('attacker', 'own-session')
		});
		const injected = w.attacker.injectStolenCode();
		t.record({
			id: 'inject-code',
			title: 'The attacker swaps the stolen code into its own callback',
			from: 'attacker',
			to: 'attacker',
			kind: 'local',
			carries: carriesOf({ request: { method: 'GET', url: injected, headers: [] } }),
			outcome: 'info',
			narration:
				'Before its client sees the callback, the attacker replaces its own `code` with the victim’s. The `state` is its own, so its client accepts the callback and redeems the code.',
			cites: [flow.cite('RFC 9700', '4.5')],
			code: flow.at('attacker', 'inject-stolen-code')
		});
		const token = await w.attacker.redeemInjectedCode(w.send);
		t.record({
			id: 'token-injected',
			title: 'The server refuses the injected code',
			from: 'attacker',
			to: 'as',
			kind: 'request',
			...token,
			carries: carriesOf(token),
			outcome: token.response.status === 200 ? 'attacker-wins' : 'attacker-fails',
			narration:
				'The attacker’s client sends the victim’s `code` with its own `code_verifier`. Its SHA-256 is the attacker’s challenge, not the one bound to this code, so the server answers `invalid_grant`. Without PKCE nothing would have told the two sessions apart.',
			cites: [flow.cite('RFC 9700', '4.5'), flow.cite('RFC 7636', '4.6')],
			code: flow.at('authorization-server', 'token-verify-pkce')
		});

		await flow.clientRedeems(t, w, {
			narration:
				'The victim’s client redeems its `code` with its own `code_verifier`; the refused injection did not use the code up, and the client gets its `access_token`.'
		});
		await flow.clientCallsMcp(t, w);
	}
};
export default injection;
