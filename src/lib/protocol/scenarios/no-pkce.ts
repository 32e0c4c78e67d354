import type { ScenarioDefinition } from '../runner';
import { createWorld } from '../world';
import * as flow from './flow';

/** The interception of RFC 7636 §1 against a server and a client that do not use PKCE. */
const noPkce: ScenarioDefinition = {
	summary:
		'Without PKCE the copied code is all the attacker needs: it redeems first and reads the user’s data; the client’s later redemption is denied and revokes the token, too late.',
	async play(t, env) {
		const w = createWorld(env, { policy: { pkceRequired: false }, pkce: 'none' });
		t.cast(w);
		await flow.makeVerifier(t, w);
		const request = flow.openBrowser(t, w);
		flow.authorizeRequest(t, w, request);
		const location = await flow.authorizeResponse(t, w, request);
		flow.attackerObserves(t, w, location, {
			narration:
				'A malicious app on the same machine reads the redirect URL, for example from OS or URL-handler logs. It now holds the `code` and the `state` — and without PKCE that is all anyone needs.'
		});
		flow.callback(t, w, location);
		await flow.attackerRedeems(t, w, 'no-verifier', {
			title: 'The attacker redeems the code first',
			narration:
				'The attacker races the client to the token endpoint with the copied `code`, the public `client_id` and the `redirect_uri`. No `code_challenge` is bound to the code, so nothing asks for proof: the server issues an `access_token` to the attacker.',
			cites: [flow.cite('RFC 7636', '1'), flow.cite('RFC 9700', '2.1.1')]
		});
		await flow.attackerCallsMcp(t, w);
		await flow.clientRedeems(t, w, {
			narration:
				'The client’s request is valid, but the code was already used. The server must deny it, and because it is a valid second request it also revokes the tokens issued from that code.',
			cites: [
				flow.cite('RFC 6749', '4.1.2'),
				flow.cite('OAuth 2.1', 'Reuse of Authorization Codes')
			],
			code: flow.at('authorization-server', 'token-reuse')
		});
		await flow.attackerCallsMcp(t, w, {
			id: 'mcp-attacker-revoked',
			title: 'The attacker’s token has been revoked',
			narration:
				'The attacker’s token no longer works: the MCP server answers 401 with `error="invalid_token"`. Too late — it already read the user’s notes two steps ago, and the user is not signed in either.',
			cites: [flow.cite('RFC 6749', '4.1.2'), flow.cite('RFC 9728', '5.1')],
			code: flow.at('mcp-server', 'check-audience')
		});
	}
};
export default noPkce;
