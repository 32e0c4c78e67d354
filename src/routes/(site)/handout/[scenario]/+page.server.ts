import { error } from '@sveltejs/kit';
import { checkAllContent, snippetsFor, testVectorStory } from '$lib/content/playground.server';
import { SCENARIOS } from '$lib/content/scenarios';
import type { EntryGenerator, PageServerLoad } from './$types';

/** One handout per scenario, all prerendered. */
export const entries: EntryGenerator = () => SCENARIOS.map(({ id }) => ({ scenario: id }));

// The test-vector values: a printed page must match every other printout (and its first
// code_verifier the RFC's).
export const load: PageServerLoad = async ({ params }) => {
	const info = SCENARIOS.find((s) => s.id === params.scenario);
	if (!info) error(404, `No scenario "${params.scenario}"`);
	await checkAllContent();
	const run = await testVectorStory(info.id);
	return { info, run, snippets: await snippetsFor([run]) };
};
