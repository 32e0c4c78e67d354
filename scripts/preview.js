// Serves build/ with `vite preview` for the scripts that measure or drive browsers.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';

/**
 * Starts `vite preview` on 127.0.0.1:port and resolves once `url` answers. The child is vite
 * itself, not npx, so killing it frees the port.
 * @param {{ port: number, url: string, env: NodeJS.ProcessEnv, cwd?: string, timeoutMs?: number }} options
 * @returns {Promise<import('node:child_process').ChildProcess>}
 */
export async function startPreview({ port, url, env, cwd, timeoutMs = 60_000 }) {
	const args = ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1'];
	const child = spawn(process.execPath, [...args, '--port', String(port), '--strictPort'], {
		cwd,
		env,
		stdio: 'ignore'
	});
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const ok = await fetch(url).then(
			(response) => response.ok,
			() => false
		);
		if (ok) return child;
		if (Date.now() > deadline) {
			child.kill();
			throw new Error(`vite preview did not answer at ${url}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** A port that is free on 127.0.0.1 right now. */
export async function freePort() {
	const server = createServer();
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = server.address();
	await new Promise((resolve) => server.close(resolve));
	return typeof address === 'object' && address ? address.port : 0;
}
