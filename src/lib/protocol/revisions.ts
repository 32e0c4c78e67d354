/** The MCP revisions the client can follow (defined in types.ts: first-load bytes). */
export { CURRENT_REVISION, isRevision, MCP_REVISIONS, type McpRevision } from './types';
