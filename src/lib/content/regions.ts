/**
 * Code shown on the page is cut from real source files by region markers:
 *   // #region name
 *   …
 *   // #endregion name
 * Markers of other regions inside are dropped; the excerpt is dedented. A line a step is about
 * ends in a named mark, `// #mark name` (several names: `// #mark a b`), which the page does not
 * show: a step's content names the marks it annotates, never line numbers. A mark alone on a line
 * marks the line before it.
 */

const MARKER = /^\s*\/\/\s*#(region|endregion)\b\s*(\S*)\s*$/;
const MARK = /\s*\/\/ #mark((?: [a-z0-9]+(?:-[a-z0-9]+)*)+)\s*$/;

export class RegionError extends Error {}

/** A region as the page shows it: the code without markers, and the lines (from 1) of each mark. */
export interface CutRegion {
	code: string;
	marks: Record<string, number[]>;
}

/** The lines of `region` in `source`, without markers, marks and common indentation. */
export function cutRegion(source: string, region: string, file = 'source'): CutRegion {
	const lines = source.split(/\r?\n/);
	const start = lines.findIndex((line) => matchMarker(line, 'region') === region);
	if (start < 0) throw new RegionError(`${file} has no "// #region ${region}"`);
	const end = lines.findIndex((line, i) => i > start && matchMarker(line, 'endregion') === region);
	if (end < 0) throw new RegionError(`${file}: "// #region ${region}" is never closed`);
	const marks: Record<string, number[]> = {};
	const kept: string[] = [];
	for (const line of lines.slice(start + 1, end)) {
		if (MARKER.test(line)) continue;
		const mark = MARK.exec(line);
		if (!mark) {
			kept.push(line);
			continue;
		}
		// A mark alone on its line (where a formatter moved it, after an opening brace) marks the
		// line before it.
		const alone = line.slice(0, mark.index).trim() === '';
		if (!alone) kept.push(line.slice(0, mark.index));
		for (const name of mark[1]!.trim().split(' ')) (marks[name] ??= []).push(kept.length);
	}
	const leading = kept.findIndex((line) => line.trim() !== '');
	const skip = leading < 0 ? kept.length : leading;
	for (const name of Object.keys(marks)) marks[name] = marks[name]!.map((line) => line - skip);
	return { code: dedent(kept.slice(skip)), marks };
}

/** The lines of `region` in `source`, without markers, marks and common indentation. */
export function extractRegion(source: string, region: string, file = 'source'): string {
	return cutRegion(source, region, file).code;
}

/** Every region name in a source file, in order. */
export function listRegions(source: string): string[] {
	return source
		.split(/\r?\n/)
		.map((line) => matchMarker(line, 'region'))
		.filter((name): name is string => name !== undefined);
}

/** The source without any region markers or marks (for showing a whole file). */
export function stripMarkers(source: string): string {
	return source
		.split(/\r?\n/)
		.filter((line) => !MARKER.test(line))
		.map((line) => line.replace(MARK, ''))
		.join('\n');
}

function matchMarker(line: string, kind: 'region' | 'endregion'): string | undefined {
	const match = MARKER.exec(line);
	return match && match[1] === kind ? match[2] : undefined;
}

function dedent(lines: string[]): string {
	const indents = lines
		.filter((line) => line.trim() !== '')
		.map((line) => /^[\t ]*/.exec(line)![0].length);
	const cut = indents.length ? Math.min(...indents) : 0;
	return lines
		.map((line) => line.slice(cut))
		.join('\n')
		.replace(/^\n+|\s+$/g, '');
}
