import { SCENARIO_IDS } from '$lib/protocol/scenarios';
import type { ScenarioId } from '$lib/protocol/types';
import type { ScenarioInfo } from './types';

const INFO: Record<ScenarioId, Omit<ScenarioInfo, 'id'>> = {
	s256: { title: 'S256 stops a stolen code' },
	hijack: { title: 'The attacker takes the redirect' },
	'no-pkce': { title: 'Without PKCE' },
	plain: { title: 'plain vs S256, requests leak' },
	downgrade: { title: 'PKCE downgrade (RFC 9700 §4.8)' },
	replay: { title: 'Replaying a used code' },
	injection: { title: 'Code injection (RFC 9700 §4.5)' },
	'mcp-discovery': { title: 'MCP discovery checks for PKCE' },
	'mix-up': { title: 'Mix-up: two servers, one hostile' },
	'refresh-replay': { title: 'A stolen refresh token' },
	impersonation: { title: 'A borrowed client ID' },
	'step-up': { title: 'Step-up: 403 insufficient_scope' },
	discovery: { title: 'Discovery, as the spec runs it' }
};

/** The scenarios in the order the playground offers them, with their names. */
export const SCENARIOS: readonly ScenarioInfo[] = SCENARIO_IDS.map((id) => ({ id, ...INFO[id] }));
