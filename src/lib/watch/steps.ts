/**
 * A recorded session as the playground's steps, so the same sequence diagram, HTTP panels and
 * "who knows what" draw a builder's own client. Each step keeps the recorded request and answer
 * as they were; what each lane holds is what it sent or received so far (the lab cannot see what
 * a client keeps to itself, such as its verifier before the token request).
 */
import type { CodeRef, TaughtStep } from '$lib/content/types';
import { carriesOf } from '$lib/protocol/timeline';
import {
	ACTOR_IDS,
	type ActorId,
	type HttpRequest,
	type HttpResponse,
	type Knowledge,
	type Outcome,
	type PkceCheck,
	type StepKind
} from '$lib/protocol/types';
import {
	authorizationOf,
	authorizationResponse,
	isAsMetadata,
	isAuthorization,
	isCodeRedemption,
	isMcpCall,
	isResourceMetadata
} from './analyze';
import type { Finding, RecordedExchange, WatchOptions } from './types';

/** The playground's step, with the reference client's code where the playground has it. */
export type WatchStep = Omit<TaughtStep, 'code'> & { code?: CodeRef; seq: number };

/** The reference client's code for each kind of step (real regions of src/lib/protocol). */
export const WATCH_CODE = {
	challenge: { file: 'protocol/discovery.ts', region: 'discover-resource' },
	resourceMetadata: { file: 'protocol/discovery.ts', region: 'read-resource-metadata' },
	asMetadata: { file: 'protocol/discovery.ts', region: 'check-pkce-support' },
	authorize: { file: 'protocol/client.ts', region: 'authorize-request' },
	callback: { file: 'protocol/client.ts', region: 'handle-callback' },
	redeem: { file: 'protocol/client.ts', region: 'redeem-code' },
	attacker: { file: 'protocol/attacker.ts', region: 'redeem-stolen-code' },
	call: { file: 'protocol/client.ts', region: 'call-mcp' }
} as const satisfies Record<string, CodeRef>;

/** Sign-in hops inside the authorization server (its own pages): not the client's messages. */
const isSignInHop = (e: RecordedExchange) =>
	e.server === 'as' &&
	new URL(e.request.url).pathname.startsWith('/auth/') &&
	!authorizationResponse(e);

const pathOf = (url: string) => new URL(url).pathname;

/**
 * The steps of one session. `findings` are this session's; a step cites what its findings cite.
 */
export async function watchSteps(
	session: readonly RecordedExchange[],
	findings: readonly Finding[],
	{ s256 }: Pick<WatchOptions, 's256'>
): Promise<WatchStep[]> {
	const held = Object.fromEntries(ACTOR_IDS.map((id) => [id, {} as Knowledge])) as Record<
		ActorId,
		Knowledge
	>;
	const steps: WatchStep[] = [];
	for (const e of session) {
		if (isSignInHop(e)) continue;
		const response = e.response as HttpResponse;
		const request = {
			...e.request,
			method: e.request.method as HttpRequest['method'],
			...(e.request.json !== undefined && { json: e.request.json as Record<string, unknown> })
		} as HttpRequest;
		const answer = authorizationResponse(e);
		const shape = shapeOf(e, answer);
		const carries = carriesOf(answer ? { response } : { request, response });
		// What each lane holds: the sender and receiver; the browser carries the front channel;
		// the lab's attacker reads the authorization response in attacker mode.
		const lanes: ActorId[] = [shape.from, shape.to];
		if (answer) lanes.push('browser');
		if (answer && e.mode === 'attacker') lanes.push('attacker');
		if (shape.from === 'browser') lanes.push('client');
		for (const lane of lanes) Object.assign(held[lane], carries);
		const cites = findings.filter((f) => f.seq === e.seq).flatMap((f) => f.cites);
		const unique = [...new Map(cites.map((c) => [`${c.spec} ${c.section}`, c])).values()];
		const step: WatchStep = {
			id: `m${e.seq}`,
			seq: e.seq,
			action: shape.action,
			from: shape.from,
			to: shape.to,
			kind: shape.kind,
			...(answer ? {} : { request }),
			response,
			carries,
			knowledge: structuredClone(held),
			outcome: shape.outcome,
			title: shape.title,
			narration: shape.narration,
			cites: unique,
			...(shape.code && { code: shape.code })
		};
		if (isCodeRedemption(e)) {
			const check = await checkOf(e, session, s256);
			if (check) step.check = check;
		}
		steps.push(step);
	}
	return steps;
}

interface Shape {
	action: string;
	from: ActorId;
	to: ActorId;
	kind: StepKind;
	outcome: Outcome;
	title: string;
	narration: string;
	code?: CodeRef;
}

function shapeOf(e: RecordedExchange, answer: URL | undefined): Shape {
	const status = e.response.status;
	const failed = status >= 400;
	const to: ActorId = e.server;
	const path = pathOf(e.request.url);
	if (e.from === 'attacker') {
		return {
			action: 'token-attacker',
			from: 'attacker',
			to,
			kind: 'request',
			outcome: failed ? 'attacker-fails' : 'attacker-wins',
			title: 'The lab’s attacker redeems the code first, without a code_verifier',
			narration: failed
				? `The lab read the authorization response, as an app on the same machine can (RFC 7636 §1), and sent the code to the token endpoint before your client. This server answered \`${status}\`: the code is bound to your client's \`code_challenge\`.`
				: 'The lab read the authorization response and redeemed the code before your client, and the server issued tokens: either no challenge was sent, or the server did not enforce it.',
			code: WATCH_CODE.attacker
		};
	}
	if (answer) {
		const error = answer.searchParams.get('error');
		return {
			action: 'callback',
			from: 'as',
			to: 'client',
			kind: 'redirect',
			outcome: error ? 'rejected' : 'info',
			title: error
				? `The authorization server sends the browser back to your client with \`error=${error}\``
				: 'The authorization server sends the browser back to your client with the code',
			narration: error
				? `Your client's redirect URI gets \`${answer.search}\`.`
				: "The browser carries the code (with `iss`, and `state` if your client sent one) to your client's redirect URI; the lab does not see what your client does there, only what it sends next.",
			code: WATCH_CODE.callback
		};
	}
	if (isAuthorization(e)) {
		return {
			action: 'authorize',
			from: 'browser',
			to: 'as',
			kind: 'request',
			outcome: failed ? 'rejected' : 'info',
			title: 'Your client opens the browser at the authorization endpoint',
			narration:
				'The authorization request, as your client built it: its PKCE challenge and method, `state`, the redirect URI and the `resource`.',
			code: WATCH_CODE.authorize
		};
	}
	if (isCodeRedemption(e)) {
		return {
			action: 'token',
			from: 'client',
			to,
			kind: 'request',
			outcome: failed ? 'rejected' : 'ok',
			title: 'Your client redeems the code with its code_verifier',
			narration: failed
				? `The token endpoint refused it: \`${status}\`.`
				: new Map(e.request.form ?? []).has('code_verifier')
					? 'The token endpoint recomputed the challenge from the verifier, found it equal, and issued the tokens.'
					: 'The token endpoint issued the tokens.',
			code: WATCH_CODE.redeem
		};
	}
	if (isResourceMetadata(e)) {
		return {
			action: 'resource-metadata',
			from: 'client',
			to,
			kind: 'request',
			outcome: failed ? 'rejected' : 'info',
			title: 'Your client fetches the protected resource metadata',
			narration:
				'RFC 9728 metadata: which resource this is and which authorization server issues its tokens.',
			code: WATCH_CODE.resourceMetadata
		};
	}
	if (isAsMetadata(e)) {
		return {
			action: 'as-metadata',
			from: 'client',
			to,
			kind: 'request',
			outcome: failed ? 'rejected' : 'info',
			title: `Your client fetches the authorization server metadata${to === 'mcp' ? ' (from the MCP server’s copy)' : ''}`,
			narration:
				'RFC 8414 metadata: the endpoints, and `code_challenge_methods_supported`, which says the server supports PKCE.',
			code: WATCH_CODE.asMetadata
		};
	}
	if (path === '/reg') {
		return {
			action: 'register',
			from: 'client',
			to,
			kind: 'request',
			outcome: failed ? 'rejected' : 'info',
			title: 'Your client registers itself (dynamic client registration)',
			narration:
				'RFC 7591 registration: the lab gives your client a `client_id` for the redirect URIs it names.'
		};
	}
	if (isMcpCall(e)) {
		const bearer = e.request.headers.some(([name]) => name === 'authorization');
		return {
			action: bearer ? 'call' : 'challenge',
			from: 'client',
			to,
			kind: 'request',
			outcome: bearer ? (failed ? 'rejected' : 'ok') : 'info',
			title: bearer
				? `Your client calls the MCP server with its token${methodOf(e)}`
				: `Your client calls the MCP server without a token${methodOf(e)}`,
			narration: bearer
				? 'The access token travels in the `Authorization: Bearer` header; the MCP server checks its signature, issuer, audience and expiry.'
				: 'The MCP server answers `401` with `WWW-Authenticate: Bearer … resource_metadata="…"`: where discovery starts.',
			code: bearer ? WATCH_CODE.call : WATCH_CODE.challenge
		};
	}
	return {
		action: 'other',
		from: 'client',
		to,
		kind: 'request',
		outcome: failed ? 'rejected' : 'info',
		title: `Your client sends ${e.request.method} ${path}`,
		narration: 'A request the lab answered; no check is about it.'
	};
}

/** " (tools/call)": the JSON-RPC method, where there is one. */
function methodOf(e: RecordedExchange): string {
	const json = e.request.json as { method?: unknown } | undefined;
	return typeof json?.method === 'string' ? ` (${json.method})` : '';
}

/** The token endpoint's PKCE check, recomputed from what the lab saw (RFC 7636 §4.6). */
async function checkOf(
	e: RecordedExchange,
	session: readonly RecordedExchange[],
	s256: (text: string) => Promise<string>
): Promise<PkceCheck | undefined> {
	const form = new Map(e.request.form ?? []);
	const auth = authorizationOf(session, form.get('code'));
	const query = auth && new URL(auth.request.url).searchParams;
	const value = query?.get('code_challenge');
	const verifier = form.get('code_verifier');
	if (!value && !verifier) return undefined;
	const method = query?.get('code_challenge_method') === 'S256' ? 'S256' : 'plain';
	const derived =
		value && verifier ? (method === 'S256' ? await s256(verifier) : verifier) : undefined;
	return {
		...(value && { challenge: { value, method } }),
		...(verifier && { verifier }),
		...(derived && { derived }),
		passed: value ? derived === value : !verifier
	};
}
