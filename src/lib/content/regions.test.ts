import { describe, expect, test } from 'vitest';
import { extractRegion, listRegions, RegionError, stripMarkers } from './regions';

const source = [
	'import x from "y";',
	'// #region outer',
	'export function f() {',
	'\t// #region inner',
	'\treturn 1;',
	'\t// #endregion inner',
	'}',
	'// #endregion outer',
	'class C {',
	'\t// #region method',
	'\tm() {',
	'\t\treturn 2;',
	'\t}',
	'\t// #endregion method',
	'}'
].join('\n');

describe('extractRegion', () => {
	test('cuts a region, dropping nested markers', () => {
		expect(extractRegion(source, 'outer')).toBe('export function f() {\n\treturn 1;\n}');
	});

	test('dedents an indented region', () => {
		expect(extractRegion(source, 'method')).toBe('m() {\n\treturn 2;\n}');
		expect(extractRegion(source, 'inner')).toBe('return 1;');
	});

	test('names the file and region when a marker is missing', () => {
		expect(() => extractRegion(source, 'nope', 'a.ts')).toThrow(
			new RegionError('a.ts has no "// #region nope"')
		);
		expect(() => extractRegion('// #region open\nx', 'open', 'b.ts')).toThrow(/never closed/);
	});

	test('lists regions and strips markers', () => {
		expect(listRegions(source)).toEqual(['outer', 'inner', 'method']);
		expect(stripMarkers(source)).not.toContain('#region');
		expect(stripMarkers(source)).toContain('return 2;');
	});
});
