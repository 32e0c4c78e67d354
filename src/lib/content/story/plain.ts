import type { ScenarioStory } from '../types';
import { at, cite } from './text';

const READS_REQUEST = {
	title: 'Another app reads the authorization request',
	cites: [cite('RFC 7636', '1'), cite('RFC 7636', '4.2')]
};

/** RFC 7636 §1 case 4b: with plain the challenge is the verifier; with S256 it is only a hash. */
const plain: ScenarioStory = {
	description: 'An attacker who reads the request learns a plain verifier, but not an S256 one.',
	summary:
		'An attacker who can also read the authorization request learns a plain code_verifier and gets in; the same attacker gets nothing usable from an S256 code_challenge.',
	phases: {
		plain: { title: 'The client uses plain' },
		s256: {
			title: 'The same attacker against S256',
			intro:
				'Now the same attack against a client that uses S256: the same server, the same attacker, who again reads the request and the redirect.'
		}
	},
	steps: {
		'attacker-reads-request': {
			...READS_REQUEST,
			code: at('attacker', 'read-request', {
				copy: 'The attacker copies the code_challenge and state out of the request URL…',
				'plain-verifier': '…and with plain, that challenge is the code_verifier.'
			}),
			narration:
				'This attacker is stronger than in the other scenarios: it can also read authorization requests, for example in HTTP logs that the operating system leaks. RFC 7636 calls this “case 4b”. With `code_challenge_method=plain` the `code_challenge` in the URL is the `code_verifier`: the attacker now holds the verifier.',
			question: 'The attacker reads this request. What does it learn?'
		},
		'authorize-request': {
			narration:
				'This server still accepts `plain`, which RFC 7636 allows but says SHOULD NOT be used in new implementations. It checks the client and the loopback `redirect_uri`, keeps the `state` and the plain challenge, and shows the user its sign-in page.',
			cites: [cite('RFC 7636', '7.2'), cite('RFC 9700', '2.1.1')],
			code: at('authorization-server', 'authorize-pkce', {
				present: 'A code_challenge is present…',
				method: '…and this server still accepts the plain method.'
			})
		},
		'attacker-observes': {
			narration:
				'It gets a copy of the redirect URL as well (case 4a), and now holds the `code` next to the `code_verifier` it read in the request.'
		},
		'token-attacker-challenge': {
			narration:
				'The attacker sends the `code` with the challenge it read as the `code_verifier`. With `plain` that is the real verifier: the check passes and the attacker gets the `access_token`.',
			cites: [cite('RFC 7636', '1'), cite('RFC 7636', '4.6')],
			code: at('authorization-server', 'token-verify-pkce', {
				bound: 'A challenge is bound to this code: with plain, the verifier the attacker read…',
				compare: '…so the value it sends equals the stored challenge: no error, a token.'
			}),
			question: 'The attacker sends the challenge it read as the verifier. Will it get a token?'
		},
		'token-client': {
			title: 'The client sends the same code',
			narration:
				'The client’s own redemption comes second: the code was already used, so the server denies it, and revokes the token issued from it, as RFC 6749 says it SHOULD. The attacker has already read the notes.',
			cites: [cite('RFC 6749', '4.1.2'), cite('OAuth 2.1', '4.1.3')],
			code: at('authorization-server', 'token-reuse', {
				used: 'The code was already used, by the attacker…',
				revoke: '…so the server revokes the token issued from it…',
				deny: '…and denies the client’s request.'
			})
		},
		's256-attacker-reads-request': {
			...READS_REQUEST,
			code: at('attacker', 'read-request', {
				copy: 'It copies the code_challenge, a SHA-256 hash this time: no verifier to take.'
			}),
			narration:
				'The same attacker reads this request too. It gets the `code_challenge`, but with `S256` that is a SHA-256 hash: the `code_verifier` cannot be computed back from it.',
			question: 'With S256, what does the attacker learn from the same request?'
		},
		's256-attacker-observes': {
			narration:
				'It gets a copy of the redirect URL as well, and holds the `code` next to the challenge it read: a hash, not the verifier.'
		},
		's256-authorize-request': {
			narration:
				'The same server; only the client changed, to `S256`: a client that can compute it MUST use it, and MUST NOT fall back to `plain` after trying `S256`.',
			cites: [cite('RFC 7636', '4.2'), cite('RFC 7636', '7.2'), cite('RFC 9700', '2.1.1')],
			code: at('authorization-server', 'authorize-pkce', {
				present: 'A code_challenge is present…',
				method: '…with the S256 method, which this server accepts too.'
			})
		}
	},
	end: {
		had: 'the authorization request and the redirect: with plain, that is the code_verifier and the code',
		lacked: 'with S256, the code_verifier: the challenge is a hash that cannot be reversed',
		verdict: 'plain: attacker gets in · S256: blocked',
		tone: 'mixed',
		lesson:
			'plain only stops an attacker who sees responses; once requests leak, only S256 protects the code.',
		contrast:
			'Against S256 the same attacker was refused and the client signed in; against plain it read the notes.',
		next: 'downgrade',
		tools: [
			{ label: 'Compute a challenge: plain and S256', section: 'bench-title' },
			{ label: 'Diagnose a verifier or challenge', section: 'diagnose-title' }
		]
	}
};
export default plain;
