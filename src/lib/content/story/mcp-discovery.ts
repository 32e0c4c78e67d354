import type { ScenarioStory } from '../types';
import { at, cite } from './text';

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
		'legacy-proceed-unchecked': {
			title: 'The client takes the endpoints and goes on',
			narration:
				'This client follows MCP 2025-06-18, which has no rule about `code_challenge_methods_supported`: it takes the endpoints and would go on to sign in with `S256`. RFC 8414 reads the absent field as no PKCE support: nothing tells the client this server will check a verifier, and a code nothing checks is not protected — the situation of “Without PKCE”. MCP 2025-11-25 added the rule that refuses here.',
			cites: [
				cite('MCP 2025-06-18', 'Authorization Code Protection'),
				cite('MCP 2025-11-25', 'Authorization Code Protection'),
				cite('RFC 8414', '2')
			],
			code: at('discovery', 'discover-server', {
				unchecked: 'No PKCE check in this revision…',
				'use-endpoints':
					'…so the client takes the endpoints of a server that never said it checks PKCE.'
			})
		},
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
	},
	describeFor: {
		'2025-06-18': {
			description:
				'The client reads the metadata; under MCP 2025-06-18 nothing tells it to refuse a server that does not announce PKCE.',
			summary:
				'The MCP client discovers the authorization server from the MCP server’s 401; following MCP 2025-06-18, it goes on even when the metadata does not announce PKCE in code_challenge_methods_supported.'
		}
	},
	endFor: {
		'2025-06-18': {
			verdict: 'Goes on without PKCE announced · signed in with S256',
			lesson:
				'A client that follows MCP 2025-06-18 has no rule to read code_challenge_methods_supported, so it goes on with a server that never said it checks PKCE; 2025-11-25 made clients refuse.',
			contrast:
				'Under MCP 2025-11-25 or 2026-07-28 the same client stops at the first server, before any sign-in.'
		}
	}
};
export default mcpDiscovery;
