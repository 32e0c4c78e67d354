/**
 * Joins a protocol run to its text: each step gets its title, narration, citations and code from
 * the scenario's story, falling back to the text shared by every scenario that takes the step.
 */
import { CURRENT_REVISION, type McpRevision } from '$lib/protocol/revisions';
import type { ScenarioId, ScenarioRun, Step } from '$lib/protocol/types';
import type { ScenarioStory, StepText, TaughtRun, TaughtStep } from '../types';
import { REVISION_DEPENDENT } from '../revisions';
import { SHARED } from './shared';

const LOADERS: Record<ScenarioId, () => Promise<{ default: ScenarioStory }>> = {
	s256: () => import('./s256'),
	hijack: () => import('./hijack'),
	'no-pkce': () => import('./no-pkce'),
	plain: () => import('./plain'),
	downgrade: () => import('./downgrade'),
	replay: () => import('./replay'),
	injection: () => import('./injection'),
	'mcp-discovery': () => import('./mcp-discovery'),
	'refresh-replay': () => import('./refresh-replay'),
	'mix-up': () => import('./mix-up'),
	impersonation: () => import('./impersonation'),
	'step-up': () => import('./step-up'),
	discovery: () => import('./discovery')
};

/** Loads one scenario's text (its own chunk, like the scenario's protocol module). */
export async function loadStory(id: ScenarioId): Promise<ScenarioStory> {
	return (await LOADERS[id]()).default;
}

const EMPTY: StepText = { title: '', narration: '', cites: [], code: { file: '', region: '' } };

/** The text of one step: the shared text for its action, then the scenario's override. */
export function textOf(
	story: ScenarioStory,
	step: Step,
	revision: McpRevision = CURRENT_REVISION
): StepText {
	const shared = SHARED[step.action]?.(step, revision) ?? EMPTY;
	const override = story.steps[step.id];
	return { ...shared, ...(typeof override === 'function' ? override(step, revision) : override) };
}

/** A run with its text. Missing text is caught at build time (see check.ts), not here. */
export function teach(run: ScenarioRun, story: ScenarioStory): TaughtRun {
	const steps = run.steps.map((step, i): TaughtStep => {
		const { phase: phaseId, ...rest } = step;
		const phase = phaseId === undefined ? undefined : story.phases?.[phaseId];
		const opensPhase = i > 0 && phaseId !== run.steps[i - 1]!.phase;
		return {
			...rest,
			...textOf(story, step, run.revision),
			...(phaseId !== undefined && { phaseId, phase: phase?.title ?? phaseId }),
			...(opensPhase && phase?.intro && { phaseIntro: phase.intro })
		};
	});
	const { description, summary } = story.describeFor?.[run.revision] ?? story;
	const end = { ...story.end, ...story.endFor?.[run.revision] };
	const { scenario, revision } = run;
	const revisions = REVISION_DEPENDENT.includes(scenario);
	return { scenario, revision, steps, description, summary, end, revisions };
}
