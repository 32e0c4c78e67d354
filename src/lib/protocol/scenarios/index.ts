import type { ScenarioDefinition } from '../runner';
import type { ScenarioId } from '../types';

export interface ScenarioInfo {
	id: ScenarioId;
	title: string;
	/** One line for the scenario selector. */
	description: string;
}

/** The scenarios in the order the playground offers them. Importing this loads no scenario. */
export const SCENARIOS: readonly ScenarioInfo[] = [
	{
		id: 's256',
		title: 'PKCE with S256 stops a stolen code',
		description: 'The attacker copies the code and races the client; without the verifier it loses.'
	},
	{
		id: 'hijack',
		title: 'The attacker takes the redirect',
		description: 'Only the attacker gets the code; it still cannot redeem it, and the retry works.'
	},
	{
		id: 'no-pkce',
		title: 'Without PKCE',
		description:
			'The same interception against a server and client without PKCE: the attacker wins.'
	},
	{
		id: 'plain',
		title: 'plain vs S256 when requests leak',
		description: 'An attacker who reads the request learns a plain verifier, but not an S256 one.'
	},
	{
		id: 'downgrade',
		title: 'PKCE downgrade (RFC 9700 §4.8)',
		description:
			'The attacker injects a code it got without a challenge; three defences, one failure.'
	},
	{
		id: 'replay',
		title: 'Replaying a used code',
		description: 'A replay with a wrong verifier is refused and does not revoke the real tokens.'
	},
	{
		id: 'injection',
		title: 'Code injection (RFC 9700 §4.5)',
		description: 'The attacker feeds a stolen code to its own copy of the client; PKCE refuses it.'
	},
	{
		id: 'mcp-discovery',
		title: 'MCP discovery checks for PKCE',
		description: 'The client reads the metadata and refuses a server that does not announce S256.'
	}
];

const LOADERS: Record<ScenarioId, () => Promise<{ default: ScenarioDefinition }>> = {
	s256: () => import('./s256'),
	hijack: () => import('./hijack'),
	'no-pkce': () => import('./no-pkce'),
	plain: () => import('./plain'),
	downgrade: () => import('./downgrade'),
	replay: () => import('./replay'),
	injection: () => import('./injection'),
	'mcp-discovery': () => import('./mcp-discovery')
};

/** Loads one scenario module (its own chunk), so the page ships only the one it shows. */
export async function loadScenario(id: ScenarioId): Promise<ScenarioDefinition> {
	return (await LOADERS[id]()).default;
}
