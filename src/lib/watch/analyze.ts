/**
 * Watch's checks: what an MCP client's recorded flow shows about its discovery and its PKCE,
 * finding by finding, each beside the message it is about and citing what asks for it. The lab
 * sees only what reaches it: a check on what the client did with an answer (refused it, kept
 * going) is read from what the client sent next.
 *
 * Pure: the recorded exchanges in, findings and diagram steps out; the S256 transform is given.
 */
import type { Citation } from '$lib/content/types';
import { validateCodeVerifier, isWellFormedCodeChallenge } from '$lib/pkce/validate';
import { MCP_REVISIONS, type McpRevision } from '$lib/protocol/revisions';
import type { Finding, FindingStatus, RecordedExchange, WatchOptions } from './types';

const AS_METADATA_PATHS = [
	'/.well-known/oauth-authorization-server',
	'/.well-known/openid-configuration'
];

/** Whether the client is checked against `revision` or a later one. */
const since = (revision: McpRevision, first: McpRevision) =>
	MCP_REVISIONS.indexOf(revision) >= MCP_REVISIONS.indexOf(first);

const pathOf = (exchange: RecordedExchange) => new URL(exchange.request.url).pathname;
const queryOf = (exchange: RecordedExchange) => new URL(exchange.request.url).searchParams;
const formOf = (exchange: RecordedExchange) => new Map(exchange.request.form ?? []);
const header = (fields: readonly (readonly [string, string])[], name: string) =>
	fields.find(([key]) => key.toLowerCase() === name)?.[1];
const jsonOf = (exchange: RecordedExchange) =>
	exchange.response.json && typeof exchange.response.json === 'object'
		? (exchange.response.json as Record<string, unknown>)
		: undefined;

export const isResourceMetadata = (e: RecordedExchange) =>
	e.request.method === 'GET' && pathOf(e).startsWith('/.well-known/oauth-protected-resource');
export const isAsMetadata = (e: RecordedExchange) =>
	e.request.method === 'GET' && AS_METADATA_PATHS.some((path) => pathOf(e).startsWith(path));
/** The authorization request itself (not oidc-provider's `/auth/<uid>` resumes). */
export const isAuthorization = (e: RecordedExchange) =>
	e.server === 'as' && e.request.method === 'GET' && pathOf(e) === '/auth';
/** The answer that sends the browser back to the client: a redirect off the authorization server. */
export function authorizationResponse(e: RecordedExchange): URL | undefined {
	if (e.server !== 'as' || !pathOf(e).startsWith('/auth')) return undefined;
	const location = header(e.response.headers, 'location');
	if (!location) return undefined;
	const target = new URL(location, e.request.url);
	return target.origin === new URL(e.request.url).origin ? undefined : target;
}
export const isCodeRedemption = (e: RecordedExchange) =>
	e.server === 'as' &&
	e.request.method === 'POST' &&
	pathOf(e) === '/token' &&
	formOf(e).get('grant_type') === 'authorization_code';
export const isMcpCall = (e: RecordedExchange) => e.server === 'mcp' && pathOf(e) === '/mcp';

/** `resource_metadata="…"` of a 401's WWW-Authenticate (RFC 9728 §5.1). */
function resourceMetadataOf(e: RecordedExchange): string | undefined {
	const value = header(e.response.headers, 'www-authenticate');
	return value ? /resource_metadata="([^"]+)"/.exec(value)?.[1] : undefined;
}

const cite = (spec: Citation['spec'], section: string): Citation => ({ spec, section });
/**
 * A section of the MCP revision the client is checked against. The current revision split its
 * page into several, whose sections the site does not cite one by one: there, the page.
 */
const mcp = (revision: McpRevision, section: string): Citation =>
	revision === '2026-07-28'
		? cite('MCP 2026-07-28', 'Authorization')
		: cite(`MCP ${revision}`, section);
export const LEARN = {
	discovery: { label: 'MCP discovery, step by step', href: '#mcp-discovery/5' },
	noMethods: {
		label: 'A client refusing metadata without PKCE methods',
		href: '#mcp-discovery/4'
	},
	verifier: { label: 'Make a verifier in the workbench', href: 'workbench/#bench-title' },
	s256: { label: 'Why S256: plain’s challenge opens the code', href: '#plain/8' },
	state: { label: 'What state stops: the downgrade', href: '#downgrade/7' },
	check: { label: "The token endpoint's check", href: '#s256/9' },
	diagnose: { label: 'Diagnose an invalid_grant', href: 'workbench/#diagnose-title' },
	redirect: { label: 'Check a redirect URI in the workbench', href: 'workbench/#redirect-title' },
	mixUp: { label: 'The mix-up: a code sent to the wrong server', href: '#mix-up/7' },
	attacker: { label: 'The attacker who redeems first', href: '#s256/7' },
	bearer: { label: 'The call with the token', href: '#s256/10' }
} as const;

/**
 * Finds what one session of recorded exchanges shows. `earlier` holds the exchanges of the
 * sessions before it (a verifier or challenge seen there again is a reused one).
 */
export async function findingsOf(
	session: readonly RecordedExchange[],
	options: WatchOptions,
	earlier: readonly RecordedExchange[] = []
): Promise<Finding[]> {
	const { revision } = options;
	const findings: Finding[] = [];
	const add = (
		seq: number,
		check: string,
		status: FindingStatus,
		title: string,
		detail: string,
		cites: Citation[],
		learn: Finding['learn']
	) => findings.push({ seq, check, status, title, detail, cites, learn });

	const clientSent = session.filter((e) => e.from !== 'attacker');
	const first401 = clientSent.find((e) => isMcpCall(e) && e.response.status === 401);
	// The metadata the client got (a 404 on the way is a fallback, not the document).
	const prm = clientSent.find((e) => isResourceMetadata(e) && e.response.status === 200);
	const asMeta = clientSent.find((e) => isAsMetadata(e) && e.response.status === 200);
	const authorizations = clientSent.filter(isAuthorization);
	const redemptions = clientSent.filter(isCodeRedemption);
	const resource = prm ? jsonOf(prm)?.resource : undefined;
	const mcpResource = session.find(isMcpCall)?.request.url;
	// The resource the client must name: the MCP server it called (its canonical URL), else what
	// the protected resource metadata said.
	const expected = mcpResource ?? (typeof resource === 'string' ? resource : undefined);

	// Discovery (RFC 9728, RFC 8414; MCP 2025-06-18 and later).
	if (prm) {
		const advertised = first401 && resourceMetadataOf(first401);
		if (advertised && prm.request.url === advertised) {
			add(
				prm.seq,
				'resource-metadata',
				'pass',
				"Fetched the protected resource metadata from the 401's WWW-Authenticate",
				'The MCP server named its metadata in `resource_metadata`, and the client fetched exactly that URL.',
				[cite('RFC 9728', '5.1'), mcp(revision, 'Authorization Server Discovery')],
				LEARN.discovery
			);
		} else if (advertised) {
			add(
				prm.seq,
				'resource-metadata',
				'warn',
				'Fetched the protected resource metadata by the well-known fallback, though the 401 named it',
				`The 401 carried \`resource_metadata="${advertised}"\`; the client fetched \`${prm.request.url}\` instead. MCP 2025-11-25 and later: clients use the URL from WWW-Authenticate when it is there, and fall back to the well-known URIs only without it.`,
				[cite('RFC 9728', '5.1'), mcp(revision, 'Authorization Server Discovery')],
				LEARN.discovery
			);
		} else {
			add(
				prm.seq,
				'resource-metadata',
				'pass',
				'Fetched the protected resource metadata at its well-known URI',
				'Without a `resource_metadata` to follow, MCP 2025-11-25 and later send the client to the well-known URIs (2025-06-18 had servers always send it).',
				[cite('RFC 9728', '3'), mcp(revision, 'Authorization Server Discovery')],
				LEARN.discovery
			);
		}
		if (asMeta && asMeta.seq < prm.seq) {
			add(
				asMeta.seq,
				'discovery-order',
				'fail',
				'Fetched the authorization server metadata before the protected resource metadata',
				'The protected resource metadata names the authorization server (`authorization_servers`); a client that looks for a server first has guessed it.',
				[cite('RFC 9728', '2'), mcp(revision, 'Authorization Server Discovery')],
				LEARN.discovery
			);
		}
	} else if (asMeta || authorizations.length) {
		add(
			(asMeta ?? authorizations[0]!).seq,
			'resource-metadata',
			'fail',
			'Never fetched the protected resource metadata',
			'MCP clients must learn the authorization server from the MCP server’s protected resource metadata (RFC 9728), not from configuration or a guess.',
			[cite('RFC 9728', '3'), mcp(revision, 'Authorization Server Discovery')],
			LEARN.discovery
		);
	}
	if (asMeta) {
		add(
			asMeta.seq,
			'as-metadata',
			'pass',
			`Fetched the authorization server metadata at \`${pathOf(asMeta)}\``,
			'RFC 8414 metadata (MCP 2025-11-25 and later also accept OpenID Connect Discovery) says where to authorize, where to redeem and which PKCE methods the server supports.',
			[cite('RFC 8414', '3.1'), mcp(revision, 'Authorization Server Discovery')],
			LEARN.discovery
		);
	} else if (authorizations.length) {
		add(
			authorizations[0]!.seq,
			'as-metadata',
			'fail',
			'Sent an authorization request without fetching the authorization server metadata',
			'Without the metadata the client cannot know that the server supports PKCE, nor its real endpoints.',
			[cite('RFC 8414', '3.1'), mcp(revision, 'Authorization Server Discovery')],
			LEARN.discovery
		);
	}

	// The lab's adversarial modes: did the client stop where it had to?
	const prmMode = prm?.mode;
	if (prm && prmMode === 'wrong-resource') {
		const after = clientSent.filter((e) => e.seq > prm.seq);
		const went = after.find((e) => isAuthorization(e) || pathOf(e) === '/reg');
		const looked = after.find(isAsMetadata);
		add(
			went?.seq ?? looked?.seq ?? prm.seq,
			'resource-validated',
			went || looked ? 'fail' : 'pass',
			went
				? `Used protected resource metadata whose \`resource\` (${String(resource)}) is not the MCP server it asked`
				: looked
					? 'Used the wrong protected resource metadata: fetched the metadata of the authorization server it names (and stopped before registering or authorizing)'
					: 'Refused protected resource metadata whose `resource` is not the MCP server it asked',
			'The lab served metadata for another resource. RFC 9728 §3.3: the `resource` must be identical to the URL the client asked about; otherwise the metadata must not be used, including the `authorization_servers` it names: fetching that server’s metadata already uses it.',
			[cite('RFC 9728', '3.3')],
			LEARN.discovery
		);
	}
	if (asMeta && (asMeta.mode === 'no-pkce-metadata' || asMeta.mode === 'wrong-issuer')) {
		const went = authorizations.find((e) => e.seq > asMeta.seq);
		const required = asMeta.mode === 'wrong-issuer' || since(revision, '2025-11-25');
		if (asMeta.mode === 'no-pkce-metadata') {
			add(
				went?.seq ?? asMeta.seq,
				'pkce-support-checked',
				went ? (required ? 'fail' : 'warn') : 'pass',
				went
					? 'Went on to authorize although the metadata has no `code_challenge_methods_supported`'
					: 'Stopped: the metadata has no `code_challenge_methods_supported`',
				since(revision, '2025-11-25')
					? 'MCP 2025-11-25 and later: if `code_challenge_methods_supported` is absent, the authorization server does not support PKCE and the client MUST refuse to proceed.'
					: `MCP ${revision} asks for PKCE but says nothing about the absent field; from 2025-11-25, the client MUST refuse to proceed.`,
				[cite('RFC 8414', '2'), cite('MCP 2025-11-25', 'Authorization Code Protection')],
				LEARN.noMethods
			);
		} else {
			add(
				went?.seq ?? asMeta.seq,
				'issuer-validated',
				went ? 'fail' : 'pass',
				went
					? `Used authorization server metadata whose \`issuer\` (${String(jsonOf(asMeta)?.issuer)}) is not the issuer its well-known URL was built from`
					: 'Refused authorization server metadata whose `issuer` is not the issuer its well-known URL was built from',
				'RFC 8414 §3.3: the `issuer` must be identical to the issuer the metadata was fetched for, or the metadata must not be used; MCP 2026-07-28 names this check.',
				[cite('RFC 8414', '3.3'), cite('MCP 2026-07-28', 'Authorization')],
				LEARN.mixUp
			);
		}
	}

	// The authorization requests (RFC 7636 §4.3, RFC 8707 §2, RFC 8252).
	const seenChallenges = new Map<string, number>();
	const seenVerifiers = new Map<string, number>();
	const flaggedReuse = new Set<number>();
	for (const e of earlier) rememberPkce(e, seenChallenges, seenVerifiers);
	for (const auth of authorizations) {
		const query = queryOf(auth);
		const challenge = query.get('code_challenge');
		const method = query.get('code_challenge_method');
		if (!challenge) {
			add(
				auth.seq,
				'pkce-method',
				'fail',
				'The authorization request has no `code_challenge`: no PKCE',
				'Without a challenge, whoever holds the code can redeem it: the interception PKCE exists to stop.',
				[cite('RFC 7636', '1'), mcp(revision, 'Authorization Code Protection')],
				{ label: 'The no-pkce scenario', href: '#no-pkce/1' }
			);
		} else if (method === 'S256') {
			const shaped = isWellFormedCodeChallenge(challenge, 'S256');
			add(
				auth.seq,
				'pkce-method',
				shaped ? 'pass' : 'fail',
				shaped
					? '`code_challenge_method=S256`, with a 43-character challenge'
					: `\`code_challenge_method=S256\`, but the challenge (${challenge.length} characters) is not a base64url SHA-256`,
				'With S256 only the hash of the verifier travels through the browser; the verifier itself stays with the client until the token request.',
				[cite('RFC 7636', '4.2'), mcp(revision, 'Authorization Code Protection')],
				LEARN.verifier
			);
		} else {
			add(
				auth.seq,
				'pkce-method',
				'fail',
				method === 'plain'
					? '`code_challenge_method=plain`: the verifier travels through the browser'
					: 'No `code_challenge_method`, which means `plain`',
				'RFC 7636 §4.2: a client capable of S256 MUST use it; without a method the server takes `plain` (§4.3), and the challenge is the verifier itself. MCP 2025-11-25 and later: clients MUST use S256 when technically capable.',
				[
					cite('RFC 7636', '4.2'),
					cite('RFC 7636', '4.3'),
					cite('MCP 2025-11-25', 'Authorization Code Protection')
				],
				LEARN.s256
			);
		}
		if (challenge) {
			const plain = method !== 'S256';
			const reused = plain
				? (seenVerifiers.get(challenge) ?? seenChallenges.get(await options.s256(challenge)))
				: (seenChallenges.get(challenge) ??
					(await verifierBehind(challenge, seenVerifiers, options)));
			if (reused) flaggedReuse.add(auth.seq);
			add(
				auth.seq,
				'fresh-verifier',
				reused ? 'fail' : 'pass',
				reused
					? 'Reused a code_verifier: an earlier authorization request sent this challenge already'
					: 'A challenge not seen before: a fresh verifier for this authorization',
				'A verifier is made for one authorization request and used once (RFC 7636 §4.1). Its randomness cannot be measured from outside; what can be checked is that it is new each time, and its length and characters.',
				[cite('RFC 7636', '4.1'), cite('RFC 7636', '7.1')],
				LEARN.verifier
			);
		}
		rememberPkce(auth, seenChallenges, seenVerifiers);
		const state = query.get('state');
		add(
			auth.seq,
			'state',
			state ? 'pass' : 'warn',
			state ? '`state` is present' : 'No `state`',
			state
				? 'The client can check that the answer belongs to this request (RFC 6749 §10.12). Whether it compares it, the lab cannot see.'
				: 'Without `state` the client cannot tie the answer to its own request (CSRF, RFC 6749 §10.12). PKCE, where the server enforces it, also defeats CSRF (RFC 9700 §2.1); but against a server that makes PKCE optional, a client without `state` is open to the downgrade (RFC 9700 §4.8).',
			[cite('RFC 6749', '10.12'), cite('RFC 9700', '2.1'), cite('RFC 9700', '4.8')],
			LEARN.state
		);
		const redirect = query.get('redirect_uri');
		const host = redirect && URL.canParse(redirect) ? new URL(redirect) : null;
		const loopbackIp = host?.hostname === '127.0.0.1' || host?.hostname === '[::1]';
		add(
			auth.seq,
			'redirect-loopback',
			!host
				? 'fail'
				: loopbackIp
					? 'pass'
					: host.hostname === 'localhost'
						? 'warn'
						: host.protocol === 'http:'
							? 'fail'
							: 'info',
			!host
				? 'No usable `redirect_uri`'
				: loopbackIp
					? `Redirect to a loopback IP literal (\`${host.host}\`)`
					: host.hostname === 'localhost'
						? 'Redirect to `localhost`: NOT RECOMMENDED, use the IP literal'
						: host.protocol === 'http:'
							? `Redirect over plain http to \`${host.host}\`, which is not a loopback address`
							: `Redirect to \`${host.protocol}//${host.host}\``,
			'A native app using a loopback redirect listens on a loopback IP literal (`127.0.0.1` or `[::1]`), on any port the server must allow (RFC 8252 §7.3). `localhost` is NOT RECOMMENDED: the IP literal avoids listening by accident on other network interfaces and is less exposed to client firewalls and badly set-up name resolution (§8.3).',
			[cite('RFC 8252', '7.3'), cite('RFC 8252', '8.3')],
			LEARN.redirect
		);
		const sent = query.get('resource');
		add(
			auth.seq,
			'resource-authorize',
			resourceStatus(sent, expected, revision),
			resourceTitle(sent, expected, 'authorization request'),
			'MCP clients send the MCP server’s canonical URL as `resource` in both the authorization request and the token request, so the token is minted for that server alone.',
			[cite('RFC 8707', '2'), mcp(revision, 'Resource Parameter Implementation')],
			LEARN.bearer
		);
	}

	// The authorization responses, and what the client did with them.
	for (const e of session) {
		const target = authorizationResponse(e);
		if (!target || !target.searchParams.has('code')) continue;
		const iss = target.searchParams.get('iss');
		const issuer = new URL(e.request.url).origin;
		if (e.mode === 'wrong-iss' && iss !== null && iss !== issuer) {
			const code = target.searchParams.get('code');
			const redeemed = redemptions.find((r) => formOf(r).get('code') === code);
			const required = since(revision, '2026-07-28');
			add(
				redeemed?.seq ?? e.seq,
				'iss-checked',
				redeemed ? (required ? 'fail' : 'warn') : 'pass',
				redeemed
					? `Redeemed a code whose authorization response named another issuer (\`iss=${iss}\`)`
					: `Did not redeem the code whose authorization response named another issuer (\`iss=${iss}\`)`,
				'RFC 9207 §2.4: the client compares `iss` with the issuer it sent the request to, by simple string comparison, before sending the code to any token endpoint; MCP 2026-07-28 requires it. Where an app checks the callback itself (the SDK gets only the code), this is the app’s check.',
				[cite('RFC 9207', '2.4'), cite('MCP 2026-07-28', 'Authorization')],
				LEARN.mixUp
			);
		}
	}

	// The lab's attacker (attacker mode).
	for (const e of session.filter((x) => x.from === 'attacker' && isCodeRedemption(x))) {
		const error = jsonOf(e)?.error;
		const refused = e.response.status >= 400;
		// Only a refusal of the grant is PKCE's doing; another (invalid_client: the lab's attacker
		// could not pass as a confidential client) says nothing about the code's binding.
		add(
			e.seq,
			'attacker-refused',
			!refused ? 'fail' : error === 'invalid_grant' ? 'pass' : 'info',
			refused
				? `The lab’s attacker redeemed the code first, without a verifier, and this server answered \`${e.response.status} ${String(jsonOf(e)?.error ?? '')}\``
				: 'The lab’s attacker redeemed the code without a verifier, and got tokens',
			refused
				? 'The code was bound to the client’s challenge; only the verifier opens it (RFC 7636 §4.6). Which error a missing verifier gets is left open (oidc-provider answers `invalid_grant`; OAuth 2.1 lists `invalid_request` for a missing parameter). This server keeps the code valid after a failed attempt (the specs leave that to the server), so the client can still redeem it.'
				: 'Whoever held the code could redeem it: either the authorization request carried no challenge, or the server did not enforce it (RFC 9700 §2.1.1 says it must).',
			[cite('RFC 7636', '4.6'), cite('RFC 7636', '1'), cite('RFC 9700', '2.1.1')],
			LEARN.attacker
		);
	}

	// The token requests (RFC 7636 §4.5, §4.6; RFC 8707 §2).
	for (const r of redemptions) {
		const form = formOf(r);
		const verifier = form.get('code_verifier');
		const auth = authorizationOf(session, form.get('code'));
		const challenge = auth && queryOf(auth).get('code_challenge');
		if (!verifier) {
			add(
				r.seq,
				'verifier-sent',
				'fail',
				'The token request has no `code_verifier`',
				'Without the verifier the server cannot check that whoever redeems the code is who sent the challenge (RFC 7636 §4.5, §4.6).',
				[cite('RFC 7636', '4.5'), cite('RFC 7636', '4.6')],
				LEARN.check
			);
		} else {
			const valid = validateCodeVerifier(verifier);
			add(
				r.seq,
				'verifier-shape',
				valid.valid ? 'pass' : 'fail',
				valid.valid
					? `\`code_verifier\`: ${verifier.length} unreserved characters`
					: `\`code_verifier\` breaks RFC 7636 §4.1 (${valid.problem.kind})`,
				'43 to 128 characters of A–Z, a–z, 0–9, "-", ".", "_", "~" (RFC 7636 §4.1); 32 random octets in base64url make 43. Its entropy cannot be read from the wire.',
				[cite('RFC 7636', '4.1'), cite('RFC 7636', '7.1')],
				LEARN.verifier
			);
			const used = seenVerifiers.get(verifier);
			if (used && used !== auth?.seq && !(auth && flaggedReuse.has(auth.seq))) {
				add(
					r.seq,
					'fresh-verifier',
					'fail',
					'Sent a code_verifier already used in an earlier request',
					'A verifier serves one authorization and is sent once.',
					[cite('RFC 7636', '4.1')],
					LEARN.verifier
				);
			}
			seenVerifiers.set(verifier, r.seq);
			if (!auth) {
				add(
					r.seq,
					'verifier-matches',
					'info',
					'No recorded authorization request issued this code, so its verifier cannot be compared here',
					'The lab compares the verifier with the challenge of the authorization request whose answer carried the code; that request is not in this session.',
					[cite('RFC 7636', '4.6')],
					LEARN.check
				);
			} else if (challenge) {
				const method = queryOf(auth).get('code_challenge_method') === 'S256' ? 'S256' : 'plain';
				const derived = method === 'S256' ? await options.s256(verifier) : verifier;
				add(
					r.seq,
					'verifier-matches',
					derived === challenge ? 'pass' : 'fail',
					derived === challenge
						? `The verifier matches: ${method}(code_verifier) = the code_challenge of its authorization request`
						: 'The verifier does not match the code_challenge of its authorization request',
					'The server recomputes the challenge from the verifier and compares (RFC 7636 §4.6).',
					[cite('RFC 7636', '4.6')],
					derived === challenge ? LEARN.check : LEARN.diagnose
				);
			}
		}
		const sent = form.get('resource');
		add(
			r.seq,
			'resource-token',
			resourceStatus(sent, expected, revision),
			resourceTitle(sent, expected, 'token request'),
			'MCP clients send `resource` in the token request too (RFC 8707 §2), whatever the authorization server would default to.',
			[cite('RFC 8707', '2'), mcp(revision, 'Resource Parameter Implementation')],
			LEARN.bearer
		);
	}

	// The MCP calls with the token (RFC 6750 §2.1).
	const tokenAt = redemptions.find((r) => r.response.status === 200)?.seq;
	if (tokenAt !== undefined) {
		const after = clientSent.filter((e) => isMcpCall(e) && e.seq > tokenAt);
		// The scheme is case-insensitive (RFC 9110 §11.1), as in RFC 6750's examples.
		const bearer = after.find((e) =>
			/^bearer \S+$/i.test(header(e.request.headers, 'authorization') ?? '')
		);
		const bare = after.find((e) => !header(e.request.headers, 'authorization'));
		if (bearer) {
			add(
				bearer.seq,
				'bearer',
				bearer.response.status < 300 ? 'pass' : 'warn',
				`Called the MCP server with \`Authorization: Bearer …\` (answered ${bearer.response.status})`,
				'Every request to the MCP server carries the access token in the Authorization header.',
				[cite('RFC 6750', '2.1'), mcp(revision, 'Authorization')],
				LEARN.bearer
			);
		}
		if (!bearer && !bare) {
			add(
				tokenAt,
				'bearer',
				'info',
				'No call to the MCP server with the token (yet)',
				'Once it has a token, the client sends it in the Authorization header of every MCP request.',
				[cite('RFC 6750', '2.1'), mcp(revision, 'Authorization')],
				LEARN.bearer
			);
		}
		if (bare && (!bearer || bare.seq < bearer.seq)) {
			add(
				bare.seq,
				'bearer',
				'fail',
				'Called the MCP server without its token after getting one',
				'Every request to the MCP server carries the access token in the Authorization header.',
				[cite('RFC 6750', '2.1'), mcp(revision, 'Authorization')],
				LEARN.bearer
			);
		}
	}
	return findings.sort((a, b) => a.seq - b.seq);
}

function resourceStatus(
	sent: string | null | undefined,
	expected: string | undefined,
	revision: McpRevision
): FindingStatus {
	if (!sent) return since(revision, '2025-06-18') ? 'fail' : 'warn';
	return expected === undefined || sent === expected ? 'pass' : 'fail';
}

function resourceTitle(
	sent: string | null | undefined,
	expected: string | undefined,
	where: string
) {
	if (!sent) return `No \`resource\` in the ${where}`;
	if (expected !== undefined && sent !== expected)
		return `\`resource=${sent}\` in the ${where}, not the MCP server (${expected})`;
	return `\`resource\` in the ${where} names the MCP server`;
}

/** The authorization request whose answer carried `code`. */
export function authorizationOf(
	session: readonly RecordedExchange[],
	code: string | undefined
): RecordedExchange | undefined {
	if (!code) return undefined;
	const answer = session.find((e) => authorizationResponse(e)?.searchParams.get('code') === code);
	const state = answer && authorizationResponse(answer)?.searchParams.get('state');
	const auths = session.filter(isAuthorization);
	if (!answer) return undefined;
	if (state) return auths.findLast((e) => e.seq < answer.seq && queryOf(e).get('state') === state);
	// No state to match by: the last authorization request before the answer.
	return auths.findLast((e) => e.seq < answer.seq);
}

function rememberPkce(
	e: RecordedExchange,
	challenges: Map<string, number>,
	verifiers: Map<string, number>
) {
	if (isAuthorization(e)) {
		const query = queryOf(e);
		const challenge = query.get('code_challenge');
		if (!challenge) return;
		if (query.get('code_challenge_method') === 'S256') challenges.set(challenge, e.seq);
		else verifiers.set(challenge, e.seq);
	} else if (isCodeRedemption(e)) {
		const verifier = formOf(e).get('code_verifier');
		if (verifier) verifiers.set(verifier, e.seq);
	}
}

/** The seq of a verifier seen before whose S256 transform is `challenge`. */
async function verifierBehind(
	challenge: string,
	verifiers: Map<string, number>,
	options: WatchOptions
): Promise<number | undefined> {
	for (const [verifier, seq] of verifiers) {
		if ((await options.s256(verifier)) === challenge) return seq;
	}
	return undefined;
}
