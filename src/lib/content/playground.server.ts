import { testVectorEnvironment } from '$lib/protocol/environment';
import { runScenario } from '$lib/protocol/runner';
import { SCENARIOS } from '$lib/protocol/scenarios';
import type { ScenarioId, ScenarioRun } from '$lib/protocol/types';
import { loadSnippet, snippetId } from './snippets.server';

/** Every scenario run with the RFC 7636 test vector. */
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

/** The highlighted code of one scenario's steps (the steps, not the values, choose the code). */
export async function scenarioSnippets(scenario: ScenarioId): Promise<Record<string, string>> {
	return snippetsFor([await runScenario(scenario, testVectorEnvironment())]);
}

/**
 * What the playground needs at build time: the run to prerender (`initial`, with the RFC 7636
 * test vector, which is what a reader without JavaScript sees) and its highlighted code. Other
 * scenarios' code is fetched from /snippets/<scenario>.json when the reader switches.
 */
export async function loadPlaygroundData(initial: ScenarioId = 's256') {
	const run = await runScenario(initial, testVectorEnvironment());
	return { initial: run, snippets: await snippetsFor([run]) };
}
