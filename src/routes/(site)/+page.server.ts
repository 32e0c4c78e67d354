import { loadPlaygroundData } from '$lib/content/playground.server';

export const load = () => loadPlaygroundData();
