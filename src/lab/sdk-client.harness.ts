/**
 * Test-only: a real MCP client, the official TypeScript SDK's (`Client` with
 * `StreamableHTTPClientTransport` and its OAuth support), run against the lab the way a CLI tool
 * runs it: it registers itself, opens the authorization URL (here the sign-in harness walks the
 * lab's pages), receives the code on a loopback listener, redeems it and calls `whoami`.
 *
 * Who does what, honestly: the SDK discovers, registers, makes the verifier and challenge, sends
 * the token request and the MCP calls. The `state`, and the checks on the callback (`state`, `iss`,
 * which port it came to), are this harness's: in SDK 1.32 `state` comes from the provider and
 * `finishAuth(code)` gets only the code.
 */
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
	UnauthorizedError,
	type OAuthClientProvider
} from '@modelcontextprotocol/sdk/client/auth.js';
import type {
	OAuthClientInformationMixed,
	OAuthTokens
} from '@modelcontextprotocol/sdk/shared/auth.js';
import { signInThroughPages } from './sign-in.harness';

export interface SdkRun {
	/** What `whoami` answered, when the client got that far. */
	answer?: string;
	/** Where it stopped, in the SDK's or the harness's words. */
	error?: string;
	/** What the harness's listener saw and checked on the callback. */
	callback?: { state: boolean; iss: string | null; issChecked: boolean };
}

export async function runSdkClient(
	mcpUrl: string,
	{ checkIss = true, name = 'alice' }: { checkIss?: boolean; name?: string } = {}
): Promise<SdkRun> {
	const listener = createServer();
	await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
	const port = (listener.address() as AddressInfo).port;
	const redirectUrl = `http://127.0.0.1:${port}/callback`;
	const state = randomBytes(16).toString('base64url');
	let client: OAuthClientInformationMixed | undefined;
	let tokens: OAuthTokens | undefined;
	let verifier = '';
	let authorizationUrl: URL | undefined;
	const provider: OAuthClientProvider = {
		redirectUrl,
		clientMetadata: {
			client_name: 'Watch test client (MCP TypeScript SDK)',
			redirect_uris: [redirectUrl],
			grant_types: ['authorization_code', 'refresh_token'],
			response_types: ['code'],
			token_endpoint_auth_method: 'none'
		},
		state: () => state,
		clientInformation: () => client,
		saveClientInformation: (info) => void (client = info),
		tokens: () => tokens,
		saveTokens: (saved) => void (tokens = saved),
		redirectToAuthorization: (url) => void (authorizationUrl = url),
		saveCodeVerifier: (v) => void (verifier = v),
		codeVerifier: () => verifier
	};
	const run: SdkRun = {};
	// The loopback listener: the harness's checks on the authorization response.
	const callback = new Promise<string>((resolve, reject) => {
		listener.on('request', (req, res) => {
			const url = new URL(req.url ?? '/', redirectUrl);
			const iss = url.searchParams.get('iss');
			const expected = authorizationUrl?.origin;
			run.callback = { state: url.searchParams.get('state') === state, iss, issChecked: checkIss };
			res.writeHead(200, { 'content-type': 'text/plain' }).end('You may close this window.');
			if (url.searchParams.get('state') !== state) return reject(new Error('state mismatch'));
			// RFC 9207 §2.4: compare iss with the issuer the request went to, before using the code.
			if (checkIss && iss !== null && iss !== expected) {
				return reject(new Error(`iss ${iss} is not ${expected}: the code is not used`));
			}
			const code = url.searchParams.get('code');
			if (code) resolve(code);
			else reject(new Error(url.searchParams.get('error') ?? 'no code'));
		});
	});
	callback.catch(() => undefined);
	const connect = async () => {
		const mcp = new Client({ name: 'watch-test-client', version: '1.0.0' });
		await mcp.connect(
			new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider })
		);
		return mcp;
	};
	try {
		let mcp: Client;
		try {
			mcp = await connect();
		} catch (error) {
			if (!(error instanceof UnauthorizedError) || !authorizationUrl) throw error;
			// The user signs in; the lab redirects the browser to the listener.
			const landing = await signInThroughPages(authorizationUrl.href, name);
			await fetch(landing);
			const code = await callback;
			const transport = new StreamableHTTPClientTransport(new URL(mcpUrl), {
				authProvider: provider
			});
			await transport.finishAuth(code);
			mcp = await connect();
		}
		const result = await mcp.callTool({ name: 'whoami' });
		const [first] = result.content as { type: string; text?: string }[];
		run.answer = first?.text;
		await mcp.close();
	} catch (error) {
		run.error = error instanceof Error ? error.message : String(error);
	} finally {
		listener.closeAllConnections();
		await new Promise((resolve) => listener.close(resolve));
	}
	return run;
}
