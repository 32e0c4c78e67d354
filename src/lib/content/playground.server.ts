import { testVectorEnvironment } from '$lib/protocol/environment';
import { runScenario } from '$lib/protocol/runner';
import { SCENARIOS } from '$lib/protocol/scenarios';
import type { ScenarioId, ScenarioRun } from '$lib/protocol/types';
import { loadSnippet, snippetId } from './snippets.server';

/** Every scenario run with the RFC 7636 test vector: what a reader without JavaScript sees. */
export function testVectorRuns(): Promise<ScenarioRun[]> {
	return Promise.all(SCENARIOS.map((s) => runScenario(s.id, testVectorEnvironment())));
}

/** Highlighted code for every region the runs' steps refer to, keyed "file#region". */
export async function snippetsFor(runs: readonly ScenarioRun[]): Promise<Record<string, string>> {
	const refs = new Map(
		runs.flatMap((run) => run.steps.map((step) => [snippetId(step.code), step.code]))
	);
	const snippets = await Promise.all([...refs.values()].map(loadSnippet));
	return Object.fromEntries(snippets.map((s) => [snippetId(s), s.html]));
}

/**
 * What the playground needs at build time: the run to prerender (`initial`) and the highlighted
 * code of every scenario (the reader may switch to any of them).
 */
export async function loadPlaygroundData(initial: ScenarioId = 's256') {
	const runs = await testVectorRuns();
	return {
		initial: runs.find((run) => run.scenario === initial)!,
		snippets: await snippetsFor(runs)
	};
}
