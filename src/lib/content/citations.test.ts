import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { testVectorEnvironment } from '$lib/protocol/environment';
import type { ScenarioId } from '$lib/protocol/types';
import { DIAGNOSES } from './diagnoses';
import { REDIRECT_VERDICTS } from './redirects';
import { FAILURE_MODES } from './failures';
import { GLOSSARY } from './glossary';
import { PRIMER, WHY_PKCE } from './primer';
import { QUIZ } from './quiz';
import { CITED_SECTIONS, isKnownCitation } from './sources';
import { SCENARIOS } from './scenarios';
import { SOURCES } from './spec-versions';
import { runStory } from './story/run';
import type { Citation, TaughtRun } from './types';

/**
 * The content check: every statement the site teaches cites a section, and every citation names
 * a spec in SOURCES and a section in CITED_SECTIONS (the sections shared/FACTS.md draws on).
 */

const runs = new Map<ScenarioId, Promise<TaughtRun>>();
const run = (id: ScenarioId) => {
	if (!runs.has(id)) runs.set(id, runStory(id, testVectorEnvironment()));
	return runs.get(id)!;
};

function expectCited(where: string, cites: readonly Citation[]) {
	expect(cites.length, `${where} has no citation`).toBeGreaterThan(0);
	for (const cite of cites) {
		expect(Object.keys(SOURCES), `${where}: ${cite.spec} is not a source`).toContain(cite.spec);
		expect(isKnownCitation(cite), `${where}: ${cite.spec} ${cite.section} is not citable`).toBe(
			true
		);
	}
}

describe('the content check', () => {
	test('every spec in SOURCES has its list of citable sections, and nothing else does', () => {
		expect(Object.keys(CITED_SECTIONS).sort()).toEqual(Object.keys(SOURCES).sort());
	});

	test('isKnownCitation refuses an unknown section and an unknown spec', () => {
		expect(isKnownCitation({ spec: 'RFC 7636', section: '4.6' })).toBe(true);
		expect(isKnownCitation({ spec: 'RFC 7636', section: '4.7' })).toBe(false);
		expect(isKnownCitation({ spec: 'RFC 9126' as Citation['spec'], section: '2' })).toBe(false);
	});

	test.each(SCENARIOS.map((s) => s.id))(
		'%s: every step’s narration cites a known section (run with the test-vector values)',
		async (id) => {
			const { steps } = await run(id);
			expect(steps.length).toBeGreaterThan(0);
			for (const step of steps) expectCited(`${id}/${step.id}`, step.cites);
		}
	);

	test('every quiz question cites known sections and links to a step that exists', async () => {
		expect(QUIZ.length).toBeGreaterThanOrEqual(5);
		expect(QUIZ.length).toBeLessThanOrEqual(8);
		expect(new Set(QUIZ.map((q) => q.id)).size).toBe(QUIZ.length);
		for (const question of QUIZ) {
			expectCited(`quiz ${question.id}`, question.cites);
			expect(question.choices[question.answer], question.id).toBeDefined();
			expect(new Set(question.choices).size, question.id).toBe(question.choices.length);
			const { steps } = await run(question.see.scenario);
			expect(
				steps.map((s) => s.id),
				`quiz ${question.id} links to a missing step`
			).toContain(question.see.step);
		}
	});

	test('every paragraph of the primer cites known sections', () => {
		for (const [i, paragraph] of PRIMER.entries()) expectCited(`primer ${i + 1}`, paragraph.cites);
		for (const [i, paragraph] of WHY_PKCE.entries()) expectCited(`why ${i + 1}`, paragraph.cites);
	});

	test('every glossary entry cites known sections, and the glossary is alphabetical', () => {
		for (const entry of GLOSSARY) expectCited(`glossary ${entry.term}`, entry.cites);
		const terms = GLOSSARY.map((e) => e.term);
		expect(terms).toEqual([...terms].sort((a, b) => a.localeCompare(b, 'en')));
	});

	test('every workbench diagnosis, redirect verdict and failure mode cites known sections', () => {
		for (const [kind, entry] of Object.entries(DIAGNOSES))
			expectCited(`diagnosis ${kind}`, entry.cites);
		for (const [kind, entry] of Object.entries(REDIRECT_VERDICTS))
			expectCited(`redirect ${kind}`, entry.cites);
		for (const mode of FAILURE_MODES) expectCited(`failure ${mode.id}`, mode.cites);
	});

	test('every citation written into a component or route names a known section', () => {
		const root = new URL('../../', import.meta.url).pathname; // src/
		const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) =>
			f.endsWith('.svelte')
		);
		const literal = /\{\s*spec:\s*'([^']+)',\s*section:\s*'([^']+)'\s*\}/g;
		let found = 0;
		for (const file of files) {
			for (const [, spec, section] of readFileSync(join(root, file), 'utf8').matchAll(literal)) {
				found++;
				expectCited(file, [{ spec: spec as Citation['spec'], section: section! }]);
			}
		}
		expect(found).toBeGreaterThan(0);
	});
});
