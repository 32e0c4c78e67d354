import { PRIMER, WHY_PKCE } from '$lib/content/primer';
import { loadPlaygroundData } from '$lib/content/playground.server';

// The primer and the why come as data, not as component code: static text need not be first-load JavaScript.
export const load = async () => ({
	...(await loadPlaygroundData()),
	primer: PRIMER,
	why: WHY_PKCE
});
