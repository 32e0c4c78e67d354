import type { ScenarioStory } from '../types';
import { at, cite } from './text';

/** RFC 8252 §8.1: the attacker answers the redirect itself; only it holds the code. */
const hijack: ScenarioStory = {
	description: 'Only the attacker gets the code; it still cannot redeem it, and the retry works.',
	summary:
		'The attacker takes the redirect, so only it holds the code; without the code_verifier it still cannot redeem it, the sign-in fails harmlessly and the retry works.',
	phases: {
		hijack: { title: 'The attacker takes the redirect' },
		retry: {
			title: 'The retry',
			intro: 'Now the user simply signs in again, and this time the redirect reaches the client.'
		}
	},
	steps: {
		'attacker-hijacks': {
			title: 'The redirect goes to another app',
			narration:
				'The redirect lands on the attacker instead of the client. On some operating systems another app can reach the loopback interface the client listens on; with a custom URI scheme (such as `notes-app://callback`) several apps can register the same scheme, and which one gets the redirect is not determined. Only the attacker holds this `code`; the client is still waiting.',
			cites: [cite('RFC 8252', '8.1'), cite('RFC 7636', '1')],
			code: at('attacker', 'hijack-redirect', {
				take: 'The attacker’s listener answers the redirect and keeps the code and state.'
			}),
			question: 'Only the attacker has the code now. What does it still lack?'
		},
		'token-attacker-no-verifier': {
			title: 'The attacker sends the code it took, without a code_verifier',
			code: at('attacker', 'redeem-stolen-code', {
				'no-verifier': 'It has nothing to send as the code_verifier…',
				code: '…only the code it took, with the public redirect_uri and client_id.'
			})
		},
		'sign-in-stalls': {
			title: 'The sign-in does not complete',
			narration:
				'No callback ever reached the client, so its sign-in does not finish. Nothing was lost: the stolen `code` is worthless without the `code_verifier`, and it expires unused. The user simply starts the sign-in again.',
			cites: [cite('RFC 7636', '1'), cite('RFC 6749', '4.1.2')],
			code: at('client', 'handle-callback', {
				'keep-code': 'Never reached: no callback arrived, so the client holds no code.'
			})
		},
		'retry-make-verifier': {
			title: 'A new sign-in, a new code_verifier',
			narration:
				'A new sign-in gets a new `code_verifier`, `code_challenge` and `state`: challenges are per sign-in, never reused.',
			cites: [cite('RFC 9700', '2.1.1'), cite('RFC 7636', '4.1')]
		},
		'retry-callback': {
			narration:
				'This time the redirect reaches the client’s loopback listener. The client checks that `state` belongs to this new sign-in, then keeps the `code`.'
		}
	},
	end: {
		had: 'the only copy of the authorization code',
		lacked: 'the code_verifier',
		verdict: 'Blocked: the retry signs in',
		tone: 'blocked',
		lesson:
			'Even an attacker who takes the redirect away from the client cannot redeem the code; the user loses one sign-in attempt, not the account.',
		contrast: 'Without PKCE the hijacked code alone would have got the attacker a token.',
		next: 'no-pkce',
		tools: [{ label: 'Redeem a code with a wrong verifier', section: 'redeem-title' }]
	}
};
export default hijack;
