import { PRIMER } from '$lib/content/primer';
import { loadPlaygroundData } from '$lib/content/playground.server';

// The primer comes as data, not as component code: static text need not be first-load JavaScript.
export const load = async () => ({ ...(await loadPlaygroundData()), primer: PRIMER });
