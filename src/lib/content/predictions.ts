import type { TaughtStep as Step } from './types';

/**
 * "Predict, then reveal": the question a presenter asks the room before a step — the one its
 * story writes where the room's guess teaches most, else a plain one before every decisive step
 * (one whose outcome is the point of the scenario: an attacker's attempt, a rejection).
 */
export function predictionFor(step: Step | undefined): string | undefined {
	if (step?.question) return step.question;
	if (!step || !['attacker-wins', 'attacker-fails', 'rejected'].includes(step.outcome)) {
		return undefined;
	}
	const path = step.request ? new URL(step.request.url).pathname : '';
	if (step.from === 'attacker' && path.endsWith('/token')) return 'Will the attacker get a token?';
	if (step.from === 'attacker' && step.to === 'mcp')
		return 'Will the MCP server serve the attacker?';
	if (step.from === 'attacker' && step.to === 'as') {
		return 'Will the authorization server hand the attacker a code?';
	}
	if (step.to === 'client' && step.kind === 'redirect') return 'Will the client accept this code?';
	if (path.endsWith('/token')) return 'Will the server issue a token for this request?';
	if (step.to === 'mcp') return 'Will the MCP server accept this call?';
	return 'What happens next: success or refusal?';
}
