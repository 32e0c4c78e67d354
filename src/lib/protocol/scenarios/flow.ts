/**
 * The steps most scenarios share, each performed by the actors and recorded as protocol data.
 * What a step means to a reader (title, narration, citations, code) is written in the content
 * layer, keyed by the step's `action`; the wire data always comes from the run.
 */
import type { RedeemStrategy } from '../attacker';
import { carriesOf, type Timeline } from '../timeline';
import type { HttpResponse, Outcome, Step } from '../types';
import type { World } from '../world';

/** What a scenario may change about a shared step: its id, and its verdict in this story. */
export interface StepOptions {
	id?: string;
	outcome?: Outcome;
}

export const attackerOutcome = (status: number): Outcome =>
	status === 200 ? 'attacker-wins' : 'attacker-fails';

/**
 * The PKCE check the token endpoint just performed (RFC 7636 §4.6), for the step that records
 * the token request: the diagram shows the server's own values, and computes none.
 */
export function serverCheck(w: World): Pick<Step, 'check'> {
	const check = w.as.pkceCheck();
	return check ? { check } : {};
}

/** The client starts a sign-in: a `code_verifier` and its challenge (if it uses PKCE) and `state`. */
export async function makeVerifier(
	t: Timeline,
	w: World,
	options: StepOptions = {}
): Promise<void> {
	await w.client.startSignIn();
	const pkce = w.client.pkce;
	t.record({
		id: pkce === 'none' ? 'make-state' : 'make-verifier',
		action: { S256: 'make-verifier', plain: 'make-plain-verifier', none: 'make-state' }[pkce],
		from: 'client',
		to: 'client',
		kind: 'local',
		carries: w.client.knowledge(),
		outcome: 'info',
		...options
	});
}

/** The client opens the system browser at the authorization request; returns the browser's GET. */
export function openBrowser(t: Timeline, w: World, options: StepOptions = {}) {
	const request = w.browser.navigate(w.client.authorizationUrl());
	t.record({
		id: 'open-browser',
		action: 'open-browser',
		from: 'client',
		to: 'browser',
		kind: 'redirect',
		request,
		carries: carriesOf({ request }),
		outcome: 'info',
		...options
	});
	return request;
}

/** The browser's GET reaches the authorization server, which asks the user to sign in and approve. */
export async function authorizeRequest(
	t: Timeline,
	w: World,
	request: ReturnType<typeof openBrowser>,
	options: StepOptions = {}
): Promise<void> {
	const response = await w.send(request, { user: w.browser.user, approved: false });
	if (response.status !== 200)
		throw new Error(`the authorization server answered ${response.status}`);
	t.record({
		id: 'authorize-request',
		action: 'authorize-request',
		from: 'browser',
		to: 'as',
		kind: 'request',
		request,
		response,
		carries: carriesOf({ request }),
		outcome: 'info',
		...options
	});
}

/** Once the user approved, the server answers with the redirect; returns its Location. */
export async function authorizeResponse(
	t: Timeline,
	w: World,
	request: ReturnType<typeof openBrowser>,
	options: StepOptions = {}
): Promise<string> {
	const response = await w.send(request, { user: w.browser.user });
	const location = w.browser.receive(response);
	if (!location) throw new Error(`the authorization server answered ${response.status}`);
	t.record({
		id: 'authorize-response',
		action: 'authorize-response',
		from: 'as',
		to: 'browser',
		kind: 'redirect',
		response,
		carries: carriesOf({ response }),
		outcome: 'ok',
		...options
	});
	return location;
}

/** The attacker reads the redirect too (RFC 7636 §1, case 4a). */
export function attackerObserves(
	t: Timeline,
	w: World,
	location: string,
	options: StepOptions = {}
): void {
	w.attacker.observeRedirect(location);
	t.record({
		id: 'attacker-observes',
		action: 'attacker-observes',
		from: 'browser',
		to: 'attacker',
		kind: 'intercept',
		carries: carriesOf({ request: { method: 'GET', url: location, headers: [] } }),
		outcome: 'info',
		...options
	});
}

/** The browser delivers the redirect to the client's loopback listener. */
export function callback(
	t: Timeline,
	w: World,
	location: string,
	options: StepOptions = {}
): boolean {
	const request = w.browser.navigate(location);
	const result = w.client.receiveCallback(request.url);
	t.record({
		id: 'callback',
		action: 'callback',
		from: 'browser',
		to: 'client',
		kind: 'redirect',
		request,
		response: result.response,
		carries: carriesOf({ request }),
		outcome: result.accepted ? 'ok' : 'rejected',
		...(!result.accepted && { reason: result.reason }),
		...options
	});
	return result.accepted;
}

/**
 * The opening most stories share: a sign-in up to the client receiving the code; `observed`, the
 * attacker also reads the authorization response (RFC 7636 §1, case 4a).
 */
export async function signIn(
	t: Timeline,
	w: World,
	{ observed = false }: { observed?: boolean } = {}
): Promise<void> {
	await makeVerifier(t, w);
	const request = openBrowser(t, w);
	await authorizeRequest(t, w, request);
	const location = await authorizeResponse(t, w, request);
	if (observed) attackerObserves(t, w, location);
	callback(t, w, location);
}

/** The client redeems its code at the token endpoint. */
export async function clientRedeems(
	t: Timeline,
	w: World,
	options: StepOptions = {}
): Promise<number> {
	const exchange = await w.client.redeem(w.send);
	t.record({
		id: 'token-client',
		action: 'token-client',
		from: 'client',
		to: 'as',
		kind: 'request',
		...exchange,
		carries: carriesOf({ request: exchange.request }),
		outcome: exchange.response.status === 200 ? 'ok' : 'rejected',
		...serverCheck(w),
		...options
	});
	return exchange.response.status;
}

/** The client calls a tool on the MCP server with its token; returns the server's answer. */
export async function clientCallsMcp(
	t: Timeline,
	w: World,
	{ tool, ...options }: StepOptions & { tool?: string } = {}
): Promise<HttpResponse> {
	const exchange = await w.client.callMcp(w.send, tool);
	t.record({
		id: 'mcp-call',
		action: 'mcp-call',
		from: 'client',
		to: 'mcp',
		kind: 'request',
		...exchange,
		carries: carriesOf({ request: exchange.request }),
		outcome: exchange.response.status === 200 ? 'ok' : 'rejected',
		...options
	});
	return exchange.response;
}

const REDEEM_ID: Record<RedeemStrategy, string> = {
	'no-verifier': 'token-attacker-no-verifier',
	'guessed-verifier': 'token-attacker-guess',
	'challenge-as-verifier': 'token-attacker-challenge',
	'captured-verifier': 'token-attacker-captured'
};

/** The attacker sends the code it took to the token endpoint with one strategy. */
export async function attackerRedeems(
	t: Timeline,
	w: World,
	strategy: RedeemStrategy,
	options: StepOptions = {}
): Promise<number> {
	const exchange = await w.attacker.redeemStolenCode(strategy, w.send);
	t.record({
		id: REDEEM_ID[strategy],
		action: REDEEM_ID[strategy],
		from: 'attacker',
		to: 'as',
		kind: 'request',
		...exchange,
		carries: carriesOf({ request: exchange.request }),
		outcome: attackerOutcome(exchange.response.status),
		...serverCheck(w),
		...options
	});
	return exchange.response.status;
}

/** The attacker uses whatever token it has against the MCP server. */
export async function attackerCallsMcp(
	t: Timeline,
	w: World,
	options: StepOptions = {}
): Promise<number> {
	const exchange = await w.attacker.callMcp(w.send);
	t.record({
		id: 'mcp-attacker',
		action: 'mcp-attacker',
		from: 'attacker',
		to: 'mcp',
		kind: 'request',
		...exchange,
		carries: carriesOf({ request: exchange.request }),
		outcome: attackerOutcome(exchange.response.status),
		...options
	});
	return exchange.response.status;
}
