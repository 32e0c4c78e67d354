import type { ScenarioDefinition } from './definition';
import { carriesOf, type Timeline } from '../timeline';
import type { HttpRequest } from '../types';
import { createWorld, type World } from '../world';
import * as flow from './flow';

/** The attacker reads the request (RFC 7636 §1 case 4b) and sees the challenge. */
function attackerReadsRequest(t: Timeline, w: World, request: HttpRequest) {
	w.attacker.readAuthorizationRequest(request.url);
	t.record({
		id: 'attacker-reads-request',
		from: 'browser',
		to: 'attacker',
		kind: 'intercept',
		carries: carriesOf({ request }),
		outcome: 'info'
	});
}

/** Case 4b: with plain the challenge is the verifier; with S256 it is only a hash of it. */
const plain: ScenarioDefinition = {
	async play(t, env) {
		const policy = { allowPlain: true };
		const w = createWorld(env, { policy, pkce: 'plain' });
		t.cast(w, 'plain', { prefixIds: false });
		await flow.makeVerifier(t, w);
		const request = flow.openBrowser(t, w);
		attackerReadsRequest(t, w, request);
		await flow.authorizeRequest(t, w, request);
		const location = await flow.authorizeResponse(t, w, request);
		flow.attackerObserves(t, w, location);
		flow.callback(t, w, location);
		await flow.attackerRedeems(t, w, 'challenge-as-verifier');
		await flow.attackerCallsMcp(t, w);
		await flow.clientRedeems(t, w);

		const s = createWorld(env, { policy, pkce: 'S256' });
		t.cast(s, 's256');
		await flow.makeVerifier(t, s);
		const s256Request = flow.openBrowser(t, s);
		attackerReadsRequest(t, s, s256Request);
		await flow.authorizeRequest(t, s, s256Request);
		const s256Location = await flow.authorizeResponse(t, s, s256Request);
		flow.attackerObserves(t, s, s256Location);
		flow.callback(t, s, s256Location);
		await flow.attackerRedeems(t, s, 'challenge-as-verifier');
		await flow.clientRedeems(t, s);
		await flow.clientCallsMcp(t, s);
	}
};
export default plain;
