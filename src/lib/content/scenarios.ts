import { SCENARIO_IDS } from '$lib/protocol/scenarios';
import type { ScenarioId } from '$lib/protocol/types';
import type { ScenarioInfo } from './types';

const INFO: Record<ScenarioId, Omit<ScenarioInfo, 'id'>> = {
	s256: {
		title: 'PKCE with S256 stops a stolen code',
		description:
			'The attacker copies the code and reaches the token endpoint first; without the verifier it is refused.'
	},
	hijack: {
		title: 'The attacker takes the redirect',
		description: 'Only the attacker gets the code; it still cannot redeem it, and the retry works.'
	},
	'no-pkce': {
		title: 'Without PKCE',
		description:
			'The same interception against a server and client without PKCE: the attacker gets in.'
	},
	plain: {
		title: 'plain vs S256 when requests leak',
		description: 'An attacker who reads the request learns a plain verifier, but not an S256 one.'
	},
	downgrade: {
		title: 'PKCE downgrade (RFC 9700 §4.8)',
		description:
			'The attacker injects a code it got without a challenge; three defences, one failure.'
	},
	replay: {
		title: 'Replaying a used code',
		description: 'A replay with a wrong verifier is refused and does not revoke the real tokens.'
	},
	injection: {
		title: 'Code injection (RFC 9700 §4.5)',
		description: 'The attacker feeds a stolen code to its own copy of the client; PKCE refuses it.'
	},
	'mcp-discovery': {
		title: 'MCP discovery checks for PKCE',
		description: 'The client reads the metadata and refuses a server that does not announce PKCE.'
	}
};

/** The scenarios in the order the playground offers them, with their names. */
export const SCENARIOS: readonly ScenarioInfo[] = SCENARIO_IDS.map((id) => ({ id, ...INFO[id] }));
