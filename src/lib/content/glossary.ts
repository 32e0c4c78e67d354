import type { Citation } from './types';

export interface GlossaryEntry {
	/** As the spec spells it. */
	term: string;
	/** Plain prose; `backticks` mark wire names. */
	definition: string;
	cites: Citation[];
}

/** The words of the site, as the specifications use them, in alphabetical order. */
export const GLOSSARY: readonly GlossaryEntry[] = [
	{
		term: 'authorization code',
		definition:
			'The short-lived, single-use value the authorization server sends back through the redirect; the client trades it for tokens at the token endpoint.',
		cites: [{ spec: 'RFC 6749', section: '4.1.2' }]
	},
	{
		term: 'authorization server',
		definition:
			'Issues codes and tokens. In MCP it is a separate role from the MCP server, found through the MCP server’s protected resource metadata.',
		cites: [
			{ spec: 'RFC 9728', section: '2' },
			{ spec: 'MCP 2025-11-25', section: 'Authorization Server Discovery' }
		]
	},
	{
		term: 'back channel',
		definition:
			'A direct HTTPS request from the client to the server, such as the token request; no browser, no redirect. The `code_verifier` travels only here.',
		cites: [{ spec: 'RFC 7636', section: '4.5' }]
	},
	{
		term: 'base64url',
		definition:
			'Base64 with the URL-safe alphabet (`-` and `_` instead of `+` and `/`) and, for PKCE, no `=` padding.',
		cites: [
			{ spec: 'RFC 7636', section: '3' },
			{ spec: 'RFC 7636', section: 'Appendix A' }
		]
	},
	{
		term: 'client_id',
		definition:
			'The name a client is registered under at the authorization server. A public client’s `client_id` is not a secret: anyone can send it.',
		cites: [
			{ spec: 'RFC 6749', section: '4.1.3' },
			{ spec: 'RFC 8252', section: '6' }
		]
	},
	{
		term: 'code_challenge',
		definition:
			'What the client sends in the authorization request: BASE64URL-ENCODE(SHA256(ASCII(`code_verifier`))) for S256, the verifier itself for `plain`.',
		cites: [{ spec: 'RFC 7636', section: '4.2' }]
	},
	{
		term: 'code_challenge_method',
		definition:
			'`S256` or `plain`; optional in the authorization request, where it defaults to `plain`. The server binds it to the code.',
		cites: [
			{ spec: 'RFC 7636', section: '4.3' },
			{ spec: 'RFC 7636', section: '4.4' }
		]
	},
	{
		term: 'code_verifier',
		definition:
			'The client’s secret for one sign-in: 43 to 128 unreserved characters (letters, digits, `-`, `.`, `_`, `~`), best made from 32 random octets (bytes). It never passes through the browser: the client sends it once, in the token request.',
		cites: [
			{ spec: 'RFC 7636', section: '4.1' },
			{ spec: 'RFC 7636', section: '4.5' }
		]
	},
	{
		term: 'front channel',
		definition:
			'What passes through the browser: the authorization request URL and the redirect back with the `code`. Other apps on the machine may see it, so no secret may travel here.',
		cites: [
			{ spec: 'RFC 7636', section: '1' },
			{ spec: 'RFC 8252', section: '8.1' }
		]
	},
	{
		term: 'invalid_grant',
		definition:
			'The token endpoint’s error for a code that is unknown, expired, used, issued to another client, or sent with a different `redirect_uri`; RFC 7636 uses it for a `code_verifier` that does not match the bound challenge. For a missing verifier the specs fix no code: this site’s server answers `invalid_grant`, as oidc-provider does, and OAuth 2.1 lists a missing parameter under `invalid_request`.',
		cites: [
			{ spec: 'RFC 6749', section: '5.2' },
			{ spec: 'RFC 7636', section: '4.6' },
			{ spec: 'OAuth 2.1', section: '3.2.4' }
		]
	},
	{
		term: 'invalid_request',
		definition:
			'The error for a malformed request or one missing a required parameter. The authorization endpoint redirects with it when PKCE is required and there is no `code_challenge`, or when the method is not supported; OAuth 2.1 also lists under it a token request with a `code_verifier` for a code issued without a challenge.',
		cites: [
			{ spec: 'RFC 7636', section: '4.4.1' },
			{ spec: 'OAuth 2.1', section: '3.2.4' }
		]
	},
	{
		term: 'loopback redirect',
		definition:
			'A redirect URI such as `http://127.0.0.1:{port}/callback` on the computer’s own network interface, where a CLI or desktop app listens for the answer; the server must accept any port. Use the IP literal, not `localhost`.',
		cites: [
			{ spec: 'RFC 8252', section: '7.3' },
			{ spec: 'RFC 8252', section: '8.3' }
		]
	},
	{
		term: 'public client',
		definition:
			'A client that cannot keep a secret, such as an MCP CLI tool or desktop app: anything it carries can be read by whoever has it. Public clients must use PKCE.',
		cites: [
			{ spec: 'RFC 6749', section: '2.1' },
			{ spec: 'RFC 8252', section: '8.5' },
			{ spec: 'RFC 9700', section: '2.1.1' }
		]
	},
	{
		term: 'resource',
		definition:
			'The RFC 8707 parameter naming the MCP server a token is for; MCP clients send it in both the authorization and the token request.',
		cites: [
			{ spec: 'RFC 8707', section: '2' },
			{ spec: 'MCP 2025-11-25', section: 'Resource Parameter Implementation' }
		]
	},
	{
		term: 'state',
		definition:
			'A random value the client sends and checks on the redirect, so that a callback it did not start is refused.',
		cites: [{ spec: 'RFC 6749', section: '10.12' }]
	}
];
