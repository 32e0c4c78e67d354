export {
	createAuthorizationServer,
	constantTimeEqual,
	redirectUriMatches,
	STRICT_POLICY,
	type AccessTokenInfo,
	type AuthorizationServer,
	type AuthorizationServerOptions,
	type AuthorizeResult,
	type RegisteredClient,
	type ServerPolicy
} from './authorization-server';
export { Attacker, type AttackStrategy, type RedeemStrategy } from './attacker';
export { Browser } from './browser';
export { loopbackRedirectUri, McpClient, mcpToolCall, type PkceUse } from './client';
export { checkPkceSupport, Discovery, type PkceSupport } from './discovery';
export {
	deterministicRandom,
	liveEnvironment,
	TEST_VECTOR_EPOCH,
	testVectorEnvironment
} from './environment';
export { formPost, formRecord, oauthError, type Exchange, type Send } from './http';
export { McpServer, resourceMetadataUrl } from './mcp-server';
export { createNetwork } from './network';
export { runScenario, type ScenarioDefinition } from './runner';
export { loadScenario, SCENARIO_IDS } from './scenarios';
export { carriesOf, Timeline } from './timeline';
export * from './types';
export {
	CLIENT_ID,
	createWorld,
	ISSUER,
	LOOPBACK_PORT,
	MCP_RESOURCE,
	REGISTERED_REDIRECT_URI,
	type Environment,
	type World
} from './world';
