import { describe, expect, test } from 'vitest';
import { testVectorRuns } from './playground.server';
import { predictionFor } from './predictions';

describe('predict, then reveal', () => {
	test('every scenario has at least one decisive step with a question, and only those', async () => {
		for (const run of await testVectorRuns()) {
			const asked = run.steps.filter((step) => predictionFor(step));
			expect(asked.length, run.scenario).toBeGreaterThan(0);
			for (const step of run.steps) {
				const decisive = ['attacker-wins', 'attacker-fails', 'rejected'].includes(step.outcome);
				expect(!!predictionFor(step), `${run.scenario}/${step.id}`).toBe(decisive);
			}
		}
	});

	test("s256: the attacker's token request asks whether it gets a token", async () => {
		const s256 = (await testVectorRuns()).find((run) => run.scenario === 's256')!;
		const step = s256.steps.find((s) => s.id === 'token-attacker-no-verifier');
		expect(predictionFor(step)).toBe('Will the attacker get a token?');
	});
});
