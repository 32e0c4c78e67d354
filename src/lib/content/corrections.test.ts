import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { RFC7636_APPENDIX_B } from '$lib/pkce/vectors';
import { testVectorEnvironment } from '$lib/protocol/environment';
import type { ScenarioId } from '$lib/protocol/types';
import { DIAGNOSES } from './diagnoses';
import { REDIRECT_VERDICTS } from './redirects';
import { FAILURE_MODES } from './failures';
import { GLOSSARY } from './glossary';
import { OUTCOME_LABEL, outcomeOf } from './outcomes';
import { PRIMER, WHY_PKCE } from './primer';
import { QUIZ } from './quiz';
import { extractRegion, listRegions } from './regions';
import { CURRENT_REVISION, MCP_REVISIONS } from '$lib/protocol/revisions';
import { REVISION_DEPENDENT } from './revisions';
import { SCENARIOS } from './scenarios';
import { SOURCES as SOURCE_FILES } from './snippets.server';
import { citationLabel } from './sources';
import { SOURCES } from './spec-versions';
import { runStory } from './story/run';
import type { Citation, TaughtRun, TaughtStep } from './types';
import { appendixBValues, testVectorNotice } from './vectors';

/**
 * Issue #14's corrections, one test each: the wording or the behaviour, pinned where a reader
 * meets it (step text, quiz, glossary, workbench, pages, README, and the code shown on the page).
 */

const runs = Object.fromEntries(
	await Promise.all(
		SCENARIOS.map(async ({ id }) => [id, await runStory(id, testVectorEnvironment())] as const)
	)
) as Record<ScenarioId, TaughtRun>;

/** The scenarios whose client follows another revision's rules, run under each earlier one. */
const earlier = await Promise.all(
	REVISION_DEPENDENT.flatMap((id) =>
		MCP_REVISIONS.filter((r) => r !== CURRENT_REVISION).map((r) =>
			runStory(id, testVectorEnvironment(), r)
		)
	)
);

function step(scenario: ScenarioId, id: string): TaughtStep {
	const found = runs[scenario].steps.find((s) => s.id === id);
	if (!found) throw new Error(`${scenario} has no step ${id}`);
	return found;
}
const has = (cites: readonly Citation[], spec: Citation['spec'], section: string) =>
	cites.some((c) => c.spec === spec && c.section === section);

const src = new URL('../../', import.meta.url).pathname;
const pages = readdirSync(src, { recursive: true, encoding: 'utf8' })
	.filter((file) => file.endsWith('.svelte'))
	.map((file) => [`src/${file}`, readFileSync(join(src, file), 'utf8')] as const);
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const shownCode = Object.entries(SOURCE_FILES).flatMap(([file, source]) =>
	listRegions(source).map((region) => [`${file}#${region}`, extractRegion(source, region)] as const)
);

/** Every text a reader can meet, with where it is. */
const TEXTS: readonly (readonly [string, string])[] = [
	...Object.values(runs).flatMap((run) => [
		[`${run.scenario} summary`, run.summary] as const,
		[`${run.scenario} description`, run.description] as const,
		[`${run.scenario} end card`, Object.values(run.end).join(' ')] as const,
		...run.steps.flatMap((s) => [
			[`${run.scenario}/${s.id}`, `${s.title}. ${s.narration} ${s.question ?? ''}`] as const,
			...(s.phaseIntro ? [[`${run.scenario}/${s.id} intro`, s.phaseIntro] as const] : [])
		])
	]),
	...SCENARIOS.map((s) => [`scenario ${s.id}`, s.title] as const),
	...QUIZ.map(
		(q) => [`quiz ${q.id}`, [q.question, ...q.choices, q.explanation].join(' ')] as const
	),
	...GLOSSARY.map((g) => [`glossary ${g.term}`, g.definition] as const),
	...Object.entries(DIAGNOSES).map(([kind, d]) => [`diagnosis ${kind}`, d.explanation] as const),
	...Object.entries(REDIRECT_VERDICTS).map(
		([kind, r]) => [`redirect ${kind}`, `${r.title}. ${r.explanation}`] as const
	),
	...FAILURE_MODES.map((m) => [`failure ${m.id}`, m.explanation] as const),
	...PRIMER.map((p, i) => [`primer ${i + 1}`, p.text] as const),
	...WHY_PKCE.map((p, i) => [`why ${i + 1}`, p.text] as const),
	...pages,
	['README.md', readme],
	...shownCode
];

/** Where a pattern appears in any text a reader meets. */
const where = (pattern: RegExp) =>
	TEXTS.filter(([, text]) => pattern.test(text.replace(/\s+/g, ' '))).map(([at]) => at);

describe('issue #14: corrections, each pinned', () => {
	test('1. downgrade: the response and the narration name the same code, and RFC 9700 is not said to name one', () => {
		const s = step('downgrade', 'rfc9700-token-client');
		expect(s.response?.json?.error).toBe('invalid_request');
		expect(s.narration).toContain('`invalid_request`');
		expect(s.narration).toMatch(/names no error code/);
		expect(has(s.cites, 'OAuth 2.1', '3.2.4')).toBe(true);
		expect(s.narration).not.toMatch(/this server answers `invalid_grant`/i);
	});

	test('2. a missing verifier: “this server answers invalid_grant”, OAuth 2.1 lists invalid_request; the quiz does not mark one code', () => {
		for (const [scenario, id] of [
			['s256', 'token-attacker-no-verifier'],
			['hijack', 'token-attacker-no-verifier']
		] as const) {
			const s = step(scenario, id);
			expect(s.response?.json?.error).toBe('invalid_grant');
			expect(s.narration).toMatch(/This server answers with the error code `invalid_grant`/);
			expect(s.narration).toMatch(
				/OAuth 2\.1 lists a missing required parameter under `invalid_request`/
			);
		}
		const question = QUIZ.find((q) => q.see.step === 'token-attacker-no-verifier')!;
		expect(question.choices[question.answer]).not.toMatch(/invalid_grant|invalid_request/);
		expect(question.explanation).toMatch(/invalid_grant/);
		expect(question.explanation).toMatch(/invalid_request/);
	});

	test('3. not “every MCP client”: every MCP client that does OAuth authorization', () => {
		expect(where(/every MCP client(?! that does OAuth)/i)).toEqual([]);
		expect(where(/every MCP client that does OAuth authorization/).length).toBeGreaterThan(0);
	});

	test('4. the verifier is not said to never leave the client; it never travels through the browser', () => {
		expect(
			where(/never (leaves|left|leave) the (client|app)|leave the app|stays in this process/i)
		).toEqual([]);
		expect(step('s256', 'make-verifier').narration).toMatch(/never pass through the browser/);
		expect(step('s256', 'token-client').narration).toMatch(/back channel/);
	});

	test('5. the test-vector notice names exactly the values that are Appendix B’s, and they match the RFC', () => {
		for (const { id } of SCENARIOS) {
			const values = appendixBValues(runs[id].steps);
			const notice = testVectorNotice(runs[id].steps);
			// No verifier at all: no PKCE, or discovery that stops before a sign-in.
			if (id === 'no-pkce' || id === 'discovery') {
				expect(values).toEqual([]);
				expect(notice).toMatch(/none of its values is from RFC 7636 Appendix B/);
				continue;
			}
			expect(values[0]).toEqual({ name: 'code_verifier', value: RFC7636_APPENDIX_B.verifier });
			if (id === 'plain')
				expect(values).toHaveLength(1); // a plain challenge is the verifier
			else
				expect(values[1]).toEqual({ name: 'code_challenge', value: RFC7636_APPENDIX_B.challenge });
			expect(notice).toMatch(/seeded generator/);
		}
		expect(where(/Every value is the (example|RFC)|values are the example of RFC 7636/i)).toEqual(
			[]
		);
	});

	test('6. no race: with PKCE order of arrival does not matter; keeping the code valid is this server’s choice', () => {
		expect(where(/\b(loses the race|races? the client|they race|races)\b/i)).toEqual([]);
		const client = step('s256', 'token-client');
		expect(client.narration).toMatch(/This server keeps a code valid after a refused attempt/);
		expect(has(client.cites, 'OAuth 2.1', '7.5.2')).toBe(true);
		expect(where(/did not use the code up|does not use the code up/)).toEqual([]);
		expect(runs.s256.end.lesson).toMatch(/order of arrival does not matter/);
	});

	test('7. S256 is a MUST for a client that can, not a SHOULD', () => {
		expect(where(/S256[^.]{0,40}\bSHOULD use\b|\bSHOULD use\b[^.]{0,10}`?S256/)).toEqual([]);
		expect(step('plain', 's256-authorize-request').narration).toMatch(/MUST use/);
		expect(has(step('plain', 's256-authorize-request').cites, 'RFC 7636', '4.2')).toBe(true);
	});

	test('8. OAuth 2.1 requires PKCE with a narrow exception; it does not “make it the default”', () => {
		expect(where(/makes it the default/i)).toEqual([]);
		const page = pages.find(([file]) => file.endsWith('SpecVersions.svelte'))![1];
		expect(page).toMatch(/requires it of all\s+clients, with one narrow exception/);
	});

	test('9. entropy: no fractional octets and no “exactly 6 bits” per character', () => {
		expect(where(/exactly 6 random bits|43 characters of 6 bits|\d+\.\d+ random octets/)).toEqual(
			[]
		);
		expect(where(/42 × 6 \+ 4 = 256/).length).toBeGreaterThan(0);
	});

	test('10. constant time is good practice, not RFC 7636 §4.6’s requirement', () => {
		expect(where(/constant.time[^.]*4\.6|4\.6[^.]*constant.time|in constant time/i)).toEqual([]);
		for (const run of Object.values(runs))
			for (const s of run.steps) expect(s.narration, s.id).not.toMatch(/constant time/);
	});

	test('11. citations: base64url §3/Appendix A, RFC 9728 §2 for fields, RFC 6750 for invalid_token, logs are case 4b', () => {
		const base64url = GLOSSARY.find((g) => g.term === 'base64url')!;
		expect(has(base64url.cites, 'RFC 7636', '3')).toBe(true);
		expect(has(base64url.cites, 'RFC 7636', '4.2')).toBe(false);
		expect(has(step('mcp-discovery', 'legacy-resource-metadata').cites, 'RFC 9728', '2')).toBe(
			true
		);
		const revoked = step('no-pkce', 'mcp-attacker-revoked');
		expect(revoked.narration).toContain('invalid_token');
		expect(has(revoked.cites, 'RFC 6750', '3.1')).toBe(true);
		expect(has(revoked.cites, 'RFC 9728', '5.1')).toBe(false);
		// logs leak requests (case 4b), not responses (case 4a)
		for (const run of Object.values(runs))
			for (const s of run.steps.filter((s) => s.action === 'attacker-observes'))
				expect(s.narration, `${run.scenario}/${s.id}`).not.toMatch(/logs/);
		expect(step('plain', 'attacker-reads-request').narration).toMatch(/logs[\s\S]*case 4b/);
	});

	test('12. currency: MCP 2026-07-28 is a source, MCP citations name their revision, OAuth 2.1 its draft', () => {
		expect(SOURCES['MCP 2026-07-28'].version).toMatch(/current revision/);
		expect(citationLabel({ spec: 'OAuth 2.1', section: '7.5.2' })).toBe('OAuth 2.1 (-15) §7.5.2');
		expect(
			citationLabel({ spec: 'MCP 2025-11-25', section: 'Authorization Code Protection' })
		).toBe('MCP 2025-11-25, Authorization Code Protection');
		const page = pages.find(([file]) => file.endsWith('SpecVersions.svelte'))![1];
		expect(page).toMatch(/2026-07-28/);
	});

	test('step 2 names the code_challenge_method the request really carries, in every scenario', () => {
		for (const run of Object.values(runs)) {
			for (const s of run.steps.filter((s) => s.action === 'open-browser')) {
				const method = new URL(s.request!.url).searchParams.get('code_challenge_method');
				if (method)
					expect(s.narration, `${run.scenario}/${s.id}`).toContain(
						`code_challenge_method=${method}`
					);
				else expect(s.narration, `${run.scenario}/${s.id}`).toContain('no `code_challenge` at all');
				expect(s.narration).toContain('127.0.0.1:53682');
			}
		}
		expect(step('no-pkce', 'open-browser').narration).toContain('no `code_challenge` at all');
		expect(step('plain', 'open-browser').narration).toContain('code_challenge_method=plain');
	});

	test('one annotation per step: steps that tell different stories about one region emphasize different lines', () => {
		for (const run of [...Object.values(runs), ...earlier]) {
			const seen = new Map<string, { story: string; marks: string; id: string }[]>();
			for (const s of run.steps) {
				const region = `${s.code.file}#${s.code.region}`;
				const marks = Object.keys(s.code.notes ?? {})
					.sort()
					.join(' ');
				expect(marks, `${run.scenario}/${s.id} has no annotated line`).not.toBe('');
				const story = `${s.action} ${s.outcome}`;
				for (const other of seen.get(region) ?? []) {
					if (other.story !== story)
						expect(marks, `${run.scenario}: ${s.id} and ${other.id} on ${region}`).not.toBe(
							other.marks
						);
				}
				seen.set(region, [...(seen.get(region) ?? []), { story, marks, id: s.id }]);
			}
		}
		// the two the issue names: s256's guess and the client's redemption
		expect(Object.keys(step('s256', 'token-attacker-guess').code.notes!)).toEqual([
			'recompute',
			'mismatch'
		]);
		expect(Object.keys(step('s256', 'token-client').code.notes!)).toEqual(['recompute', 'compare']);
		// no-pkce emphasizes no PKCE line: none runs there
		for (const id of ['make-state', 'open-browser', 'authorize-response'])
			expect(Object.keys(step('no-pkce', id).code.notes!), id).not.toContain('challenge');
	});

	// 13 (who knows what) and 14 (what an arrow carries) are protocol data: see
	// src/lib/protocol/scenarios.test.ts, "who knows what".

	test('15. outcomes read from the learner’s side; no-pkce ends on its lesson, not on a green tick', () => {
		expect(OUTCOME_LABEL['attacker-fails']).toEqual({ text: 'Blocked', symbol: '⊘' });
		expect(OUTCOME_LABEL['attacker-wins'].text).toBe('Attacker gets in');
		expect(runs['no-pkce'].end.tone).toBe('attacker-gets-in');
		expect(runs['no-pkce'].end.verdict).toBe('Attacker gets in');
		const last = runs['no-pkce'].steps.at(-1)!;
		expect(last.narration).toMatch(/Too late/);
		expect(outcomeOf(last)).toEqual({
			text: 'Refused, too late: the notes were read',
			symbol: '⚠',
			tone: 'caveat'
		});
		for (const { id } of SCENARIOS) {
			const end = runs[id].steps.at(-1)!;
			if (runs[id].end.tone === 'attacker-gets-in')
				expect(outcomeOf(end).symbol, `${id} ends on a tick`).not.toBe('✓');
		}
	});
});
