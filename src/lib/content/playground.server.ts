import { testVectorEnvironment } from '$lib/protocol/environment';
import { runScenario } from '$lib/protocol/runner';
import type { ScenarioId } from '$lib/protocol/types';
import { assertContent, type ContentInput } from './check';
import { QUIZ } from './quiz';
import { SCENARIOS } from './scenarios';
import { UNSHOWN, WORKBENCH_CODE, WORKBENCH_SECTIONS } from './shown';
import { loadSnippet, SOURCES } from './snippets.server';
import { snippetId } from './types';
import { loadStory } from './story';
import { runStory } from './story/run';
import { SHARED } from './story/shared';
import type { TaughtRun } from './types';
import { testVectorNotice } from './vectors';

/** One scenario run with the deterministic test-vector environment, with its text. */
export function testVectorStory(scenario: ScenarioId): Promise<TaughtRun> {
	return runStory(scenario, testVectorEnvironment());
}

/** Every scenario, run with the test-vector environment, with its text. */
export function testVectorRuns(): Promise<TaughtRun[]> {
	return Promise.all(SCENARIOS.map((s) => testVectorStory(s.id)));
}

/** Highlighted code for every region the runs' steps refer to, keyed "file#region". */
export async function snippetsFor(runs: readonly TaughtRun[]): Promise<Record<string, string>> {
	const refs = new Map(
		runs.flatMap((run) => run.steps.map((step) => [snippetId(step.code), step.code]))
	);
	const snippets = await Promise.all([...refs.values()].map(loadSnippet));
	return Object.fromEntries(snippets.map((s) => [snippetId(s), s.html]));
}

/** The highlighted code of one scenario's steps (the steps, not the values, choose the code). */
export async function scenarioSnippets(scenario: ScenarioId): Promise<Record<string, string>> {
	return snippetsFor([await testVectorStory(scenario)]);
}

let checked: Promise<void> | undefined;

/**
 * Checks every scenario's text against its run and the real sources (check.ts); throws, and so
 * fails the prerender, naming each file and step at fault. Runs once per build.
 */
export function checkAllContent(): Promise<void> {
	checked ??= siteContent().then(assertContent);
	return checked;
}

/** The site's own content, as the build check reads it: every run, story, source and link. */
export async function siteContent(): Promise<ContentInput> {
	const ids = SCENARIOS.map((s) => s.id);
	const [runs, stories] = await Promise.all([
		Promise.all(ids.map((id) => runScenario(id, testVectorEnvironment()))),
		Promise.all(ids.map(loadStory))
	]);
	return {
		runs,
		stories: Object.fromEntries(ids.map((id, i) => [id, stories[i]!])),
		sources: SOURCES,
		shownElsewhere: WORKBENCH_CODE,
		unshown: UNSHOWN,
		stepLinks: QUIZ.map((q) => ({ from: `quiz "${q.id}"`, ...q.see })),
		workbenchSections: WORKBENCH_SECTIONS,
		sharedActions: Object.keys(SHARED)
	};
}

/**
 * What the playground needs at build time: the run to prerender (`initial`, with the test-vector
 * environment, which is what a reader without JavaScript sees) and its highlighted code. Other
 * scenarios' code is fetched from /snippets/<scenario>.json when the reader switches.
 */
export async function loadPlaygroundData(initial: ScenarioId = 's256') {
	await checkAllContent();
	const run = await testVectorStory(initial);
	return { initial: run, snippets: await snippetsFor([run]), notice: testVectorNotice(run.steps) };
}
