import { describe, expect, test } from 'vitest';
import { McpClient } from './client';
import { Discovery, resourceMetadataCandidates, serverMetadataCandidates } from './discovery';
import { deterministicRandom } from './environment';
import { jsonResponse, type Send } from './http';
import { CLIENT_RULES } from './client-rules';

describe('MCP 2025-11-25: where the client looks for metadata, in order', () => {
	test('RFC 9728 §3.1: the resource’s path inserted after the well-known segment, then the root', () => {
		expect(resourceMetadataCandidates('https://example.com/public/mcp')).toEqual([
			'https://example.com/.well-known/oauth-protected-resource/public/mcp',
			'https://example.com/.well-known/oauth-protected-resource'
		]);
		expect(resourceMetadataCandidates('https://example.com/')).toEqual([
			'https://example.com/.well-known/oauth-protected-resource'
		]);
		// A terminating slash is removed before the suffix goes in.
		expect(resourceMetadataCandidates('https://example.com/mcp/')[0]).toBe(
			'https://example.com/.well-known/oauth-protected-resource/mcp'
		);
	});

	test('RFC 8414 §3.1 then OpenID Connect Discovery, path-inserted, then the OIDC appended form', () => {
		expect(serverMetadataCandidates('https://auth.example.com/tenant1')).toEqual([
			'https://auth.example.com/.well-known/oauth-authorization-server/tenant1',
			'https://auth.example.com/.well-known/openid-configuration/tenant1',
			'https://auth.example.com/tenant1/.well-known/openid-configuration'
		]);
		expect(serverMetadataCandidates('https://auth.example.com/tenant1/')[0]).toBe(
			'https://auth.example.com/.well-known/oauth-authorization-server/tenant1'
		);
		expect(serverMetadataCandidates('https://auth.example.com')).toEqual([
			'https://auth.example.com/.well-known/oauth-authorization-server',
			'https://auth.example.com/.well-known/openid-configuration'
		]);
	});
});

describe('RFC 9728 §3.3, RFC 8414 §3.3: a document is used only for the server it was asked about', () => {
	const RESOURCE = 'https://mcp.example.com/mcp';
	const ISSUER = 'https://auth.example.com';
	const client = () =>
		new McpClient({
			client_id: 'cli',
			port: 5000,
			resource: RESOURCE,
			random: deterministicRandom(1),
			sha256: { name: 'WebCrypto', digest: async () => new Uint8Array(32) }
		});
	const serving =
		(documents: Record<string, Record<string, unknown>>): Send =>
		async (request) => {
			const document = documents[request.url];
			return document ? jsonResponse(200, document) : jsonResponse(404, { error: 'not_found' });
		};
	const PRM = 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp';
	const OIDC = `${ISSUER}/.well-known/openid-configuration`;

	test('protected resource metadata for another resource, or naming no server, is refused', async () => {
		const other = new Discovery(client(), RESOURCE);
		const send = serving({
			[PRM]: { resource: 'https://x.example/mcp', authorization_servers: [ISSUER] }
		});
		expect((await other.fetchResourceMetadata(send, PRM)).verdict).toEqual({
			found: true,
			valid: false,
			reason: 'the metadata is for https://x.example/mcp, not https://mcp.example.com/mcp'
		});
		expect(other.hasAuthorizationServer()).toBe(false);
		const none = new Discovery(client(), RESOURCE);
		const bare = serving({ [PRM]: { resource: RESOURCE } });
		expect((await none.fetchResourceMetadata(bare, PRM)).verdict).toMatchObject({ valid: false });
		expect(none.hasAuthorizationServer()).toBe(false);
	});

	test('an OpenID Connect document from another issuer is refused; the right one is used', async () => {
		const discovery = new Discovery(client(), RESOURCE);
		const documents = {
			[PRM]: { resource: RESOURCE, authorization_servers: [ISSUER] },
			[OIDC]: { issuer: 'https://login.other.example', code_challenge_methods_supported: ['S256'] }
		};
		await discovery.fetchResourceMetadata(serving(documents), PRM);
		const [oauth, oidc] = discovery.serverMetadataUrls();
		expect((await discovery.fetchServerMetadata(serving(documents), oauth)).verdict).toEqual({
			found: false
		});
		const wrong = await discovery.fetchServerMetadata(serving(documents), oidc);
		expect(wrong.verdict).toMatchObject({ valid: false });
		expect(wrong.support).toBeUndefined();
		documents[OIDC] = { ...documents[OIDC], issuer: ISSUER };
		const right = await discovery.fetchServerMetadata(serving(documents), oidc);
		expect(right.verdict).toEqual({ found: true, valid: true });
		expect(right.support).toEqual({ proceed: true });
	});

	describe('what each MCP revision has the client do', () => {
		const unannounced: Send = async () => ({
			status: 401,
			statusText: 'Unauthorized',
			headers: [['WWW-Authenticate', 'Bearer']]
		});

		test('MCP 2025-11-25 Authorization Server Discovery: no resource_metadata in the 401 -> the well-known fallback', async () => {
			const discovery = new Discovery(client(), RESOURCE, CLIENT_RULES['2025-11-25']);
			await discovery.callWithoutToken(unannounced);
			expect(discovery.resourceMetadataUrls()).toEqual([
				PRM,
				'https://mcp.example.com/.well-known/oauth-protected-resource'
			]);
		});

		test('MCP 2025-06-18: servers MUST name the metadata in WWW-Authenticate; the client has no fallback', async () => {
			const discovery = new Discovery(client(), RESOURCE, CLIENT_RULES['2025-06-18']);
			await discovery.callWithoutToken(unannounced);
			expect(discovery.resourceMetadataUrls()).toEqual([]);
		});

		test('MCP 2025-06-18: RFC 8414 metadata only; 2025-11-25 adds OpenID Connect Discovery after it', async () => {
			const documents = { [PRM]: { resource: RESOURCE, authorization_servers: [ISSUER] } };
			const urls = async (revision: keyof typeof CLIENT_RULES) => {
				const discovery = new Discovery(client(), RESOURCE, CLIENT_RULES[revision]);
				await discovery.fetchResourceMetadata(serving(documents), PRM);
				return discovery.serverMetadataUrls();
			};
			expect(await urls('2025-06-18')).toEqual([
				`${ISSUER}/.well-known/oauth-authorization-server`
			]);
			expect(await urls('2025-11-25')).toEqual([
				`${ISSUER}/.well-known/oauth-authorization-server`,
				OIDC
			]);
		});

		test('MCP 2026-07-28 (RFC 8414 §3.3): only the current revision has the client compare issuer', async () => {
			const documents = {
				[PRM]: { resource: RESOURCE, authorization_servers: [ISSUER] },
				[OIDC]: {
					issuer: 'https://login.other.example',
					code_challenge_methods_supported: ['S256']
				}
			};
			const verdict = async (revision: keyof typeof CLIENT_RULES) => {
				const discovery = new Discovery(client(), RESOURCE, CLIENT_RULES[revision]);
				await discovery.fetchResourceMetadata(serving(documents), PRM);
				return (await discovery.fetchServerMetadata(serving(documents), OIDC)).verdict;
			};
			expect(await verdict('2026-07-28')).toMatchObject({ valid: false });
			expect(await verdict('2025-11-25')).toEqual({ found: true, valid: true });
		});

		test('MCP 2025-11-25 Authorization Code Protection: absent code_challenge_methods_supported -> refuse; 2025-06-18 goes on unchecked', async () => {
			const documents = {
				[PRM]: { resource: RESOURCE, authorization_servers: [ISSUER] },
				[OIDC]: { issuer: ISSUER }
			};
			const support = async (revision: keyof typeof CLIENT_RULES) => {
				const discovery = new Discovery(client(), RESOURCE, CLIENT_RULES[revision]);
				await discovery.fetchResourceMetadata(serving(documents), PRM);
				return (await discovery.fetchServerMetadata(serving(documents), OIDC)).support;
			};
			expect(await support('2025-11-25')).toEqual({
				proceed: false,
				reason: 'code_challenge_methods_supported is absent: no PKCE'
			});
			expect(await support('2026-07-28')).toMatchObject({ proceed: false });
			expect(await support('2025-06-18')).toEqual({ proceed: true, unchecked: true });
		});
	});
});
