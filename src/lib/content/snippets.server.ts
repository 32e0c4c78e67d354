import type { CodeRef } from './types';
import { highlight } from './highlight.server';
import { cutRegion } from './regions';

/** The real source of the core, as text, keyed by path below src/lib (e.g. "pkce/verifier.ts"). */
export const SOURCES: Readonly<Record<string, string>> = Object.fromEntries(
	Object.entries(
		import.meta.glob<string>(['/src/lib/pkce/*.ts', '/src/lib/protocol/**/*.ts', '!**/*.test.ts'], {
			query: '?raw',
			import: 'default',
			eager: true
		})
	).map(([path, text]) => [path.replace('/src/lib/', ''), text])
);

export interface Snippet extends CodeRef {
	/** Highlighted HTML of the region. */
	html: string;
	/** The region's plain text (for copy buttons and value badges). */
	code: string;
}

/** The source text of a core file; throws with the path when it does not exist. */
export function sourceOf(file: string): string {
	const text = SOURCES[file];
	if (text === undefined) throw new Error(`No source file src/lib/${file}`);
	return text;
}

/** Cuts a region out of real source and highlights it (build time only). */
export async function loadSnippet(ref: CodeRef): Promise<Snippet> {
	const { code, marks } = cutRegion(sourceOf(ref.file), ref.region, `src/lib/${ref.file}`);
	return {
		file: ref.file,
		region: ref.region,
		code,
		html: await highlight(code, 'typescript', marks)
	};
}
