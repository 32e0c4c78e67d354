import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { deterministicRandom, testVectorEnvironment } from '$lib/protocol/environment';
import { runScenario } from '$lib/protocol/runner';
import { retell } from './retell';
import { SCENARIOS } from './scenarios';
import { loadStory, teach } from './story';

const sha256 = {
	name: 'WebCrypto' as const,
	digest: async (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest())
};

describe('retell: fresh values keep the text the page already has', () => {
	test.each(SCENARIOS.map((s) => s.id))(
		'%s: a step’s text depends on what the protocol did, never on the values',
		async (id) => {
			const story = await loadStory(id);
			const told = teach(await runScenario(id, testVectorEnvironment()), story);
			for (const seed of [1, 7, 99]) {
				const fresh = await runScenario(id, {
					random: deterministicRandom(seed),
					sha256,
					now: () => 0
				});
				expect(retell(fresh, told)).toEqual(teach(fresh, story));
			}
		}
	);

	test('a run of another scenario, or with other steps, is not retold', async () => {
		const s256 = teach(await runScenario('s256', testVectorEnvironment()), await loadStory('s256'));
		const replay = await runScenario('replay', testVectorEnvironment());
		expect(retell(replay, s256)).toBeUndefined();
		const shorter = { ...s256, steps: s256.steps.slice(1) };
		expect(retell(await runScenario('s256', testVectorEnvironment()), shorter)).toBeUndefined();
	});
});
