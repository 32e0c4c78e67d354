import { describe, expect, it } from 'vitest';
import { hold, later, laterAfter, settled } from './schedule';

describe('islands hydrate one per task', () => {
	it('runs work in later tasks, in order, and settles after the last', async () => {
		const ran: string[] = [];
		later(() => ran.push('a'));
		later(() => ran.push('b'));
		const done = settled().then(() => ran.push('settled'));
		expect(ran).toEqual([]); // nothing runs in the task that asked
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(ran[0]).toBe('a');
		await done;
		expect(ran).toEqual(['a', 'b', 'settled']);
	});

	it('settles when work is cancelled or throws, and at once when nothing waits', async () => {
		const ran: string[] = [];
		const cancel = later(() => ran.push('cancelled'));
		later(() => {
			throw new Error('boom');
		});
		cancel();
		const errors: unknown[] = [];
		process.once('uncaughtException', (error) => errors.push(error));
		await settled();
		expect(ran).toEqual([]);
		expect(errors).toEqual([new Error('boom')]); // the error still surfaces
		await settled(); // nothing pending: resolves at once
	});

	it('waits for a held promise, resolved or rejected', async () => {
		let resolve!: () => void;
		let reject!: (error: Error) => void;
		hold(new Promise<void>((r) => (resolve = r)));
		hold(new Promise<void>((_, r) => (reject = r)));
		let done = false;
		const waited = settled().then(() => (done = true));
		resolve();
		await new Promise((r) => setTimeout(r, 0));
		expect(done).toBe(false);
		reject(new Error('offline'));
		await waited;
		expect(done).toBe(true);
	});

	it('runs work after a promise, in a task of its own, and settles after it', async () => {
		const ran: string[] = [];
		let resolve!: () => void;
		laterAfter(new Promise<void>((r) => (resolve = r)), () => ran.push('after'));
		const cancel = laterAfter(Promise.reject(new Error('offline')), () => ran.push('cancelled'));
		cancel();
		let done = false;
		const waited = settled().then(() => (done = true));
		await new Promise((r) => setTimeout(r, 0));
		expect(done).toBe(false); // still waiting for the promise
		resolve();
		await Promise.resolve();
		expect(ran).toEqual([]); // not in the task that settled it
		await waited;
		expect(ran).toEqual(['after']);
	});
});
