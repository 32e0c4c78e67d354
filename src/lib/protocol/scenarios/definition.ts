import type { McpRevision } from '../revisions';
import type { Timeline } from '../timeline';
import type { Environment } from '../world';

/** A scenario module: one story, told by running the actors (its text is in the content layer). */
export interface ScenarioDefinition {
	/** `revision`: the MCP revision whose rules the client follows (client-rules.ts). */
	play(timeline: Timeline, env: Environment, revision: McpRevision): Promise<void>;
}
