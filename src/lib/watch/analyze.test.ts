import { describe, expect, test } from 'vitest';
import { runStory } from '$lib/content/story/run';
import { testVectorEnvironment } from '$lib/protocol/environment';
import { SCENARIOS } from '$lib/content/scenarios';
import { LEARN } from './analyze';

describe("Watch's links to where the playground teaches a finding", () => {
	test('each names a scenario step that exists, or a workbench section', async () => {
		for (const { label, href } of Object.values(LEARN)) {
			const step = /^#([a-z0-9-]+)\/(\d+)$/.exec(href);
			if (step) {
				const [, scenario, n] = step;
				expect(
					SCENARIOS.map((s) => s.id),
					label
				).toContain(scenario);
				const run = await runStory(scenario as never, testVectorEnvironment());
				expect(Number(n), label).toBeLessThanOrEqual(run.steps.length);
				expect(Number(n), label).toBeGreaterThan(0);
			} else {
				expect(href, label).toMatch(/^workbench\/#(bench|diagnose|redirect)-title$/);
			}
		}
	});
});
