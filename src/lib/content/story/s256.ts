import type { ScenarioStory } from '../types';
import { cite } from './text';

/** RFC 7636 §1, case 4a: the attacker copies the code and redeems it first; it is refused. */
const s256: ScenarioStory = {
	description:
		'The attacker copies the code and reaches the token endpoint first; without the verifier it is refused.',
	summary:
		'The attacker copies the authorization code and reaches the token endpoint before the client, but without the code_verifier every attempt is refused; the client, arriving second, still signs in.',
	steps: {
		'attacker-observes': {
			question: 'The redirect goes to the client. Can another app on the same machine see it?'
		},
		'token-attacker-no-verifier': {
			question:
				'The attacker holds the code and gets to the token endpoint first. Will it get a token?'
		},
		'token-client': {
			question: 'The attacker has tried the code twice. Does the client still get a token?',
			narration:
				'The client arrives second, with the same `code` and its `code_verifier`. This is the one time the verifier travels, on the back channel: an HTTPS request from the client straight to the token endpoint, with no browser and no redirect that another app could be handed. This server keeps a code valid after a refused attempt — its own choice, which the specifications leave open. The SHA-256 of this verifier equals the bound `code_challenge`, so the client gets an `access_token`, marked `Cache-Control: no-store`.',
			cites: [
				cite('RFC 7636', '4.5'),
				cite('RFC 7636', '4.6'),
				cite('RFC 6749', '10.5'),
				cite('OAuth 2.1', '7.5.2')
			]
		}
	},
	end: {
		had: 'the authorization code and the state, and it reached the token endpoint first',
		lacked: 'the code_verifier, which never passed through the browser',
		verdict: 'Blocked: the client signs in',
		tone: 'blocked',
		lesson: 'With PKCE a copied code is worthless: the order of arrival does not matter.',
		contrast:
			'Without PKCE the same copied code is all the attacker needs: it gets the token and reads the user’s notes.',
		next: 'hijack',
		tools: [
			{ label: 'Redeem a code with a wrong verifier', section: 'redeem-title' },
			{ label: 'How long would guessing take?', section: 'guess-title' }
		]
	}
};
export default s256;
