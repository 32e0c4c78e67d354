import { describe, expect, test } from 'vitest';
import { testVectorRuns } from './playground.server';
import { predictionFor } from './predictions';

describe('predict, then reveal', () => {
	test('every decisive step asks a question, and so does every step whose story writes one', async () => {
		for (const run of await testVectorRuns()) {
			for (const step of run.steps) {
				const decisive = ['attacker-wins', 'attacker-fails', 'rejected'].includes(step.outcome);
				expect(!!predictionFor(step), `${run.scenario}/${step.id}`).toBe(
					decisive || !!step.question
				);
				if (step.question) expect(predictionFor(step)).toBe(step.question);
			}
		}
	});

	test('s256 asks where the room’s guess teaches most: the redirect, the attacker first, the client after', async () => {
		const s256 = (await testVectorRuns()).find((run) => run.scenario === 's256')!;
		const asked = s256.steps.filter((s) => s.question).map((s) => s.id);
		expect(asked).toEqual(['attacker-observes', 'token-attacker-no-verifier', 'token-client']);
		const step = s256.steps.find((s) => s.id === 'token-attacker-guess');
		expect(predictionFor(step)).toBe('Will the attacker get a token?');
	});

	test('plain asks what the attacker learns from the request, in both halves', async () => {
		const plain = (await testVectorRuns()).find((run) => run.scenario === 'plain')!;
		for (const id of ['attacker-reads-request', 's256-attacker-reads-request'])
			expect(predictionFor(plain.steps.find((s) => s.id === id))).toMatch(/learn/);
	});
});
