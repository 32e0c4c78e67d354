import type { ScenarioDefinition } from '../runner';
import { carriesOf, type Timeline } from '../timeline';
import type { ServerPolicy } from '../authorization-server';
import { createWorld, type Environment, type World } from '../world';
import * as flow from './flow';

const LAX: Partial<ServerPolicy> = { pkceRequired: false, downgradeProtection: false };

/** The attacker gets a code without a challenge and plants it in the victim's callback. */
async function plantCode(t: Timeline, w: World): Promise<string> {
	const own = await w.attacker.startOwnFlowWithoutPkce(w.send, w.client.redirectUri);
	const issued = own.response.status === 302 && carriesOf(own).code !== undefined;
	t.record({
		id: 'attacker-authorize',
		title: issued
			? 'The attacker gets a code without a code_challenge'
			: 'The server refuses the request without a code_challenge',
		from: 'attacker',
		to: 'as',
		kind: 'request',
		...own,
		carries: carriesOf(own),
		outcome: issued ? 'info' : 'attacker-fails',
		narration: issued
			? 'In its own browser, signed in to its own account, the attacker sends an authorization request with the client’s `client_id` and `redirect_uri` but no `code_challenge`. PKCE is optional here, so the server issues a `code` bound to no challenge. The attacker copies it from the redirect.'
			: 'The attacker sends its authorization request without a `code_challenge`. This server requires PKCE, so it redirects with `error=invalid_request` ("code challenge required") and never issues the unbound code the attack needs.',
		cites: issued
			? [flow.cite('RFC 9700', '4.8')]
			: [
					flow.cite('RFC 7636', '4.4.1'),
					flow.cite('RFC 9700', '4.8'),
					flow.cite('OAuth 2.1', '4.1.2.1')
				],
		code: issued
			? flow.at('attacker', 'downgrade-own-flow')
			: flow.at('authorization-server', 'authorize-pkce')
	});
	if (!issued) return '';
	const link = w.attacker.injectionLink(w.client.redirectUri);
	t.record({
		id: 'inject-code',
		title: 'The attacker plants its code in the victim’s callback',
		from: 'attacker',
		to: 'browser',
		kind: 'redirect',
		carries: carriesOf({ request: { method: 'GET', url: link, headers: [] } }),
		outcome: 'info',
		narration:
			'The attacker makes the victim’s browser open the client’s loopback callback with the attacker’s `code` (a cross-site request forgery). The `state` in it is the attacker’s, not the victim’s.',
		cites: [flow.cite('RFC 9700', '4.8'), flow.cite('RFC 6749', '10.12')],
		code: flow.at('attacker', 'inject-into-victim')
	});
	return link;
}

async function victimStarts(t: Timeline, w: World, checksState: boolean) {
	await flow.makeVerifier(t, w, {
		title: 'The victim’s client starts a sign-in',
		narration: checksState
			? 'The victim’s MCP client makes a `code_verifier`, its `code_challenge` and a `state`, opens the browser and waits for the callback. This client checks `state`.'
			: 'The victim’s MCP client makes a `code_verifier`, its `code_challenge` and a `state`, opens the browser and waits for the callback. This client does not check `state` properly — the precondition of the attack.'
	});
}

async function phase(
	t: Timeline,
	env: Environment,
	setup: { id: string; title: string; policy: Partial<ServerPolicy>; checksState: boolean },
	play: (w: World) => Promise<void>
) {
	const w = createWorld(env, { policy: setup.policy, checksState: setup.checksState });
	t.cast(w, { id: setup.id, title: setup.title });
	await play(w);
}

/** RFC 9700 §4.8, with the three defences that stop it. */
const downgrade: ScenarioDefinition = {
	summary:
		'The attacker plants a code it obtained without a code_challenge: a lax server signs the victim in to the attacker’s account; checking state, RFC 9700 §4.8.2, or requiring PKCE each stop it.',
	async play(t, env) {
		await phase(
			t,
			env,
			{
				id: 'lax',
				title: 'A lax server and a client that skips state',
				policy: LAX,
				checksState: false
			},
			async (w) => {
				await victimStarts(t, w, false);
				flow.callback(t, w, await plantCode(t, w), {
					narration:
						'The browser delivers the planted callback. The client does not compare `state` with its own, so it takes the attacker’s `code` as if it were the answer to its own sign-in.'
				});
				await flow.clientRedeems(t, w, {
					title: 'The victim’s client redeems the attacker’s code',
					narration:
						'The client redeems the planted `code` with its own `code_verifier`. No challenge is bound to this code and this server ignores a verifier it cannot check, so it issues an `access_token` — for the attacker’s account.',
					cites: [flow.cite('RFC 9700', '4.8'), flow.cite('RFC 9700', '4.8.2')],
					outcome: 'attacker-wins'
				});
				await flow.clientCallsMcp(t, w, {
					title: 'The victim is signed in to the attacker’s account',
					narration:
						'The client calls the MCP server and sees the attacker’s account, not the user’s. Whatever the user saves through this client now lands where the attacker can read it.',
					cites: [flow.cite('RFC 9700', '4.8')],
					outcome: 'attacker-wins'
				});
			}
		);
		await phase(
			t,
			env,
			{
				id: 'state',
				title: 'The same server, a client that checks state',
				policy: LAX,
				checksState: true
			},
			async (w) => {
				await victimStarts(t, w, true);
				flow.callback(t, w, await plantCode(t, w), {
					narration:
						'The planted callback carries the attacker’s `state`, not the one this client sent. The client refuses the callback and never redeems the attacker’s `code`: checking `state` stops the attack on its own.',
					outcome: 'attacker-fails'
				});
			}
		);
		await phase(
			t,
			env,
			{
				id: 'rfc9700',
				title: 'A server that rejects a verifier for an unbound code',
				policy: { pkceRequired: false, downgradeProtection: true },
				checksState: false
			},
			async (w) => {
				await victimStarts(t, w, false);
				flow.callback(t, w, await plantCode(t, w), {
					narration: 'The client still does not check `state`, so it takes the attacker’s `code`.'
				});
				await flow.clientRedeems(t, w, {
					title: 'The server rejects the verifier for a code without a challenge',
					narration:
						'The client sends the planted `code` with its `code_verifier`. The authorization request behind this code carried no `code_challenge`, so a verifier here means the challenge was stripped: the server answers `invalid_grant`.',
					cites: [flow.cite('RFC 9700', '4.8.2')],
					outcome: 'attacker-fails'
				});
			}
		);
		await phase(
			t,
			env,
			{ id: 'required', title: 'A server that requires PKCE', policy: {}, checksState: false },
			async (w) => {
				await plantCode(t, w);
			}
		);
	}
};
export default downgrade;
