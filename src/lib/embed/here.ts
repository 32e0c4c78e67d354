import { resolve } from '$app/paths';
import type { ScenarioId } from '$lib/protocol/types';
import { embedCode } from './code';
import type { EmbedTheme } from './message';

/**
 * HTML that embeds a step of this page's playground, pointing at wherever this site is served
 * from. A theme the reader picked carries over; otherwise the embed follows its reader's system.
 * (Loaded when the reader first copies it: most readers never embed.)
 */
export function embedCodeHere(scenario: ScenarioId, step: number): string {
	const siteUrl = new URL(resolve('/'), location.href).href;
	const theme = document.documentElement.dataset.theme;
	const picked: EmbedTheme | undefined = theme === 'light' || theme === 'dark' ? theme : undefined;
	// The MCP revision the client follows, when the reader picked another (it is in the address).
	const revision = new URL(location.href).searchParams.get('mcp') ?? undefined;
	return embedCode(siteUrl, scenario, step, picked, revision);
}
