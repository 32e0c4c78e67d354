import { describe, expect, test } from 'vitest';
import { resourceMetadataCandidates, serverMetadataCandidates } from './discovery';

describe('MCP 2025-11-25: where the client looks for metadata, in order', () => {
	test('RFC 9728 §3.1: the resource’s path inserted after the well-known segment, then the root', () => {
		expect(resourceMetadataCandidates('https://example.com/public/mcp')).toEqual([
			'https://example.com/.well-known/oauth-protected-resource/public/mcp',
			'https://example.com/.well-known/oauth-protected-resource'
		]);
		expect(resourceMetadataCandidates('https://example.com/')).toEqual([
			'https://example.com/.well-known/oauth-protected-resource'
		]);
	});

	test('RFC 8414 §3.1 then OpenID Connect Discovery, path-inserted, then the OIDC appended form', () => {
		expect(serverMetadataCandidates('https://auth.example.com/tenant1')).toEqual([
			'https://auth.example.com/.well-known/oauth-authorization-server/tenant1',
			'https://auth.example.com/.well-known/openid-configuration/tenant1',
			'https://auth.example.com/tenant1/.well-known/openid-configuration'
		]);
		expect(serverMetadataCandidates('https://auth.example.com')).toEqual([
			'https://auth.example.com/.well-known/oauth-authorization-server',
			'https://auth.example.com/.well-known/openid-configuration'
		]);
	});
});
