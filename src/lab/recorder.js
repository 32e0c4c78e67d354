/**
 * Watch (the site's /watch/ page): the lab's record of what MCP clients send it. Every request the
 * two servers receive, with their answer, in arrival order, grouped in client sessions, in memory
 * only; streamed to the Watch page as Server-Sent Events from 127.0.0.1. Also the lab's behaviour
 * for the next flow (its Watch modes, some deliberately adversarial).
 *
 * The shapes mirror the protocol core's HttpRequest and HttpResponse (src/lib/protocol/types.ts),
 * so the page draws a recorded message with the same components as a simulated one.
 */

import { WATCH_MODES } from './defaults.js';

export { WATCH_MODES };

/** @typedef {(typeof WATCH_MODES)[number]} WatchMode */
/** @typedef {readonly [string, string]} Field */
/**
 * @typedef {object} RecordedExchange
 * @property {number} seq 1, 2, 3… in arrival order.
 * @property {number} session The client session it belongs to.
 * @property {number} at Milliseconds since the lab started.
 * @property {'as' | 'mcp'} server Which lab server answered.
 * @property {'client' | 'browser' | 'attacker'} from Who sent it, as far as the lab can tell: the
 *   user's browser for the authorization endpoint, the lab's own attacker in attacker mode, else
 *   the client.
 * @property {WatchMode} mode The lab's mode when it answered.
 * @property {{ method: string, url: string, headers: Field[], form?: Field[], json?: unknown }} request
 * @property {{ status: number, statusText: string, headers: Field[], json?: unknown, text?: string }} response
 */
/**
 * @typedef {{ type: 'exchange', exchange: RecordedExchange } | { type: 'mode', mode: WatchMode } | { type: 'reset', session: number }} WatchEvent
 */

/** Request headers worth showing (the rest is transport). */
const REQUEST_HEADERS = [
	'authorization',
	'content-type',
	'accept',
	'mcp-protocol-version',
	'mcp-session-id',
	'origin',
	'user-agent'
];
const RESPONSE_HEADERS = [
	'location',
	'www-authenticate',
	'content-type',
	'cache-control',
	'mcp-session-id'
];
/** A session with no request for this long ends; the next request starts another. */
const IDLE_MS = 10 * 60_000;
/** The record keeps this many exchanges (the oldest go first). */
const LIMIT = 2000;
/** A body longer than this is cut (the record is for reading, not for replay). */
const BODY_LIMIT = 16_000;

/**
 * @param {Record<string, string | string[] | number | undefined>} headers
 * @param {string[]} names
 * @returns {Field[]}
 */
export function pickHeaders(headers, names) {
	/** @type {Field[]} */
	const out = [];
	for (const name of names) {
		const value = headers[name];
		if (value === undefined) continue;
		out.push([name, Array.isArray(value) ? value.join(', ') : String(value)]);
	}
	return out;
}

/** @param {string} text @param {string | undefined} type */
export function bodyOf(text, type) {
	if (!text) return {};
	if (type?.includes('json')) {
		try {
			return { json: JSON.parse(text) };
		} catch {
			/* shown as text */
		}
	}
	if (type?.includes('event-stream')) {
		// A Streamable HTTP answer as SSE: the JSON-RPC message is the data line.
		const data = /^data: (.*)$/m.exec(text)?.[1];
		if (data) return bodyOf(data, 'application/json');
	}
	if (type?.includes('html')) return { text: '(an HTML page)' };
	return { text: text.length > BODY_LIMIT ? `${text.slice(0, BODY_LIMIT)}…` : text };
}

export { REQUEST_HEADERS, RESPONSE_HEADERS };

export class Recorder {
	/** @type {RecordedExchange[]} */
	exchanges = [];
	/** @type {WatchMode} */
	mode = 'normal';
	/** Off while the lab starts (its own metadata fetches are not a client's). */
	recording = false;
	#seq = 0;
	#session = 0;
	#sessionDone = true;
	/** Whether the current session holds more than its opening unauthenticated MCP requests. */
	#sessionMoved = false;
	#last = 0;
	#start;
	/** @type {Set<(event: WatchEvent) => void>} */
	#listeners = new Set();

	/** @param {() => number} [now] */
	constructor(now = Date.now) {
		this.now = now;
		this.#start = now();
		/** This lab run: a page that sees another one (the lab restarted) starts its record afresh. */
		this.id = crypto.randomUUID();
	}

	/**
	 * A new mode is a new experiment: the next request starts another session.
	 * @param {WatchMode} mode
	 */
	setMode(mode) {
		this.mode = mode;
		this.#sessionDone = true;
		this.#emit({ type: 'mode', mode });
	}

	/** Ends the current session: the next request starts another (the Watch page's "New session"). */
	newSession() {
		this.#sessionDone = true;
		this.#emit({ type: 'reset', session: this.#session + 1 });
	}

	/**
	 * Adds one exchange. A new session starts with an MCP request without a token once the current
	 * session has gone past its opening requests (a client starting over, after a refused flow
	 * too); with any metadata fetch once the session finished (its client called the MCP server
	 * with a token and was answered) or the reader changed the mode or asked for a new session; and
	 * after ten idle minutes.
	 * @param {Omit<RecordedExchange, 'seq' | 'session' | 'at'>} exchange The mode it was answered in.
	 */
	add(exchange) {
		if (!this.recording) return undefined;
		const at = this.now() - this.#start;
		const bare = isBareMcpRequest(exchange);
		const starts = bare || new URL(exchange.request.url).pathname.startsWith('/.well-known/');
		if (
			(this.#sessionDone && starts) ||
			(bare && this.#sessionMoved) ||
			at - this.#last > IDLE_MS ||
			this.#session === 0
		) {
			this.#session += 1;
			this.#sessionDone = false;
			this.#sessionMoved = false;
		}
		if (!bare) this.#sessionMoved = true;
		this.#last = at;
		/** @type {RecordedExchange} */
		const full = { seq: ++this.#seq, session: this.#session, at, ...exchange };
		if (
			exchange.server === 'mcp' &&
			exchange.request.headers.some(([name]) => name === 'authorization') &&
			exchange.response.status < 300
		) {
			this.#sessionDone = true;
		}
		this.exchanges.push(full);
		if (this.exchanges.length > LIMIT) this.exchanges.shift();
		this.#emit({ type: 'exchange', exchange: full });
		return full;
	}

	/** How many pages may follow the record at once (each holds a connection open). */
	static MAX_LISTENERS = 16;

	/**
	 * @param {(event: WatchEvent) => void} listener
	 * @returns {(() => void) | undefined} undefined when too many already follow
	 */
	subscribe(listener) {
		if (this.#listeners.size >= Recorder.MAX_LISTENERS) return undefined;
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** @param {WatchEvent} event */
	#emit(event) {
		for (const listener of this.#listeners) listener(event);
	}
}

/**
 * An MCP request without a token (not a metadata fetch): where a client's flow begins.
 * @param {Pick<RecordedExchange, 'server' | 'request'>} exchange
 */
function isBareMcpRequest({ server, request }) {
	if (server !== 'mcp' || new URL(request.url).pathname.startsWith('/.well-known/')) return false;
	return !request.headers.some(([name]) => name === 'authorization');
}
