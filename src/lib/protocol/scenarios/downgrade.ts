import type { ScenarioDefinition } from './definition';
import { carriesOf, type Timeline } from '../timeline';
import type { ServerPolicy } from '../authorization-server';
import { createWorld, type Environment, type World } from '../world';
import { CodeInjection } from '../code-injection';
import * as flow from './flow';

const LAX: Partial<ServerPolicy> = { pkceRequired: false, downgradeProtection: false };

/** The attacker gets a code without a challenge and plants it in the victim's callback. */
async function plantCode(t: Timeline, w: World): Promise<string> {
	const moves = new CodeInjection(w.attacker);
	const own = await moves.startOwnFlowWithoutPkce(w.send, w.client.redirectUri);
	const issued = own.response.status === 302 && carriesOf(own).code !== undefined;
	t.record({
		id: 'attacker-authorize',
		action: issued ? 'attacker-authorize' : 'attacker-authorize-refused',
		from: 'attacker',
		to: 'as',
		kind: 'request',
		...own,
		carries: carriesOf({ request: own.request }),
		outcome: issued ? 'info' : 'attacker-fails'
	});
	if (!issued) return '';
	const link = moves.injectionLink(w.client.redirectUri);
	t.record({
		id: 'inject-code',
		from: 'attacker',
		to: 'browser',
		kind: 'redirect',
		carries: carriesOf({ request: { method: 'GET', url: link, headers: [] } }),
		outcome: 'info'
	});
	return link;
}

async function phase(
	t: Timeline,
	env: Environment,
	setup: { id: string; policy: Partial<ServerPolicy>; checksState: boolean },
	play: (w: World) => Promise<void>
) {
	const w = createWorld(env, { policy: setup.policy, checksState: setup.checksState });
	t.cast(w, setup.id);
	await play(w);
}

/** RFC 9700 §4.8, with the three defences that stop it. */
const downgrade: ScenarioDefinition = {
	async play(t, env) {
		await phase(t, env, { id: 'lax', policy: LAX, checksState: false }, async (w) => {
			await flow.makeVerifier(t, w);
			flow.callback(t, w, await plantCode(t, w));
			await flow.clientRedeems(t, w, { outcome: 'attacker-wins' });
			await flow.clientCallsMcp(t, w, { outcome: 'attacker-wins' });
		});
		await phase(t, env, { id: 'state', policy: LAX, checksState: true }, async (w) => {
			await flow.makeVerifier(t, w);
			flow.callback(t, w, await plantCode(t, w), { outcome: 'attacker-fails' });
		});
		await phase(
			t,
			env,
			{
				id: 'rfc9700',
				policy: { pkceRequired: false, downgradeProtection: true },
				checksState: false
			},
			async (w) => {
				await flow.makeVerifier(t, w);
				flow.callback(t, w, await plantCode(t, w));
				await flow.clientRedeems(t, w, { outcome: 'attacker-fails' });
			}
		);
		await phase(t, env, { id: 'required', policy: {}, checksState: false }, async (w) => {
			await plantCode(t, w);
		});
	}
};
export default downgrade;
