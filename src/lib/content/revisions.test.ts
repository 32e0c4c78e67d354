import { describe, expect, test } from 'vitest';
import { testVectorEnvironment } from '$lib/protocol/environment';
import { MCP_REVISIONS } from '$lib/protocol/revisions';
import { runScenario } from '$lib/protocol/runner';
import { REVISION_DEPENDENT, REVISION_RULES } from './revisions';
import { isKnownCitation } from './sources';

describe('the table of MCP rules × revisions (workbench)', () => {
	test('every rule has a cited cell for every revision, each citation from the sources list', () => {
		for (const row of REVISION_RULES) {
			for (const revision of MCP_REVISIONS) {
				const cell = row.cells[revision];
				expect(cell.text.trim(), `${row.id} ${revision}`).not.toBe('');
				expect(isKnownCitation(cell.cite), `${row.id} ${revision}: ${cell.cite.section}`).toBe(
					true
				);
			}
		}
	});

	test('a cell cites its own revision, or the current one where it says “Unchanged”', () => {
		for (const row of REVISION_RULES) {
			for (const revision of MCP_REVISIONS) {
				const { text, cite } = row.cells[revision];
				if (!text.startsWith('Unchanged'))
					expect(cite.spec, `${row.id} ${revision}`).toBe(`MCP ${revision}`);
			}
		}
	});

	test('a rule that links to a scenario really changes what the client does there', async () => {
		for (const row of REVISION_RULES.filter((r) => r.see)) {
			expect(REVISION_DEPENDENT, row.id).toContain(row.see);
			const runs = await Promise.all(
				MCP_REVISIONS.map((r) => runScenario(row.see!, testVectorEnvironment(), r))
			);
			const ids = new Set(runs.map((run) => run.steps.map((s) => s.id).join(' ')));
			expect(ids.size, row.id).toBeGreaterThan(1);
		}
	});
});
