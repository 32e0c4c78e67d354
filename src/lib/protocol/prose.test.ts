import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

/**
 * The protocol core holds no prose for the page: titles, narration and citations are content
 * (src/lib/content). What may stay are wire texts (an `error_description`, the pages a server or
 * the client's callback shows) and the reasons an actor refuses, which the narration quotes.
 * Any string literal of five or more words in src/lib/protocol must be one of these, by name.
 * The message of a thrown error is for a developer, not the page, and is not counted.
 */

/** Wire texts and refusal reasons, each as written in source (a template's holes as `${}`). */
const WIRE_TEXTS: Readonly<Record<string, string>> = {
	// authorization-server.ts: error pages (RFC 6749 §4.1.2.1: no redirect) and error_descriptions
	'Unknown client_id. The server shows this page instead of redirecting.': 'error page',
	'This redirect_uri is not registered for the client; no redirect.': 'error page',
	'Sign in, then allow ${} to use ${}? You will return to ${}.${}': 'sign-in and consent page',
	' That is this computer, where other apps can listen: allow only if you just started signing in.':
		'sign-in and consent page: the loopback warning',
	'the user declined': 'error_description',
	'code_verifier must be 43-128 unreserved characters': 'error_description',
	'the code was issued to another client': 'error_description',
	'the authorization code has expired': 'error_description',
	'redirect_uri differs from the authorization request': 'error_description',
	'code_verifier required: the code has a challenge': 'error_description',
	'code_verifier does not match the code_challenge': 'error_description',
	'code_verifier sent, but the code has no challenge': 'error_description',
	'resource differs from the authorization request': 'error_description',
	'authorization code already used; tokens revoked': 'error_description',
	'refresh token already used; the grant is revoked': 'error_description',
	'resource differs from the grant': 'error_description',
	// client.ts: refusal reasons and the callback page
	'code_challenge_methods_supported is absent: no PKCE': 'refusal reason',
	'state does not match this sign-in; the code is ignored': 'refusal reason',
	'the server answered ${}': 'refusal reason',
	'iss ${} is not ${}, where this sign-in began': 'refusal reason',
	'Signed in. Back to the app.': 'callback page',
	'Sign-in failed: ${}.': 'callback page',
	// attacker.ts: the page its listener answers the hijacked redirect with
	'Signed in. You can close this window.': 'hijacked callback page',
	// mcp-server.ts: the tool's answer, and the data it serves
	'Notes of ${}: ${}': 'tool result',
	'(empty account, created by the attacker)': 'tool data',
	// discovery.ts: why the client refuses metadata (RFC 9728 §3.3, RFC 8414 §3.3)
	'the metadata is for ${}, not ${}': 'refusal reason',
	"the metadata's issuer is ${}, not ${}": 'refusal reason',
	'the metadata names no authorization server': 'refusal reason',
	'no protected resource metadata found': 'refusal reason',
	'no authorization server metadata found': 'refusal reason',
	'the 401 names no resource_metadata, and this client has nowhere else to look': 'refusal reason',
	// step-up.ts: why the client stops asking for more scope
	'still 403 insufficient_scope after ${} new sign-in${}: the client stops and tells the user':
		'refusal reason',
	'403 insufficient_scope, and this client has no step-up rule: it reports the error':
		'refusal reason'
};

const root = new URL('.', import.meta.url).pathname;
const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
	(file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.includes('harness')
);

/** Every string literal and template of a file, as written (holes as `${}`). */
function literals(file: string): string[] {
	const source = ts.createSourceFile(
		file,
		readFileSync(join(root, file), 'utf8'),
		ts.ScriptTarget.Latest,
		true
	);
	return collect(source);
}

function collect(source: ts.SourceFile): string[] {
	const found: string[] = [];
	const visit = (node: ts.Node) => {
		if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
		else if (ts.isTemplateExpression(node)) {
			found.push(
				node.head.text + node.templateSpans.map((span) => '${}' + span.literal.text).join('')
			);
		} else if (ts.isImportDeclaration(node)) return;
		else if (ts.isNewExpression(node) && /Error$/.test(node.expression.getText(source))) return;
		ts.forEachChild(node, visit);
	};
	visit(source);
	return found;
}

const words = (text: string) => text.split(/\s+/).filter((word) => /[A-Za-z]/.test(word)).length;

describe('no page prose in the protocol core', () => {
	test('every string literal of five or more words in src/lib/protocol is a named wire text', () => {
		expect(files.length).toBeGreaterThan(10);
		const prose = files.flatMap((file) =>
			literals(file)
				.filter((text) => words(text) >= 5 && WIRE_TEXTS[text] === undefined)
				.map((text) => `${file}: ${text}`)
		);
		expect(prose).toEqual([]);
	});

	test('every allowlisted wire text is still in the source (the list does not rot)', () => {
		const all = new Set(files.flatMap(literals));
		expect(Object.keys(WIRE_TEXTS).filter((text) => !all.has(text))).toEqual([]);
	});

	test('the check finds prose, and only outside error messages', () => {
		const file = 'scenarios/flow.ts';
		const narration = 'The client opens the system browser with the authorization request.';
		const probe = (code: string) => {
			const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
			return collect(source).filter((text) => words(text) >= 5 && !WIRE_TEXTS[text]);
		};
		expect(probe(`t.record({ narration: '${narration}' });`)).toEqual([narration]);
		expect(probe(`t.record({ narration: \`${narration} \${x}\` });`)).toEqual([
			`${narration} \${}`
		]);
		expect(probe(`throw new Error('${narration}');`)).toEqual([]);
	});
});
