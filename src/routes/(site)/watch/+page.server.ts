import { loadSnippet } from '$lib/content/snippets.server';
import { snippetId } from '$lib/content/types';
import { WATCH_CODE } from '$lib/watch/steps';

/** Build time: the reference client's code for each kind of step Watch draws. */
export async function load() {
	const snippets = await Promise.all(Object.values(WATCH_CODE).map(loadSnippet));
	return {
		snippets: Object.fromEntries(snippets.map((s) => [snippetId(s), s.html]))
	};
}
