/**
 * The Watch page's line to the lab: its event stream (Server-Sent Events from 127.0.0.1), the mode
 * for the next flow, a new session. Nothing here runs before the reader presses Connect.
 */
import { LiveError, loopbackUrl } from '$lib/live/wire';
import { WATCH_MODES, type RecordedExchange, type WatchMode } from './types';

export const isWatchMode = (value: unknown): value is WatchMode =>
	(WATCH_MODES as readonly unknown[]).includes(value);

/** The lab's address (its authorization server, which serves Watch), or a message. */
export const watchOrigin = (value: string): URL =>
	new URL(
		loopbackUrl(value, {
			who: 'Watch',
			example: "The lab prints its authorization server's, e.g. http://127.0.0.1:9400."
		}).origin
	);

/** One recorded exchange from the stream, if it has the shape the lab sends. */
export function parseExchange(data: string): RecordedExchange | undefined {
	let value: unknown;
	try {
		value = JSON.parse(data);
	} catch {
		return undefined;
	}
	const e = value as Partial<RecordedExchange> | null;
	const fields = (list: unknown) =>
		Array.isArray(list) &&
		list.every((f) => Array.isArray(f) && f.length === 2 && f.every((x) => typeof x === 'string'));
	if (
		!e ||
		typeof e.seq !== 'number' ||
		typeof e.session !== 'number' ||
		(e.server !== 'as' && e.server !== 'mcp') ||
		!['client', 'browser', 'attacker'].includes(String(e.from)) ||
		!isWatchMode(e.mode) ||
		typeof e.request?.url !== 'string' ||
		!URL.canParse(e.request.url) ||
		typeof e.request.method !== 'string' ||
		!fields(e.request.headers) ||
		(e.request.form !== undefined && !fields(e.request.form)) ||
		typeof e.response?.status !== 'number' ||
		!fields(e.response.headers)
	) {
		return undefined;
	}
	return e as RecordedExchange;
}

export interface WatchHandlers {
	open(): void;
	/**
	 * The lab's mode, its MCP server's URL and its run's id (the lab says them on connecting and
	 * with every change of mode; another id means the lab restarted, and its record with it).
	 */
	mode(mode: WatchMode, lab: { mcpUrl?: string; id?: string }): void;
	exchange(exchange: RecordedExchange): void;
	/** The lab began a new session (the reader asked for one). */
	session(): void;
	/** Nothing answers (never connected), or the lab went away (it retries by itself). */
	error(kind: 'unreachable' | 'lost'): void;
}

/** Follows the lab's record; `close()` stops. */
export function followLab(
	origin: URL,
	handlers: WatchHandlers,
	Source: typeof EventSource = EventSource
): { close(): void } {
	const source = new Source(new URL('/lab/watch/events', origin));
	let opened = false;
	source.addEventListener('open', () => {
		opened = true;
		handlers.open();
	});
	source.addEventListener('error', () => {
		// Closed for good (the lab refused this page): no retry is coming.
		if (!opened || source.readyState === Source.CLOSED) {
			// Nothing listening, or the lab does not allow this site: EventSource would keep
			// retrying in silence. Stop, and say what to do.
			source.close();
			handlers.error('unreachable');
		} else handlers.error('lost');
	});
	source.addEventListener('mode', (event) => {
		const { mode, mcpUrl, lab } = JSON.parse((event as MessageEvent<string>).data) as {
			mode?: unknown;
			mcpUrl?: unknown;
			lab?: unknown;
		};
		if (!isWatchMode(mode)) return;
		handlers.mode(mode, {
			...(typeof mcpUrl === 'string' && { mcpUrl }),
			...(typeof lab === 'string' && { id: lab })
		});
	});
	source.addEventListener('exchange', (event) => {
		const exchange = parseExchange((event as MessageEvent<string>).data);
		if (exchange) handlers.exchange(exchange);
	});
	source.addEventListener('session', () => handlers.session());
	return { close: () => source.close() };
}

/** Asks the lab to behave so for the next flow. */
export async function setLabMode(origin: URL, mode: WatchMode, fetch = globalThis.fetch) {
	const response = await fetch(new URL('/lab/watch/mode', origin), {
		method: 'POST',
		headers: { 'content-type': 'text/plain' },
		body: mode
	});
	if (!response.ok) throw new LiveError(await response.text());
}

/** Asks the lab to start a new session with the next request. */
export async function newLabSession(origin: URL, fetch = globalThis.fetch) {
	const response = await fetch(new URL('/lab/watch/session', origin), { method: 'POST' });
	if (!response.ok) throw new LiveError(await response.text());
}
