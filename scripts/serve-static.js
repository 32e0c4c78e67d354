// A small static file server for the bench: serves a built site (adapter-static's build/) under
// a base path the way GitHub Pages does — index.html for a directory, a redirect to the slash for a
// directory asked for without one, 404.html for anything else, gzip when the browser takes it.
// The bench serves both sides of an A/B comparison with it, so they are served identically.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.map': 'application/json; charset=utf-8'
};
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json|xml)|image\/svg)/;

/**
 * Serves `dir` at http://127.0.0.1:<port><basePath>/ and resolves once it listens. Files are read
 * and gzipped once, then kept in memory, so disk and CPU do not differ between runs.
 * @param {{ dir: string, basePath: string, port?: number }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>} url ends with a slash
 */
export async function serveStatic({ dir, basePath, port = 0 }) {
	if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir} has no index.html`);
	/** @type {Map<string, { body: Buffer, gzip: Buffer | undefined, type: string }>} */
	const files = new Map();

	/** @param {string} path an absolute file path inside dir */
	const load = (path) => {
		let file = files.get(path);
		if (!file) {
			const body = readFileSync(path);
			const type =
				TYPES[/** @type {keyof typeof TYPES} */ (extname(path))] ?? 'application/octet-stream';
			const gzip = COMPRESSIBLE.test(type) ? gzipSync(body) : undefined;
			file = { body, gzip, type };
			files.set(path, file);
		}
		return file;
	};

	/**
	 * The file a request path names, or a redirect (a directory without its slash), or nothing.
	 * @param {string} pathname decoded, below the base path
	 * @returns {{ file: string } | { redirect: string } | undefined}
	 */
	const resolve = (pathname) => {
		const path = normalize(join(dir, pathname));
		if (path !== normalize(dir) && !path.startsWith(normalize(dir) + sep)) return undefined;
		const stat = statSync(path, { throwIfNoEntry: false });
		if (stat?.isFile()) return { file: path };
		if (stat?.isDirectory()) {
			if (!pathname.endsWith('/')) return { redirect: `${pathname}/` };
			const index = join(path, 'index.html');
			if (existsSync(index)) return { file: index };
		}
		if (existsSync(`${path}.html`)) return { file: `${path}.html` };
		return undefined;
	};

	const server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		let pathname;
		try {
			pathname = decodeURIComponent(url.pathname);
		} catch {
			pathname = '';
		}
		const below = pathname === basePath ? '/' : pathname.slice(basePath.length);
		const found =
			pathname.startsWith(`${basePath}/`) || pathname === basePath ? resolve(below) : undefined;
		if (found && 'redirect' in found) {
			response.writeHead(301, { location: `${basePath}${found.redirect}${url.search}` });
			response.end();
			return;
		}
		const notFound = join(dir, '404.html');
		const path = found?.file ?? (existsSync(notFound) ? notFound : undefined);
		if (!path) {
			response.writeHead(404, { 'content-type': 'text/plain' });
			response.end('Not found');
			return;
		}
		const { body, gzip, type } = load(path);
		const useGzip = gzip && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
		const sent = useGzip ? gzip : body;
		response.writeHead(found ? 200 : 404, {
			'content-type': type,
			'content-length': sent.length,
			'cache-control': 'max-age=600', // what GitHub Pages sends
			vary: 'accept-encoding',
			...(useGzip ? { 'content-encoding': 'gzip' } : {})
		});
		response.end(request.method === 'HEAD' ? undefined : sent);
	});
	await new Promise((done) => server.listen(port, '127.0.0.1', () => done(undefined)));
	const address = server.address();
	const listening = typeof address === 'object' && address ? address.port : port;
	return {
		url: `http://127.0.0.1:${listening}${basePath}/`,
		close: () =>
			new Promise((done) => {
				server.closeAllConnections();
				server.close(() => done(undefined));
			})
	};
}
