import type { Attacker } from './attacker';
import { McpClient, type CallbackResult } from './client';
import type { Exchange, Send } from './http';

/**
 * A malicious app on the user's machine that signs in as the honest client (MCP 2025-11-25,
 * "Localhost Redirect URI Risks"). PKCE cannot tell: the flow is its own from the start. Loaded
 * only by the scenario that shows it.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization
 */
export class Impersonation {
	private client: McpClient | undefined;

	/** The attacker's options hold what it knows of the honest client: all of it public. */
	constructor(private readonly attacker: Attacker) {}

	// #region impersonate
	/**
	 * Its own sign-in as the honest client: the same public `client_id`, a loopback port of its
	 * own and a `code_verifier` of its own. Returns the URL it opens in the user's browser.
	 */
	async start(port: number): Promise<string> {
		const { authorization_endpoint, token_endpoint, ...honest } = this.attacker.options;
		const client = new McpClient({ ...honest, port }); // ← the honest client's client_id // #mark same-id
		client.useServer({ authorization_endpoint, token_endpoint });
		await client.startSignIn(); // ← a verifier of its own: nothing stolen // #mark own-verifier
		const { code_verifier, code_challenge, state } = client.knowledge();
		this.attacker.learn({ code_verifier, code_challenge, state });
		this.client = client;
		return client.authorizationUrl();
	}
	// #endregion impersonate

	// #region impersonate-redeem

	/** Its listener on that port gets the server's answer, as the honest client's would. */
	receive(url: string): CallbackResult {
		const result = this.own().receiveCallback(url); // #mark listen
		if (result.accepted) this.attacker.learn({ code: result.code });
		return result;
	}

	/** It redeems the code as any client would: PKCE passes, the verifier is its own. */
	async redeem(send: Send): Promise<Exchange> {
		return this.attacker.keepToken(await this.own().redeem(send)); // #mark redeem
	}
	// #endregion impersonate-redeem

	private own(): McpClient {
		if (!this.client) throw new Error('no sign-in of its own');
		return this.client;
	}
}
