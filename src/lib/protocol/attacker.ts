import { generateCodeVerifier, type RandomOctets, type Sha256 } from '../pkce';
import { mcpToolCall } from './client';
import { formPost, pageResponse, type Exchange, type Send } from './http';
import type { HttpRequest, HttpResponse, Knowledge } from './types';

/** Every way the attacker tries to turn a code it does not own into a token. */
export type AttackStrategy =
	| 'no-verifier'
	| 'guessed-verifier'
	| 'challenge-as-verifier'
	| 'captured-verifier'
	| 'replay'
	| 'inject';

/** The strategies that send the stolen code straight to the token endpoint. */
export type RedeemStrategy =
	'no-verifier' | 'guessed-verifier' | 'challenge-as-verifier' | 'captured-verifier';

export interface AttackerOptions {
	/** The honest client's public identifier, which the attacker reuses. */
	client_id: string;
	resource: string;
	authorization_endpoint: string;
	token_endpoint: string;
	random: RandomOctets;
	sha256: Sha256;
	/** The account the attacker signs in with in its own flows. */
	user?: string;
}

/**
 * A malicious app on the same machine as the MCP client: the attacker of RFC 7636 §1.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-1
 */
export class Attacker {
	readonly user: string;
	/** What it knows of the honest client (all public) and its own means. */
	readonly options: AttackerOptions;
	private readonly notebook: Knowledge = {};
	private redirectUri: string | undefined;

	constructor(options: AttackerOptions) {
		this.options = options;
		this.user = options.user ?? 'mallory';
	}

	// #region observe-response
	/**
	 * Case 4a: it observes the authorization response (e.g. an app registered for the same
	 * redirect). The client receives it too, so both hold the code; with PKCE, who reaches the
	 * token endpoint first does not matter.
	 * @see https://www.rfc-editor.org/rfc/rfc7636#section-1
	 */
	observeRedirect(location: string): void {
		const url = new URL(location);
		this.copy(url.searchParams, 'code', 'state'); // #mark copy
		this.redirectUri = url.origin + url.pathname;
	}
	// #endregion observe-response

	// #region hijack-redirect
	/**
	 * It answers the redirect itself (RFC 8252 §8.1): only the attacker gets the code, and the
	 * real client's sign-in never completes.
	 * @see https://www.rfc-editor.org/rfc/rfc8252#section-8.1
	 */
	takeRedirect(request: HttpRequest): HttpResponse {
		this.observeRedirect(request.url); // #mark take
		return pageResponse(200, 'Signed in. You can close this window.');
	}
	// #endregion hijack-redirect

	// #region read-request
	/**
	 * Case 4b: it also reads the authorization request (e.g. HTTP logs the OS leaks). With `plain`
	 * the `code_challenge` is the `code_verifier`, so it now holds the verifier too.
	 * @see https://www.rfc-editor.org/rfc/rfc7636#section-1
	 */
	readAuthorizationRequest(url: string): void {
		const query = new URL(url).searchParams;
		this.copy(query, 'code_challenge', 'state'); // #mark copy
		const challenge = query.get('code_challenge');
		if (challenge && query.get('code_challenge_method') === 'plain') {
			this.notebook.code_verifier = challenge; // #mark plain-verifier
		}
	}
	// #endregion read-request

	// #region redeem-stolen-code
	/**
	 * Sends the code it took to the token endpoint, as the honest client would, with whatever
	 * it has in place of the `code_verifier`.
	 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.6
	 */
	async redeemStolenCode(strategy: RedeemStrategy, send: Send): Promise<Exchange> {
		const { code, code_challenge } = this.notebook;
		if (!code || !this.redirectUri) throw new Error('the attacker has no code');
		const code_verifier = {
			'no-verifier': () => undefined, // #mark no-verifier
			'guessed-verifier': () => generateCodeVerifier(43, this.options.random), // ← 1 in 2^256 // #mark guess
			'challenge-as-verifier': () => code_challenge, // #mark challenge
			'captured-verifier': () => this.notebook.code_verifier // ← the client sent it the real one // #mark captured
		}[strategy]();
		const request = formPost(this.options.token_endpoint, [
			['grant_type', 'authorization_code'],
			['code', code], // #mark code
			['redirect_uri', this.redirectUri],
			['client_id', this.options.client_id],
			...(code_verifier ? [['code_verifier', code_verifier] as const] : []),
			['resource', this.options.resource]
		]);
		return this.keepToken({ request, response: await send(request) });
	}
	// #endregion redeem-stolen-code

	// #region call-mcp-as-victim
	/** Uses a token it obtained against the MCP server: the user's data, in the attacker's hands. */
	async callMcp(send: Send, tool?: string): Promise<Exchange> {
		const request = mcpToolCall(this.options.resource, this.notebook.access_token, tool); // #mark bearer
		return { request, response: await send(request) };
	}
	// #endregion call-mcp-as-victim

	/** Notes what reached it some other way (its own server, hostile-server.ts; a refresh). */
	learn(values: Knowledge, redirectUri?: string): void {
		Object.assign(this.notebook, values);
		if (redirectUri) this.redirectUri = redirectUri;
	}

	/** Drops values that no longer work. */
	forget(...names: (keyof Knowledge)[]): void {
		for (const name of names) delete this.notebook[name];
	}

	/** The attacker's notebook: what it has learned or obtained so far. */
	knowledge(): Knowledge {
		return { ...this.notebook };
	}

	/** Keeps the tokens of a successful exchange. */
	keepToken(exchange: Exchange): Exchange {
		const { access_token, refresh_token } = exchange.response.json ?? {};
		if (exchange.response.status !== 200) return exchange;
		if (typeof access_token === 'string') this.notebook.access_token = access_token;
		if (typeof refresh_token === 'string') this.notebook.refresh_token = refresh_token;
		return exchange;
	}

	/** Copies the named parameters that a URL's query carries into its notebook. */
	copy(query: URLSearchParams, ...names: ('code' | 'state' | 'code_challenge')[]): void {
		for (const name of names) {
			const value = query.get(name);
			if (value) this.notebook[name] = value;
		}
	}
}
