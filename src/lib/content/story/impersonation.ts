import type { ScenarioStory, StepOverride } from '../types';
import { at, cite } from './text';

const LOCALHOST_RISKS = cite('MCP 2025-11-25', 'Localhost Redirect URI Risks');

/** The same start in both phases: only the server's answer differs. */
const starts: StepOverride = {
	title: 'Another app on this computer starts a sign-in as the notes client',
	narration:
		'The user approved the notes client (`client_id` `https://notes-cli.example.com/client.json`, a Client ID Metadata Document URL) earlier. Now a malicious app on the same computer starts a sign-in of its own under that `client_id`: it is public, printed in every authorization URL. It listens on a loopback port of its own, 49152, and makes its own `code_verifier` and `code_challenge`. It has stolen nothing — so nothing PKCE checks will fail.',
	cites: [LOCALHOST_RISKS, cite('RFC 7636', '4.1')],
	code: at('impersonation', 'impersonate', {
		'same-id': 'The honest client’s public client_id, with a port of its own.',
		'own-verifier': 'Its own code_verifier: PKCE will bind the code to this one.'
	})
};
const opensBrowser: StepOverride = {
	title: 'It opens the user’s browser at the authorization endpoint',
	narration:
		'The app opens the user’s own browser, where the user is still signed in to the authorization server, with an ordinary request: the notes client’s `client_id`, `redirect_uri` `http://127.0.0.1:49152/callback`, its `state` and `code_challenge` with `S256`. The notes client’s metadata document lists `http://127.0.0.1/callback`, and the server must accept any port on a loopback IP redirect (RFC 8252 §7.3): the honest client’s listener and the attacker’s look the same to it.',
	cites: [LOCALHOST_RISKS, cite('RFC 8252', '7.3')],
	code: at('client', 'authorize-request', {
		'client-id': 'The borrowed client_id: the server cannot tell who sends it.',
		redirect: 'A loopback redirect_uri on the app’s own port, 49152.'
	})
};
const callbackDenied: StepOverride = {
	title: 'The browser brings the answer to the app’s listener',
	narration:
		'The browser brings `error=access_denied` to the app’s listener on port 49152. There is no code to redeem: the app’s sign-in ends here, and so does this attempt. The user was asked, and said no to a sign-in they had not started.',
	cites: [cite('RFC 6749', '4.1.2.1'), LOCALHOST_RISKS],
	code: at('client', 'handle-callback', {
		'no-code': 'No code in the answer, only error=access_denied: nothing to redeem.'
	})
};

/**
 * A borrowed client ID on localhost (MCP 2025-11-25, "Localhost Redirect URI Risks"): PKCE proves
 * that the redeemer started the flow, not who the client is.
 */
const impersonation: ScenarioStory = {
	description:
		'Another app on the computer signs in as your MCP client, with its own verifier: PKCE passes. A server that asks the user every time lets them stop it by declining.',
	summary:
		'A malicious local app starts its own sign-in under the honest client’s public client_id, with its own loopback port and its own code_verifier. If the server approves again without asking, the code reaches the app and every PKCE check passes; if it asks, showing where the answer goes and warning that it is this computer, the user declines.',
	phases: {
		'auto-approve': { title: 'A server that approves again without asking' },
		'ask-first': {
			title: 'A server that asks every time (RFC 8252 §8.6)',
			intro:
				'The same app, the same request; now the server does not approve automatically, because it cannot prove which app is asking.'
		}
	},
	steps: {
		'auto-approve-impersonator-starts': starts,
		'ask-first-impersonator-starts': starts,
		'auto-approve-impersonator-opens-browser': opensBrowser,
		'ask-first-impersonator-opens-browser': opensBrowser,
		'auto-approve-auto-approved': {
			title: 'The server answers the browser',
			narration:
				'The request is valid: the notes client’s `client_id`, the loopback address its metadata lists with a port of the app’s own, which the server must accept (RFC 8252 §7.3), an `S256` challenge. The user approved this `client_id` before, and this server approves again automatically, so it never shows a page: it answers the browser’s GET at once with a redirect carrying a `code` bound to the app’s `code_challenge`. All the user sees is a browser tab that opened by itself. RFC 8252 §8.6 and OAuth 2.1 (draft -15) §7.3.1 say a server should not approve automatically when it cannot assure the client’s identity — and for a client on a loopback address it cannot, short of an attestation that MCP allows but does not require.',
			cites: [cite('RFC 8252', '8.6'), cite('OAuth 2.1', '7.3.1'), LOCALHOST_RISKS],
			code: at('authorization-server', 'authorize-consent', {
				known: 'This user approved this client_id before…',
				ask: '…and this server asks only when it has no earlier approval: here it skips the page.'
			}),
			question:
				'Everything in this request is valid, and the user approved this client before. What does the server do?'
		},
		'auto-approve-impersonator-callback': {
			title: 'The code arrives at the app’s listener',
			narration:
				'The browser follows the redirect to `127.0.0.1:49152`, where the malicious app listens. The `state` is the app’s own, so its check passes, and it keeps the `code`. Nobody intercepted anything: the code went exactly where the request said.',
			cites: [LOCALHOST_RISKS, cite('RFC 6749', '10.12')],
			code: at('impersonation', 'impersonate-redeem', {
				listen: 'Its own listener, its own state: the code is simply delivered.'
			})
		},
		'auto-approve-impersonator-redeems': {
			title: 'The app sends the code and its own verifier to the token endpoint',
			narration:
				'The app sends the code and its own `code_verifier` to the token endpoint, with the notes client’s `client_id`. The server hashes the verifier, finds the `code_challenge` it bound to the code, and they match — because this app made both. The server issues an `access_token` for the user’s MCP server. PKCE did its job: it proved that whoever redeems the code started this sign-in. It does not prove who the client is.',
			cites: [cite('RFC 7636', '4.6'), LOCALHOST_RISKS],
			code: at('impersonation', 'impersonate-redeem', {
				redeem: 'The verifier is its own, so the server’s PKCE check passes.'
			}),
			question: 'The app holds a code and the verifier it made itself. Will PKCE stop it?'
		},
		'auto-approve-mcp-attacker': {
			narration:
				'With the token, the app calls the MCP server. The token is active and was issued for this `resource` to the notes client’s `client_id`, so the server returns the user’s notes. The user approved nothing today.',
			cites: [LOCALHOST_RISKS, cite('RFC 8707', '2')],
			code: at('attacker', 'call-mcp-as-victim', {
				bearer: 'A token obtained in the user’s name, sent like the client’s would be.'
			})
		},
		'ask-first-consent-page': {
			title: 'The server asks the user, and says where the answer goes',
			narration:
				'This server does not approve automatically: a client on a loopback redirect cannot prove which app it is, so an earlier approval says nothing about who is asking now. Its page names the client and the redirect URI’s host, `127.0.0.1` (MCP: MUST), with a warning that this address is on the user’s own computer (MCP: SHOULD). The host alone cannot tell the honest client from the app: both listen on `127.0.0.1`. What helps is that the user is asked at all, about a sign-in they did not start.',
			cites: [cite('RFC 8252', '8.6'), cite('OAuth 2.1', '7.3.1'), LOCALHOST_RISKS],
			code: at('authorization-server', 'authorize-consent', {
				ask: 'No automatic approval: the page is shown every time…',
				warn: '…with the redirect URI’s host and a warning for a loopback address.'
			}),
			question:
				'The page names the notes client and 127.0.0.1, like a real sign-in would. What should tell the user something is wrong?'
		},
		'ask-first-user-declines': {
			title: 'The user declines; the server redirects with access_denied',
			narration:
				'The user did not start a sign-in, so they answer no. The server redirects to the request’s redirect URI, the app’s port 49152, with `error=access_denied` and the `state`, as RFC 6749 prescribes when the resource owner denies the request, and issues no code.',
			cites: [cite('RFC 6749', '4.1.2.1')],
			code: at('authorization-server', 'authorize-consent', {
				declined: 'The user said no: an error redirect, no code.'
			})
		},
		'ask-first-impersonator-callback': callbackDenied
	},
	end: {
		had: 'the honest client’s public client_id, a loopback port and a code_verifier of its own',
		lacked:
			'nothing PKCE checks; against a server that asks, the user’s approval of a sign-in they did not start',
		verdict: 'Attacker gets in when the server approves silently · stopped when it asks',
		tone: 'mixed',
		lesson:
			'PKCE proves that whoever redeems a code started the sign-in; it cannot prove which app that is. Against an app borrowing your client_id on localhost, what helps is a server that asks the user every time, so that they can decline a sign-in they did not start; MCP also requires it to show the redirect host.',
		contrast:
			'With silent re-approval the app gets a token and PKCE passes; when the server asks, the user declines and no code is issued.',
		next: 'step-up',
		tools: [{ label: 'Quiz: who must use PKCE?', section: 'quiz-title' }]
	}
};
export default impersonation;
