import type { ScenarioStory, StepOverride, StepText } from '../types';
import { at, cite, queryOf } from './text';

const SCOPE_CHALLENGE = cite('MCP 2025-11-25', 'Scope Challenge Handling');
const CURRENT = cite('MCP 2026-07-28', 'Authorization');

/** The refused call, in both phases: only the scope the tool needs differs. */
const denied =
	(tool: string, needs: string): StepOverride =>
	() => ({
		title: `The client calls ${tool}; the MCP server answers 403 insufficient_scope`,
		narration: `The client signed in earlier for \`notes:read\` and holds a valid token for this server. Now it calls \`${tool}\`, which needs \`${needs}\`. The token is active and for this server, so this is not a 401: the server answers \`403 Forbidden\` with \`WWW-Authenticate: Bearer error="insufficient_scope"\`, the scope this call needs (\`scope="${needs}"\`) and \`resource_metadata\`.`,
		cites: [cite('RFC 6750', '3.1'), SCOPE_CHALLENGE],
		code: at('scoped-mcp-server', 'scope-challenge', {
			check: `The token’s scopes lack ${needs}…`,
			refuse: '…so the tool does not run: 403 with a challenge.',
			scope: 'The challenge names the scope this call needs.'
		})
	});

/** The new sign-in's start, in both phases: the union (2026-07-28), and a new PKCE pair. */
const widens =
	(union: string): StepOverride =>
	(_step, revision) =>
		revision === '2025-11-25' ? replaces : unites(union);

/** 2025-11-25: the scopes of the challenge, and nothing of before. */
const replaces: Partial<StepText> = {
	title: 'The client asks for more scope, with a new PKCE pair',
	narration:
		'Acting for a user, the client tries a step-up: a new authorization request. MCP 2025-11-25 has it ask for the scopes its Scope Selection Strategy gives — the challenge’s `scope`, `notes:write` — and does not ask it to add the scopes it asked for before; it asks servers instead to name existing scopes in the challenge, and this server names only `notes:write`. It makes a new `code_verifier` and `code_challenge` and a new `state`: PKCE makes a new pair for every authorization request, never reusing the first sign-in’s.',
	cites: [SCOPE_CHALLENGE, cite('RFC 7636', '4.1'), cite('RFC 9700', '2.1.1')],
	code: at('step-up', 'step-up', {
		read: 'A 403 with error="insufficient_scope": a scope challenge.',
		challenged: 'The scope the call needs, from the challenge…',
		replace: '…becomes the whole request (MCP 2025-11-25).'
	}),
	question:
		'The first sign-in was for notes:read; the server now asks for notes:write. Which scopes will this client ask for?'
};

const unites = (union: string): Partial<StepText> => ({
	title: 'The client asks for more scope, with a new PKCE pair',
	narration: `Acting for a user, the client tries a step-up: a new authorization request. MCP 2026-07-28 has it ask for the union of the scopes it asked for before and those in the challenge — \`${union}\` — a token for the challenged scope alone would lose \`notes:read\`, and the next \`list_notes\` would be refused. It makes a new \`code_verifier\` and \`code_challenge\` and a new \`state\`: PKCE makes a new pair for every authorization request, never reusing the first sign-in’s.`,
	cites: [CURRENT, SCOPE_CHALLENGE, cite('RFC 7636', '4.1'), cite('RFC 9700', '2.1.1')],
	code: at('step-up', 'step-up', {
		read: 'A 403 with error="insufficient_scope": a scope challenge.',
		challenged: 'The scope the call needs, from the challenge.',
		union: 'The union with what it asked for before (MCP 2026-07-28).'
	}),
	question:
		'The first sign-in was for notes:read; the server now asks for more. Which scopes should the client ask for?'
});

const opens: StepOverride = (step) => {
	const redirect = queryOf(step, 'redirect_uri');
	const host = redirect ? new URL(redirect).host : '';
	return {
		title: 'The client opens the browser, asking for the wider scope',
		narration: `The same authorization request as any sign-in — \`client_id\`, the loopback \`redirect_uri\` ${host}, \`state\`, the new \`code_challenge\` with \`code_challenge_method=S256\`, and \`resource\` — now with \`scope=${queryOf(step, 'scope')}\`. More access means asking the user again.`,
		cites: [cite('RFC 6749', '3.3'), cite('RFC 7636', '4.3'), cite('RFC 8707', '2')],
		code: at('client', 'authorize-request', {
			scope: 'The scopes it asks for, space-separated.',
			challenge: 'The new code_challenge, not the first sign-in’s.'
		})
	};
};

/**
 * Step-up authorization (MCP 2025-11-25 "Scope Challenge Handling"; the union is 2026-07-28's):
 * 403 insufficient_scope, a new sign-in with a new PKCE pair, the call again; a retry limit.
 */
const stepUp: ScenarioStory = {
	description:
		'The MCP server answers 403 insufficient_scope; the client signs in again with a new PKCE pair (under MCP 2026-07-28 for the union of its scopes), and stops after a limit when more scope never comes.',
	summary:
		'A token for notes:read meets a tool that needs notes:write: the server answers 403 insufficient_scope, and the client signs in again, with a new code_verifier, then retries — under MCP 2026-07-28 for notes:read notes:write. When the server asks for a scope the authorization server never issues, the client tries once and stops instead of looping.',
	phases: {
		'more-scope': { title: 'A tool that needs more scope' },
		'never-enough': {
			title: 'A scope the server never issues',
			intro:
				'Now the tool needs `notes:admin`, a scope this authorization server does not issue to anyone.'
		}
	},
	steps: {
		'more-scope-tool-denied': denied('add_note', 'notes:write'),
		'more-scope-make-verifier': widens('notes:read notes:write'),
		'more-scope-open-browser': opens,
		'more-scope-token-client': (step) => ({
			title: 'The client redeems the new code for a new token',
			narration: `The client sends the new \`code\` with the new \`code_verifier\`; the server checks it against the new \`code_challenge\`, exactly as in the first sign-in, and issues a new \`access_token\`. Its response says which scopes it granted: \`${String(step.response?.json?.scope)}\`. The new token replaces the old one.`,
			cites: [cite('RFC 7636', '4.6'), cite('RFC 6749', '3.3')],
			code: at('authorization-server', 'token-issue', {
				scope: 'The scopes of the token, in the token response.'
			})
		}),
		'more-scope-tool-retried': (_step, revision) => ({
			title: 'The client calls add_note again, with the new token',
			narration: `The client retries the call that was refused, with the new token. Its scopes include \`notes:write\`, so the tool runs. ${revision === '2025-11-25' ? 'But the token was issued for `notes:write` alone: `notes:read`, which the old token had, is gone.' : 'The token also keeps `notes:read`, so the client’s other calls go on working.'}`,
			cites: [SCOPE_CHALLENGE, cite('RFC 6750', '2.1')],
			code: at('scoped-mcp-server', 'scope-challenge', {
				check: 'Nothing is missing now…',
				serve: '…so the tool runs.'
			})
		}),
		'more-scope-scope-lost': {
			title: 'The client calls list_notes, which worked before the step-up',
			narration:
				'With the first token, `list_notes` worked. The new token carries only `notes:write`, the scope the challenge named, so the server now answers `403 insufficient_scope` with `scope="notes:read"`, and a step-up for `notes:read` alone would drop `notes:write` in turn. MCP 2025-11-25 asks servers to keep existing scopes in the challenge, which this one does not; MCP 2026-07-28 makes it the client’s job: it asks for the union.',
			cites: [SCOPE_CHALLENGE, CURRENT, cite('RFC 6750', '3.1')],
			code: at('scoped-mcp-server', 'scope-challenge', {
				check: 'notes:read is missing now…',
				scope: '…and the challenge names the scope the client gave up.'
			}),
			question:
				'The client holds a new token with more scope. Will a call that worked before still work?'
		},
		'more-scope-client-gives-up': (step) => ({
			title: 'The client after a 403 insufficient_scope',
			narration: `This client follows MCP 2025-06-18, which lists \`403 Forbidden\` for “Invalid scopes or insufficient permissions” in its Error Handling table but defines no step-up flow and does not say what a client does next. This client stops and tells the user: “${step.reason}”. MCP 2025-11-25 added scope challenge handling: sign in again for the scopes the challenge names.`,
			cites: [cite('MCP 2025-06-18', 'Error Handling'), SCOPE_CHALLENGE],
			code: at('step-up', 'step-up', {
				'no-rule': 'No step-up in this revision: the 403 ends the call.'
			}),
			question: 'This client follows MCP 2025-06-18. What does it do with a 403 insufficient_scope?'
		}),
		'never-enough-tool-denied': denied('delete_all_notes', 'notes:admin'),
		'never-enough-make-verifier': widens('notes:read notes:admin'),
		'never-enough-open-browser': opens,
		'never-enough-token-client': {
			title: 'The server issues a token without notes:admin',
			narration:
				'The PKCE check passes and the server issues a token, but only for the scopes it issues: RFC 6749 lets a server leave out part of the requested scope, and then it MUST say so in the response. The response says `scope: notes:read`. A client that reads it can already tell that the call will fail again.',
			cites: [cite('RFC 6749', '3.3'), cite('RFC 7636', '4.6')],
			code: at('authorization-server', 'grant-scope', {
				known: 'Only the scopes this server issues: notes:admin is left out.'
			})
		},
		'never-enough-tool-retried': {
			title: 'The client calls delete_all_notes again, with the new token',
			narration:
				'The new token still lacks `notes:admin`, so the server answers `403 insufficient_scope` again, with the same challenge. A client that re-authorized every time would send the user to the same consent page in a loop.',
			cites: [cite('RFC 6750', '3.1'), SCOPE_CHALLENGE],
			code: at('scoped-mcp-server', 'scope-challenge', {
				check: 'notes:admin is still missing…',
				refuse: '…so the same 403, the same challenge.'
			}),
			question:
				'The client signed in again and still gets 403 insufficient_scope. What should it do now?'
		},
		'never-enough-client-gives-up': (step) => ({
			title: 'The client after a second 403 for the same call',
			narration: `This client allows one new sign-in per call, and it has used it, so it answers the second 403 by stopping — in its own words, “${step.reason}”. MCP asks clients to retry “no more than a few times”; the number is the client’s choice. The user can find out why the server wants \`notes:admin\`; the client does not loop.`,
			cites: [SCOPE_CHALLENGE],
			code: at('step-up', 'step-up', {
				limit: 'It has re-authorized for this call already: it gives up.'
			})
		})
	},
	end: {
		had: 'nothing: there is no attacker here; the risk is a client that loses scopes or loops',
		lacked:
			'a token with the scope the tool needs, until the user approved more; and notes:admin, which this server never issues',
		verdict: 'More scope after a new sign-in · stopped after one retry',
		tone: 'mixed',
		lesson:
			'On 403 insufficient_scope an MCP client signs in again like the first time — new PKCE pair, new state — for the union of its scopes, and stops after a few tries.',
		contrast:
			'Asking for the challenged scope alone would drop notes:read; retrying without a limit would send the user to the consent page again and again.',
		next: 'discovery',
		tools: [{ label: 'Quiz: who must use PKCE?', section: 'quiz-title' }]
	},
	describeFor: {
		'2025-06-18': {
			description:
				'The MCP server answers 403 insufficient_scope; a client that follows MCP 2025-06-18 has no step-up flow, and the call ends there.',
			summary:
				'A token for notes:read meets a tool that needs notes:write: the server answers 403 insufficient_scope, and a client that follows MCP 2025-06-18, which defines no step-up, stops and tells the user.'
		},
		'2025-11-25': {
			description:
				'The MCP server answers 403 insufficient_scope; the client signs in again with a new PKCE pair for the challenged scope alone, and loses the scope it had.',
			summary:
				'A token for notes:read meets a tool that needs notes:write: the server answers 403 insufficient_scope, and the client signs in again, with a new code_verifier, for the challenged notes:write alone; the call works, and list_notes, which worked before, is now refused. (The retry limit, which 2025-11-25 asks for too, is shown under 2026-07-28.)'
		}
	},
	endFor: {
		'2025-06-18': {
			lacked: 'a step-up rule: MCP 2025-06-18 defines none',
			verdict: 'The call ends at the 403',
			lesson:
				'MCP 2025-06-18 defines no step-up flow; this client lets a 403 insufficient_scope end the call, and the user must sign in again by hand.',
			contrast:
				'Under MCP 2025-11-25 the client signs in again for the challenged scope; under 2026-07-28, for the union of its scopes.'
		},
		'2025-11-25': {
			lacked: 'the scopes it had before: the new token carries only the challenged one',
			verdict: 'More scope after a new sign-in · a call that worked is now refused',
			lesson:
				'A client that follows MCP 2025-11-25 signs in again for the challenged scope alone; when the server’s challenge names only the new scope, the client loses the scopes it had, and the next call can be refused in turn.',
			contrast:
				'Under MCP 2026-07-28 the client asks for the union, notes:read notes:write, and its other calls go on working; the retry limit, which 2025-11-25 asks for too, is shown there.'
		}
	}
};
export default stepUp;
