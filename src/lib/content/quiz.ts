import type { ScenarioId } from '$lib/protocol/types';
import type { Citation } from './types';

/** A step of a playground scenario, named by its id; the build resolves it to `#scenario/n`. */
export interface StepRef {
	scenario: ScenarioId;
	step: string;
}

export interface QuizQuestion {
	id: string;
	question: string;
	choices: readonly string[];
	/** Index into `choices`. */
	answer: number;
	/** Why the answer is right; `backticks` mark wire names. */
	explanation: string;
	/** The playground step that shows it happening. */
	see: StepRef;
	cites: Citation[];
}

/** Checks of understanding, each tied to the step that shows the answer. */
export const QUIZ: readonly QuizQuestion[] = [
	{
		id: 'who-holds-verifier',
		question: 'Which actors ever hold the code_verifier?',
		choices: [
			'The browser, because it carries the authorization request',
			'The MCP client, and the authorization server once the token request arrives',
			'The MCP server, which checks it on every call',
			'Everyone: like the client_id, it is public'
		],
		answer: 1,
		explanation:
			'The client makes the `code_verifier` and keeps it; only its S256 hash, the `code_challenge`, travels through the browser. The verifier itself goes once, straight to the token endpoint, where the authorization server recomputes the challenge from it.',
		see: { scenario: 's256', step: 'token-client' },
		cites: [
			{ spec: 'RFC 7636', section: '4.1' },
			{ spec: 'RFC 7636', section: '4.5' },
			{ spec: 'RFC 7636', section: '4.6' }
		]
	},
	{
		id: 'plain-leaks',
		question: 'Why does plain fail when the attacker can read the authorization request?',
		choices: [
			'A plain challenge is shorter, so it is easier to guess',
			'The server does not bind a plain challenge to the code',
			'With plain the code_challenge is the code_verifier, so reading the request reveals it',
			'RFC 7636 does not define plain at all'
		],
		answer: 2,
		explanation:
			'With `plain` the `code_challenge` is the `code_verifier` itself. An attacker who also sees authorization requests, for example in leaked logs, reads the verifier and redeems the code. S256 sends only a hash, which does not reveal the verifier; that is why `plain` SHOULD NOT be used in new implementations.',
		see: { scenario: 'plain', step: 'attacker-reads-request' },
		cites: [
			{ spec: 'RFC 7636', section: '1' },
			{ spec: 'RFC 7636', section: '4.2' },
			{ spec: 'RFC 7636', section: '7.2' }
		]
	},
	{
		id: 'attacker-first',
		question:
			'An attacker copied the code from the redirect and reaches the token endpoint first, without a code_verifier. What does it get?',
		choices: [
			'An access token, because it was first',
			'An error and no token, because the code is bound to a code_challenge',
			'invalid_client, because it is not the real client',
			'Nothing, and the server revokes the code for everyone'
		],
		answer: 1,
		explanation:
			'The attacker can send the public `client_id` and `redirect_uri` just as the client does. What it cannot send is a verifier whose S256 is the bound challenge, so the server refuses, whoever arrives first. Which error it names is not fixed: this server answers `invalid_grant`, as oidc-provider does, and OAuth 2.1 lists a missing required parameter under `invalid_request`. This server also keeps the code valid for the real client after the refused attempt; that is its choice, not a rule.',
		see: { scenario: 's256', step: 'token-attacker-no-verifier' },
		cites: [
			{ spec: 'RFC 7636', section: '4.6' },
			{ spec: 'OAuth 2.1', section: '3.2.4' },
			{ spec: 'OAuth 2.1', section: '7.5.2' }
		]
	},
	{
		id: 'default-method',
		question:
			'An authorization request has a code_challenge but no code_challenge_method. Which method applies?',
		choices: [
			'S256, the method servers must implement',
			'plain',
			'Whichever method the server metadata lists first',
			'None: the server must reject the request'
		],
		answer: 1,
		explanation:
			'`code_challenge_method` is optional and defaults to `plain`. A client that computes an S256 challenge but forgets to say so is taken at its word: a server that refuses `plain` rejects the request with `invalid_request`, and one that accepts it compares the verifier with the challenge as text and answers `invalid_grant`. Always send `code_challenge_method=S256`.',
		see: { scenario: 's256', step: 'open-browser' },
		cites: [
			{ spec: 'RFC 7636', section: '4.3' },
			{ spec: 'RFC 7636', section: '4.4.1' },
			{ spec: 'RFC 7636', section: '4.6' }
		]
	},
	{
		id: 'guessing',
		question:
			'How many bits does a verifier made from 32 random octets carry, and how long does guessing it take at 10^12 guesses per second?',
		choices: [
			'43 bits, one per character: about an hour',
			'128 bits: about a day',
			'256 bits: about 1.8 × 10^57 years on average',
			'344 bits (43 × 8): it cannot be guessed at all'
		],
		answer: 2,
		explanation:
			'32 octets (bytes) × 8 bits = 256 bits. base64url spreads them over 43 characters without adding any: 42 characters carry 6 bits each and the last one the remaining 4 (42 × 6 + 4 = 256). On average half of the 2^256 candidates must be tried: 2^255 / 10^12 seconds, about 1.8 × 10^57 years. Try your own numbers in the workbench above.',
		see: { scenario: 's256', step: 'token-attacker-guess' },
		cites: [
			{ spec: 'RFC 7636', section: '4.1' },
			{ spec: 'RFC 7636', section: '7.1' }
		]
	},
	{
		id: 'metadata-without-pkce',
		question:
			'The authorization server metadata has no code_challenge_methods_supported. What must an MCP client do?',
		choices: [
			'Use plain, since S256 is not listed',
			'Send S256 anyway and hope',
			'Refuse to proceed',
			'Continue without PKCE'
		],
		answer: 2,
		explanation:
			'An omitted `code_challenge_methods_supported` means the server does not support PKCE (RFC 8414). MCP (2025-11-25, unchanged in 2026-07-28) says clients MUST verify PKCE support first and MUST refuse to proceed when the field is absent, rather than send the user through a flow that cannot protect the code.',
		see: { scenario: 'mcp-discovery', step: 'legacy-refuse' },
		cites: [
			{ spec: 'RFC 8414', section: '2' },
			{ spec: 'MCP 2025-11-25', section: 'Authorization Code Protection' }
		]
	},
	{
		id: 'replay-revocation',
		question:
			'After the client redeemed its code, an attacker replays the same code with a wrong code_verifier. Should the server revoke the client’s tokens?',
		choices: [
			'Yes: any reuse of a code revokes everything issued from it',
			'No: it refuses the replay with invalid_grant and keeps the tokens',
			'No: it issues the attacker a second token',
			'Yes, and it also blocks the client_id'
		],
		answer: 1,
		explanation:
			'Revocation on reuse is for a second valid request (RFC 6749: the server SHOULD revoke then). A replay with a wrong `code_verifier` is refused with `invalid_grant`, the error RFC 7636 sets for a verifier that does not match, and OAuth 2.1 says it SHOULD NOT revoke anything — otherwise an attacker holding only the code could sign the user out.',
		see: { scenario: 'replay', step: 'token-attacker-replay' },
		cites: [
			{ spec: 'OAuth 2.1', section: '7.5.2' },
			{ spec: 'RFC 6749', section: '4.1.2' }
		]
	},
	{
		id: 'who-requires-pkce',
		question: 'Which documents require PKCE of an MCP CLI tool?',
		choices: [
			'RFC 9126, which made PKCE mandatory for all OAuth 2.0 clients',
			'Only RFC 6749, the OAuth 2.0 framework',
			'RFC 9700 and RFC 8252 for public and native clients, and MCP for every client that does OAuth authorization',
			'None: PKCE is optional everywhere'
		],
		answer: 2,
		explanation:
			'RFC 9700 says public clients MUST use PKCE, RFC 8252 says native apps MUST implement it, and MCP requires it of every MCP client that does OAuth authorization. Authorization is optional in MCP and meant for HTTP transports: a client of a stdio server takes its credentials from the environment instead. RFC 9126 is Pushed Authorization Requests and does not mandate PKCE — a common mix-up. Without PKCE the attacker with the copied code simply gets in.',
		see: { scenario: 'no-pkce', step: 'token-attacker-no-verifier' },
		cites: [
			{ spec: 'RFC 9700', section: '2.1.1' },
			{ spec: 'RFC 8252', section: '6' },
			{ spec: 'MCP 2025-11-25', section: 'Authorization Code Protection' }
		]
	}
];

/** A question whose step is resolved to its place in the playground: `#scenario/number`. */
export interface PlacedQuestion extends QuizQuestion {
	/** 1-based, as the playground's hash counts. */
	stepNumber: number;
	stepTitle: string;
}

/**
 * Resolves each question's step id against scenario runs (at build time). Throws, and so fails
 * the build, when a question names a step that no longer exists.
 */
export function placeQuiz(
	quiz: readonly QuizQuestion[],
	runs: readonly { scenario: ScenarioId; steps: readonly { id: string; title: string }[] }[]
): PlacedQuestion[] {
	return quiz.map((question) => {
		const steps = runs.find((run) => run.scenario === question.see.scenario)?.steps ?? [];
		const index = steps.findIndex((step) => step.id === question.see.step);
		if (index < 0) {
			throw new Error(
				`Quiz "${question.id}" links to ${question.see.scenario}/${question.see.step}, which does not exist`
			);
		}
		return { ...question, stepNumber: index + 1, stepTitle: steps[index]!.title };
	});
}
