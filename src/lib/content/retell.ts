import type { ScenarioRun } from '$lib/protocol/types';
import type { StepText, TaughtRun, TaughtStep } from './types';

/**
 * A new run of a scenario, told with the text of an earlier run of the same scenario. A step's
 * text depends on what the protocol did (its outcome, its error, its phase), never on the random
 * values (retell.test.ts runs every scenario with other values and compares), so the page can give
 * fresh values the text it already has, and load a scenario's story only when the reader first
 * switches to it. Undefined when the runs' steps differ.
 */
export function retell(run: ScenarioRun, told: TaughtRun): TaughtRun | undefined {
	if (run.scenario !== told.scenario || run.revision !== told.revision) return undefined;
	if (run.steps.length !== told.steps.length) return undefined;
	const steps: TaughtStep[] = [];
	for (const [i, step] of run.steps.entries()) {
		const text = told.steps[i]!;
		if (text.id !== step.id || text.outcome !== step.outcome) return undefined;
		const { phase: _phaseId, ...rest } = step;
		const words: StepText & Pick<TaughtStep, 'phaseId' | 'phase' | 'phaseIntro'> = {
			title: text.title,
			narration: text.narration,
			cites: text.cites,
			code: text.code,
			...(text.question !== undefined && { question: text.question }),
			...(text.verdict !== undefined && { verdict: text.verdict }),
			...(text.phaseId !== undefined && { phaseId: text.phaseId, phase: text.phase }),
			...(text.phaseIntro !== undefined && { phaseIntro: text.phaseIntro })
		};
		steps.push({ ...rest, ...words });
	}
	return { ...told, steps };
}
