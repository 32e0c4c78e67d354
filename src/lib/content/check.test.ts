import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ScenarioId } from '$lib/protocol/types';
import { assertContent, checkContent, type ContentInput } from './check';
import { extractRegion, listRegions } from './regions';
import { UNSHOWN, WORKBENCH_SECTIONS } from './shown';
import { SOURCES } from './snippets.server';
import { siteContent } from './playground.server';
import type { ScenarioStory, StepOverride } from './types';

/**
 * The build-time check of the teaching text (check.ts; the prerender calls it through
 * checkAllContent). Each rule is shown to fail by feeding it a content table broken on purpose.
 */

const real: ContentInput = await siteContent();
const stories = real.stories as Record<ScenarioId, ScenarioStory>;

/** The real input with one scenario's story changed. */
function withStory(id: ScenarioId, change: (story: ScenarioStory) => ScenarioStory): ContentInput {
	return { ...real, stories: { ...stories, [id]: change(stories[id]) } };
}
const withStep = (id: ScenarioId, step: string, text: StepOverride) =>
	withStory(id, (story) => ({ ...story, steps: { ...story.steps, [step]: text } }));

describe('the build-time content check', () => {
	test('the site’s own content passes', () => {
		expect(checkContent(real)).toEqual([]);
		expect(() => assertContent(real)).not.toThrow();
	});

	test('a step with no narration fails, naming the file and the step', () => {
		expect(checkContent(withStep('s256', 'token-client', { narration: ' ' }))).toEqual([
			'src/lib/content/story/s256.ts, step "token-client": no narration'
		]);
	});

	test('a title too long for a glance, or a narration longer than a paragraph, fails', () => {
		expect(checkContent(withStep('s256', 'callback', { title: 'x'.repeat(81) }))).toEqual([
			'src/lib/content/story/s256.ts, step "callback": a title of more than 80 characters'
		]);
		const long = 'One. Two. Three. Four. Five. Six.';
		expect(checkContent(withStep('s256', 'callback', { narration: long }))).toEqual([
			'src/lib/content/story/s256.ts, step "callback": narration of more than 5 sentences'
		]);
	});

	test('a title that gives the outcome away before the room is asked fails', () => {
		expect(
			checkContent(
				withStep('s256', 'token-attacker-no-verifier', { title: 'The attacker is refused' })
			)
		).toEqual([
			'src/lib/content/story/s256.ts, step "token-attacker-no-verifier": the title gives the outcome away ("The attacker is refused")'
		]);
	});

	test('text that reads a value the step lacks, or doubles a word, fails', () => {
		const missing = withStep('s256', 'callback', (step: { reason?: string }) => ({
			narration: `The client refuses: ${step.reason}.`
		}));
		expect(checkContent(missing)).toEqual([
			'src/lib/content/story/s256.ts, step "callback": the text reads a value the step does not have'
		]);
		expect(
			checkContent(
				withStep('s256', 'callback', { narration: 'on the loopback address the the port.' })
			)
		).toEqual([
			'src/lib/content/story/s256.ts, step "callback": a word is doubled in the narration'
		]);
	});

	test('a phase title that gives away the outcome of one of its decisive steps fails', () => {
		const phase = withStory('downgrade', (story) => ({
			...story,
			phases: { ...story.phases, required: { title: 'A server that refuses the request' } }
		}));
		expect(checkContent(phase)).toEqual([
			'src/lib/content/story/downgrade.ts, step "required-attacker-authorize": its phase title gives the outcome away ("A server that refuses the request")'
		]);
	});

	test('a step with no title fails', () => {
		expect(checkContent(withStep('replay', 'mcp-call-again', { title: '' }))).toEqual([
			'src/lib/content/story/replay.ts, step "mcp-call-again": no title'
		]);
	});

	test('a step with no citation fails', () => {
		expect(checkContent(withStep('hijack', 'retry-callback', { cites: [] }))).toEqual([
			'src/lib/content/story/hijack.ts, step "retry-callback": no citation'
		]);
	});

	test('a citation of a section not in the sources list fails', () => {
		const broken = withStep('s256', 'callback', { cites: [{ spec: 'RFC 7636', section: '4.7' }] });
		expect(checkContent(broken)).toEqual([
			'src/lib/content/story/s256.ts, step "callback": cites RFC 7636 4.7, which is not in the sources list'
		]);
	});

	test('a code reference to a region (or a file) that does not exist fails', () => {
		const region = withStep('injection', 'inject-code', {
			code: { file: 'protocol/attacker.ts', region: 'no-such-region' }
		});
		expect(checkContent(region)).toContain(
			'src/lib/content/story/injection.ts, step "inject-code": src/lib/protocol/attacker.ts has no region "no-such-region"'
		);
		const file = withStep('injection', 'inject-code', {
			code: { file: 'protocol/nowhere.ts', region: 'x' }
		});
		expect(checkContent(file)).toContain(
			'src/lib/content/story/injection.ts, step "inject-code": code file src/lib/protocol/nowhere.ts does not exist'
		);
	});

	test('a region marked in source but shown by no step, and not listed as unshown, fails', () => {
		const sources = {
			...SOURCES,
			'protocol/extra.ts':
				'// #region forgotten\nconst x = 1;\nconst y = 2;\n// #endregion forgotten\n'
		};
		expect(checkContent({ ...real, sources })).toEqual([
			'src/lib/protocol/extra.ts: region "forgotten" is shown by no step or page (show it, or list it as unshown with a reason)'
		]);
		const { ['protocol/browser.ts#follow-redirect']: _, ...unshown } = UNSHOWN;
		expect(checkContent({ ...real, unshown })).toEqual([
			'src/lib/protocol/browser.ts: region "follow-redirect" is shown by no step or page (show it, or list it as unshown with a reason)'
		]);
		expect(
			checkContent({
				...real,
				unshown: { ...UNSHOWN, 'protocol/client.ts#make-verifier': 'listed by mistake' }
			})
		).toEqual([
			'protocol/client.ts#make-verifier is listed as unshown, but a step or page shows it'
		]);
	});

	test('a quiz or handout link to an unknown step fails', () => {
		const stepLinks = [
			...real.stepLinks,
			{ from: 'quiz "x"', scenario: 's256' as const, step: 'gone' }
		];
		expect(checkContent({ ...real, stepLinks })).toEqual([
			'quiz "x": links to s256/gone, which does not exist'
		]);
	});

	test('content for a step or a phase the protocol no longer has fails', () => {
		expect(checkContent(withStep('s256', 'retired-step', { title: 'Old' }))).toEqual([
			'src/lib/content/story/s256.ts: text for step "retired-step", which the protocol no longer has'
		]);
		const phase = withStory('hijack', (story) => ({
			...story,
			phases: { ...story.phases, gone: { title: 'A phase that was removed' } }
		}));
		expect(checkContent(phase)).toEqual([
			'src/lib/content/story/hijack.ts: text for phase "gone", which the run does not have'
		]);
	});

	test('a phase without a title, and a missing story, fail', () => {
		const untitled = withStory('plain', (story) => ({
			...story,
			phases: { plain: story.phases!.plain! }
		}));
		const problems = checkContent(untitled);
		expect(problems.length).toBeGreaterThan(0);
		expect(problems[0]).toBe(
			'src/lib/content/story/plain.ts, step "s256-make-verifier": phase "s256" has no title'
		);
		const { downgrade: _, ...rest } = stories;
		// (the regions only that scenario shows are then reported as unshown, too)
		expect(checkContent({ ...real, stories: rest })[0]).toBe(
			'src/lib/content/story/downgrade.ts: missing (the scenario "downgrade" has no text)'
		);
	});

	test('an end card’s link to an unknown workbench section, and shared text no scenario uses, fail', () => {
		const card = withStory('replay', (story) => ({
			...story,
			end: { ...story.end, tools: [{ label: 'Gone', section: 'removed-title' }] }
		}));
		expect(checkContent(card)).toEqual([
			'src/lib/content/story/replay.ts: the end card links to an unknown workbench section "removed-title"'
		]);
		expect(
			checkContent({ ...real, sharedActions: [...real.sharedActions, 'retired-action'] })
		).toEqual([
			'src/lib/content/story/shared.ts: text for the action "retired-action", which no scenario takes'
		]);
	});

	test('no mark reaches the page: every `#mark` in the sources ends its line', () => {
		for (const [file, source] of Object.entries(SOURCES)) {
			for (const region of listRegions(source))
				expect(extractRegion(source, region), `${file}#${region}`).not.toContain('#mark');
		}
	});

	test('the workbench sections end cards may link to are headings of the workbench page', () => {
		const src = new URL('../../', import.meta.url).pathname;
		const pages = readdirSync(src, { recursive: true, encoding: 'utf8' })
			.filter((file) => file.includes('workbench') && file.endsWith('.svelte'))
			.map((file) => readFileSync(join(src, file), 'utf8'))
			.join('\n');
		for (const section of WORKBENCH_SECTIONS) expect(pages, section).toContain(`id="${section}"`);
	});

	test('assertContent throws one error that lists every problem', () => {
		const broken = withStep('s256', 'token-client', { narration: '', cites: [] });
		expect(() => assertContent(broken)).toThrow(
			/2 problem\(s\):\n- .*"token-client": no narration\n- .*"token-client": no citation/
		);
	});
});
