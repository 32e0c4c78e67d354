import { describe, expect, test } from 'vitest';
import { ACTOR_IDS } from '$lib/protocol/types';
import { arrowSpan, besideSpan, laneCentre, textSpan } from './diagram';

describe('diagram geometry', () => {
	test('lanes are equal columns, left to right in protocol order', () => {
		expect(ACTOR_IDS.map(laneCentre)).toEqual([10, 30, 50, 70, 90]);
	});

	test('an arrow spans its two lanes and knows its direction', () => {
		expect(arrowSpan('client', 'as')).toEqual({ left: 10, width: 40, leftward: false });
		expect(arrowSpan('attacker', 'as')).toEqual({ left: 50, width: 40, leftward: true });
	});

	test('text over neighbouring lanes gets two lanes of room, centred on its arrow', () => {
		expect(textSpan('client', 'browser')).toEqual({ left: 0, width: 40 });
		expect(textSpan('as', 'mcp')).toEqual({ left: 40, width: 40 });
	});

	test('text never leaves the diagram, at either edge', () => {
		for (const from of ACTOR_IDS) {
			for (const to of ACTOR_IDS) {
				const { left, width } = textSpan(from, to);
				expect(left).toBeGreaterThanOrEqual(0);
				expect(left + width).toBeLessThanOrEqual(100);
				expect(width).toBeGreaterThanOrEqual(arrowSpan(from, to).width);
			}
		}
	});

	test('what happens inside an actor is drawn on the roomier side of its lane', () => {
		expect(besideSpan('client')).toEqual({ left: 12, width: 88, side: 'right' });
		expect(besideSpan('attacker')).toEqual({ left: 0, width: 88, side: 'left' });
	});
});
