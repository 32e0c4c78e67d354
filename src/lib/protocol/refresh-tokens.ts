import { base64UrlEncode, type RandomOctets } from '../pkce';
import type { Grant } from './authorization-server';
import { formPost, oauthError, type Exchange, type Send } from './http';
import type { HttpResponse, Knowledge } from './types';

const TOKEN_OCTETS = 32;

/**
 * Refresh tokens for a public client, rotated: each is good for one refresh, which returns the
 * next (OAuth 2.1 §4.3.1: a public client's refresh tokens must be rotated or sender-constrained).
 * An authorization server that issues refresh tokens is given one of these; the scenarios that
 * show them load it, so the first page does not.
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2
 */
export class RotatingRefreshTokens {
	private readonly tokens = new Map<string, { grant: Grant; used: boolean; active: boolean }>();

	constructor(private readonly random: RandomOctets) {}

	/** A new refresh token under `grant`. */
	issue(grant: Grant): string {
		const refresh_token = base64UrlEncode(this.random(TOKEN_OCTETS));
		this.tokens.set(refresh_token, { grant, used: false, active: true });
		return refresh_token;
	}

	// #region token-refresh
	/**
	 * The grant a refresh request may get new tokens for, or the error to answer. A refresh token
	 * that comes back after it was used means two parties hold a copy, and the server cannot tell
	 * which is the client: `revokeGrant` revokes everything issued under the grant.
	 */
	refresh(
		form: { client_id: string; refresh_token?: string; resource?: string },
		revokeGrant: (grant: Grant) => void
	): Grant | HttpResponse {
		if (!form.refresh_token) return oauthError('invalid_request', 'refresh_token is required');
		const held = this.tokens.get(form.refresh_token);
		if (!held || held.grant.client_id !== form.client_id) {
			return oauthError('invalid_grant', 'unknown refresh token');
		}
		if (held.used) {
			// #mark replay
			// ← OAuth 2.1 §4.3.1: revoke the active refresh token and the grant behind it
			revokeGrant(held.grant); // #mark revoke
			return oauthError('invalid_grant', 'refresh token already used; the grant is revoked'); // #mark deny
		}
		if (!held.active) return oauthError('invalid_grant', 'the grant was revoked'); // #mark revoked
		if (form.resource !== undefined && form.resource !== held.grant.resource) {
			return oauthError('invalid_target', 'resource differs from the grant');
		}
		held.used = true; // ← rotation: this one is spent, the answer carries the next // #mark rotate
		return held.grant;
	}
	// #endregion token-refresh

	/** Every refresh token of `grant` stops working. */
	revoke(grant: Grant): void {
		for (const held of this.tokens.values()) if (held.grant === grant) held.active = false;
	}
}

/** Whoever holds a refresh token: the client, or the attacker with a copy. */
export interface TokenHolder {
	knowledge(): Knowledge;
	learn(values: Knowledge): void;
	forget(...names: (keyof Knowledge)[]): void;
}

// #region refresh-token
/**
 * Trades the holder's refresh token for new tokens (RFC 6749 §6). Under rotation the answer
 * carries a new refresh token and the old one is spent: the holder keeps only the new one. When
 * the server refuses, the tokens are dead: a client must sign in again, with a new verifier.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 */
export async function refresh(
	holder: TokenHolder,
	send: Send,
	to: { token_endpoint: string; client_id: string; resource: string }
): Promise<Exchange> {
	const { refresh_token } = holder.knowledge();
	if (!refresh_token) throw new Error('no refresh token');
	const request = formPost(to.token_endpoint, [
		['grant_type', 'refresh_token'],
		['refresh_token', refresh_token], // #mark send
		['client_id', to.client_id],
		['resource', to.resource]
	]);
	const response = await send(request);
	const { access_token, refresh_token: next } = response.json ?? {};
	if (response.status === 200 && typeof access_token === 'string' && typeof next === 'string') {
		holder.learn({ access_token, refresh_token: next }); // ← the old one is discarded (OAuth 2.1 §4.3.2) // #mark rotate
	} else {
		holder.forget('access_token', 'refresh_token'); // #mark sign-in-again
	}
	return { request, response };
}
// #endregion refresh-token
