import { CURRENT_REVISION, type McpRevision } from './revisions';
import { loadScenario } from './scenarios';
import type { ScenarioDefinition } from './scenarios/definition';
import { Timeline } from './timeline';
import type { ScenarioId, ScenarioRun } from './types';
import type { Environment } from './world';

export type { ScenarioDefinition };

/**
 * Runs a scenario once, start to finish, and hands back every step (async: WebCrypto is), with
 * the client following the rules of MCP `revision`.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-1
 */
export async function runScenario(
	id: ScenarioId,
	env: Environment,
	revision: McpRevision = CURRENT_REVISION
): Promise<ScenarioRun> {
	const timeline = new Timeline();
	await (await loadScenario(id)).play(timeline, env, revision);
	return { scenario: id, revision, steps: timeline.steps };
}
