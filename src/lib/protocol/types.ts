/**
 * The data a scenario run hands to the UI. The UI renders and animates these steps; it never
 * computes protocol. Wire names keep their RFC spelling.
 */

/** The lanes of the sequence diagram, left to right. Their display names are content. */
export type ActorId = 'client' | 'browser' | 'as' | 'mcp' | 'attacker';

export const ACTOR_IDS: readonly ActorId[] = ['client', 'browser', 'as', 'mcp', 'attacker'];

/** A header or form field, in wire order. */
export type Field = readonly [name: string, value: string];

export interface HttpRequest {
	method: 'GET' | 'POST';
	/** Absolute URL including the query string. */
	url: string;
	headers: Field[];
	/** application/x-www-form-urlencoded fields (token requests), in order. */
	form?: Field[];
	/** A JSON body (the JSON-RPC call to the MCP server). */
	json?: Record<string, unknown>;
}

export interface HttpResponse {
	status: number;
	statusText: string;
	headers: Field[];
	/** A JSON body (token responses, errors, metadata), or omitted (a 302 redirect). */
	json?: Record<string, unknown>;
	/** An HTML error page shown to the user (RFC 6749 §4.1.2.1: never redirect). */
	text?: string;
}

/**
 * What each actor holds after a step: the "who knows what" panel and the attacker's notebook.
 * Keys are wire names; only what the actor really holds appears.
 */
export type Knowledge = Partial<
	Record<
		'code_verifier' | 'code_challenge' | 'state' | 'code' | 'access_token' | 'refresh_token',
		string
	>
>;

/** The values the panels follow, in the order a sign-in makes them. */
export const KNOWLEDGE_KEYS: readonly (keyof Knowledge)[] = [
	'code_verifier',
	'code_challenge',
	'state',
	'code',
	'access_token',
	'refresh_token'
];

/**
 * request/response: an HTTP message between two lanes. redirect: a front-channel 302 the browser
 * follows. local: a computation inside one actor (from === to). intercept: the attacker obtains a
 * message that was not addressed to it.
 */
export type StepKind = 'request' | 'response' | 'redirect' | 'local' | 'intercept';

/**
 * How the step ends, for the diagram's colour *and* its text: success of the legitimate flow,
 * a rejection by a server, or the attacker winning.
 */
export type Outcome = 'ok' | 'rejected' | 'attacker-wins' | 'attacker-fails' | 'info';

export interface Step {
	/** Stable within its scenario, URL-safe, e.g. "token-attacker". */
	id: string;
	/**
	 * What the step does, as the flow names it (the id before a scenario or a phase renamed it):
	 * the content layer's key for the text shared by every scenario that takes this step.
	 */
	action: string;
	from: ActorId;
	to: ActorId;
	kind: StepKind;
	request?: HttpRequest;
	response?: HttpResponse;
	/** Values shown as chips on the arrow, e.g. { code: "…" }. */
	carries: Knowledge;
	/** After this step, what each actor holds. */
	knowledge: Record<ActorId, Knowledge>;
	/** The verdict of the step, from the protocol's point of view. */
	outcome: Outcome;
	/** Why an actor refused, in its own words (the narration may quote it). */
	reason?: string;
	/**
	 * The id of the part of the run this step belongs to, when a scenario compares several set-ups
	 * in one linear list (e.g. downgrade: four set-ups of server and client). Steps of one phase
	 * are adjacent; when a phase brings new actors, their knowledge starts afresh.
	 */
	phase?: string;
	/**
	 * The token endpoint's PKCE check as the server performed it (RFC 7636 §4.6), when it ran one:
	 * the diagram shows these values and never derives them itself.
	 */
	check?: PkceCheck;
}

/**
 * What the token endpoint compared: the `code_challenge` bound to the code with the transform of
 * the `code_verifier` the request sent (RFC 7636 §4.6). Recorded only when the server checks
 * verifiers and the code has a challenge or the request sent a verifier.
 */
export interface PkceCheck {
	/**
	 * The `code_challenge` bound to the code and its `code_challenge_method`; absent when the code
	 * has none (a downgrade, RFC 9700 §4.8.2).
	 */
	challenge?: { value: string; method: 'S256' | 'plain' };
	/** The `code_verifier` the token request sent, if any. */
	verifier?: string;
	/**
	 * The server's transform of the sent verifier, when there is a verifier and a challenge:
	 * S256, BASE64URL(SHA-256(ASCII(code_verifier))) (RFC 7636 §4.2); plain, the verifier itself.
	 */
	derived?: string;
	/** Whether PKCE let the request through (later checks, such as code reuse, may still refuse it). */
	passed: boolean;
}

export interface ScenarioRun {
	scenario: ScenarioId;
	/** The MCP revision whose rules the client followed. */
	revision: McpRevision;
	steps: Step[];
}

export type ScenarioId =
	| 's256'
	| 'hijack'
	| 'no-pkce'
	| 'plain'
	| 'downgrade'
	| 'replay'
	| 'injection'
	| 'mcp-discovery'
	| 'refresh-replay'
	| 'mix-up'
	| 'impersonation'
	| 'step-up'
	| 'discovery';

/**
 * The MCP specification revisions the playground's client can follow (client-rules.ts says what
 * each asks of it). Here, not in a module of their own, so the page's first load gets no extra chunk.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization
 */
export const MCP_REVISIONS = ['2025-06-18', '2025-11-25', '2026-07-28'] as const;
export type McpRevision = (typeof MCP_REVISIONS)[number];

/** The current revision (released 2026-07-28): the playground's default. */
export const CURRENT_REVISION: McpRevision = '2026-07-28';

export function isRevision(value: string | null | undefined): value is McpRevision {
	return (MCP_REVISIONS as readonly (string | null | undefined)[]).includes(value);
}
