import type { McpRevision } from '$lib/protocol/revisions';
import { runScenario } from '$lib/protocol/runner';
import type { ScenarioId } from '$lib/protocol/types';
import type { Environment } from '$lib/protocol/world';
import type { TaughtRun } from '../types';
import { loadStory, teach } from '.';

/** Runs a scenario and joins its text (the two modules load in parallel). */
export async function runStory(
	id: ScenarioId,
	env: Environment,
	revision?: McpRevision
): Promise<TaughtRun> {
	const [run, story] = await Promise.all([runScenario(id, env, revision), loadStory(id)]);
	return teach(run, story);
}
