/**
 * What an embedded playground tells the page around it. The embed posts a height message on load
 * and whenever its content changes size, so the host can size the iframe without a scrollbar.
 * No other message goes either way: the embed listens to nothing.
 */

export const HEIGHT_MESSAGE_TYPE = 'pkce-playground:height';

/** Bumped only if the message's meaning changes; hosts check it and ignore other versions. */
export const EMBED_MESSAGE_VERSION = 1;

export interface HeightMessage {
	type: typeof HEIGHT_MESSAGE_TYPE;
	/** The embed's content height in CSS pixels, rounded up to a whole pixel. */
	height: number;
	version: typeof EMBED_MESSAGE_VERSION;
}

/** The message for a content height (fractional pixels round up, so nothing is cut off). */
export function heightMessage(height: number): HeightMessage {
	return {
		type: HEIGHT_MESSAGE_TYPE,
		height: Math.ceil(height),
		version: EMBED_MESSAGE_VERSION
	};
}

/** True for a well-formed height message (postMessage data is untrusted input). */
export function isHeightMessage(data: unknown): data is HeightMessage {
	if (typeof data !== 'object' || data === null) return false;
	const { type, height, version } = data as Record<string, unknown>;
	return (
		type === HEIGHT_MESSAGE_TYPE &&
		version === EMBED_MESSAGE_VERSION &&
		typeof height === 'number' &&
		Number.isInteger(height) &&
		height >= 0
	);
}

/** A theme an embed can be told to use (`?theme=`); without one it follows the system. */
export type EmbedTheme = 'light' | 'dark';
