// A Vite plugin: V8's explicit compile hints for the JavaScript every page runs as it starts.
//
// V8 compiles most functions lazily: on the main thread, the first time each one is called. The
// code a page runs as it starts (Svelte's runtime, SvelteKit's client, the page's components)
// is nearly all called at once, inside the first load's longest tasks. A file that begins with
// the comment below is compiled whole while it downloads, off the main thread (Chrome 136+;
// other engines ignore the comment). https://v8.dev/blog/explicit-compile-hints

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * Chunks smaller than this stay lazy: the comment costs bytes on every page (the first load's
 * budget is tight), and the lazy compiling it saves is mostly in the large chunks.
 */
export const MIN_BYTES = 16 * 1024;

/**
 * Marks the client chunks that a page's start-up imports (statically, from SvelteKit's entries
 * and route nodes) and that are at least `minBytes` long (Svelte's runtime, SvelteKit's client,
 * the playground's components, the protocol's core). Lazily imported chunks (a scenario, the
 * embed code) stay lazy.
 * @param {{ appDir?: string, minBytes?: number }} [options]
 * @returns {import('vite').Plugin}
 */
export function compileHints({ appDir = '_app', minBytes = MIN_BYTES } = {}) {
	/** The start-up chunks of the last bundle, by file name. */
	let marked = new Set();
	return {
		name: 'pkce-playground:compile-hints',
		apply: 'build',
		generateBundle(_, bundle) {
			const chunks = new Map();
			for (const file of Object.values(bundle)) {
				// Only the browser's build writes to `_app/immutable/` (not the server's, not the worker's).
				if (file.type === 'chunk' && file.fileName.startsWith(`${appDir}/immutable/`)) {
					chunks.set(file.fileName, file);
				}
			}
			const isStart = (/** @type {import('vite').Rollup.OutputChunk} */ chunk) =>
				chunk.isEntry ||
				/[\\/]generated[\\/]client[^\\/]*[\\/]nodes[\\/]/.test(chunk.facadeModuleId ?? '');
			const queue = [...chunks.values()].filter(isStart);
			const reached = new Set(queue);
			for (const chunk of queue) {
				for (const name of chunk.imports) {
					const imported = chunks.get(name);
					if (imported && !reached.has(imported)) {
						reached.add(imported);
						queue.push(imported);
					}
				}
			}
			marked = new Set(
				[...reached].filter((chunk) => chunk.code.length >= minBytes).map((c) => c.fileName)
			);
		},
		// On the written files: Vite's last step may still put a preload helper's table
		// (`__vite__mapDeps`) at the top of a chunk that imports others lazily, and the comment
		// must be the file's first line.
		writeBundle(options) {
			for (const name of marked) {
				const path = join(options.dir ?? '', name);
				writeFileSync(path, HINT + readFileSync(path, 'utf8'));
				if (existsSync(`${path}.map`)) {
					const map = JSON.parse(readFileSync(`${path}.map`, 'utf8'));
					map.mappings = `;${map.mappings}`; // one line more at the top
					writeFileSync(`${path}.map`, JSON.stringify(map));
				}
			}
		}
	};
}
