import type { Citation } from './types';

/** One paragraph of the primer; `backticks` mark wire names. */
export interface PrimerParagraph {
	text: string;
	cites: Citation[];
}

/**
 * Why PKCE, in three sentences: the page's opening paragraph, behind "Why PKCE". Data, not
 * component code, like the primer (static text need not be first-load JavaScript).
 */
export const WHY_PKCE: readonly PrimerParagraph[] = [
	{
		text: 'An MCP CLI tool or desktop app is a public client: it cannot keep a secret, and its authorization code comes back through a redirect that another app on the same machine may see.',
		cites: [{ spec: 'RFC 7636', section: '1' }]
	},
	{
		text: 'PKCE (Proof Key for Code Exchange) binds the code to a `code_verifier` that never travels through the browser: the client sends it once, straight to the token endpoint, and the server hands out tokens only to whoever proves they hold it.',
		cites: [
			{ spec: 'RFC 7636', section: '4.5' },
			{ spec: 'RFC 7636', section: '4.6' }
		]
	},
	{
		text: 'Public clients must use it, and so must every MCP client that does OAuth authorization over HTTP.',
		cites: [
			{ spec: 'RFC 9700', section: '2.1.1' },
			{ spec: 'MCP 2025-11-25', section: 'Authorization Code Protection' }
		]
	}
];

/**
 * What a reader who knows sign-in buttons but not PKCE needs before step 1, anchored on the
 * sign-in and consent screen everyone has seen.
 */
export const PRIMER: readonly PrimerParagraph[] = [
	{
		text: 'You click “Sign in” in an MCP client, a command-line tool or desktop app. It opens your browser at the authorization server: the page where you sign in and approve (“Allow notes-mcp-cli to read your notes?”).',
		cites: [{ spec: 'RFC 8252', section: '6' }]
	},
	{
		text: 'When you approve, the server sends the browser back to the app with an authorization `code`: a short-lived, one-time ticket that the app swaps for an access token (the key it shows the MCP server on every call) at the server’s token endpoint. This trip back is a redirect to a small web server the app runs on the loopback address `127.0.0.1`, which only this computer can reach.',
		cites: [
			{ spec: 'RFC 6749', section: '4.1.2' },
			{ spec: 'RFC 8252', section: '7.3' }
		]
	},
	{
		text: 'The app also sends a random `state` and checks that the same value comes back, so that it ignores answers to sign-ins it did not start.',
		cites: [{ spec: 'RFC 6749', section: '10.12' }]
	},
	{
		text: 'Such an app is a public client: whatever it carries, a secret included, can be read by anyone who has the app, so it cannot prove who it is with a secret.',
		cites: [
			{ spec: 'RFC 6749', section: '2.1' },
			{ spec: 'RFC 8252', section: '8.5' }
		]
	},
	{
		text: 'The weak spot is the redirect: it passes through the browser and the operating system, where another app on the same machine may see or take the `code`. PKCE makes a stolen code useless. For each sign-in the app makes a fresh secret, the `code_verifier`, and sends only its hash, the `code_challenge`, through the browser; to swap the code for a token it must show the verifier itself, in a direct request to the server.',
		cites: [
			{ spec: 'RFC 7636', section: '1' },
			{ spec: 'RFC 7636', section: '4.5' },
			{ spec: 'RFC 7636', section: '4.6' }
		]
	}
];
