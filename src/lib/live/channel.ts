/**
 * How the site's callback page (static/live/callback/, a static file whose script repeats this
 * name; a test checks they agree) hands the lab's redirect to the
 * playground that started the sign-in: a message `{ type: LIVE_CHANNEL, url }` to the window that
 * opened it, and the same on a BroadcastChannel of this name (for a sign-in opened as a plain tab,
 * which has no opener). The playground checks `state` before it uses anything in it.
 */
export const LIVE_CHANNEL = 'pkce-playground-live';

/** What the playground answers once it took the URL: the callback page then closes itself. */
export const LIVE_ACK = 'pkce-playground-live-ack';

export interface LiveCallbackMessage {
	type: typeof LIVE_CHANNEL;
	/** The whole callback URL, with the code, state and iss (or an error). */
	url: string;
}

export function isLiveCallbackMessage(data: unknown): data is LiveCallbackMessage {
	return (
		!!data &&
		typeof data === 'object' &&
		(data as LiveCallbackMessage).type === LIVE_CHANNEL &&
		typeof (data as LiveCallbackMessage).url === 'string'
	);
}
