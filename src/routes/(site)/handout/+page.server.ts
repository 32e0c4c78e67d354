import { SCENARIOS } from '$lib/content/scenarios';
import { loadStory } from '$lib/content/story';

/** Each scenario's one-line description, from its story (the first page ships only the names). */
export const load = async () => ({
	descriptions: Object.fromEntries(
		await Promise.all(SCENARIOS.map(async ({ id }) => [id, (await loadStory(id)).description]))
	) as Record<(typeof SCENARIOS)[number]['id'], string>
});
