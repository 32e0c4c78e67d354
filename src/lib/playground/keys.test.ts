import { describe, expect, test } from 'vitest';
import { keyAction, type KeyPress } from './keys';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
	key,
	altKey: false,
	ctrlKey: false,
	metaKey: false,
	typing: false,
	onControl: false,
	...extra
});

describe('keyboard shortcuts', () => {
	test('arrows, clicker keys, Home/End, R, Space, N and P', () => {
		expect(keyAction(press('ArrowRight'))).toBe('next');
		expect(keyAction(press('PageDown'))).toBe('next');
		expect(keyAction(press('ArrowLeft'))).toBe('previous');
		expect(keyAction(press('PageUp'))).toBe('previous');
		expect(keyAction(press('Home'))).toBe('first');
		expect(keyAction(press('End'))).toBe('last');
		expect(keyAction(press('r'))).toBe('restart');
		expect(keyAction(press(' '))).toBe('toggle-play');
		expect(keyAction(press('N'))).toBe('new-values');
		expect(keyAction(press('p'))).toBe('toggle-present');
		expect(keyAction(press('x'))).toBeUndefined();
	});

	test('WCAG 2.1.4: nothing fires while typing in a field', () => {
		for (const key of ['ArrowRight', 'r', ' ', 'Home', 'n']) {
			expect(keyAction(press(key, { typing: true }))).toBeUndefined();
		}
	});

	test('modifier chords belong to the browser', () => {
		expect(keyAction(press('r', { ctrlKey: true }))).toBeUndefined();
		expect(keyAction(press('ArrowLeft', { altKey: true }))).toBeUndefined();
		expect(keyAction(press('p', { metaKey: true }))).toBeUndefined();
	});

	test('Space on a focused button activates the button, not play', () => {
		expect(keyAction(press(' ', { onControl: true }))).toBeUndefined();
		expect(keyAction(press('ArrowRight', { onControl: true }))).toBe('next');
	});
});
