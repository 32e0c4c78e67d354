/**
 * Code shown on the page is cut from real source files by region markers:
 *   // #region name
 *   …
 *   // #endregion name
 * Markers of other regions inside are dropped; the excerpt is dedented.
 */

const MARKER = /^\s*\/\/\s*#(region|endregion)\b\s*(\S*)\s*$/;

export class RegionError extends Error {}

/** The lines of `region` in `source`, without markers and common indentation. */
export function extractRegion(source: string, region: string, file = 'source'): string {
	const lines = source.split(/\r?\n/);
	const start = lines.findIndex((line) => matchMarker(line, 'region') === region);
	if (start < 0) throw new RegionError(`${file} has no "// #region ${region}"`);
	const end = lines.findIndex((line, i) => i > start && matchMarker(line, 'endregion') === region);
	if (end < 0) throw new RegionError(`${file}: "// #region ${region}" is never closed`);
	return dedent(lines.slice(start + 1, end).filter((line) => !MARKER.test(line)));
}

/** Every region name in a source file, in order. */
export function listRegions(source: string): string[] {
	return source
		.split(/\r?\n/)
		.map((line) => matchMarker(line, 'region'))
		.filter((name): name is string => name !== undefined);
}

/** The source without any region markers (for showing a whole file). */
export function stripMarkers(source: string): string {
	return source
		.split(/\r?\n/)
		.filter((line) => !MARKER.test(line))
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
