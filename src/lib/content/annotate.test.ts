import { describe, expect, test } from 'vitest';
import { highlight } from './highlight.server';
import { annotate } from './annotate';
import { cutRegion } from './regions';

const source = [
	'// #region verify',
	'const challenge = await hash(verifier); // #mark recompute',
	'if (challenge !== bound) {',
	'\treturn refuse(); // #mark compare',
	'}',
	'// #endregion verify'
].join('\n');

describe('annotate: the lines a step is about', () => {
	test('emphasizes the marked lines of the highlighted region, numbered in the step’s order', async () => {
		const { code, marks } = cutRegion(source, 'verify');
		const html = annotate(await highlight(code, 'typescript', marks), ['compare', 'recompute']);
		const lines = [...html.matchAll(/<span class="line([^"]*)"([^>]*)>/g)].map(([, c, rest]) => ({
			emphasized: c!.includes('emphasized'),
			note: /data-note="(\d+)"/.exec(rest!)?.[1]
		}));
		expect(lines).toEqual([
			{ emphasized: true, note: '2' },
			{ emphasized: false, note: undefined },
			{ emphasized: true, note: '1' },
			{ emphasized: false, note: undefined }
		]);
		expect(html).not.toContain('#mark');
	});

	test('a step without marks leaves the code as it is', async () => {
		const { code, marks } = cutRegion(source, 'verify');
		const html = await highlight(code, 'typescript', marks);
		expect(annotate(html, [])).toBe(html);
		expect(annotate(html, ['elsewhere'])).toBe(html);
	});
});
