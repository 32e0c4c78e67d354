import { mount, unmount, type Component } from 'svelte';

/**
 * An attachment that loads a component the first time its element is on the page, and mounts it
 * there: a part most readers never see (a scenario's recap, presenter mode, the list of all
 * steps) stays out of the first load's bytes. `props` may use getters to stay live.
 */
export function lazy<P extends Record<string, unknown>>(
	load: () => Promise<{ default: Component<P> }>,
	props: P
) {
	return (target: HTMLElement) => {
		let instance: Record<string, unknown> | undefined;
		let gone = false;
		void load().then(({ default: part }) => {
			if (!gone) instance = mount(part, { target, props });
		});
		return () => {
			gone = true;
			if (instance) void unmount(instance);
		};
	};
}
