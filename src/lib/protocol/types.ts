/**
 * The data a scenario run hands to the UI. The UI renders and animates these steps; it never
 * computes protocol. Wire names keep their RFC spelling.
 */

/** The lanes of the sequence diagram, left to right. */
export type ActorId = 'client' | 'browser' | 'as' | 'mcp' | 'attacker';

export const ACTORS: readonly { id: ActorId; name: string; short: string }[] = [
	{ id: 'client', name: 'MCP client', short: 'Client' },
	{ id: 'browser', name: 'Browser', short: 'Browser' },
	{ id: 'as', name: 'Authorization server', short: 'Auth server' },
	{ id: 'mcp', name: 'MCP server', short: 'MCP server' },
	{ id: 'attacker', name: 'Attacker app', short: 'Attacker' }
];

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
	Record<'code_verifier' | 'code_challenge' | 'state' | 'code' | 'access_token', string>
>;

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

/** A reference to a spec section, checked against the project's list of sources. */
export interface Citation {
	spec: SpecId;
	/** e.g. "4.6", "Appendix B", "4.1.2.1" */
	section: string;
}

export type SpecId =
	| 'RFC 7636'
	| 'RFC 6749'
	| 'RFC 8252'
	| 'RFC 8414'
	| 'RFC 8707'
	| 'RFC 9700'
	| 'RFC 9728'
	| 'OAuth 2.1'
	| 'MCP 2025-11-25';

/** A named region (`// #region name` … `// #endregion name`) of a real source file under src/lib. */
export interface CodeRef {
	/** Path below src/lib, e.g. "protocol/client.ts". */
	file: string;
	region: string;
}

export interface Step {
	/** Stable within its scenario, URL-safe, e.g. "token-attacker". */
	id: string;
	title: string;
	from: ActorId;
	to: ActorId;
	kind: StepKind;
	request?: HttpRequest;
	response?: HttpResponse;
	/** Values shown as chips on the arrow, e.g. { code: "…" }. */
	carries: Knowledge;
	/** After this step, what each actor holds. */
	knowledge: Record<ActorId, Knowledge>;
	outcome: Outcome;
	/** Short narration in plain prose (may use `code` spans); cites via `cites`. */
	narration: string;
	cites: Citation[];
	code: CodeRef;
	/**
	 * Title of the part of the run this step belongs to, when a scenario compares several set-ups
	 * in one linear list (e.g. downgrade: four set-ups of server and client). Steps of one phase
	 * are adjacent; when a phase brings new actors, their knowledge starts afresh.
	 */
	phase?: string;
}

export interface ScenarioRun {
	scenario: ScenarioId;
	/** Variant of a scenario (e.g. "hijack" for s256), or undefined. */
	variant?: string;
	steps: Step[];
	/** One sentence: what this run shows. */
	summary: string;
}

export type ScenarioId =
	's256' | 'hijack' | 'no-pkce' | 'plain' | 'downgrade' | 'replay' | 'injection' | 'mcp-discovery';
