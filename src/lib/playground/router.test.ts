import { describe, expect, it } from 'vitest';
import { testVectorEnvironment } from '$lib/protocol/environment';
import { runStory } from '$lib/content/story/run';
import type { TaughtStep } from '$lib/content/types';
import { Playground } from './playground.svelte';
import { Router, deferredAddress, type Address } from './router.svelte';

const initial = await runStory('s256', testVectorEnvironment());

/** An address bar in memory: what the router wrote, in order. */
function fakeAddress(start = 'https://site.test/#s256/1') {
	let url = new URL(start);
	const log: string[] = [];
	const address: Address = {
		hash: () => url.hash,
		href: () => url.href,
		push: (to) => {
			url = new URL(to, url);
			log.push(`push ${to}`);
		},
		replace: (to) => {
			url = new URL(to, url);
			log.push(`replace ${to}`);
		}
	};
	return { address, log, url: () => url.href };
}

/** The room is asked about the attacker's redemption (s256 step 7) only. */
const predictionFor = (step: TaughtStep | undefined) =>
	step?.id === 'token-attacker-no-verifier' ? 'Will it get a token?' : undefined;

function setUp(start?: string, presentable = true) {
	const playground = new Playground(initial);
	const fake = fakeAddress(start);
	const router = new Router(playground, fake.address, {
		presentable,
		loadPredictions: async () => predictionFor
	});
	return { playground, router, ...fake };
}

describe('the router: the one home of navigation', () => {
	it('opens the place the address names, and corrects a step past the end', async () => {
		const { router, playground, log } = setUp('https://site.test/#s256/99');
		await router.start();
		expect(playground.step).toBe(playground.count - 1);
		expect(log).toEqual([`replace #s256/${playground.count}`]);
	});

	it('writes every move into the address (history), replacing while playing', async () => {
		const { router, playground, log } = setUp();
		await router.start();
		router.forward();
		await Promise.resolve();
		router.backward();
		router.act('last');
		router.act('first');
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(playground.step).toBe(0);
		expect(log).toEqual([
			'push #s256/2',
			'push #s256/1',
			`push #s256/${playground.count}`,
			'push #s256/1'
		]);
		playground.onAdvance?.(3);
		expect(log.at(-1)).toBe('replace #s256/4');
	});

	it('in presenter mode asks the room before a decisive step, then reveals without moving', async () => {
		const { router, playground, url } = setUp('https://site.test/?present#s256/6');
		await router.start();
		expect(router.presenting).toBe(true);
		await new Promise((resolve) => setTimeout(resolve, 0)); // the questions load
		router.forward();
		expect(router.predicting).toBe(true);
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(playground.step).toBe(6);
		expect(router.question).toBe('Will it get a token?');
		router.forward();
		expect(router.predicting).toBe(false);
		expect(router.question).toBeUndefined();
		expect(playground.step).toBe(6);
		router.act('toggle-present');
		expect(router.presenting).toBe(false);
		expect(url()).toBe('https://site.test/#s256/7');
	});

	it('never presents in an embed', async () => {
		const { router } = setUp('https://site.test/?present#s256/1', false);
		await router.start();
		expect(router.presenting).toBe(false);
		router.setPresenting(true);
		expect(router.presenting).toBe(false);
	});

	it('restart pauses and goes to the first step; choosing a scenario starts it at step 1', async () => {
		const { router, playground } = setUp('https://site.test/#s256/5');
		await router.start();
		playground.play();
		router.act('restart');
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(playground.playing).toBe(false);
		expect(playground.step).toBe(0);
		router.choose('replay');
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(playground.scenario).toBe('replay');
		expect(playground.step).toBe(0);
		playground.destroy();
	});
});

describe('the deferred address: writes after the paint, reads at once', () => {
	/** A deferred address over the fake; `paint()` runs what waits for the next paint. */
	function deferred(start?: string) {
		const fake = fakeAddress(start);
		const waiting: (() => void)[] = [];
		const address = deferredAddress(fake.address, (write) => waiting.push(write));
		const paint = () => waiting.splice(0).forEach((write) => write());
		return { ...fake, address, paint, scheduled: () => waiting.length };
	}

	it('reads the writes not made yet, and makes them in order, once, after the paint', () => {
		const { address, log, url, paint, scheduled } = deferred();
		address.push('#s256/2');
		address.replace('?present#s256/2');
		address.push('#s256/3');
		expect(address.hash()).toBe('#s256/3');
		expect(address.href()).toBe('https://site.test/?present#s256/3');
		expect(log).toEqual([]);
		expect(scheduled()).toBe(1);
		paint();
		expect(log).toEqual([
			'push https://site.test/#s256/2',
			'replace https://site.test/?present#s256/2',
			'push https://site.test/?present#s256/3'
		]);
		expect(url()).toBe('https://site.test/?present#s256/3');
		paint();
		expect(log).toHaveLength(3);
	});

	it('a router on it: forward then back before the paint reach the history in order, and the address ends at the step shown', async () => {
		const playground = new Playground(initial);
		const { address, log, url, paint } = deferred();
		const router = new Router(playground, address, {
			presentable: true,
			loadPredictions: async () => predictionFor
		});
		await router.start();
		router.forward();
		router.backward();
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(playground.step).toBe(0);
		paint();
		expect(log).toEqual(['push https://site.test/#s256/2', 'push https://site.test/#s256/1']);
		expect(url()).toBe('https://site.test/#s256/1');
	});

	it('in a hidden page, where nothing waits for a paint, every write is made at once', () => {
		const fake = fakeAddress();
		const address = deferredAddress(fake.address, (write) => write());
		address.push('#s256/2');
		address.replace('#s256/3');
		address.push('#s256/4');
		expect(fake.log).toEqual([
			'push https://site.test/#s256/2',
			'replace https://site.test/#s256/3',
			'push https://site.test/#s256/4'
		]);
		expect(address.hash()).toBe('#s256/4');
	});

	it('drop: Back or Forward wins over writes not made yet', () => {
		const { address, log, paint } = deferred();
		address.push('#s256/2');
		address.drop();
		expect(address.hash()).toBe('#s256/1');
		paint();
		expect(log).toEqual([]);
	});
});
