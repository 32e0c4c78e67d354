import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { HOST_SCRIPT, embedCode, embedUrl } from './code';
import { heightMessage } from './message';

const SITE = 'https://example.github.io/pkce-playground/';

describe('the embed address', () => {
	test('carries the scenario and the 1-based step in the hash, the theme in the query', () => {
		expect(embedUrl(SITE, 's256', 2, 'dark')).toBe(
			'https://example.github.io/pkce-playground/embed/?theme=dark#s256/3'
		);
		expect(embedUrl(SITE, 'no-pkce', 0)).toBe(
			'https://example.github.io/pkce-playground/embed/#no-pkce/1'
		);
	});

	test('carries the MCP revision the client follows, when the reader picked another', () => {
		expect(embedUrl(SITE, 'step-up', 8, undefined, '2025-11-25')).toBe(
			'https://example.github.io/pkce-playground/embed/?mcp=2025-11-25#step-up/9'
		);
		expect(embedCode(SITE, 'mix-up', 0, 'light', '2025-06-18')).toContain(
			'src="https://example.github.io/pkce-playground/embed/?theme=light&amp;mcp=2025-06-18#mix-up/1"'
		);
	});

	test('works with or without the trailing slash, and at the root of an origin', () => {
		expect(embedUrl('https://example.github.io/pkce-playground', 'plain', 0)).toBe(
			'https://example.github.io/pkce-playground/embed/#plain/1'
		);
		expect(embedUrl('http://127.0.0.1:4173', 'replay', 4)).toBe(
			'http://127.0.0.1:4173/embed/#replay/5'
		);
	});
});

/** Runs the snippet's script against a fake page holding `frames`, then delivers `event`. */
function runHostScript(frames: { contentWindow: object; style: { height?: string } }[]) {
	const body = /<script>([\s\S]*)<\/script>/.exec(HOST_SCRIPT)![1]!;
	let listener: ((event: { data: unknown; source: unknown }) => void) | undefined;
	const document = { querySelectorAll: () => frames };
	new Function('addEventListener', 'document', body)(
		(type: string, fn: typeof listener) => type === 'message' && (listener = fn),
		document
	);
	return (data: unknown, source: unknown) => listener!({ data, source });
}

describe('the host snippet', () => {
	test('is an iframe with a title and the script, for the given place', () => {
		const code = embedCode(SITE, 's256', 2);
		expect(code).toMatch(/^<iframe\n/);
		expect(code).toContain('src="https://example.github.io/pkce-playground/embed/#s256/3"');
		expect(code).toContain('title="PKCE Playground: S256 stops a stolen code"');
		expect(code).toContain('data-pkce-playground');
		expect(code.endsWith(HOST_SCRIPT)).toBe(true);
	});

	test('escapes the address inside the attribute', () => {
		expect(embedCode('https://example.org/a"b/', 's256', 0)).toContain(
			'src="https://example.org/a%22b/embed/#s256/1"'
		);
	});

	test('sizes only the iframe the message came from, and ignores other messages', () => {
		const ours = { contentWindow: {}, style: {} as { height?: string } };
		const other = { contentWindow: {}, style: {} as { height?: string } };
		const deliver = runHostScript([ours, other]);
		deliver(heightMessage(900.4), ours.contentWindow);
		expect(ours.style.height).toBe('901px');
		expect(other.style.height).toBeUndefined();
		deliver({ type: 'pkce-playground:height', height: 5, version: 2 }, ours.contentWindow);
		deliver({ type: 'something-else', height: 5, version: 1 }, ours.contentWindow);
		deliver(null, ours.contentWindow);
		deliver(heightMessage(300), {});
		expect(ours.style.height).toBe('901px');
	});

	test('is the snippet the cross-origin test page uses, word for word', () => {
		const host = readFileSync('tests/embed-host/index.html', 'utf8');
		expect(host).toContain(embedCode('http://127.0.0.1:4173/pkce-playground/', 's256', 2, 'dark'));
	});
});
