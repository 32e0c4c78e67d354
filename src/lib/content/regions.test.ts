import { describe, expect, test } from 'vitest';
import { cutRegion, extractRegion, listRegions, RegionError, stripMarkers } from './regions';

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

describe('marks: the lines a step is about, by name', () => {
	const marked = [
		'// #region verify',
		'',
		'\tconst challenge = hash(verifier); // #mark recompute',
		'\t// ← a comment line stays',
		'\tif (challenge !== bound) return refuse(); // ← the check // #mark compare refuse',
		'\treturn issue(); // #mark compare',
		'\tif (late) {',
		'\t\t// #mark late',
		'\t\treturn;',
		'\t}',
		'// #endregion verify'
	].join('\n');

	test('are cut from the code and counted from the excerpt’s first line', () => {
		expect(cutRegion(marked, 'verify')).toEqual({
			code: [
				'const challenge = hash(verifier);',
				'// ← a comment line stays',
				'if (challenge !== bound) return refuse(); // ← the check',
				'return issue();',
				'if (late) {',
				'\treturn;',
				'}'
			].join('\n'),
			marks: { recompute: [1], compare: [3, 4], refuse: [3], late: [5] }
		});
	});

	test('never show on the page, not even in a whole file', () => {
		expect(extractRegion(marked, 'verify')).not.toContain('#mark');
		expect(stripMarkers(marked)).not.toContain('#mark');
	});
});
