/**
 * What the lab and the playground's Live mode must agree on (the page imports this file too, so it
 * holds constants only).
 */

/** Default ports: the authorization server, and the MCP server beside it. */
export const DEFAULT_AS_PORT = 9400;
export const DEFAULT_MCP_PORT = 9401;

/** The playground's callback page under a site URL (static/live/callback/). */
export const CALLBACK_PATH = 'live/callback/';
