/**
 * The build-time check of the teaching text. Every scenario's story is checked against a real
 * run of its protocol module and against the real source files, so that a step without text, a
 * citation of an unread section, or a code reference that rotted fails the build with a message
 * that names the file and the step. Pure: the caller supplies the runs, stories and sources.
 */
import { CURRENT_REVISION } from '$lib/protocol/revisions';
import type { ScenarioId, ScenarioRun } from '$lib/protocol/types';
import { cutRegion, listRegions } from './regions';
import { isKnownCitation } from './sources';
import { textOf } from './story';
import { snippetId, type CodeRef, type ScenarioStory } from './types';

export interface ContentInput {
	runs: readonly ScenarioRun[];
	stories: Readonly<Partial<Record<ScenarioId, ScenarioStory>>>;
	/** Source text by path below src/lib, for the files steps and pages show. */
	sources: Readonly<Record<string, string>>;
	/** Regions shown by a page other than a playground step (workbench, handouts). */
	shownElsewhere: readonly CodeRef[];
	/** Regions marked in source that no page shows, each with the reason. */
	unshown: Readonly<Record<string, string>>;
	/** Links from other content (quiz, handouts) to steps: "scenario/step-id", with where they are. */
	stepLinks: readonly { from: string; scenario: ScenarioId; step: string }[];
	/** The workbench sections an end card may link to. */
	workbenchSections: readonly string[];
	/** The actions the shared text is written for (story/shared.ts). */
	sharedActions: readonly string[];
}

/** A title reads at a glance (and on a projector); a narration is a paragraph, not a page. */
const MAX_TITLE = 80;
const MAX_SENTENCES = 5;
const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-Z`“(])/).length;

/** Before a decisive step the room is asked first: its title must not tell how it ends. */
const DECISIVE = new Set(['attacker-wins', 'attacker-fails', 'rejected']);
const GIVES_AWAY =
	/\b(refus\w*|reject\w*|fail\w*|succe\w*|block\w*|wins?|loses?|works|revoke\w*|redeems|sees|stops?|proceeds)\b/i;

const storyFile = (id: ScenarioId) => `src/lib/content/story/${id}.ts`;

/** Every problem found, one line each; empty when the content is sound. */
export function checkContent(input: ContentInput): string[] {
	const problems: string[] = [];
	const shown = new Set(input.shownElsewhere.map(snippetId));
	const regionsOf = (file: string) =>
		input.sources[file] === undefined ? undefined : listRegions(input.sources[file]);

	const checkRef = (where: string, ref: CodeRef) => {
		const regions = regionsOf(ref.file);
		if (!ref.file) problems.push(`${where}: no code region`);
		else if (!regions) problems.push(`${where}: code file src/lib/${ref.file} does not exist`);
		else if (!regions.includes(ref.region))
			problems.push(`${where}: src/lib/${ref.file} has no region "${ref.region}"`);
		else {
			shown.add(snippetId(ref));
			const { marks } = cutRegion(input.sources[ref.file]!, ref.region);
			for (const mark of Object.keys(ref.notes ?? {})) {
				if (!marks[mark])
					problems.push(
						`${where}: src/lib/${ref.file}#${ref.region} has no line marked "// #mark ${mark}"`
					);
			}
		}
	};
	for (const ref of input.shownElsewhere) checkRef('a page outside the playground', ref);

	for (const run of input.runs) {
		const file = storyFile(run.scenario);
		const story = input.stories[run.scenario];
		if (!story) {
			problems.push(`${file}: missing (the scenario "${run.scenario}" has no text)`);
			continue;
		}
		for (const step of run.steps) {
			const under = run.revision === CURRENT_REVISION ? '' : ` (MCP ${run.revision})`;
			const where = `${file}${under}, step "${step.id}"`;
			const text = textOf(story, step, run.revision);
			if (!text.title.trim()) problems.push(`${where}: no title`);
			else if (text.title.length > MAX_TITLE)
				problems.push(`${where}: a title of more than ${MAX_TITLE} characters`);
			if ((text.question || DECISIVE.has(step.outcome)) && GIVES_AWAY.test(text.title))
				problems.push(`${where}: the title gives the outcome away ("${text.title}")`);
			if (/\b(undefined|null|NaN)\b|\[object /.test(`${text.title} ${text.narration}`))
				problems.push(`${where}: the text reads a value the step does not have`);
			if (/\b(\w+) \1\b/i.test(text.narration.replace(/`[^`]*`/g, '')))
				problems.push(`${where}: a word is doubled in the narration`);
			if (!text.narration.trim()) problems.push(`${where}: no narration`);
			else if (sentences(text.narration) > MAX_SENTENCES)
				problems.push(`${where}: narration of more than ${MAX_SENTENCES} sentences`);
			if (text.cites.length === 0) problems.push(`${where}: no citation`);
			for (const cite of text.cites) {
				if (!isKnownCitation(cite))
					problems.push(
						`${where}: cites ${cite.spec} ${cite.section}, which is not in the sources list`
					);
			}
			checkRef(where, text.code);
			if (Object.keys(text.code.notes ?? {}).length === 0)
				problems.push(`${where}: no annotated line (code.notes: the lines this step is about)`);
			for (const [mark, note] of Object.entries(text.code.notes ?? {})) {
				if (!note.trim()) problems.push(`${where}: the note on "${mark}" is empty`);
			}
			const phase = step.phase === undefined ? undefined : story.phases?.[step.phase];
			if (step.phase !== undefined && !phase)
				problems.push(`${where}: phase "${step.phase}" has no title`);
			if (phase && (text.question || DECISIVE.has(step.outcome)) && GIVES_AWAY.test(phase.title))
				problems.push(`${where}: its phase title gives the outcome away ("${phase.title}")`);
		}
		// Text is checked against the steps of the scenario's runs under every MCP revision.
		const all = input.runs.filter((r) => r.scenario === run.scenario);
		if (all[0] !== run) continue;
		const ids = new Set(all.flatMap((r) => r.steps.map((step) => step.id)));
		for (const id of Object.keys(story.steps)) {
			if (!ids.has(id))
				problems.push(`${file}: text for step "${id}", which the protocol no longer has`);
		}
		const phases = new Set(all.flatMap((r) => r.steps.map((step) => step.phase)));
		for (const id of Object.keys(story.phases ?? {})) {
			if (!phases.has(id))
				problems.push(`${file}: text for phase "${id}", which the run does not have`);
		}
		if (story.end.next && !input.runs.some((r) => r.scenario === story.end.next))
			problems.push(`${file}: the end card links to an unknown scenario "${story.end.next}"`);
		for (const tool of story.end.tools) {
			if (!input.workbenchSections.includes(tool.section))
				problems.push(
					`${file}: the end card links to an unknown workbench section "${tool.section}"`
				);
		}
	}

	const actions = new Set(input.runs.flatMap((run) => run.steps.map((step) => step.action)));
	for (const action of input.sharedActions) {
		if (!actions.has(action))
			problems.push(
				`src/lib/content/story/shared.ts: text for the action "${action}", which no scenario takes`
			);
	}

	for (const link of input.stepLinks) {
		const run = input.runs.find((r) => r.scenario === link.scenario);
		if (!run?.steps.some((step) => step.id === link.step))
			problems.push(`${link.from}: links to ${link.scenario}/${link.step}, which does not exist`);
	}

	for (const [file, source] of Object.entries(input.sources)) {
		for (const region of listRegions(source)) {
			const id = `${file}#${region}`;
			if (!shown.has(id) && input.unshown[id] === undefined)
				problems.push(
					`src/lib/${file}: region "${region}" is shown by no step or page (show it, or list it as unshown with a reason)`
				);
		}
	}
	for (const id of Object.keys(input.unshown)) {
		if (shown.has(id)) problems.push(`${id} is listed as unshown, but a step or page shows it`);
	}
	return problems;
}

/** Throws one error listing every problem, so a build (or a test) fails with all of them. */
export function assertContent(input: ContentInput): void {
	const problems = checkContent(input);
	if (problems.length > 0) {
		throw new Error(
			`The teaching text has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`
		);
	}
}
