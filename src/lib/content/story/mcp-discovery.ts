import type { ScenarioStory } from '../types';
import { cite } from './text';

/** MCP authorization 2025-11-25 (unchanged in 2026-07-28): verify PKCE support before anything else. */
const mcpDiscovery: ScenarioStory = {
	description: 'The client reads the metadata and refuses a server that does not announce PKCE.',
	summary:
		'The MCP client discovers the authorization server from the MCP server’s 401 and refuses to proceed when its metadata does not announce PKCE in code_challenge_methods_supported.',
	phases: {
		legacy: { title: 'A server that does not announce PKCE' },
		pkce: {
			title: 'A server that announces S256',
			intro: 'Now the same discovery against an authorization server whose metadata announces S256.'
		}
	},
	steps: {
		'pkce-token-client': {
			narration:
				'The client sends the `code` with its `code_verifier` on the back channel, and names the MCP server as `resource` again, as MCP requires in both requests. The SHA-256 of the verifier equals the bound `code_challenge`, so the server issues an `access_token` whose audience is that MCP server.',
			cites: [
				cite('RFC 7636', '4.6'),
				cite('RFC 8707', '2'),
				cite('MCP 2025-11-25', 'Resource Parameter Implementation')
			]
		}
	},
	end: {
		had: 'nothing: there is no attacker here; the risk is a server whose metadata does not say it supports PKCE',
		lacked:
			'code_challenge_methods_supported in the metadata, so the client cannot know the server checks PKCE',
		verdict: 'Refused without PKCE · signed in with S256',
		tone: 'mixed',
		lesson:
			'An MCP client reads the metadata first and refuses a server that does not announce PKCE: it cannot know the code would be protected.',
		contrast:
			'A client that skipped the check would start a sign-in whose code nothing ties to it, the situation of “Without PKCE”.',
		next: 's256',
		tools: [{ label: 'Quiz: who must use PKCE?', section: 'quiz-title' }]
	}
};
export default mcpDiscovery;
