import type { StepOverride, ScenarioStory } from '../types';
import { at, cite, errorOf } from './text';

const victimStarts = (checksState: boolean): StepOverride => ({
	title: 'The victim’s client starts a sign-in',
	narration: `The victim’s MCP client makes a \`code_verifier\`, its \`code_challenge\` and a \`state\`, is waiting for its callback (its own request to the server is not shown). ${
		checksState
			? 'This client checks `state`.'
			: 'This client does not check `state` properly — the precondition of the attack.'
	}`
});

const SKIPS_STATE = at('client', 'handle-callback', {
	'check-state': 'This client skips the comparison (checksState is off)…',
	'keep-code': '…and keeps the attacker’s code as its own.'
});

const attackerAuthorizes: StepOverride = {
	title: 'The attacker asks for a code without a code_challenge',
	narration:
		'In its own browser, signed in to its own account, the attacker sends an authorization request with the client’s `client_id` and `redirect_uri` but no `code_challenge`. PKCE is optional on this server, so it issues a `code` bound to no challenge. The attacker copies it from the redirect.',
	cites: [cite('RFC 9700', '4.8')],
	code: at('code-injection', 'downgrade-own-flow', {
		'victim-redirect': 'The victim client’s redirect_uri, in the attacker’s own request…',
		'keep-code': '…and the attacker keeps the code instead of following the redirect.'
	})
};

const plants: StepOverride = {
	title: 'The attacker plants its code in the victim’s callback',
	narration:
		'The attacker makes the victim’s browser open the client’s loopback callback with the attacker’s `code`, for example through a link or a page the victim visits (a cross-site request forgery). The `state` in it is the attacker’s, not the victim’s.',
	cites: [cite('RFC 9700', '4.8'), cite('RFC 6749', '10.12')],
	code: at('code-injection', 'inject-into-victim', {
		plant: 'The attacker’s own code goes into the victim’s callback URL, with its own state.'
	})
};

/** RFC 9700 §4.8, with the three defences that stop it. */
const downgrade: ScenarioStory = {
	description:
		'The attacker injects a code it got without a challenge; three defences, one failure.',
	summary:
		'The attacker plants a code it obtained without a code_challenge: a lax server signs the victim in to the attacker’s account; checking state, rejecting a verifier for a code without a challenge (RFC 9700 §4.8.2), or requiring PKCE each stop it.',
	phases: {
		lax: { title: 'A server with optional PKCE and a client that skips state' },
		state: {
			title: 'The same server, a client that checks state',
			intro:
				'Now the same attack against a client that checks `state`; the server is as lax as before.'
		},
		rfc9700: {
			title: 'A server that follows RFC 9700 §4.8.2',
			intro:
				'Now the same attack against a server that follows RFC 9700 §4.8.2; the client again skips the `state` check.'
		},
		required: {
			title: 'A server that requires PKCE',
			intro: 'Finally, the same attack against a server that requires PKCE for every request.'
		}
	},
	steps: {
		'lax-make-verifier': victimStarts(false),
		'lax-attacker-authorize': attackerAuthorizes,
		'lax-inject-code': plants,
		'lax-callback': {
			narration:
				'The browser delivers the planted callback. The client does not compare `state` with its own, so it takes the attacker’s `code` as if it were the answer to its own sign-in.',
			code: SKIPS_STATE,
			verdict: 'Accepted: the attacker’s code'
		},
		'lax-token-client': {
			title: 'The victim’s client sends the planted code with its verifier',
			narration:
				'The client redeems the planted `code` with its own `code_verifier`. No challenge is bound to this code, and this server ignores a verifier it cannot check — the rule of RFC 9700 §4.8.2 that it lacks — so it issues an `access_token`: for the attacker’s account.',
			cites: [cite('RFC 9700', '4.8'), cite('RFC 9700', '4.8.2')],
			code: at('authorization-server', 'token-verify-pkce', {
				'no-challenge': 'No challenge is bound to this code, yet a code_verifier came…',
				'downgrade-check': '…and this server does not apply RFC 9700 §4.8.2: it lets it through.'
			}),
			question:
				'The client sends its own verifier for a code that has no challenge. What will this server do?'
		},
		'lax-mcp-call': {
			title: 'The victim’s client calls the MCP server',
			narration:
				'The client calls the MCP server and sees the attacker’s account, not the user’s. Whatever the user saves through this client now lands where the attacker can read it.',
			cites: [cite('RFC 9700', '4.8')]
		},
		'state-make-verifier': victimStarts(true),
		'state-attacker-authorize': attackerAuthorizes,
		'state-inject-code': plants,
		'state-callback': {
			narration:
				'The planted callback carries the attacker’s `state`, not the one this client sent. The client refuses the callback and never redeems the attacker’s `code`: checking `state` stops the attack on its own.',
			question: 'This client checks state. Will it take the planted code?'
		},
		'rfc9700-make-verifier': victimStarts(false),
		'rfc9700-attacker-authorize': attackerAuthorizes,
		'rfc9700-inject-code': plants,
		'rfc9700-callback': {
			narration: 'The client still does not check `state`, so it takes the attacker’s `code`.',
			code: SKIPS_STATE,
			verdict: 'Accepted: the attacker’s code'
		},
		'rfc9700-token-client': (step) => ({
			title: 'The victim’s client sends the planted code with its verifier',
			narration: `The client sends the planted \`code\` with its \`code_verifier\`. The authorization request behind this code carried no \`code_challenge\`, so a verifier here means a challenge went missing: RFC 9700 §4.8.2 says the server MUST reject the request. It names no error code; this server answers \`${errorOf(step)}\`, the code OAuth 2.1 lists for “a code_verifier although no code_challenge was sent”. (oidc-provider answers \`invalid_grant\` here.)`,
			cites: [cite('RFC 9700', '4.8.2'), cite('OAuth 2.1', '3.2.4')],
			code: at('authorization-server', 'token-verify-pkce', {
				'no-challenge': 'No challenge is bound to this code, yet a code_verifier came…',
				'downgrade-check': '…this server applies RFC 9700 §4.8.2…',
				unbound: '…and refuses: invalid_request.'
			}),
			question:
				'The same planted code, against a server that follows RFC 9700 §4.8.2. What happens?'
		}),
		'required-attacker-authorize': (step) => ({
			title: 'The attacker asks for a code without a code_challenge',
			narration: `The attacker sends its authorization request without a \`code_challenge\`. This server requires PKCE, so it redirects with \`error=${errorOf(step)}\` (“code challenge required”) and never issues the unbound code the attack needs.`,
			cites: [cite('RFC 7636', '4.4.1'), cite('RFC 9700', '4.8'), cite('OAuth 2.1', '4.1.2.1')],
			code: at('authorization-server', 'authorize-pkce', {
				present: 'The request has no code_challenge…',
				required: '…and this server requires one: it redirects with invalid_request, no code.'
			}),
			question: 'This server requires PKCE. Will the attacker get a code without a challenge?'
		})
	},
	end: {
		had: 'a code of its own, issued without a code_challenge, and a way to open the victim’s callback',
		lacked:
			'in each defended set-up, one precondition: a client that skips state, a server that ignores a verifier for a code without a challenge, or a server that issues such a code at all',
		verdict: 'Lax pair: attacker gets in · each defence: blocked',
		tone: 'mixed',
		lesson:
			'Three independent defences each stop the downgrade: the client’s state check, RFC 9700 §4.8.2 at the token endpoint, and a server that requires PKCE.',
		contrast:
			'Only the first set-up, a server with optional PKCE and a client that skips state, lets the attacker in.',
		next: 'replay',
		tools: [{ label: 'Failure modes', section: 'failures-title' }]
	}
};
export default downgrade;
