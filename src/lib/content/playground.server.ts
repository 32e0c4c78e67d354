import { testVectorEnvironment } from '$lib/protocol/environment';
import { CURRENT_REVISION, MCP_REVISIONS, type McpRevision } from '$lib/protocol/revisions';
import { runScenario } from '$lib/protocol/runner';
import type { ScenarioId } from '$lib/protocol/types';
import { REVISION_DEPENDENT } from './revisions';
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
export function testVectorStory(
	scenario: ScenarioId,
	revision: McpRevision = CURRENT_REVISION
): Promise<TaughtRun> {
	return runStory(scenario, testVectorEnvironment(), revision);
}

/** The revisions in checking order: the current one first (links resolve against its run). */
const REVISIONS = [CURRENT_REVISION, ...MCP_REVISIONS.filter((r) => r !== CURRENT_REVISION)];

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

/**
 * The highlighted code of one scenario's steps under every MCP revision (the steps, not the
 * values, choose the code), so switching the revision needs nothing more.
 */
export async function scenarioSnippets(scenario: ScenarioId): Promise<Record<string, string>> {
	return snippetsFor(await Promise.all(REVISIONS.map((r) => testVectorStory(scenario, r))));
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
	const [all, stories] = await Promise.all([
		Promise.all(
			ids.flatMap((id) => REVISIONS.map((r) => runScenario(id, testVectorEnvironment(), r)))
		),
		Promise.all(ids.map(loadStory))
	]);
	// An earlier revision's run is checked where the client follows its rules (its text may
	// differ even where its steps do not); elsewhere it is the current run again.
	const runs = all.filter(
		(run) => run.revision === CURRENT_REVISION || REVISION_DEPENDENT.includes(run.scenario)
	);
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
