import type { TaughtStep as Step } from '$lib/content/types';
import { CURRENT_REVISION, isRevision } from '$lib/protocol/revisions';
import type { ScenarioId } from '$lib/protocol/types';
import type { KeyAction } from './keys';
import { formatPlace } from './location';
import type { Playground } from './playground.svelte';

/**
 * The address bar as the router uses it. The page passes SvelteKit's shallow routing
 * (`pushState`/`replaceState`) and `location`, its writes deferred to after the paint
 * ({@link deferredAddress}); tests pass a fake.
 */
export interface Address {
	/** The current `location.hash`, e.g. "#s256/3". */
	hash(): string;
	/** The current `location.href`. */
	href(): string;
	push(url: string): void;
	replace(url: string): void;
}

/** Presenter mode's question for a step, if the room is asked one (content/predictions.ts). */
export type PredictionFor = (step: Step | undefined) => string | undefined;

export interface RouterOptions {
	/** False in an embed: presenter mode's full-height layout would fight the iframe's sizing. */
	presentable: boolean;
	/** Loads presenter mode's questions, on first use (first-load byte budget). */
	loadPredictions: () => Promise<PredictionFor>;
}

/**
 * Where the reader is and how they move: the one home of navigation. The URL is the source of
 * truth for scenario and step (`#s256/3`: links, reload, back and forward); presenter mode is
 * `?present`. Every move goes through the address, then {@link Router.follow} shows it.
 */
export class Router {
	/** Presenter mode: big type, no page chrome, predict-then-reveal. */
	presenting = $state(false);
	/** The current step's outcome is hidden while the room guesses it. */
	predicting = $state(false);
	#predictionFor: PredictionFor | undefined = $state();
	readonly playground: Playground;
	#address: Address;
	#options: RouterOptions;

	/** The question the room is asked now, while it guesses. */
	get question(): string | undefined {
		return this.predicting ? this.#predictionFor?.(this.playground.current) : undefined;
	}

	constructor(playground: Playground, address: Address, options: RouterOptions) {
		this.playground = playground;
		this.#address = address;
		this.#options = options;
		// While playing, each step is a place of its own in the address (replacing, not piling up).
		playground.onAdvance = (step) => this.navigate(playground.scenario, step, true);
	}

	/** Starts from the address the page was opened at. */
	async start(): Promise<void> {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, not state
		const url = new URL(this.#address.href());
		if (this.#options.presentable && url.searchParams.has('present')) this.#present(true);
		const mcp = url.searchParams.get('mcp') ?? CURRENT_REVISION;
		const known = isRevision(mcp);
		if (known) this.playground.revision = mcp;
		await this.follow(this.#address.hash());
		if (known) return;
		this.setParam('mcp', undefined); // else every shared copy of the address says it again
		this.playground.error = `No MCP revision “${mcp}”: showing ${CURRENT_REVISION}.`;
	}

	/** Moves to a place: writes it into the address, then shows it. */
	navigate(scenario: ScenarioId, step: number, replace = false): Promise<void> {
		const hash = formatPlace({ scenario, step: Math.max(0, step) });
		if (hash !== this.#address.hash()) {
			if (replace) this.#address.replace(hash);
			else this.#address.push(hash);
		}
		return this.follow(hash);
	}

	/** Shows what a `#scenario/step` hash names (after a link, reload, back or forward). */
	async follow(hash: string): Promise<void> {
		const { playground } = this;
		const result = await playground.applyHash(hash);
		if (result === 'unknown' && !playground.live) await playground.load(playground.scenario);
		// A step past the end (#s256/99) lands on the last one; say so in the address too.
		if (result === 'shown' && this.#address.hash() === hash && playground.hash !== hash) {
			this.#address.replace(playground.hash);
		}
	}

	/** Forward one step; in presenter mode a step with a question first asks, then reveals. */
	forward = (): void => {
		if (this.predicting) {
			this.predicting = false;
			return;
		}
		const { playground } = this;
		if (playground.atEnd) return;
		const next = playground.step + 1;
		this.predicting = this.presenting && !!this.#predictionFor?.(playground.run.steps[next]);
		void this.navigate(playground.scenario, next);
	};

	backward = (): void => this.jump(this.playground.step - 1);

	jump = (step: number): void => {
		this.predicting = false;
		void this.navigate(this.playground.scenario, step);
	};

	/** Another scenario, from its first step. */
	choose = (scenario: ScenarioId): void => {
		this.predicting = false;
		void this.navigate(scenario, 0);
	};

	restart = (): void => {
		this.playground.pause();
		this.jump(0);
	};

	setPresenting = (on: boolean): void => {
		if (!this.#options.presentable) return;
		this.#present(on);
		this.setParam('present', on ? '' : undefined);
	};

	/**
	 * Sets or removes one parameter of the address's query, in place (`?present` has no value;
	 * `?mcp=` keeps the revision the client follows, RevisionSwitch.svelte).
	 */
	setParam(name: string, value: string | undefined) {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a new address, not state
		const url = new URL(this.#address.href());
		if (value === undefined) url.searchParams.delete(name);
		else url.searchParams.set(name, value);
		this.#address.replace(url.href.replace('present=', 'present'));
	}

	/** What each key does (keys.ts maps a key press to its action). */
	act = (action: KeyAction): void => {
		const { playground } = this;
		const actions: Record<KeyAction, () => void> = {
			next: this.forward,
			previous: this.backward,
			first: () => this.jump(0),
			last: () => this.jump(playground.count - 1),
			restart: this.restart,
			'toggle-play': playground.togglePlay,
			'new-values': () => void playground.regenerate(),
			'toggle-present': () => this.setPresenting(!this.presenting)
		};
		actions[action]();
	};

	#present(on: boolean) {
		this.presenting = on;
		this.predicting = false;
		if (on && !this.#predictionFor) {
			void this.#options.loadPredictions().then((load) => (this.#predictionFor = load));
		}
	}
}

/**
 * An address whose writes wait for `later` (the page passes "after the next paint": a history
 * entry would cost a key press its frame) and then reach `address` in order; reads see them at
 * once. `drop` forgets writes not made yet: Back or Forward wins over them.
 */
export function deferredAddress(
	address: Address,
	later: (write: () => void) => void
): Address & { drop(): void } {
	// Plain URLs: resolved once, never state.
	/* eslint-disable svelte/prefer-svelte-reactivity */
	let writes: { url: string; replace: boolean }[] = [];
	const href = () => writes.at(-1)?.url ?? address.href();
	const write = (url: string, replace: boolean) => {
		writes.push({ url: new URL(url, href()).href, replace });
		// The first write schedules them all (`later` may run at once: a hidden page paints nothing).
		if (writes.length > 1) return;
		later(() => {
			const batch = writes;
			writes = [];
			for (const w of batch) (w.replace ? address.replace : address.push)(w.url);
		});
	};
	return {
		hash: () => (writes.length ? new URL(href()).hash : address.hash()),
		/* eslint-enable svelte/prefer-svelte-reactivity */
		href,
		push: (url) => write(url, false),
		replace: (url) => write(url, true),
		drop: () => (writes = [])
	};
}
