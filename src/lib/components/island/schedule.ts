/** Work the page waits for before it calls itself live (islands to hydrate, modules to load). */
let pending = 0;
const waiting: (() => void)[] = [];

/** Counts one piece of work; the function returned marks it finished (once). */
function start(): () => void {
	let done = false;
	pending++;
	return () => {
		if (done) return;
		done = true;
		if (--pending === 0) for (const resolve of waiting.splice(0)) resolve();
	};
}

/**
 * Runs `work` in a task of its own, after the ones already asked for (one per task, first come,
 * first served). Returns a function that cancels it if it has not run yet.
 */
export function later(work: () => void): () => void {
	const finish = start();
	const timer = setTimeout(() => {
		try {
			work();
		} finally {
			finish();
		}
	}, 0);
	return () => {
		clearTimeout(timer);
		finish();
	};
}

/**
 * Runs `work` as {@link later} does, once `after` settles (either way). Until then it counts as
 * work to wait for, so {@link settled} waits for both.
 */
export function laterAfter(after: Promise<unknown>, work: () => void): () => void {
	const finish = start();
	let cancelled = false;
	let cancelWork = () => {};
	const schedule = () => {
		if (!cancelled) cancelWork = later(work);
		finish();
	};
	after.then(schedule, schedule);
	return () => {
		cancelled = true;
		cancelWork();
		finish();
	};
}

/** Counts `loading` as work to wait for until it settles, either way. */
export function hold(loading: Promise<unknown>): void {
	const finish = start();
	loading.then(finish, finish);
}

/** Resolves once every piece of work asked for so far has finished (or was cancelled). */
export function settled(): Promise<void> {
	return pending === 0 ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve));
}
