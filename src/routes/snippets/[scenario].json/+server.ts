import { error, json } from '@sveltejs/kit';
import { scenarioSnippets } from '$lib/content/playground.server';
import { SCENARIOS } from '$lib/content/scenarios';
import type { ScenarioId } from '$lib/protocol/types';

// The highlighted code of one scenario, fetched when the reader switches to it, so the first
// visit carries only the scenario it shows.
export const prerender = true;

export const entries = () => SCENARIOS.map(({ id }) => ({ scenario: id }));

export async function GET({ params }) {
	const info = SCENARIOS.find((s) => s.id === params.scenario);
	if (!info) error(404, `No scenario "${params.scenario}"`);
	return json(await scenarioSnippets(info.id as ScenarioId));
}
