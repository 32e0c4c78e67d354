import type { ScenarioDefinition } from '../runner';
import { carriesOf } from '../timeline';
import { createWorld } from '../world';
import * as flow from './flow';

/** RFC 8252 §8.1: the attacker answers the redirect itself; only it holds the code. */
const hijack: ScenarioDefinition = {
	summary:
		'The attacker takes the redirect, so only it holds the code; without the code_verifier it still cannot redeem it, the sign-in fails harmlessly and the retry works.',
	async play(t, env) {
		const w = createWorld(env);
		t.cast(w, { title: 'The attacker takes the redirect' });
		await flow.makeVerifier(t, w);
		const request = flow.openBrowser(t, w);
		flow.authorizeRequest(t, w, request);
		const location = await flow.authorizeResponse(t, w, request);

		const redirect = w.browser.navigate(location);
		const page = w.attacker.takeRedirect(redirect);
		t.record({
			id: 'attacker-hijacks',
			title: 'The attacker takes the redirect',
			from: 'browser',
			to: 'attacker',
			kind: 'intercept',
			request: redirect,
			response: page,
			carries: carriesOf({ request: redirect }),
			outcome: 'info',
			narration:
				'The redirect lands on the attacker instead of the client: another app on the same machine answered it, as RFC 8252 §8.1 warns can happen. Only the attacker holds this `code`; the client is still waiting.',
			cites: [flow.cite('RFC 8252', '8.1'), flow.cite('RFC 7636', '1')],
			code: flow.at('attacker', 'hijack-redirect')
		});
		await flow.attackerRedeems(t, w, 'no-verifier', {
			narration:
				'The attacker redeems the `code` it took, with the public `client_id` and `redirect_uri` but no `code_verifier`. The code is bound to a `code_challenge`, so the server answers `invalid_grant`.'
		});
		await flow.attackerRedeems(t, w, 'guessed-verifier', {
			code: flow.at('authorization-server', 'token-verify-pkce')
		});
		t.record({
			id: 'sign-in-stalls',
			title: 'The sign-in does not complete; the user tries again',
			from: 'client',
			to: 'client',
			kind: 'local',
			carries: {},
			outcome: 'info',
			narration:
				'No callback ever reached the client, so the sign-in does not finish. Nothing was lost: the stolen `code` is worthless without the `code_verifier`, and it expires unused. The user simply starts the sign-in again.',
			cites: [flow.cite('RFC 7636', '1'), flow.cite('RFC 6749', '4.1.2')],
			code: flow.at('client', 'handle-callback')
		});

		t.cast(w, { id: 'retry', title: 'The retry' });
		await flow.makeVerifier(t, w, {
			narration:
				'A new sign-in gets a new `code_verifier`, `code_challenge` and `state`: challenges are per transaction, never reused.',
			cites: [flow.cite('RFC 9700', '2.1.1'), flow.cite('RFC 7636', '4.1')]
		});
		const retry = flow.openBrowser(t, w);
		flow.authorizeRequest(t, w, retry);
		const retryLocation = await flow.authorizeResponse(t, w, retry);
		flow.callback(t, w, retryLocation, {
			narration:
				'This time the redirect reaches the client’s loopback listener. The client checks that `state` belongs to this new sign-in, then keeps the `code`.'
		});
		await flow.clientRedeems(t, w);
		await flow.clientCallsMcp(t, w);
	}
};
export default hijack;
