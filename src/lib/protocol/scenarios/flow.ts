/**
 * The steps most scenarios share, each performed by the actors and recorded with its narration.
 * A scenario overrides the text where its story differs; the wire data always comes from the run.
 */
import type { RedeemStrategy } from '../attacker';
import { carriesOf, type StepInput, type Timeline } from '../timeline';
import type { Citation, CodeRef, Outcome, SpecId } from '../types';
import type { World } from '../world';

type SourceFile = 'client' | 'authorization-server' | 'attacker' | 'mcp-server' | 'browser';

/** A region of a protocol source file, shown beside the step. */
export const at = (file: SourceFile, region: string): CodeRef => ({
	file: `protocol/${file}.ts`,
	region
});

/** A spec section, as listed in the project's FACTS. */
export const cite = (spec: SpecId, section: string): Citation => ({ spec, section });

/** What a scenario may change about a shared step. */
export type Text = Partial<
	Pick<StepInput, 'id' | 'title' | 'narration' | 'cites' | 'code' | 'outcome'>
>;

const attackerOutcome = (status: number): Outcome =>
	status === 200 ? 'attacker-wins' : 'attacker-fails';

export async function makeVerifier(t: Timeline, w: World, text: Text = {}): Promise<void> {
	await w.client.startSignIn();
	const base = {
		id: 'make-verifier',
		from: 'client',
		to: 'client',
		kind: 'local',
		carries: w.client.knowledge(),
		outcome: 'info',
		code: at('client', 'make-verifier')
	} as const;
	if (w.client.pkce === 'S256') {
		t.record({
			...base,
			title: 'The client makes a code_verifier and its S256 code_challenge',
			narration:
				'The MCP client turns 32 random octets into a 43-character `code_verifier` and keeps it to itself. Only its SHA-256 hash, the `code_challenge`, will leave the app, together with a random `state` for this sign-in.',
			cites: [cite('RFC 7636', '4.1'), cite('RFC 7636', '4.2'), cite('RFC 6749', '10.12')],
			...text
		});
	} else if (w.client.pkce === 'plain') {
		t.record({
			...base,
			title: 'The client makes a code_verifier and a plain code_challenge',
			narration:
				'This client uses `plain`: the `code_challenge` it will send is the `code_verifier` itself. Whoever reads the authorization request reads the verifier.',
			cites: [cite('RFC 7636', '4.2'), cite('RFC 7636', '7.2')],
			...text
		});
	} else {
		t.record({
			...base,
			id: 'make-state',
			title: 'The client picks a state, but no PKCE',
			narration:
				'This client picks a random `state` and nothing else: no `code_verifier`, no `code_challenge`. Nothing will tie the authorization code to this app.',
			cites: [cite('RFC 9700', '2.1.1'), cite('RFC 6749', '10.12')],
			...text
		});
	}
}

/** The client opens the system browser at the authorization request; returns the browser's GET. */
export function openBrowser(t: Timeline, w: World, text: Text = {}) {
	const request = w.browser.navigate(w.client.authorizationUrl());
	const query = new URL(request.url).searchParams;
	const method = query.get('code_challenge_method');
	const pkce = method
		? `the \`code_challenge\` with \`code_challenge_method=${method}\``
		: 'but no `code_challenge`';
	t.record({
		id: 'open-browser',
		title: 'The client opens the browser at the authorization endpoint',
		from: 'client',
		to: 'browser',
		kind: 'redirect',
		carries: carriesOf({ request }),
		outcome: 'info',
		narration: `The client opens the system browser with the authorization request in the URL: its \`client_id\`, the loopback \`redirect_uri\` ${new URL(query.get('redirect_uri') ?? '').host}, \`state\`, ${pkce}, and the MCP server as \`resource\`.`,
		cites: [cite('RFC 8252', '7.3'), cite('RFC 7636', '4.3'), cite('RFC 8707', '2')],
		code: at('client', 'authorize-request'),
		...text
	});
	return request;
}

/** The browser's GET reaches the authorization server. */
export function authorizeRequest(
	t: Timeline,
	w: World,
	request: ReturnType<typeof openBrowser>,
	text: Text = {}
): void {
	const required = w.as.policy.pkceRequired;
	t.record({
		id: 'authorize-request',
		title: 'The browser sends the authorization request',
		from: 'browser',
		to: 'as',
		kind: 'request',
		request,
		carries: carriesOf({ request }),
		outcome: 'info',
		narration: required
			? 'The server checks that the `client_id` is registered and the `redirect_uri` is its registered loopback URI (any port matches), and that a well-formed `code_challenge` with method `S256` is present.'
			: 'This server makes PKCE optional: it checks the `client_id` and the loopback `redirect_uri`, and would accept the request with or without a `code_challenge`.',
		cites: required
			? [cite('RFC 7636', '4.4.1'), cite('RFC 8252', '7.3'), cite('RFC 6749', '4.1.2.1')]
			: [cite('RFC 8252', '7.3'), cite('RFC 9700', '2.1.1')],
		code: at('authorization-server', required ? 'authorize-pkce' : 'authorize-client-check'),
		...text
	});
}

/** The server answers with the redirect; returns its Location. */
export async function authorizeResponse(
	t: Timeline,
	w: World,
	request: ReturnType<typeof openBrowser>,
	text: Text = {}
): Promise<string> {
	const response = await w.send(request, { user: w.browser.user });
	const location = w.browser.receive(response);
	if (!location) throw new Error(`the authorization server answered ${response.status}`);
	const bound = new URL(request.url).searchParams.has('code_challenge')
		? '`code_challenge`, its method'
		: 'no challenge at all';
	t.record({
		id: 'authorize-response',
		title: 'The server redirects the browser with a one-time code',
		from: 'as',
		to: 'browser',
		kind: 'redirect',
		response,
		carries: carriesOf({ response }),
		outcome: 'ok',
		narration: `After the user signs in and approves, the server issues a one-time \`code\` that expires in a minute. It binds it to the \`client_id\`, the \`redirect_uri\`, ${bound} and the \`resource\`, and redirects the browser to the loopback callback with the \`code\` and the same \`state\`.`,
		cites: [cite('RFC 7636', '4.4'), cite('RFC 6749', '4.1.2')],
		code: at('authorization-server', 'authorize-issue-code'),
		...text
	});
	return location;
}

/** The attacker reads the redirect too (case 4a). */
export function attackerObserves(t: Timeline, w: World, location: string, text: Text = {}): void {
	w.attacker.observeRedirect(location);
	t.record({
		id: 'attacker-observes',
		title: 'The attacker reads the authorization response',
		from: 'browser',
		to: 'attacker',
		kind: 'intercept',
		carries: carriesOf({ request: { method: 'GET', url: location, headers: [] } }),
		outcome: 'info',
		narration:
			'A malicious app on the same machine reads the redirect URL, for example from OS or URL-handler logs. It now holds the `code` and the `state` — but not the `code_verifier`, which never left the client.',
		cites: [cite('RFC 7636', '1'), cite('RFC 8252', '8.1')],
		code: at('attacker', 'observe-response'),
		...text
	});
}

/** The browser delivers the redirect to the client's loopback listener. */
export function callback(t: Timeline, w: World, location: string, text: Text = {}): boolean {
	const request = w.browser.navigate(location);
	const result = w.client.receiveCallback(request.url);
	t.record({
		id: 'callback',
		title: result.accepted
			? 'The client receives the code on its loopback listener'
			: 'The client refuses the callback',
		from: 'browser',
		to: 'client',
		kind: 'redirect',
		request,
		response: result.response,
		carries: carriesOf({ request }),
		outcome: result.accepted ? 'ok' : 'rejected',
		narration: result.accepted
			? 'The browser follows the redirect to `127.0.0.1`, where the client listens. The client checks that `state` is the one it sent for this sign-in, then keeps the `code`.'
			: `The client compares \`state\` with the one it sent for this sign-in: ${result.reason}.`,
		cites: [cite('RFC 6749', '10.12'), cite('RFC 8252', '7.3')],
		code: at('client', 'handle-callback'),
		...text
	});
	return result.accepted;
}

/** The client redeems its code at the token endpoint. */
/**
 * The opening most stories share: an S256 sign-in whose authorization response the attacker
 * observes (RFC 7636 §1, case 4a), up to the client receiving the code.
 */
export async function observedSignIn(t: Timeline, w: World): Promise<void> {
	await makeVerifier(t, w);
	const request = openBrowser(t, w);
	authorizeRequest(t, w, request);
	const location = await authorizeResponse(t, w, request);
	attackerObserves(t, w, location);
	callback(t, w, location);
}

export async function clientRedeems(t: Timeline, w: World, text: Text = {}): Promise<number> {
	const exchange = await w.client.redeem(w.send);
	const ok = exchange.response.status === 200;
	t.record({
		id: 'token-client',
		title: ok
			? 'The client redeems the code with its code_verifier'
			: 'The client’s redemption is refused',
		from: 'client',
		to: 'as',
		kind: 'request',
		...exchange,
		carries: carriesOf(exchange),
		outcome: ok ? 'ok' : 'rejected',
		narration:
			'The client sends the `code` with its `code_verifier`. The server hashes the verifier, compares the result with the bound `code_challenge` in constant time, and issues an `access_token` for the MCP server, marked `Cache-Control: no-store`.',
		cites: [cite('RFC 7636', '4.5'), cite('RFC 7636', '4.6'), cite('RFC 6749', '5.1')],
		code: at('authorization-server', 'token-verify-pkce'),
		...text
	});
	return exchange.response.status;
}

/** The client calls a tool on the MCP server with its token. */
export async function clientCallsMcp(t: Timeline, w: World, text: Text = {}): Promise<number> {
	const exchange = await w.client.callMcp(w.send);
	const ok = exchange.response.status === 200;
	t.record({
		id: 'mcp-call',
		title: ok ? 'The client calls the MCP server' : 'The MCP server refuses the client',
		from: 'client',
		to: 'mcp',
		kind: 'request',
		...exchange,
		carries: carriesOf(exchange),
		outcome: ok ? 'ok' : 'rejected',
		narration:
			'The client calls a tool with `Authorization: Bearer` and its token. The MCP server accepts it because the token is active and was issued for this server’s own `resource`.',
		cites: [cite('RFC 8707', '2'), cite('MCP 2025-11-25', 'Token Audience Binding and Validation')],
		code: at('mcp-server', 'check-audience'),
		...text
	});
	return exchange.response.status;
}

const REDEEM_TEXT: Record<
	RedeemStrategy,
	{ id: string; title: string; narration: string; cites: Citation[] }
> = {
	'no-verifier': {
		id: 'token-attacker-no-verifier',
		title: 'The attacker redeems the code without a code_verifier',
		narration:
			'The attacker races the client to the token endpoint with the copied `code`, the public `client_id` and the `redirect_uri` — but it has no `code_verifier`. The code is bound to a `code_challenge`, so the server answers `invalid_grant`.',
		cites: [cite('RFC 7636', '4.6'), cite('RFC 6749', '5.2')]
	},
	'guessed-verifier': {
		id: 'token-attacker-guess',
		title: 'The attacker tries a guessed code_verifier',
		narration:
			'It tries a `code_verifier` of its own, 43 random characters. Their SHA-256 is not the bound `code_challenge`: `invalid_grant`. Hitting the real one means guessing 256 random bits.',
		cites: [cite('RFC 7636', '4.6'), cite('RFC 7636', '7.1')]
	},
	'challenge-as-verifier': {
		id: 'token-attacker-challenge',
		title: 'The attacker sends the code_challenge as the code_verifier',
		narration:
			'It sends the `code_challenge` it read in the request as the `code_verifier`. The server hashes it, and the SHA-256 of the challenge is not the challenge: `invalid_grant`.',
		cites: [cite('RFC 7636', '4.2'), cite('RFC 7636', '4.6')]
	}
};

/** The attacker sends the code it took to the token endpoint with one strategy. */
export async function attackerRedeems(
	t: Timeline,
	w: World,
	strategy: RedeemStrategy,
	text: Text = {}
): Promise<number> {
	const exchange = await w.attacker.redeemStolenCode(strategy, w.send);
	t.record({
		...REDEEM_TEXT[strategy],
		from: 'attacker',
		to: 'as',
		kind: 'request',
		...exchange,
		carries: carriesOf(exchange),
		outcome: attackerOutcome(exchange.response.status),
		code: at('attacker', 'redeem-stolen-code'),
		...text
	});
	return exchange.response.status;
}

/** The attacker uses whatever token it has against the MCP server. */
export async function attackerCallsMcp(t: Timeline, w: World, text: Text = {}): Promise<number> {
	const exchange = await w.attacker.callMcp(w.send);
	t.record({
		id: 'mcp-attacker',
		title: 'The attacker calls the MCP server as the user',
		from: 'attacker',
		to: 'mcp',
		kind: 'request',
		...exchange,
		carries: carriesOf(exchange),
		outcome: attackerOutcome(exchange.response.status),
		narration:
			'With the token, the attacker calls the MCP server. The token is active and was issued for this `resource`, so the server returns the user’s notes.',
		cites: [cite('RFC 7636', '1'), cite('RFC 8707', '2')],
		code: at('attacker', 'call-mcp-as-victim'),
		...text
	});
	return exchange.response.status;
}
