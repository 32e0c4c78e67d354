import { loadPlaygroundData } from '$lib/content/playground.server';

// The same data as the playground: the reader may switch to any scenario inside the frame.
export const load = () => loadPlaygroundData();
