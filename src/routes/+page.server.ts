import { loadSnippet, snippetId } from '$lib/content/snippets.server';
import { testVectorEnvironment } from '$lib/protocol/environment';
import { runScenario } from '$lib/protocol/runner';
import { SCENARIOS } from '$lib/protocol/scenarios';

/**
 * At build time: run every scenario with the RFC 7636 test vector (what a reader without
 * JavaScript sees), and highlight each code region a step refers to.
 */
export async function load() {
	const runs = await Promise.all(SCENARIOS.map((s) => runScenario(s.id, testVectorEnvironment())));
	const refs = new Map(
		runs.flatMap((run) => run.steps.map((step) => [snippetId(step.code), step.code]))
	);
	const snippets = await Promise.all([...refs.values()].map(loadSnippet));
	return {
		initial: runs[0]!,
		snippets: Object.fromEntries(snippets.map((s) => [snippetId(s), s.html]))
	};
}
