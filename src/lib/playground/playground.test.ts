import { describe, expect, it, vi } from 'vitest';
import { testVectorEnvironment } from '$lib/protocol/environment';
import { runStory } from '$lib/content/story/run';
import type { ScenarioId } from '$lib/protocol/types';
import { Playground } from './playground.svelte';

const initial = await runStory('s256', testVectorEnvironment());
const codeOf = (scenario: ScenarioId) => ({ [`${scenario}.ts#region`]: `<pre>${scenario}</pre>` });

describe("the playground's code per scenario", () => {
	it('fetches a scenario’s code once, when the reader first switches to it', async () => {
		const fetch = vi.fn(async (scenario: ScenarioId) => codeOf(scenario));
		const playground = new Playground(initial, codeOf('s256'), fetch);

		expect(await playground.load('s256')).toBe(true);
		expect(fetch).not.toHaveBeenCalled(); // the first scenario's code came with the page

		expect(await playground.load('replay', 2)).toBe(true);
		expect(await playground.load('s256')).toBe(true);
		expect(await playground.load('replay')).toBe(true);
		expect(fetch.mock.calls).toEqual([['replay']]);
		expect(playground.snippets).toEqual({ ...codeOf('s256'), ...codeOf('replay') });
		expect(playground.error).toBeUndefined();
	});

	it('shows the run with a message when the code cannot be fetched, and tries again later', async () => {
		const fetch = vi
			.fn<(scenario: ScenarioId) => Promise<Record<string, string>>>()
			.mockRejectedValueOnce(new Error('404 Not Found'))
			.mockImplementation(async (scenario) => codeOf(scenario));
		const playground = new Playground(initial, codeOf('s256'), fetch);

		expect(await playground.load('plain', 1)).toBe(true);
		expect(playground.scenario).toBe('plain');
		expect(playground.step).toBe(1);
		expect(playground.error).toBe(
			"This scenario's code did not load (404 Not Found); the rest is complete. New values tries again."
		);
		expect(playground.snippets).toEqual(codeOf('s256'));

		expect(await playground.regenerate()).toBe(true);
		expect(playground.error).toBeUndefined();
		expect(playground.snippets).toEqual({ ...codeOf('s256'), ...codeOf('plain') });
		expect(fetch).toHaveBeenCalledTimes(2);
	});

	it('shows only the code it was given when it has no way to fetch more', async () => {
		const playground = new Playground(initial, codeOf('s256'));
		expect(await playground.load('hijack')).toBe(true);
		expect(playground.scenario).toBe('hijack');
		expect(playground.snippets).toEqual(codeOf('s256'));
		expect(playground.error).toBeUndefined();
	});
});

describe('the values on screen', () => {
	it("are the newest request's, not a superseded one's that ends later", async () => {
		const pending: (() => void)[] = [];
		const fetch = (scenario: ScenarioId) =>
			new Promise<Record<string, string>>((resolve) =>
				pending.push(() => resolve(codeOf(scenario)))
			);
		const playground = new Playground(initial, codeOf('s256'), fetch);
		const first = playground.load('replay');
		const second = playground.load('plain', 2);
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(pending).toHaveLength(2);

		pending[0]!();
		expect(await first).toBe(false);
		expect(playground.live).toBe(false);

		pending[1]!();
		expect(await second).toBe(true);
		expect(playground.live).toBe(true);
		expect(playground.scenario).toBe('plain');
	});

	it('stay the rendered ones, with a message, when the run fails', async () => {
		const playground = new Playground(initial, codeOf('s256'));
		expect(await playground.load('nope' as ScenarioId)).toBe(false);
		expect(playground.live).toBe(false);
		expect(playground.scenario).toBe('s256');
		expect(playground.error).toMatch(/^This browser could not run the scenario: /);
	});
});
