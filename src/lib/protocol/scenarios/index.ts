import type { ScenarioDefinition } from './definition';
import type { ScenarioId } from '../types';

/** The scenarios in the order the playground offers them. Importing this loads no scenario. */
export const SCENARIO_IDS: readonly ScenarioId[] = [
	's256',
	'hijack',
	'no-pkce',
	'plain',
	'downgrade',
	'replay',
	'injection',
	'mcp-discovery',
	'refresh-replay',
	'mix-up',
	'impersonation',
	'step-up',
	'discovery'
];

const LOADERS: Record<ScenarioId, () => Promise<{ default: ScenarioDefinition }>> = {
	s256: () => import('./s256'),
	hijack: () => import('./hijack'),
	'no-pkce': () => import('./no-pkce'),
	plain: () => import('./plain'),
	downgrade: () => import('./downgrade'),
	replay: () => import('./replay'),
	injection: () => import('./injection'),
	'mcp-discovery': () => import('./mcp-discovery'),
	'refresh-replay': () => import('./refresh-replay'),
	'mix-up': () => import('./mix-up'),
	impersonation: () => import('./impersonation'),
	'step-up': () => import('./step-up'),
	discovery: () => import('./discovery')
};

/** Loads one scenario module (its own chunk), so the page ships only the one it shows. */
export async function loadScenario(id: ScenarioId): Promise<ScenarioDefinition> {
	return (await LOADERS[id]()).default;
}
