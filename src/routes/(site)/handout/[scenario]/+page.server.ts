import { error } from '@sveltejs/kit';
import { snippetsFor } from '$lib/content/playground.server';
import { testVectorEnvironment } from '$lib/protocol/environment';
import { runScenario } from '$lib/protocol/runner';
import { SCENARIOS } from '$lib/protocol/scenarios';
import type { EntryGenerator, PageServerLoad } from './$types';

/** One handout per scenario, all prerendered. */
export const entries: EntryGenerator = () => SCENARIOS.map(({ id }) => ({ scenario: id }));

// The RFC 7636 Appendix B values: a printed page must match the RFC and every other printout.
export const load: PageServerLoad = async ({ params }) => {
	const info = SCENARIOS.find((s) => s.id === params.scenario);
	if (!info) error(404, `No scenario "${params.scenario}"`);
	const run = await runScenario(info.id, testVectorEnvironment());
	return { info, run, snippets: await snippetsFor([run]) };
};
