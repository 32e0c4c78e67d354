import {
	base64UrlEncode,
	computeCodeChallenge,
	isWellFormedCodeChallenge,
	validateCodeVerifier,
	type CodeChallengeMethod,
	type RandomOctets,
	type Sha256
} from '../pkce';
import { jsonResponse, oauthError, pageResponse, redirectResponse } from './http';
import type { RotatingRefreshTokens } from './refresh-tokens';
import type { HttpResponse, Knowledge, PkceCheck } from './types';

/** What a weak or a strict server does; scenarios switch these to show what each rule buys. */
export interface ServerPolicy {
	/** Refuse authorization requests without `code_challenge` (RFC 7636 §4.4.1, OAuth 2.1). */
	pkceRequired: boolean;
	/** Accept `code_challenge_method=plain` (RFC 9700 §2.1.1: clients SHOULD use S256). */
	allowPlain: boolean;
	/** Refuse a `code_verifier` for a code issued without a challenge (RFC 9700 §4.8.2). */
	downgradeProtection: boolean;
	/** Compare the verifier with the bound challenge at all; off only for the "broken server" demo. */
	checksVerifier: boolean;
	/** Publish `code_challenge_methods_supported` in the metadata (RFC 8414 §2). */
	publishesPkceMethods: boolean;
	/**
	 * Name itself in every authorization response, `iss` (RFC 9207 §2), and say so in the metadata:
	 * what lets a client that talks to several servers tell whose code it got (mix-up, RFC 9700
	 * §4.4). Off where a scenario has one server, so its redirects stay as short as before.
	 */
	issInResponse: boolean;
}

/** The strict defaults: what RFC 9700, OAuth 2.1 and MCP ask of the server that protects an MCP server. */
export const STRICT_POLICY: Readonly<ServerPolicy> = {
	pkceRequired: true,
	allowPlain: false,
	downgradeProtection: true,
	checksVerifier: true,
	publishesPkceMethods: true,
	issInResponse: false
};

export interface RegisteredClient {
	client_id: string;
	redirect_uris: string[];
}

export interface AuthorizationServerOptions {
	issuer: string;
	clients: RegisteredClient[];
	/** The RFC 8707 resource indicators this server issues tokens for. */
	resources: string[];
	policy?: Partial<ServerPolicy>;
	random: RandomOctets;
	sha256: Sha256;
	/** Milliseconds; only differences matter. */
	now: () => number;
	/** How long a code stays redeemable, in milliseconds (default 60 s). */
	codeLifetimeMs?: number;
	/**
	 * Issue a refresh token with every access token, rotated on each use (refresh-tokens.ts). Only
	 * the scenarios that show refresh tokens give one, so the others' token responses stay short.
	 */
	refreshTokens?: RotatingRefreshTokens;
	/**
	 * A lax server's memory of earlier approvals (keys made by `approvalOf`): with one, the server
	 * approves again without asking. RFC 8252 §8.6 and OAuth 2.1 §7.3.1 advise against that when
	 * the client's identity cannot be assured, as a public client's cannot: another app can present
	 * its `client_id`. The strict server has none and asks every time.
	 */
	approvals?: Set<string>;
	/**
	 * The scopes this server issues (`scopes_supported`). It leaves out any other scope a client
	 * asks for, as RFC 6749 §3.3 allows, and says in the token response what it issued. Without
	 * them the server ignores `scope`, as it did before scopes were part of a scenario.
	 */
	scopes?: readonly string[];
}

export type AuthorizeResult =
	| { kind: 'redirect'; location: string; response: HttpResponse }
	| { kind: 'error-page'; response: HttpResponse }
	/** The request is valid and the user is asked to sign in and approve (nothing issued yet). */
	| { kind: 'consent'; response: HttpResponse };

/** What the server knows about an access token it issued. */
export interface AccessTokenInfo {
	sub: string;
	client_id: string;
	/** The RFC 8707 resource the token is for (its audience), if the request named one. */
	resource: string | undefined;
	/** The scopes it grants, space-separated, when the server issues scopes. */
	scope?: string;
	active: boolean;
}

/**
 * One authorization the user gave one client (the "access authorization grant" of OAuth 2.1
 * §4.3.1): the code's tokens and every refresh of them belong to it, and are revoked with it.
 */
export interface Grant {
	sub: string;
	client_id: string;
	resource: string | undefined;
	scope?: string;
	accessTokens: string[];
}

export interface AuthorizationServer {
	readonly issuer: string;
	readonly policy: Readonly<ServerPolicy>;
	/** RFC 8414 metadata. */
	metadata(): Record<string, unknown>;
	/**
	 * Handles a GET to the authorization endpoint; `user` is who signed in and approved. With
	 * `approved` false the server checks the request and answers with its sign-in and consent
	 * page; the same request, resumed once the user approved, gets the code.
	 */
	authorize(url: string, user?: string, approved?: boolean, declined?: boolean): AuthorizeResult;
	/** Handles a POST to the token endpoint, given its form fields. */
	token(form: Record<string, string>): Promise<HttpResponse>;
	/** The resource server's in-process view of a token (no wire protocol is modelled for it). */
	lookupAccessToken(access_token: string): AccessTokenInfo | undefined;
	/**
	 * What the server holds of the latest sign-in: the `state` and `code_challenge` it received,
	 * the code it issued, the `code_verifier` it verified and the token it issued.
	 */
	knowledge(): Knowledge;
	/**
	 * The PKCE check of the latest token request, as the server performed it (RFC 7636 §4.6):
	 * undefined when that request never reached it, or when there was nothing to check (no
	 * challenge bound, no verifier sent) or the server does not check verifiers.
	 */
	pkceCheck(): PkceCheck | undefined;
}

/** Everything the server binds to a code it issues (RFC 7636 §4.4, RFC 6749 §4.1.3). */
interface CodeGrant {
	client_id: string;
	redirect_uri: string;
	/** RFC 6749 §4.1.3: the token request must repeat redirect_uri only if the request had it. */
	redirect_uri_sent: boolean;
	code_challenge: string | undefined;
	code_challenge_method: CodeChallengeMethod;
	resource: string | undefined;
	scope: string | undefined;
	sub: string;
	expiresAt: number;
	used: boolean;
	/** What redeeming the code created, once it was redeemed. */
	grant: Grant | undefined;
}

/**
 * Creates a simulated authorization server that follows RFC 6749, RFC 7636 and RFC 9700.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.4
 */
export function createAuthorizationServer(
	options: AuthorizationServerOptions
): AuthorizationServer {
	return new SimulatedAuthorizationServer(options);
}

/** How a server remembers that a user approved a client: a key of its `approvals`. */
export const approvalOf = (user: string, client_id: string) => `${user} ${client_id}`;

/** The loopback IP literals, as `URL.hostname` spells them (RFC 8252 §7.3). */
const LOOPBACK_IPS = ['127.0.0.1', '[::1]'];
/** MCP: the server SHOULD warn when the answer goes to an address on the user's own computer. */
const LOOPBACK_WARNING =
	' That is this computer, where other apps can listen: allow only if you just started signing in.';
const CODE_OCTETS = 32; // 256 bits, well above the 128 the simulation promises
const TOKEN_OCTETS = 32;

class SimulatedAuthorizationServer implements AuthorizationServer {
	readonly issuer: string;
	readonly policy: Readonly<ServerPolicy>;
	private readonly clients: Map<string, RegisteredClient>;
	private readonly resources: readonly string[];
	private readonly random: RandomOctets;
	private readonly sha256: Sha256;
	private readonly now: () => number;
	private readonly codeLifetimeMs: number;
	private readonly codes = new Map<string, CodeGrant>();
	private readonly tokens = new Map<string, AccessTokenInfo>();
	private readonly refreshTokens: RotatingRefreshTokens | undefined;
	private readonly approvals: Set<string> | undefined;
	private readonly scopes: readonly string[] | undefined;
	private latest: Knowledge = {};
	private latestCheck: PkceCheck | undefined;

	constructor(options: AuthorizationServerOptions) {
		this.issuer = options.issuer;
		this.policy = { ...STRICT_POLICY, ...options.policy };
		this.clients = new Map(options.clients.map((client) => [client.client_id, client]));
		this.resources = options.resources;
		this.random = options.random;
		this.sha256 = options.sha256;
		this.now = options.now;
		// RFC 6749 §4.1.2 recommends at most 10 minutes; real servers use far less.
		this.codeLifetimeMs = options.codeLifetimeMs ?? 60_000;
		this.refreshTokens = options.refreshTokens;
		this.approvals = options.approvals;
		this.scopes = options.scopes;
	}

	// #region metadata
	/** RFC 8414 §2 metadata; omitting code_challenge_methods_supported means "no PKCE". */
	metadata(): Record<string, unknown> {
		return {
			issuer: this.issuer,
			authorization_endpoint: `${this.issuer}/authorize`,
			token_endpoint: `${this.issuer}/token`,
			response_types_supported: ['code'],
			grant_types_supported: this.refreshTokens
				? ['authorization_code', 'refresh_token']
				: ['authorization_code'],
			token_endpoint_auth_methods_supported: ['none'],
			...(this.policy.publishesPkceMethods && {
				code_challenge_methods_supported: this.supportedMethods()
			}),
			...(this.policy.issInResponse && { authorization_response_iss_parameter_supported: true }),
			...(this.scopes && { scopes_supported: this.scopes })
		};
	}
	// #endregion metadata

	private supportedMethods(): CodeChallengeMethod[] {
		return this.policy.allowPlain ? ['S256', 'plain'] : ['S256'];
	}

	authorize(url: string, user = 'alice', approved = true, declined = false): AuthorizeResult {
		const query = new URL(url).searchParams;
		// RFC 6749 §3.1: a parameter sent without a value is treated as omitted.
		const param = (name: string) => query.get(name) || undefined;
		const state = param('state');

		// #region authorize-client-check
		const client = this.clients.get(param('client_id') ?? ''); // #mark client
		if (!client) {
			return errorPage('Unknown client_id. The server shows this page instead of redirecting.');
		}
		const requested = param('redirect_uri');
		const redirect_uri = requested ?? soleRedirectUri(client);
		if (!redirect_uri || !client.redirect_uris.some((r) => redirectUriMatches(r, redirect_uri))) {
			// #mark redirect
			// Redirecting to an unregistered URI would hand the code to whoever owns it.
			return errorPage('This redirect_uri is not registered for the client; no redirect.');
		}
		// #endregion authorize-client-check

		const fail = (error: string, error_description: string): AuthorizeResult => {
			const target = new URL(redirect_uri);
			target.searchParams.append('error', error);
			target.searchParams.append('error_description', error_description);
			if (state !== undefined) target.searchParams.append('state', state);
			if (this.policy.issInResponse) target.searchParams.append('iss', this.issuer); // RFC 9207 §2
			return { kind: 'redirect', location: target.href, response: redirectResponse(target.href) };
		};
		const responseType = param('response_type');
		if (responseType !== 'code') {
			return responseType
				? fail('unsupported_response_type', 'only response_type=code is supported')
				: fail('invalid_request', 'response_type is required');
		}

		// #region authorize-pkce
		const code_challenge = param('code_challenge');
		const method = param('code_challenge_method') ?? 'plain'; // RFC 7636 §4.3 default
		if (code_challenge === undefined) {
			// #mark present
			// ← RFC 7636 §4.4.1: no challenge, no code
			if (this.policy.pkceRequired) return fail('invalid_request', 'code challenge required'); // #mark required
		} else if (!this.supportedMethods().some((supported) => supported === method)) {
			// #mark method
			return fail('invalid_request', 'transform algorithm not supported');
		} else if (!isWellFormedCodeChallenge(code_challenge, method as CodeChallengeMethod)) {
			return fail('invalid_request', `malformed code_challenge for ${method}`);
		}
		// #endregion authorize-pkce

		const resource = param('resource');
		if (resource !== undefined && !this.resources.includes(resource)) {
			return fail('invalid_target', 'unknown resource');
		}
		// RFC 6749 §3.3: with no scope it issues, the server fails the request (it has no default).
		const scope = this.grantable(param('scope'));
		if (this.scopes && !scope) return fail('invalid_scope', 'unknown scope');

		this.latest = {
			...(state !== undefined && { state }),
			...(code_challenge !== undefined && { code_challenge })
		};
		// #region authorize-consent
		if (declined) return fail('access_denied', 'the user declined'); // #mark declined
		const approval = approvalOf(user, client.client_id);
		const known = this.approvals?.has(approval); // ← a lax server remembers // #mark known
		if (!approved && !known) {
			// #mark ask
			const host = new URL(redirect_uri).hostname; // ← MCP: the consent page MUST show it
			const local = LOOPBACK_IPS.includes(host) || host === 'localhost';
			return {
				kind: 'consent',
				response: pageResponse(
					200,
					`Sign in, then allow ${client.client_id} to use ${resource ?? 'your account'}? You will return to ${host}.${local ? LOOPBACK_WARNING : ''}` // #mark warn
				)
			};
		}
		this.approvals?.add(approval); // #mark remember
		// #endregion authorize-consent

		// #region authorize-issue-code
		const code = base64UrlEncode(this.random(CODE_OCTETS)); // #mark code
		this.codes.set(code, {
			client_id: client.client_id,
			redirect_uri,
			redirect_uri_sent: requested !== undefined,
			code_challenge, // ← the code is bound to the challenge (§4.4) // #mark bind
			code_challenge_method: method as CodeChallengeMethod,
			resource,
			scope,
			sub: user,
			expiresAt: this.now() + this.codeLifetimeMs,
			used: false,
			grant: undefined
		});
		const target = new URL(redirect_uri);
		target.searchParams.append('code', code);
		if (state !== undefined) target.searchParams.append('state', state); // #mark state
		if (this.policy.issInResponse) target.searchParams.append('iss', this.issuer); // #mark iss
		// #endregion authorize-issue-code
		this.latest = { ...this.latest, code };
		return { kind: 'redirect', location: target.href, response: redirectResponse(target.href) };
	}

	async token(form: Record<string, string>): Promise<HttpResponse> {
		this.latestCheck = undefined;
		const param = (name: string) => form[name] || undefined;
		const grantType = param('grant_type');
		if (grantType === undefined) return oauthError('invalid_request', 'grant_type is required');
		const refreshing = grantType === 'refresh_token' && this.refreshTokens;
		if (grantType !== 'authorization_code' && !refreshing) {
			return oauthError('unsupported_grant_type', `grant_type ${grantType} is not supported`);
		}
		const client_id = param('client_id');
		if (client_id === undefined || !this.clients.has(client_id)) {
			return oauthError('invalid_client', 'unknown client_id');
		}
		if (refreshing) {
			const form = {
				client_id,
				refresh_token: param('refresh_token'),
				resource: param('resource')
			};
			const grant = refreshing.refresh(form, (g) => this.revoke(g));
			return 'status' in grant ? grant : this.issue(grant);
		}
		const code = param('code');
		if (code === undefined) return oauthError('invalid_request', 'code is required');
		const code_verifier = param('code_verifier');
		if (
			code_verifier !== undefined &&
			this.policy.checksVerifier &&
			!validateCodeVerifier(code_verifier).valid
		) {
			return oauthError('invalid_request', 'code_verifier must be 43-128 unreserved characters');
		}

		// #region token-code-checks
		const grant = this.codes.get(code);
		if (!grant) return oauthError('invalid_grant', 'unknown authorization code');
		if (grant.client_id !== client_id) {
			return oauthError('invalid_grant', 'the code was issued to another client');
		}
		if (this.now() >= grant.expiresAt) {
			return oauthError('invalid_grant', 'the authorization code has expired');
		}
		const redirect_uri = param('redirect_uri');
		if (grant.redirect_uri_sent && redirect_uri === undefined) {
			return oauthError('invalid_request', 'redirect_uri is required');
		}
		if (grant.redirect_uri_sent && redirect_uri !== grant.redirect_uri) {
			return oauthError('invalid_grant', 'redirect_uri differs from the authorization request');
		}
		// #endregion token-code-checks

		// What the PKCE check below compares, recorded for the diagram; the record decides nothing.
		const check: PkceCheck = {
			...(grant.code_challenge !== undefined && {
				challenge: { value: grant.code_challenge, method: grant.code_challenge_method }
			}),
			...(code_verifier !== undefined && { verifier: code_verifier }),
			passed: false
		};
		if (this.policy.checksVerifier && (check.challenge || check.verifier !== undefined)) {
			this.latestCheck = check; // exactly when one of the two branches below runs
		}

		// #region token-verify-pkce
		if (this.policy.checksVerifier && grant.code_challenge !== undefined) {
			// #mark bound
			if (code_verifier === undefined) {
				return oauthError('invalid_grant', 'code_verifier required: the code has a challenge'); // #mark missing
			}
			const challenge = await computeCodeChallenge(
				// #mark recompute
				code_verifier,
				grant.code_challenge_method,
				this.sha256
			);
			// ← recompute from the verifier and compare (§4.6)
			check.derived = challenge; // recorded for the diagram
			if (!constantTimeEqual(challenge, grant.code_challenge)) {
				// #mark compare
				return oauthError('invalid_grant', 'code_verifier does not match the code_challenge'); // #mark mismatch
			}
		} else if (this.policy.checksVerifier && code_verifier !== undefined) {
			// #mark no-challenge
			// RFC 9700 §4.8.2: a verifier without a challenge means someone dropped the challenge.
			// OAuth 2.1 (-15 §3.2.4) lists this case under invalid_request.
			if (this.policy.downgradeProtection) {
				// #mark downgrade-check
				return oauthError('invalid_request', 'code_verifier sent, but the code has no challenge'); // #mark unbound
			}
		}
		// #endregion token-verify-pkce
		check.passed = true; // every refusal above has returned

		const resource = param('resource');
		if (resource !== undefined && resource !== grant.resource) {
			return oauthError('invalid_target', 'resource differs from the authorization request');
		}

		// #region token-reuse
		if (grant.used) {
			// #mark used
			// Only a request that passed every check above reaches this point. RFC 6749 §4.1.2:
			// MUST deny it, SHOULD revoke what the code already produced (this server does). A replay
			// with a wrong or missing verifier was refused above without revoking anything (OAuth 2.1
			// -15 §7.5.2), so a thief holding only the code cannot log the user out.
			if (grant.grant) this.revoke(grant.grant); // #mark revoke
			return oauthError('invalid_grant', 'authorization code already used; tokens revoked'); // #mark deny
		}
		// #endregion token-reuse

		grant.used = true;
		const { sub, resource: audience, scope } = grant;
		grant.grant = { sub, client_id, resource: audience, scope, accessTokens: [] };
		if (code_verifier !== undefined) this.latest = { ...this.latest, code_verifier };
		return this.issue(grant.grant);
	}

	// #region grant-scope
	/** The requested scopes this server issues (RFC 6749 §3.3: it may leave others out). */
	private grantable(requested: string | undefined): string | undefined {
		const known = requested?.split(' ').filter((scope) => this.scopes?.includes(scope)); // #mark known
		return known?.length ? known.join(' ') : undefined;
	}
	// #endregion grant-scope

	// #region token-issue
	/** A new access token (and, with refresh tokens on, a new refresh token) under `grant`. */
	private issue(grant: Grant): HttpResponse {
		const access_token = base64UrlEncode(this.random(TOKEN_OCTETS));
		const { sub, client_id, resource, scope } = grant;
		this.tokens.set(access_token, { sub, client_id, resource, scope, active: true });
		grant.accessTokens.push(access_token);
		const refresh_token = this.refreshTokens?.issue(grant);
		this.latest = { ...this.latest, access_token, ...(refresh_token && { refresh_token }) };
		const body = { access_token, token_type: 'Bearer', expires_in: 3600, ...(scope && { scope }) }; // #mark scope
		return jsonResponse(200, { ...body, ...(refresh_token && { refresh_token }) }, [
			['Cache-Control', 'no-store'], // RFC 6749 §5.1: tokens must not be cached
			['Pragma', 'no-cache']
		]);
	}
	// #endregion token-issue

	/** Revokes a grant: every access and refresh token issued under it stops working. */
	private revoke(grant: Grant): void {
		for (const token of grant.accessTokens) this.tokens.get(token)!.active = false;
		this.refreshTokens?.revoke(grant);
	}

	lookupAccessToken(access_token: string): AccessTokenInfo | undefined {
		const info = this.tokens.get(access_token);
		return info && { ...info };
	}

	knowledge(): Knowledge {
		return { ...this.latest };
	}

	pkceCheck(): PkceCheck | undefined {
		const check = this.latestCheck;
		return check && { ...check, ...(check.challenge && { challenge: { ...check.challenge } }) };
	}
}

function errorPage(message: string): AuthorizeResult {
	return { kind: 'error-page', response: pageResponse(400, message) };
}

function soleRedirectUri(client: RegisteredClient): string | undefined {
	return client.redirect_uris.length === 1 ? client.redirect_uris[0] : undefined;
}

// #region loopback-redirect-match
/** An http URL on a loopback IP literal, and its port: the one part RFC 8252 §7.3 lets vary. */
const LOOPBACK_URL = /^http:\/\/(?:127\.0\.0\.1|\[::1\])(?=[:/?]|$)/;
const LOOPBACK_PORT = /^(http:\/\/(?:127\.0\.0\.1|\[::1\])):\d{1,5}(?=[/?]|$)/;

/**
 * Exact string match, except that a loopback IP literal matches on any port: a CLI or desktop
 * app binds whatever port is free when it starts. The strings are compared, not parsed URLs, so
 * `http://user@127.0.0.1/…` or `http://127.1/…` is not taken for the registered URI.
 * @see https://www.rfc-editor.org/rfc/rfc8252#section-7.3
 */
export function redirectUriMatches(registered: string, requested: string): boolean {
	if (registered === requested) return true;
	const portless = (uri: string) => uri.replace(LOOPBACK_PORT, '$1'); // #mark any-port
	return LOOPBACK_URL.test(registered) && portless(registered) === portless(requested);
}
// #endregion loopback-redirect-match

/**
 * Compares two strings in time that depends on their lengths only, not on the first difference:
 * good practice when comparing secrets (RFC 7636 §4.6 requires the comparison, not its timing).
 */
export function constantTimeEqual(a: string, b: string): boolean {
	let difference = a.length ^ b.length;
	for (let i = 0; i < Math.max(a.length, b.length); i++) {
		// Past the end of the shorter string charCodeAt is NaN, which XOR treats as 0.
		difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
	}
	return difference === 0;
}
