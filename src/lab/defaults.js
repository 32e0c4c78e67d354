/**
 * What the lab and the playground's Live mode and Watch page must agree on (the page imports
 * this file too, so it holds constants only).
 */

/** Default ports: the authorization server, and the MCP server beside it. */
export const DEFAULT_AS_PORT = 9400;
export const DEFAULT_MCP_PORT = 9401;

/** The playground's callback page under a site URL (static/live/callback/). */
export const CALLBACK_PATH = 'live/callback/';

/**
 * Watch: what the lab does for the next flow. Each adversarial mode breaks one thing a correct
 * client checks; `attacker` has the lab's attacker redeem the client's code first, without a
 * verifier.
 */
export const WATCH_MODES = /** @type {const} */ ([
	'normal',
	'no-pkce-metadata',
	'wrong-iss',
	'wrong-issuer',
	'wrong-resource',
	'attacker'
]);
