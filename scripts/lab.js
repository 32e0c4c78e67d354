#!/usr/bin/env node
/**
 * `npm run lab`: starts the local lab — a real authorization server (oidc-provider) and a real MCP
 * server (the official TypeScript SDK) on 127.0.0.1 — and prints what it started. Ctrl-C stops it.
 *
 *   npm run lab -- [--as-port 9400] [--mcp-port 9401] [--origin <site URL>]…
 */
import { parseArgs } from 'node:util';
import { DEFAULT_AS_PORT, DEFAULT_MCP_PORT, defaultSites, startLab } from '../src/lab/lab.js';

const USAGE = `Usage: npm run lab -- [--as-port <port>] [--mcp-port <port>] [--origin <site URL>]...

  --as-port   the authorization server's port (default ${DEFAULT_AS_PORT})
  --mcp-port  the MCP server's port (default ${DEFAULT_MCP_PORT})
  --origin    a playground site allowed to use the lab, e.g. https://you.github.io/pkce-playground
              (repeatable; its live/callback/ route becomes a redirect URI, its origin may call
              the token endpoint and the MCP server). The dev server's and vite preview's are
              always allowed.`;

/** @param {string | undefined} value @param {string} flag @param {number} fallback */
function port(value, flag, fallback) {
	if (value === undefined) return fallback;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 0 || n > 65535) {
		throw new Error(`${flag} wants a port number from 0 to 65535 (got "${value}")`);
	}
	return n;
}

async function main() {
	let values;
	try {
		({ values } = parseArgs({
			options: {
				'as-port': { type: 'string' },
				'mcp-port': { type: 'string' },
				origin: { type: 'string', multiple: true },
				help: { type: 'boolean', short: 'h' }
			}
		}));
	} catch (error) {
		console.error(`${error instanceof Error ? error.message : error}\n\n${USAGE}`);
		process.exit(2);
	}
	if (values.help) {
		console.log(USAGE);
		return;
	}
	const lab = await startLab({
		asPort: port(values['as-port'], '--as-port', DEFAULT_AS_PORT),
		mcpPort: port(values['mcp-port'], '--mcp-port', DEFAULT_MCP_PORT),
		sites: [...defaultSites(process.env.BASE_PATH ?? ''), ...(values.origin ?? [])]
	});
	console.log(`PKCE Playground lab — on 127.0.0.1 only, nothing stored on disk. Ctrl-C stops it.

  Authorization server (oidc-provider)  ${lab.issuer}
    metadata      ${lab.issuer}/.well-known/oauth-authorization-server
    clients       playground (PKCE required, S256), legacy (PKCE not required: unsafe, for the no-PKCE demo),
                  and any client that registers itself at ${lab.issuer}/reg (PKCE required)
  MCP server (official TypeScript SDK)  ${lab.mcpUrl}
    metadata      ${lab.mcpUrl.replace('/mcp', '/.well-known/oauth-protected-resource/mcp')}
    tool          whoami

  Playground sites allowed (CORS, and their live/callback/ as redirect URIs):
${lab.sites.map((site) => `    ${site}`).join('\n')}

  Live mode: open one of these sites, pick s256 or no-pkce, and press "Live".
  Watch your own MCP client: open ${lab.sites[0]}watch/ , press Connect, then point your
  client at ${lab.mcpUrl} and sign in.`);

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		try {
			await lab.close();
			console.log('\nLab stopped.');
			process.exit(0);
		} catch (error) {
			console.error(
				`The lab did not stop cleanly: ${error instanceof Error ? error.message : error}`
			);
			process.exit(1);
		}
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
