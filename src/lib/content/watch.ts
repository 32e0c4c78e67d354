/**
 * What the Watch page says about the lab's modes: what each changes for the next flow, and what a
 * correct client does then, citing what asks for it.
 */
import type { WatchMode } from '$lib/watch/types';
import type { Citation } from './types';

export const MODE_TEXT: Record<WatchMode, { label: string; expect: string; cites: Citation[] }> = {
	normal: {
		label: 'Normal: the lab behaves',
		expect: 'Nothing is broken on purpose: what fails is your client’s.',
		cites: []
	},
	'no-pkce-metadata': {
		label: 'Metadata without code_challenge_methods_supported',
		expect:
			'Both copies of the authorization server metadata (its own and the MCP server’s) leave the field out. A client following MCP 2025-11-25 or later must refuse to proceed.',
		cites: [{ spec: 'MCP 2025-11-25', section: 'Authorization Code Protection' }]
	},
	'wrong-iss': {
		label: 'An authorization response with a foreign iss',
		expect:
			'The code comes back with iss=https://issuer.example. A client following MCP 2026-07-28 (or any client that checks RFC 9207’s iss) must compare it with the issuer it asked, and not redeem the code.',
		cites: [
			{ spec: 'RFC 9207', section: '2.4' },
			{ spec: 'MCP 2026-07-28', section: 'Authorization' }
		]
	},
	'wrong-issuer': {
		label: 'Authorization server metadata with the wrong issuer',
		expect:
			'The metadata’s issuer is not the issuer its well-known URL was built from. The client must not use it.',
		cites: [{ spec: 'RFC 8414', section: '3.3' }]
	},
	'wrong-resource': {
		label: 'Protected resource metadata for another resource',
		expect:
			'The metadata’s resource is not the MCP server the client asked. The client must not use it.',
		cites: [{ spec: 'RFC 9728', section: '3.3' }]
	},
	attacker: {
		label: 'Attacker: the lab redeems your code first',
		expect:
			'The lab reads the authorization response and redeems the code before your client, without the verifier. The server must refuse it. This lab’s server keeps the code valid after a failed attempt (another server may not), so your client should still succeed.',
		cites: [
			{ spec: 'RFC 7636', section: '1' },
			{ spec: 'RFC 7636', section: '4.6' }
		]
	}
};
