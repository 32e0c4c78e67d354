import type { ScenarioDefinition } from '../runner';
import { carriesOf, type Timeline } from '../timeline';
import type { HttpRequest } from '../types';
import { createWorld, type World } from '../world';
import * as flow from './flow';

/** The attacker reads the request (RFC 7636 §1 case 4b) and sees the plain challenge. */
function attackerReadsRequest(t: Timeline, w: World, request: HttpRequest, narration: string) {
	w.attacker.readAuthorizationRequest(request.url);
	t.record({
		id: 'attacker-reads-request',
		title: 'The attacker reads the authorization request',
		from: 'browser',
		to: 'attacker',
		kind: 'intercept',
		carries: carriesOf({ request }),
		outcome: 'info',
		narration,
		cites: [flow.cite('RFC 7636', '1'), flow.cite('RFC 7636', '4.2')],
		code: flow.at('attacker', 'read-request')
	});
}

/** Case 4b: with plain the challenge is the verifier; with S256 it is only a hash of it. */
const plain: ScenarioDefinition = {
	summary:
		'An attacker who can also read the authorization request learns a plain code_verifier and wins; the same attacker gets nothing usable from an S256 code_challenge.',
	async play(t, env) {
		const policy = { allowPlain: true };
		const w = createWorld(env, { policy, pkce: 'plain' });
		t.cast(w, { title: 'The client uses plain' });
		await flow.makeVerifier(t, w);
		const request = flow.openBrowser(t, w);
		attackerReadsRequest(
			t,
			w,
			request,
			'This attacker can also read authorization requests, for example in leaked HTTP logs (case 4b). With `code_challenge_method=plain` the `code_challenge` in the URL is the `code_verifier`: the attacker now holds the verifier.'
		);
		flow.authorizeRequest(t, w, request, {
			narration:
				'This server still accepts `plain`, which RFC 7636 allows but says SHOULD NOT be used in new implementations. It checks the client and the loopback `redirect_uri` and accepts the plain challenge.',
			cites: [flow.cite('RFC 7636', '7.2'), flow.cite('RFC 9700', '2.1.1')]
		});
		const location = await flow.authorizeResponse(t, w, request);
		flow.attackerObserves(t, w, location, {
			narration:
				'It reads the redirect URL as well, and now holds the `code` next to the `code_verifier` it read in the request.'
		});
		flow.callback(t, w, location);
		await flow.attackerRedeems(t, w, 'challenge-as-verifier', {
			narration:
				'The attacker sends the `code` with the challenge it read as the `code_verifier`. With `plain` that is the real verifier: the check passes and the attacker gets the `access_token`.',
			cites: [flow.cite('RFC 7636', '1'), flow.cite('RFC 7636', '4.6')],
			code: flow.at('authorization-server', 'token-verify-pkce')
		});
		await flow.attackerCallsMcp(t, w);
		await flow.clientRedeems(t, w, {
			narration:
				'The client’s own redemption comes second: the code is used, so it is denied, and the server revokes the attacker’s token. The attacker has already read the notes.',
			cites: [flow.cite('RFC 6749', '4.1.2'), flow.cite('RFC 7636', '7.2')],
			code: flow.at('authorization-server', 'token-reuse')
		});

		const s = createWorld(env, { policy, pkce: 'S256' });
		t.cast(s, { id: 's256', title: 'The same attacker against S256' });
		await flow.makeVerifier(t, s);
		const s256Request = flow.openBrowser(t, s);
		attackerReadsRequest(
			t,
			s,
			s256Request,
			'The same attacker reads this request too. It gets the `code_challenge`, but with `S256` that is a SHA-256 hash: the `code_verifier` cannot be computed back from it.'
		);
		flow.authorizeRequest(t, s, s256Request, {
			narration:
				'The same server; only the client changed, to `S256` — the method clients SHOULD use and MUST NOT step down from.',
			cites: [flow.cite('RFC 9700', '2.1.1'), flow.cite('RFC 7636', '7.2')]
		});
		const s256Location = await flow.authorizeResponse(t, s, s256Request);
		flow.attackerObserves(t, s, s256Location);
		flow.callback(t, s, s256Location);
		await flow.attackerRedeems(t, s, 'challenge-as-verifier', {
			code: flow.at('authorization-server', 'token-verify-pkce')
		});
		await flow.clientRedeems(t, s);
		await flow.clientCallsMcp(t, s);
	}
};
export default plain;
