import type { McpClient } from './client';
import { headerValue } from './http';
import type { ClientRules } from './client-rules';
import type { HttpResponse } from './types';

/**
 * How many times this client signs in again for one call before it gives up. MCP asks for a
 * limit ("no more than a few times"); the number is the client's choice.
 */
export const STEP_UP_LIMIT = 1;

/** What the client does after a tool call's answer. */
export type StepUpDecision =
	| { action: 'none' }
	| { action: 'reauthorize'; scope: string }
	| { action: 'give-up'; reason: string };

/**
 * The client's side of step-up authorization (MCP 2025-11-25, "Scope Challenge Handling"): on a
 * 403 `insufficient_scope` challenge it signs in again, with a new PKCE pair, asking for the
 * scopes the challenge names (2025-11-25) or their union with the scopes it asked for before
 * (2026-07-28), at most STEP_UP_LIMIT times; a 2025-06-18 client has no step-up rule. Loaded
 * only by the step-up scenario.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization
 */
export class StepUp {
	private attempts = 0;

	constructor(
		private readonly client: McpClient,
		private readonly mode: ClientRules['stepUp'] = 'union',
		private readonly limit = STEP_UP_LIMIT
	) {}

	// #region step-up
	/** Reads a tool call's answer: sign in again for more scope, give up, or nothing to do. */
	decide(response: HttpResponse): StepUpDecision {
		const challenge = headerValue(response, 'WWW-Authenticate') ?? '';
		const insufficient = response.status === 403 && /error="insufficient_scope"/.test(challenge); // #mark read
		if (!insufficient) return { action: 'none' };
		if (this.mode === 'none') {
			// #mark no-rule
			const reason =
				'403 insufficient_scope, and this client has no step-up rule: it reports the error';
			return { action: 'give-up', reason };
		}
		if (this.attempts >= this.limit) {
			// #mark limit
			const reason = `still 403 insufficient_scope after ${this.attempts} new sign-in${this.attempts === 1 ? '' : 's'}: the client stops and tells the user`;
			return { action: 'give-up', reason };
		}
		this.attempts += 1;
		const challenged = /scope="([^"]*)"/.exec(challenge)?.[1] ?? ''; // #mark challenged
		// MCP 2026-07-28: keep what it asked for before; the challenge names only this call's needs.
		this.client.scope =
			this.mode === 'union'
				? unionOfScopes(this.client.scope, challenged) // #mark union
				: challenged; // #mark replace
		return { action: 'reauthorize', scope: this.client.scope };
	}
	// #endregion step-up
}

/** The scopes of every list, each once, in first-seen order (scope lists are space-separated). */
export function unionOfScopes(...lists: (string | undefined)[]): string {
	const scopes = lists.flatMap((list) => list?.split(' ') ?? []).filter(Boolean);
	return [...new Set(scopes)].join(' ');
}
