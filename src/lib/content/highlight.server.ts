import { createHighlighterCore, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';

/**
 * Build-time syntax highlighting. Runs only during prerender (`*.server.ts`), so no highlighter,
 * grammar or theme reaches the browser. Tokens carry both themes as CSS variables
 * (--shiki-light / --shiki-dark); app.css picks one.
 */

export type Lang = 'typescript' | 'http' | 'json' | 'shellscript';

let highlighter: Promise<HighlighterCore> | undefined;

function getHighlighter(): Promise<HighlighterCore> {
	highlighter ??= createHighlighterCore({
		themes: [
			import('shiki/themes/github-light-default.mjs'),
			import('shiki/themes/github-dark-default.mjs')
		],
		langs: [
			import('shiki/langs/typescript.mjs'),
			import('shiki/langs/http.mjs'),
			import('shiki/langs/json.mjs'),
			import('shiki/langs/shellscript.mjs')
		],
		engine: createJavaScriptRegexEngine()
	});
	return highlighter;
}

/** A source line ending in a `// ← …` comment is a callout: the page highlights it. */
const CALLOUT = /\/\/ ←/;

/**
 * Highlighted HTML (`<pre class="shiki">…`), one `<span class="line" data-line="n">` per line;
 * callout lines also get the class `highlighted`, and marked lines (regions.ts) the names of
 * their marks in `data-mark`, so the page can emphasize the lines a step is about.
 */
export async function highlight(
	code: string,
	lang: Lang,
	marks: Readonly<Record<string, readonly number[]>> = {}
): Promise<string> {
	const shiki = await getHighlighter();
	const callouts = new Set(
		code.split('\n').flatMap((text, i) => (CALLOUT.test(text) ? [i + 1] : []))
	);
	const marksOf = new Map<number, string[]>();
	for (const [name, lines] of Object.entries(marks)) {
		for (const line of lines) marksOf.set(line, [...(marksOf.get(line) ?? []), name]);
	}
	return shiki.codeToHtml(code, {
		lang,
		themes: { light: 'github-light-default', dark: 'github-dark-default' },
		defaultColor: false,
		transformers: [
			{
				pre(node) {
					// The container supplies the background; keep the <pre> itself unstyled and focusable.
					delete node.properties.style;
					node.properties.tabindex = '0';
				},
				line(node, line) {
					node.properties['data-line'] = String(line);
					if (callouts.has(line)) this.addClassToHast(node, 'highlighted');
					const names = marksOf.get(line);
					if (names) node.properties['data-mark'] = names.join(' ');
				}
			}
		]
	});
}
