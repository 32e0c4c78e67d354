import type { ScenarioDefinition } from './definition';
import { carriesOf } from '../timeline';
import { createWorld } from '../world';
import * as flow from './flow';

/** RFC 8252 §8.1: the attacker answers the redirect itself; only it holds the code. */
const hijack: ScenarioDefinition = {
	async play(t, env) {
		const w = createWorld(env);
		t.cast(w, 'hijack', { prefixIds: false });
		await flow.makeVerifier(t, w);
		const request = flow.openBrowser(t, w);
		await flow.authorizeRequest(t, w, request);
		const location = await flow.authorizeResponse(t, w, request);

		const redirect = w.browser.navigate(location);
		const page = w.attacker.takeRedirect(redirect);
		t.record({
			id: 'attacker-hijacks',
			from: 'browser',
			to: 'attacker',
			kind: 'intercept',
			request: redirect,
			response: page,
			carries: carriesOf({ request: redirect }),
			outcome: 'info'
		});
		await flow.attackerRedeems(t, w, 'no-verifier');
		await flow.attackerRedeems(t, w, 'guessed-verifier');
		t.record({
			id: 'sign-in-stalls',
			from: 'client',
			to: 'client',
			kind: 'local',
			carries: {},
			outcome: 'info'
		});

		t.cast(w, 'retry');
		await flow.makeVerifier(t, w);
		const retry = flow.openBrowser(t, w);
		await flow.authorizeRequest(t, w, retry);
		const retryLocation = await flow.authorizeResponse(t, w, retry);
		flow.callback(t, w, retryLocation);
		await flow.clientRedeems(t, w);
		await flow.clientCallsMcp(t, w);
	}
};
export default hijack;
