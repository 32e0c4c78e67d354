import type { EndCard, ScenarioStory, StepOverride } from '../types';
import { at, cite } from './text';

/** The same request and forwarding in both phases: only the client's check differs. */
const openBrowser: StepOverride = (_step, revision) => ({
	title: 'The client opens the browser at the attacker’s server',
	// Client ID Metadata Documents arrive in MCP 2025-11-25.
	narration: `The user has added an MCP server, \`mcp.attacker.example\`, whose protected resource metadata names \`auth.attacker.example\` as its authorization server. The client signs in there as it would anywhere: the system browser, its \`client_id\`${revision === '2025-06-18' ? '' : ' (with a Client ID Metadata Document, the same URL at every server)'}, its loopback \`redirect_uri\` 127.0.0.1:53682, \`state\`, and the \`code_challenge\` with \`code_challenge_method=S256\`. Nothing in this request is wrong.`,
	cites: [cite('RFC 9700', '4.4'), cite('RFC 9728', '2'), cite('RFC 7636', '4.3')],
	code: at('client', 'authorize-request', {
		challenge: 'The code_challenge goes into the URL, as always.',
		redirect: 'The same loopback redirect_uri the client uses with every server.'
	})
});
const hostileAuthorize: StepOverride = {
	title: 'The attacker’s server sends the browser on',
	narration:
		'The attacker’s authorization endpoint asks the user nothing. It redirects the browser to the honest server’s authorization endpoint with the client’s own `client_id`, `redirect_uri`, `state` and `code_challenge`, but with `resource` changed to the honest MCP server: the token it is after is for that server. The honest server sees an ordinary request from a client it knows.',
	cites: [cite('RFC 9700', '4.4')],
	code: at('hostile-server', 'mix-up-server', {
		forward: 'The honest server’s authorization endpoint, with the client’s own parameters.'
	})
};
const authorizeResponse: StepOverride = {
	title: 'The user approves; the honest server redirects with a code',
	narration:
		'The user signs in at the honest server they know and approves the client they use every day — on a page that names the honest MCP server, not the one they are adding; a careful user could notice. The server binds the code to the `code_challenge` and redirects to the client’s loopback callback with the `code`, the `state` and `iss=https://auth.example.com`: its own issuer identifier, so that a client can tell which server the answer comes from.',
	cites: [cite('RFC 9207', '2'), cite('RFC 7636', '4.4'), cite('RFC 9700', '4.4')],
	code: at('authorization-server', 'authorize-issue-code', {
		bind: 'The challenge is stored with the code, as in every sign-in.',
		iss: 'The server names itself in the response: iss.'
	})
};

/** The end of the story for a client of a revision that does not ask for the iss check. */
const BEFORE_ISS_CHECK: Partial<EndCard> = {
	lacked: 'nothing: this MCP revision’s page names no iss check',
	verdict: 'Attacker gets in',
	tone: 'attacker-gets-in',
	lesson:
		'PKCE proves that whoever redeems a code started the sign-in; in a mix-up that is the client itself, sending its verifier to the wrong server. MCP made the iss check a client requirement in 2026-07-28.',
	contrast:
		'Under MCP 2026-07-28 the client compares iss with the server its sign-in began at, and drops the honest server’s answer before it redeems anything.'
};

/**
 * Mix-up (RFC 9700 §4.4, RFC 9207): PKCE passes for the attacker, because the client sends its
 * own `code_verifier` to the attacker's token endpoint.
 */
const mixUp: ScenarioStory = {
	description:
		'The client redeems the honest server’s code at the attacker’s server, verifier and all: PKCE passes for the attacker. Checking iss stops it, if the honest server sends iss.',
	summary:
		'A client that talks to several authorization servers starts a sign-in at the attacker’s, which sends the user on to the honest one. Without the iss check the client redeems the honest code at the attacker’s token endpoint, verifier and all, and PKCE passes for the attacker; with it, the client drops the response.',
	phases: {
		'no-iss-check': { title: 'A client that does not check iss' },
		'iss-check': {
			title: 'A client that checks iss (MCP 2026-07-28)',
			intro:
				'The same sign-in, now with a client that records where each sign-in began and checks `iss`, as MCP 2026-07-28 requires.'
		}
	},
	steps: {
		'no-iss-check-open-browser': openBrowser,
		'iss-check-open-browser': openBrowser,
		'no-iss-check-hostile-authorize': hostileAuthorize,
		'iss-check-hostile-authorize': hostileAuthorize,
		'no-iss-check-authorize-response': authorizeResponse,
		'iss-check-authorize-response': authorizeResponse,
		'no-iss-check-callback': {
			narration:
				'The browser brings the code to the client’s loopback listener. `state` matches — it passed through the attacker’s server unchanged — so the client keeps the code: `state` proves the answer belongs to this client’s sign-in, not which server gave it. The URL also says `iss=https://auth.example.com`, which is not the server this sign-in began at; this client does not look.',
			cites: [cite('RFC 6749', '10.12'), cite('RFC 9207', '2.4')],
			code: at('client', 'handle-callback', {
				'check-state': 'state is this sign-in’s own: the attacker forwarded it untouched.',
				'keep-code': 'The client keeps the code, not knowing which server issued it.'
			})
		},
		'no-iss-check-token-client-mixed-up': {
			title: 'The client sends the code to a token endpoint',
			narration:
				'The client believes the code came from the server it sent the user to, so it redeems it there: at the attacker’s token endpoint, with its `code_verifier`. That is PKCE working as designed — the client proves possession to the server it thinks issued the code — and exactly what the attacker needs. The attacker’s token endpoint keeps both and answers with an error.',
			cites: [cite('RFC 9700', '4.4'), cite('RFC 7636', '4.5')],
			code: at('hostile-server', 'mix-up-server', {
				'keep-code': 'The honest server’s code, handed over by the client…',
				'keep-verifier': '…and the code_verifier that unlocks it.'
			}),
			question:
				'The code came back to the client’s own listener, with the right state. Where will the client redeem it?'
		},
		'no-iss-check-token-attacker-captured': {
			title: 'The attacker sends the code with the client’s verifier',
			narration:
				'The attacker sends the code and the client’s own `code_verifier` to the honest token endpoint. The code is bound to the challenge of exactly this verifier, so the PKCE check passes — PKCE cannot tell who sends a correct verifier — and the server issues an `access_token` for the user’s MCP server. PKCE alone does not prevent a mix-up.',
			cites: [cite('RFC 7636', '4.6'), cite('RFC 9700', '4.4')],
			code: at('attacker', 'redeem-stolen-code', {
				captured: 'The verifier the client itself sent to the attacker’s token endpoint.'
			}),
			question:
				'The attacker holds the code and the client’s verifier. Will the honest server issue a token?'
		},
		'no-iss-check-mcp-attacker': {
			cites: [cite('RFC 9700', '4.4'), cite('RFC 8707', '2')]
		},
		'iss-check-callback': {
			narration:
				'The code arrives with the right `state` and `iss=https://auth.example.com`. This client recorded where the sign-in began, `https://auth.attacker.example`, and compares the two by simple string comparison, as RFC 9207 §2.4 and MCP 2026-07-28 require. They differ, so it refuses the response before the code goes to any token endpoint: the attacker never sees the code or the verifier.',
			cites: [cite('RFC 9207', '2.4'), cite('MCP 2026-07-28', 'Authorization')],
			code: at('client', 'handle-callback', {
				'check-iss': 'iss must name the server this sign-in began at…',
				'refuse-iss': '…it names another: the response is dropped, the code never redeemed.'
			}),
			question: 'The state matches. Should the client keep this code?'
		}
	},
	end: {
		had: 'an authorization server of its own, which the client used for one MCP server',
		lacked:
			'nothing against a client that ignores iss; against one that checks it, a response the client would accept',
		verdict: 'Attacker gets in without the iss check · stopped with it',
		tone: 'mixed',
		lesson:
			'PKCE proves that whoever redeems a code started the sign-in. In a mix-up that is the client itself, sending its verifier to the wrong server; checking iss tells the client whose code it holds — as long as the honest server sends iss.',
		contrast:
			'Without the iss check PKCE passes for the attacker; with it, the client drops the honest server’s answer before it redeems anything.',
		next: 'refresh-replay',
		tools: [{ label: 'Quiz: who must use PKCE?', section: 'quiz-title' }]
	},
	endFor: {
		'2025-06-18': BEFORE_ISS_CHECK,
		'2025-11-25': BEFORE_ISS_CHECK
	}
};
export default mixUp;
