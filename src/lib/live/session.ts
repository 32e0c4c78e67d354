/**
 * A live sign-in against the lab: the page is the MCP client (and, on the same machine, the
 * attacker) — the simulation's own actors (protocol/client.ts, protocol/attacker.ts), built the same
 * way, whose requests go over the network to the lab instead of to the simulated servers. It
 * records every real exchange as the same `Step` data the simulation records, with the same step
 * ids, so the diagram, the panels, the annotated code and the story's text show it unchanged.
 *
 * `startLiveSignIn` makes the verifier, the challenge and `state` and the authorization URL the
 * reader's browser opens; `finishLiveSignIn` takes the URL the lab redirected the browser to
 * (the site's callback route) and then, for real: the attacker redeems the copied code, the client
 * redeems it, and the MCP tool is called.
 */
import { computeCodeChallenge } from '$lib/pkce';
import { Attacker } from '$lib/protocol/attacker';
import { CLIENT_RULES } from '$lib/protocol/client-rules';
import type { McpClient } from '$lib/protocol/client';
import type { Exchange, Send } from '$lib/protocol/http';
import { carriesOf } from '$lib/protocol/timeline';
import type {
	ActorId,
	HttpRequest,
	HttpResponse,
	Knowledge,
	McpRevision,
	Outcome,
	PkceCheck,
	ScenarioRun,
	Step
} from '$lib/protocol/types';
import { createWorld, type Environment } from '$lib/protocol/world';
import type { LabEndpoints } from './discover';
import { LiveError, send, statusText, type Fetch } from './wire';

/** The scenarios Live mode runs, and the lab client each one signs in as. */
export const LIVE_CLIENTS = { s256: 'playground', 'no-pkce': 'legacy' } as const;
export type LiveScenario = keyof typeof LIVE_CLIENTS;
export const isLiveScenario = (id: string): id is LiveScenario => id in LIVE_CLIENTS;

/** The tool the lab's MCP server offers. */
export const LAB_TOOL = 'whoami';

/** What the lab recorded of one authorization request (src/lab/authorization-server.js). */
export interface AuthorizationRecord {
	request: { method: string; url: string };
	first?: { status: number; location?: string };
	last?: { status: number; location?: string };
}

export interface LiveStart {
	scenario: LiveScenario;
	revision: McpRevision;
	endpoints: LabEndpoints;
	env: Environment;
	/** The simulation's MCP client, pointed at the lab. */
	client: McpClient;
	state: string;
	verifier?: string;
	challenge?: string;
	/** Where the reader's browser goes: the lab's real authorization endpoint. */
	authorizationUrl: string;
	/** The steps so far: make-verifier (or make-state) and open-browser. */
	steps: Step[];
}

export interface LiveFinish {
	run: ScenarioRun;
	/** The token the client (s256) or the attacker (no-pkce) got, to decode beside the run. */
	accessToken?: string;
	/** The MCP tool's answer to whoever called it first. */
	toolAnswer?: string;
}

/**
 * Who holds what after each step. The client and the attacker say what they hold, as in the
 * simulation; of the real servers and the browser the page knows only what it sent them.
 */
class Holders {
	#seen: Record<'browser' | 'as' | 'mcp', Knowledge> = { browser: {}, as: {}, mcp: {} };
	constructor(
		private readonly client: McpClient,
		private readonly attacker?: Attacker
	) {}
	learn(actor: 'browser' | 'as' | 'mcp', values: Knowledge): void {
		this.#seen[actor] = { ...this.#seen[actor], ...values };
	}
	snapshot(): Record<ActorId, Knowledge> {
		return {
			client: this.client.knowledge(),
			attacker: this.attacker?.knowledge() ?? {},
			...structuredClone(this.#seen)
		};
	}
}

export async function startLiveSignIn(options: {
	scenario: LiveScenario;
	revision: McpRevision;
	endpoints: LabEndpoints;
	redirectUri: string;
	env: Environment;
}): Promise<LiveStart> {
	const { scenario, endpoints, env } = options;
	const pkce = scenario === 's256';
	if (pkce && !endpoints.code_challenge_methods_supported?.includes('S256')) {
		throw new LiveError(
			"The lab's metadata does not list S256 in code_challenge_methods_supported. MCP (2025-11-25 and later) says a client MUST refuse to proceed when that field is absent, and MUST use S256 when it can; this client stops rather than fall back to plain or to no PKCE."
		);
	}
	// The simulation's client, configured as the simulation configures it, for the lab.
	const { client } = createWorld(env, {
		pkce: pkce ? 'S256' : 'none',
		clientId: LIVE_CLIENTS[scenario],
		resource: endpoints.resource,
		scope: endpoints.scope,
		checksIss: CLIENT_RULES[options.revision].checksIss,
		redirectUri: options.redirectUri
	});
	client.useServer({
		issuer: endpoints.issuer,
		authorization_endpoint: endpoints.authorization_endpoint,
		token_endpoint: endpoints.token_endpoint,
		authorization_response_iss_parameter_supported: true
	});
	await client.startSignIn();
	const made = client.knowledge();
	const holders = new Holders(client);
	const request: HttpRequest = {
		method: 'GET',
		url: client.authorizationUrl(),
		headers: [['Accept', 'text/html']]
	};
	const carries = carriesOf({ request });
	const makeStep: Step = {
		id: pkce ? 'make-verifier' : 'make-state',
		action: pkce ? 'make-verifier' : 'make-state',
		from: 'client',
		to: 'client',
		kind: 'local',
		carries: made,
		knowledge: holders.snapshot(),
		outcome: 'info'
	};
	holders.learn('browser', carries);
	const openStep: Step = {
		id: 'open-browser',
		action: 'open-browser',
		from: 'client',
		to: 'browser',
		kind: 'redirect',
		request,
		carries,
		knowledge: holders.snapshot(),
		outcome: 'info'
	};
	return {
		scenario,
		revision: options.revision,
		endpoints,
		env,
		client,
		state: made.state ?? '',
		...(made.code_verifier && { verifier: made.code_verifier, challenge: made.code_challenge }),
		authorizationUrl: request.url,
		steps: [makeStep, openStep]
	};
}

/** A recorded redirect as a response: its real status and Location. */
function redirect(answer: { status: number; location?: string }): HttpResponse {
	return {
		status: answer.status,
		statusText: statusText(answer.status),
		headers: answer.location ? [['Location', answer.location]] : []
	};
}

/** The site's callback page answered the browser (static/live/callback/): it hands the code over. */
const CALLBACK_PAGE: HttpResponse = {
	status: 200,
	statusText: 'OK',
	headers: [['Content-Type', 'text/html; charset=utf-8']],
	text: "Back to the playground: it now has the lab's answer."
};

export async function finishLiveSignIn(
	start: LiveStart,
	callbackUrl: string,
	record: AuthorizationRecord | undefined,
	options: { fetch: Fetch; site: string }
): Promise<LiveFinish> {
	const { endpoints, client, env } = start;
	// Until the callback step, the client holds what it held before it.
	const before = client.knowledge();
	let withheld = true;
	// The client checks the callback before anything is sent: `state` (RFC 6749 §10.12), `iss`
	// where its revision asks (RFC 9207 §2.4), then keeps the code.
	const callback = client.receiveCallback(callbackUrl);
	if (!callback.accepted) {
		const answer = new URL(callbackUrl).searchParams;
		const error = answer.get('error');
		throw new LiveError(
			error
				? `The lab answered error=${error}${answer.get('error_description') ? ` (${answer.get('error_description')})` : ''} (RFC 6749 §4.1.2.1).`
				: `The client ignored the callback: ${callback.reason} (${/^iss /.test(callback.reason) ? 'RFC 9207 §2.4' : 'RFC 6749 §10.12'}).`
		);
	}
	if (!record?.first || !record.last) {
		throw new LiveError(
			"The lab did not say what it answered to this sign-in. Is it this project's lab (npm run lab)?"
		);
	}
	const real: Send = (request) => send(options.fetch, request, options.site);
	const attacker = new Attacker({
		client_id: LIVE_CLIENTS[start.scenario],
		resource: endpoints.resource,
		authorization_endpoint: endpoints.authorization_endpoint,
		token_endpoint: endpoints.token_endpoint,
		random: env.random,
		sha256: env.sha256
	});
	const holders = new Holders(client, attacker);
	const steps = start.steps.map((step) => ({ ...step }));
	for (const step of steps) if (step.kind !== 'local') holders.learn('browser', step.carries);
	const snapshot = () => {
		const now = holders.snapshot();
		return withheld ? { ...now, client: before } : now;
	};
	const push = (step: Omit<Step, 'knowledge' | 'action'> & { action?: string }) => {
		steps.push({ action: step.id, ...step, knowledge: snapshot() });
	};
	const record_ = (
		id: string,
		from: ActorId,
		to: ActorId,
		exchange: Exchange,
		outcome: Outcome,
		extra: Partial<Step> = {}
	) =>
		push({
			id,
			from,
			to,
			kind: 'request',
			...exchange,
			carries: carriesOf({ request: exchange.request }),
			outcome,
			...extra
		});

	// The front channel, as the lab answered it.
	const authorizeRequest = steps[1]!.request!;
	holders.learn('as', carriesOf({ request: authorizeRequest }));
	push({
		id: 'authorize-request',
		from: 'browser',
		to: 'as',
		kind: 'request',
		request: authorizeRequest,
		response: redirect(record.first),
		carries: carriesOf({ request: authorizeRequest }),
		outcome: 'info'
	});
	const authorizeResponse = redirect(record.last);
	const responseCarries = carriesOf({ response: authorizeResponse });
	holders.learn('browser', responseCarries);
	holders.learn('as', responseCarries);
	push({
		id: 'authorize-response',
		from: 'as',
		to: 'browser',
		kind: 'redirect',
		response: authorizeResponse,
		carries: responseCarries,
		outcome: 'ok'
	});
	// The attacker on the same machine reads the redirect too (RFC 7636 §1, case 4a).
	attacker.observeRedirect(callbackUrl);
	const callbackRequest: HttpRequest = {
		method: 'GET',
		url: callbackUrl,
		headers: [['Accept', 'text/html']]
	};
	push({
		id: 'attacker-observes',
		from: 'browser',
		to: 'attacker',
		kind: 'intercept',
		carries: carriesOf({ request: { ...callbackRequest, headers: [] } }),
		outcome: 'info'
	});
	withheld = false;
	push({
		id: 'callback',
		from: 'browser',
		to: 'client',
		kind: 'redirect',
		request: callbackRequest,
		response: CALLBACK_PAGE,
		carries: carriesOf({ request: callbackRequest }),
		outcome: 'ok'
	});

	/**
	 * The check RFC 7636 §4.6 has the server make, with the values the page knows: the challenge
	 * the client sent, and the transform of the verifier this request sent. Whether it passed is
	 * the real server's answer.
	 */
	const check = async (exchange: Exchange): Promise<{ check?: PkceCheck }> => {
		if (!start.challenge) return {};
		const verifier = exchange.request.form?.find(([name]) => name === 'code_verifier')?.[1];
		return {
			check: {
				challenge: { value: start.challenge, method: 'S256' },
				...(verifier !== undefined && {
					verifier,
					derived: await computeCodeChallenge(verifier, 'S256', env.sha256)
				}),
				passed: exchange.response.status === 200
			}
		};
	};
	const tokens = (response: HttpResponse): Knowledge => {
		const json = response.status === 200 ? (response.json ?? {}) : {};
		return {
			...(typeof json.access_token === 'string' && { access_token: json.access_token }),
			...(typeof json.refresh_token === 'string' && { refresh_token: json.refresh_token })
		};
	};
	const attackerOutcome = (status: number): Outcome =>
		status === 200 ? 'attacker-wins' : 'attacker-fails';
	const toolText = (response: HttpResponse) => {
		const result = response.json?.result as { content?: { text?: string }[] } | undefined;
		return result?.content?.[0]?.text;
	};
	let toolAnswer: string | undefined;
	const attackerCallsMcp = async (id: string) => {
		const call = await attacker.callMcp(real, LAB_TOOL);
		holders.learn('mcp', carriesOf({ request: call.request }));
		toolAnswer ??= toolText(call.response);
		record_(id, 'attacker', 'mcp', call, attackerOutcome(call.response.status), {
			action: 'mcp-attacker'
		});
	};

	// The attacker redeems the copied code first: without a verifier …
	const stolen = await attacker.redeemStolenCode('no-verifier', real);
	holders.learn('as', tokens(stolen.response));
	record_(
		'token-attacker-no-verifier',
		'attacker',
		'as',
		stolen,
		attackerOutcome(stolen.response.status),
		await check(stolen)
	);
	if (start.scenario === 's256') {
		// … and with a guessed one: 43 fresh random characters, as good a guess as any.
		const guessed = await attacker.redeemStolenCode('guessed-verifier', real);
		record_(
			'token-attacker-guess',
			'attacker',
			'as',
			guessed,
			attackerOutcome(guessed.response.status),
			await check(guessed)
		);
	} else {
		await attackerCallsMcp('mcp-attacker');
	}

	// The client redeems its code, with its verifier if it made one.
	const redeemed = await client.redeem(real);
	if (start.verifier && redeemed.response.status === 200) {
		holders.learn('as', { code_verifier: start.verifier });
	}
	holders.learn('as', tokens(redeemed.response));
	record_(
		'token-client',
		'client',
		'as',
		redeemed,
		redeemed.response.status === 200 ? 'ok' : 'rejected',
		await check(redeemed)
	);

	if (start.scenario === 's256') {
		const call = await client.callMcp(real, LAB_TOOL);
		holders.learn('mcp', carriesOf({ request: call.request }));
		toolAnswer = toolText(call.response);
		record_('mcp-call', 'client', 'mcp', call, call.response.status === 200 ? 'ok' : 'rejected');
	} else {
		// The client's redemption was the code's second use (the attacker's came first): RFC 6749
		// §4.1.2 has the server deny it and SHOULD revoke, when possible, what it issued from the
		// code. Does the attacker's token still work?
		await attackerCallsMcp('mcp-attacker-revoked');
	}

	const accessToken =
		start.scenario === 's256' ? client.knowledge().access_token : attacker.knowledge().access_token;
	return {
		run: { scenario: start.scenario, revision: start.revision, steps },
		...(accessToken && { accessToken }),
		...(toolAnswer && { toolAnswer })
	};
}
