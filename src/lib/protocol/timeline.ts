import { headerValue, type Exchange } from './http';
import { KNOWLEDGE_KEYS, type ActorId, type Knowledge, type Step } from './types';

/**
 * A step as a scenario describes it; the timeline adds what every actor knows afterwards and the
 * phase. `action` defaults to `id`.
 */
export type StepInput = Omit<Step, 'knowledge' | 'phase' | 'action'> & { action?: string };

const URL_SAFE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Collects a run's steps. After each step it snapshots what every lane holds, read from the
 * actors themselves, so the "who knows what" panel can never disagree with the simulation.
 */
export class Timeline {
	readonly steps: Step[] = [];
	private lanes: Record<ActorId, () => Knowledge> | undefined;
	private phase: { id: string; prefixIds: boolean } | undefined;

	/**
	 * The actors the following steps are about, optionally as a new phase of the run (its title
	 * is content, keyed by the id). A phase prefixes its steps' ids, so they stay unique across
	 * phases, unless it is the run's first and says otherwise.
	 */
	cast(
		world: { lanes: Record<ActorId, () => Knowledge> },
		phase?: string,
		{ prefixIds = true }: { prefixIds?: boolean } = {}
	) {
		this.lanes = world.lanes;
		this.phase = phase === undefined ? undefined : { id: phase, prefixIds };
	}

	record(input: StepInput): Step {
		if (!this.lanes) throw new Error('cast the actors before recording steps');
		const id = this.phase?.prefixIds ? `${this.phase.id}-${input.id}` : input.id;
		if (!URL_SAFE_ID.test(id)) throw new Error(`step id "${id}" is not URL-safe`);
		if (this.steps.some((step) => step.id === id)) throw new Error(`duplicate step id "${id}"`);
		const lanes = this.lanes;
		const knowledge = {} as Record<ActorId, Knowledge>;
		for (const actor of Object.keys(lanes) as ActorId[]) knowledge[actor] = pick(lanes[actor]());
		const step: Step = {
			...input,
			id,
			action: input.action ?? input.id,
			carries: pick(input.carries),
			knowledge
		};
		if (this.phase) step.phase = this.phase.id;
		this.steps.push(step);
		return step;
	}
}

/** Every protocol value visible in a message: query, form, bearer header, Location, JSON body. */
export function carriesOf(message: Partial<Exchange>): Knowledge {
	const found: Knowledge = {};
	const take = (name: string, value: unknown) => {
		if (
			typeof value === 'string' &&
			value &&
			(KNOWLEDGE_KEYS as readonly string[]).includes(name)
		) {
			found[name as keyof Knowledge] = value;
		}
	};
	const { request, response } = message;
	if (request) {
		new URL(request.url).searchParams.forEach((value, name) => take(name, value));
		for (const [name, value] of request.form ?? []) take(name, value);
		const bearer = /^Bearer (\S+)$/.exec(headerValue(request, 'Authorization') ?? '');
		if (bearer) take('access_token', bearer[1]);
	}
	if (response) {
		const location = headerValue(response, 'Location');
		if (location) new URL(location).searchParams.forEach((value, name) => take(name, value));
		for (const [name, value] of Object.entries(response.json ?? {})) take(name, value);
	}
	return found;
}

/** Only defined values, in a fixed key order, so two runs compare equal. */
function pick(knowledge: Knowledge): Knowledge {
	const out: Knowledge = {};
	for (const key of KNOWLEDGE_KEYS) {
		const value = knowledge[key];
		if (value !== undefined) out[key] = value;
	}
	return out;
}
