import { loadScenario } from './scenarios';
import type { ScenarioDefinition } from './scenarios/definition';
import { Timeline } from './timeline';
import type { ScenarioId, ScenarioRun } from './types';
import type { Environment } from './world';

export type { ScenarioDefinition };

/**
 * Runs a scenario once, start to finish, and hands back every step (async: WebCrypto is).
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-1
 */
export async function runScenario(id: ScenarioId, env: Environment): Promise<ScenarioRun> {
	return playScenario(id, await loadScenario(id), env);
}

/** Runs an already loaded scenario module. */
export async function playScenario(
	id: ScenarioId,
	definition: ScenarioDefinition,
	env: Environment
): Promise<ScenarioRun> {
	const timeline = new Timeline();
	await definition.play(timeline, env);
	return { scenario: id, steps: timeline.steps };
}
