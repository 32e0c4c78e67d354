/** What a key press asks the playground to do. */
export type KeyAction =
	| 'next'
	| 'previous'
	| 'first'
	| 'last'
	| 'restart'
	| 'toggle-play'
	| 'new-values'
	| 'toggle-present';

export interface KeyPress {
	key: string;
	altKey: boolean;
	ctrlKey: boolean;
	metaKey: boolean;
	/** The focus is in a text field, select or contenteditable. */
	typing: boolean;
	/** The focus is on a button or link, where Space already means "activate". */
	onControl: boolean;
}

const KEYS: Record<string, KeyAction> = {
	ArrowRight: 'next',
	PageDown: 'next', // presentation clickers send PageDown / PageUp
	ArrowLeft: 'previous',
	PageUp: 'previous',
	Home: 'first',
	End: 'last',
	r: 'restart',
	R: 'restart',
	' ': 'toggle-play',
	n: 'new-values',
	N: 'new-values',
	p: 'toggle-present',
	P: 'toggle-present'
};

/**
 * Maps a key press to an action. Single-key shortcuts never fire while the reader types
 * (WCAG 2.1.4), nor with a modifier (those belong to the browser).
 */
export function keyAction(press: KeyPress): KeyAction | undefined {
	if (press.altKey || press.ctrlKey || press.metaKey || press.typing) return undefined;
	if (press.key === ' ' && press.onControl) return undefined;
	return KEYS[press.key];
}

/** Reads a DOM keyboard event into a {@link KeyPress}. */
export function keyPressOf(event: KeyboardEvent): KeyPress {
	const target = event.target;
	const element = target instanceof HTMLElement ? target : undefined;
	return {
		key: event.key,
		altKey: event.altKey,
		ctrlKey: event.ctrlKey,
		metaKey: event.metaKey,
		typing:
			!!element &&
			(element.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(element.tagName)),
		onControl: !!element && ['BUTTON', 'A', 'SUMMARY'].includes(element.tagName)
	};
}
