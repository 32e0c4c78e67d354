import {
	base64UrlEncode,
	computeCodeChallenge,
	generateCodeVerifier,
	type CodeChallengeMethod,
	type RandomOctets,
	type Sha256
} from '../pkce';
import { formPost, pageResponse, type Exchange, type Send } from './http';
import type { HttpRequest, HttpResponse, Knowledge } from './types';

/** Which PKCE method the client uses; 'none' is the weak client of the no-pkce scenario. */
export type PkceUse = CodeChallengeMethod | 'none';

export interface ClientOptions {
	client_id: string;
	/** The loopback port the client listens on for the redirect. */
	port: number;
	/** Another redirect URI instead (Live mode: the site's callback page, src/lib/live). */
	redirectUri?: string;
	/** The MCP server's URL, sent as the RFC 8707 `resource`. */
	resource: string;
	/** Default S256. */
	pkce?: PkceUse;
	/** Compare `state` on the callback; default true. */
	checksState?: boolean;
	/**
	 * Compare the callback's `iss` with the server the sign-in started with (RFC 9207 §2.4, MCP
	 * 2026-07-28); default false, as a 2025-11-25 client.
	 */
	checksIss?: boolean;
	/** The `scope` it asks for; none by default (the server then decides, RFC 6749 §3.3). */
	scope?: string;
	random: RandomOctets;
	sha256: Sha256;
}

/** What the client needs of a server, from its RFC 8414 metadata. */
export interface ServerEndpoints {
	issuer?: string;
	authorization_endpoint: string;
	token_endpoint: string;
	authorization_response_iss_parameter_supported?: boolean;
}

export type CallbackResult =
	| { accepted: true; code: string; response: HttpResponse }
	| { accepted: false; reason: string; response: HttpResponse };

/**
 * The loopback redirect URI of a native app on `port`, with the IP literal, not `localhost`.
 * @see https://www.rfc-editor.org/rfc/rfc8252#section-7.3
 */
export function loopbackRedirectUri(port: number): string {
	return `http://127.0.0.1:${port}/callback`;
}

/** The JSON-RPC call of a tool an MCP client makes over HTTP, with a bearer token if it has one. */
export function mcpToolCall(
	resource: string,
	access_token?: string,
	tool = 'list_notes'
): HttpRequest {
	return {
		method: 'POST',
		url: resource,
		headers: [
			['Content-Type', 'application/json'],
			['Accept', 'application/json, text/event-stream'],
			['MCP-Protocol-Version', '2025-11-25'],
			...(access_token ? [['Authorization', `Bearer ${access_token}`] as const] : [])
		],
		json: { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: tool } }
	};
}

/**
 * An MCP client: a public client (a CLI tool or desktop app) with a loopback redirect.
 * @see https://www.rfc-editor.org/rfc/rfc8252#section-6
 */
export class McpClient {
	readonly redirectUri: string;
	/** The scopes its next authorization request asks for (step-up widens them). */
	scope: string | undefined;
	private readonly options: Required<Omit<ClientOptions, 'scope' | 'redirectUri'>>;
	private endpoints: ServerEndpoints | undefined;
	private session: Knowledge = {};
	/** The server this sign-in's authorization request went to (RFC 9207 §2.4). */
	private sentTo: ServerEndpoints | undefined;

	constructor(options: ClientOptions) {
		this.options = { pkce: 'S256', checksState: true, checksIss: false, ...options };
		this.redirectUri = options.redirectUri ?? loopbackRedirectUri(options.port);
		this.scope = options.scope;
	}

	/** The PKCE method this client uses. */
	get pkce(): PkceUse {
		return this.options.pkce;
	}

	/** Uses endpoints the client already knows (scenarios that skip discovery). */
	useServer(metadata: Record<string, unknown>): void {
		this.endpoints = metadata as unknown as ServerEndpoints;
	}

	// #region make-verifier
	/**
	 * Starts a sign-in: a fresh `code_verifier`, its `code_challenge`, and a fresh `state`.
	 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
	 */
	async startSignIn(): Promise<void> {
		const { pkce, random, sha256 } = this.options;
		this.session = {};
		if (pkce !== 'none') {
			const code_verifier = generateCodeVerifier(43, random); // ← kept here, never put in a URL // #mark verifier
			const code_challenge = await computeCodeChallenge(code_verifier, pkce, sha256); // #mark challenge
			this.session = { code_verifier, code_challenge }; // ← the challenge goes via the browser
		}
		this.session.state = base64UrlEncode(random(16)); // #mark state
		this.sentTo = this.endpoints;
	}
	// #endregion make-verifier

	// #region authorize-request
	/**
	 * The authorization request URL the client opens in the system browser.
	 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.3
	 */
	authorizationUrl(): string {
		const { state, code_challenge } = this.session;
		const { client_id, pkce, resource } = this.options;
		const url = new URL(this.server().authorization_endpoint);
		url.searchParams.append('response_type', 'code');
		url.searchParams.append('client_id', client_id); // #mark client-id
		url.searchParams.append('redirect_uri', this.redirectUri); // #mark redirect
		if (this.scope) url.searchParams.append('scope', this.scope); // #mark scope
		url.searchParams.append('state', state ?? ''); // #mark state
		if (code_challenge !== undefined && pkce !== 'none') {
			url.searchParams.append('code_challenge', code_challenge); // ← S256: a hash; plain: the verifier // #mark challenge
			url.searchParams.append('code_challenge_method', pkce); // #mark method
		}
		url.searchParams.append('resource', resource); // RFC 8707: the token is for this server // #mark resource
		return url.href;
	}
	// #endregion authorize-request

	// #region handle-callback
	/**
	 * The loopback listener: checks `state`, then keeps the `code`.
	 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.12
	 */
	receiveCallback(url: string): CallbackResult {
		const query = new URL(url).searchParams;
		if (this.options.checksState && query.get('state') !== this.session.state) {
			// #mark check-state
			// ← a code from someone else's sign-in is dropped here (CSRF, RFC 6749 §10.12)
			return refuse('state does not match this sign-in; the code is ignored'); // #mark refuse
		}
		if (this.options.checksIss) {
			const iss = query.get('iss') ?? undefined; // #mark check-iss
			const expected = this.sentTo?.issuer;
			if (iss !== expected && (iss !== undefined || this.announcesIss())) {
				// ← RFC 9207 §2.4: another server's answer; the code must reach no token endpoint
				return refuse(`iss ${iss ?? '(absent)'} is not ${expected}, where this sign-in began`); // #mark refuse-iss
			}
		}
		const code = query.get('code');
		if (!code) return refuse(`the server answered ${query.get('error') ?? 'without a code'}`); // #mark no-code
		this.session.code = code; // #mark keep-code
		return { accepted: true, code, response: pageResponse(200, 'Signed in. Back to the app.') };
	}
	// #endregion handle-callback

	// #region redeem-code
	/**
	 * Exchanges the code for an access token, proving it holds the `code_verifier`.
	 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.5
	 */
	async redeem(send: Send): Promise<Exchange> {
		const { code, code_verifier } = this.session;
		if (!code) throw new Error('no authorization code to redeem');
		const request = formPost(this.server().token_endpoint, [
			['grant_type', 'authorization_code'],
			['code', code],
			['redirect_uri', this.redirectUri],
			['client_id', this.options.client_id],
			...(code_verifier ? [['code_verifier', code_verifier] as const] : []), // ← the proof
			['resource', this.options.resource]
		]);
		const response = await send(request);
		this.keepTokens(response);
		return { request, response };
	}
	// #endregion redeem-code

	// #region call-mcp
	/**
	 * Calls a tool on the MCP server with the access token as a bearer token.
	 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
	 */
	async callMcp(send: Send, tool?: string): Promise<Exchange> {
		const request = mcpToolCall(this.options.resource, this.session.access_token, tool);
		return { request, response: await send(request) };
	}
	// #endregion call-mcp

	/** What the client holds now. */
	knowledge(): Knowledge {
		return { ...this.session };
	}

	/** Keeps values it obtained some other way (a refresh, refresh-tokens.ts). */
	learn(values: Knowledge): void {
		Object.assign(this.session, values);
	}

	/** Drops values it must no longer use. */
	forget(...names: (keyof Knowledge)[]): void {
		for (const name of names) delete this.session[name];
	}

	/** RFC 9207 §2.4: a server that announces `iss` must send it; one that does not may omit it. */
	private announcesIss(): boolean {
		return this.sentTo?.authorization_response_iss_parameter_supported === true;
	}

	/** Keeps the tokens of a successful token response (a new refresh token replaces the old). */
	private keepTokens(response: HttpResponse): void {
		if (response.status !== 200) return;
		const { access_token, refresh_token } = response.json ?? {};
		if (typeof access_token === 'string') this.session.access_token = access_token;
		if (typeof refresh_token === 'string') this.session.refresh_token = refresh_token;
	}

	private server(): ServerEndpoints {
		if (!this.endpoints) throw new Error('the client has not discovered its authorization server');
		return this.endpoints;
	}
}

function refuse(reason: string): CallbackResult {
	return { accepted: false, reason, response: pageResponse(400, `Sign-in failed: ${reason}.`) };
}
