import type { Timeline } from '../timeline';
import type { Environment } from '../world';

/** A scenario module: one story, told by running the actors (its text is in the content layer). */
export interface ScenarioDefinition {
	play(timeline: Timeline, env: Environment): Promise<void>;
}
