import { computeCodeChallenge, generateCodeVerifier } from '$lib/pkce';
import {
	createAuthorizationServer,
	type AuthorizationServer,
	type ServerPolicy
} from '$lib/protocol/authorization-server';
import { formPost, type Exchange } from '$lib/protocol/http';
import type { Field } from '$lib/protocol/types';
import {
	CLIENT_ID,
	ISSUER,
	LOOPBACK_PORT,
	MCP_RESOURCE,
	REGISTERED_REDIRECT_URI,
	type Environment
} from '$lib/protocol/world';

/** RFC 6749 §4.1.2's recommended maximum, so a learner has time to try things. */
export const WORKBENCH_CODE_LIFETIME_MS = 10 * 60_000;

const REDIRECT_URI = `http://127.0.0.1:${LOOPBACK_PORT}/callback`;

/**
 * What the learner sends as `code_verifier`: their own text (sent exactly, even empty), the
 * challenge itself, no verifier at all, the challenge with `code_challenge_method=plain` added
 * (a downgrade the token endpoint must ignore), or the real client's verifier.
 */
export type RedeemAttempt =
	| { kind: 'guess'; code_verifier: string }
	| { kind: 'challenge' }
	| { kind: 'missing' }
	| { kind: 'plain' }
	| { kind: 'client' };

export interface RedeemSession {
	/** The code the server issued, bound to the secret verifier's challenge (RFC 7636 §4.4). */
	readonly code: string;
	readonly code_challenge: string;
	/** The authorization request that obtained the code. */
	readonly authorizationRequest: string;
	readonly server: AuthorizationServer;
	/** Sends one token request to the simulated server and returns it with the real response. */
	redeem(attempt: RedeemAttempt): Promise<Exchange>;
	/** The secret verifier, for when the learner gives up guessing. */
	reveal(): string;
}

export interface RedeemOptions {
	policy?: Partial<ServerPolicy>;
	/** The verifier a (buggy) client made itself; by default 32 random octets from `env`. */
	verifier?: string;
}

/**
 * Plays an MCP client up to the token request: it makes a secret `code_verifier`, sends its S256
 * challenge to a simulated authorization server and holds the code. The learner then redeems the
 * code with whatever verifier they like, and the server answers as RFC 7636 §4.6 says.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.6
 */
export async function startRedeemSession(
	env: Environment,
	options: RedeemOptions = {}
): Promise<RedeemSession> {
	const server = createAuthorizationServer({
		issuer: ISSUER,
		clients: [{ client_id: CLIENT_ID, redirect_uris: [REGISTERED_REDIRECT_URI] }],
		resources: [MCP_RESOURCE],
		policy: options.policy,
		codeLifetimeMs: WORKBENCH_CODE_LIFETIME_MS,
		...env
	});
	const secret = options.verifier ?? generateCodeVerifier(43, env.random);
	const code_challenge = await computeCodeChallenge(secret, 'S256', env.sha256);
	const authorize = new URL(`${ISSUER}/authorize`);
	for (const [name, value] of [
		['response_type', 'code'],
		['client_id', CLIENT_ID],
		['redirect_uri', REDIRECT_URI],
		['code_challenge', code_challenge],
		['code_challenge_method', 'S256'],
		['resource', MCP_RESOURCE]
	]) {
		authorize.searchParams.append(name!, value!);
	}
	const result = server.authorize(authorize.href);
	const code =
		result.kind === 'redirect' ? new URL(result.location).searchParams.get('code') : null;
	if (!code) throw new Error('The simulated authorization server did not issue a code');

	return {
		code,
		code_challenge,
		authorizationRequest: authorize.href,
		server,
		async redeem(attempt) {
			const form: Field[] = [
				['grant_type', 'authorization_code'],
				['code', code],
				['redirect_uri', REDIRECT_URI],
				['client_id', CLIENT_ID],
				...verifierFields(attempt, secret, code_challenge),
				['resource', MCP_RESOURCE]
			];
			const request = formPost(`${ISSUER}/token`, form);
			return { request, response: await server.token(Object.fromEntries(form)) };
		},
		reveal: () => secret
	};
}

function verifierFields(attempt: RedeemAttempt, secret: string, challenge: string): Field[] {
	switch (attempt.kind) {
		case 'guess':
			return [['code_verifier', attempt.code_verifier]];
		case 'challenge':
			return [['code_verifier', challenge]];
		case 'missing':
			return [];
		case 'plain':
			// The method was bound to the code at authorization (§4.4); the server ignores this field.
			return [
				['code_verifier', challenge],
				['code_challenge_method', 'plain']
			];
		case 'client':
			return [['code_verifier', secret]];
	}
}
