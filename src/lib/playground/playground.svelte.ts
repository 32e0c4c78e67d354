import { pickSha256, webCryptoRandom, type Sha256 } from '$lib/pkce';
import { retell } from '$lib/content/retell';
import { CURRENT_REVISION, type McpRevision } from '$lib/protocol/revisions';
import { runScenario } from '$lib/protocol/runner';
import type { Environment } from '$lib/protocol/world';
import { SCENARIOS } from '$lib/content/scenarios';
import type { TaughtRun as ScenarioRun } from '$lib/content/types';
import type { ScenarioId } from '$lib/protocol/types';
import { clampStep, formatPlace, parsePlace } from './location';

export const SCENARIO_IDS: readonly ScenarioId[] = SCENARIOS.map((s) => s.id);

/** Fetches the highlighted code of a scenario's steps, keyed "file#region". */
export type SnippetLoader = (scenario: ScenarioId) => Promise<Record<string, string>>;

/** How long a step stays on screen while playing. */
export const PLAY_INTERVAL_MS = 2600;

/**
 * The playground's state: which scenario, which step, which run of values. It renders runs that
 * the protocol core computed; it computes no protocol itself.
 */
export class Playground {
	run: ScenarioRun = $state.raw()!;
	step = $state(0);
	playing = $state(false);
	testVector = $state(false);
	/** Which SHA-256 the live values used, once known. */
	sha256: Sha256['name'] | undefined = $state();
	/** True once the values on screen were computed in this browser. */
	live = $state(false);
	/**
	 * The MCP revision whose rules the client follows (the address's `mcp` parameter); set it,
	 * then `regenerate()` runs the same place again by its rules (RevisionSwitch.svelte).
	 */
	revision: McpRevision = $state(CURRENT_REVISION);
	error: string | undefined = $state();
	/**
	 * What the fixed values are (which of them RFC 7636 Appendix B's): set with the prerendered
	 * run, and again by each run with the test-vector values.
	 */
	notice: string | undefined = $state();
	/** Highlighted code per "file#region" of the scenarios loaded so far (made at build time). */
	snippets: Record<string, string> = $state.raw({});

	readonly scenario = $derived(this.run.scenario);
	readonly current = $derived(this.run.steps[this.step]!);
	readonly count = $derived(this.run.steps.length);
	readonly atEnd = $derived(this.step >= this.count - 1);

	/** Called instead of moving directly while playing, so the page can keep the URL in step. */
	onAdvance: ((step: number) => void) | undefined;

	#hash: Sha256 | undefined;
	/** The place last asked for, which a pending load may not show yet. */
	#target: { scenario: ScenarioId; step: number } = { scenario: 's256', step: 0 };
	#timer: ReturnType<typeof setInterval> | undefined;
	#generation = 0;
	#loadSnippets: SnippetLoader | undefined;
	/** Scenarios whose code is in `snippets` (bookkeeping: nothing renders it). */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#haveCode = new Set<ScenarioId>();
	/** The last told run of each scenario: its text serves fresh values of the same scenario. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#told = new Map<ScenarioId, ScenarioRun>();

	/**
	 * `snippets` is the code of the `initial` scenario; `loadSnippets` fetches another scenario's
	 * when the reader switches to it (without it, only the given code is shown).
	 */
	constructor(
		initial: ScenarioRun,
		snippets: Record<string, string> = {},
		loadSnippets?: SnippetLoader
	) {
		this.run = initial;
		this.snippets = snippets;
		this.#haveCode.add(initial.scenario);
		this.#told.set(initial.scenario, initial);
		this.#loadSnippets = loadSnippets;
		this.#target = { scenario: initial.scenario, step: 0 };
	}

	/**
	 * Runs a scenario and joins its text: the text the page already has for it, or (the first time
	 * the reader switches to a scenario) its story module, loaded then.
	 */
	async #tell(scenario: ScenarioId, env: Environment): Promise<ScenarioRun> {
		const known = this.#told.get(scenario);
		if (known) {
			const run = retell(await runScenario(scenario, env, this.revision), known);
			if (run) return run;
		}
		// The story module imports nothing the page has: loading it preloads no stylesheet.
		const [bare, { loadStory, teach }] = await Promise.all([
			runScenario(scenario, env, this.revision),
			import('$lib/content/story')
		]);
		const run = teach(bare, await loadStory(scenario));
		this.#told.set(scenario, run);
		return run;
	}

	/** Fetches a scenario's code once; a problem comes back as a message, never as a failed run. */
	async #fetchCode(scenario: ScenarioId): Promise<string | undefined> {
		if (!this.#loadSnippets || this.#haveCode.has(scenario)) return undefined;
		try {
			const more = await this.#loadSnippets(scenario);
			this.snippets = { ...this.snippets, ...more };
			this.#haveCode.add(scenario);
			return undefined;
		} catch (error) {
			return `This scenario's code did not load (${messageOf(error)}); the rest is complete. New values tries again.`;
		}
	}

	/**
	 * Recomputes the scenario with fresh values (or the deterministic test-vector values) and shows `step`.
	 * False when a newer request superseded this one before it finished.
	 */
	async load(scenario: ScenarioId, step = 0): Promise<boolean> {
		const generation = ++this.#generation;
		this.#target = { scenario, step };
		try {
			this.#hash ??= await pickSha256();
			// The test-vector environment and its notice load only when asked for (first-load bytes).
			const fixed = this.testVector
				? await Promise.all([import('$lib/protocol/environment'), import('$lib/content/vectors')])
				: undefined;
			const env = fixed
				? fixed[0].testVectorEnvironment(this.#hash)
				: { random: webCryptoRandom, sha256: this.#hash, now: () => Date.now() };
			const [run, codeProblem] = await Promise.all([
				this.#tell(scenario, env),
				this.#fetchCode(scenario)
			]);
			if (generation !== this.#generation) return false; // a newer request won
			this.run = run;
			if (fixed) this.notice = fixed[1].testVectorNotice(run.steps);
			this.step = clampStep(step, run.steps.length);
			this.sha256 = this.#hash.name;
			this.live = true;
			this.error = codeProblem;
			return true;
		} catch (error) {
			this.error = `This browser could not run the scenario: ${messageOf(error)}`;
			return false;
		}
	}

	go = (step: number): void => {
		this.step = clampStep(step, this.count);
		if (this.atEnd) this.pause();
	};

	play = () => {
		const advance = this.onAdvance ?? this.go;
		// From the end, play starts over: through onAdvance too, so the address follows.
		if (this.atEnd) advance(0);
		this.playing = true;
		clearInterval(this.#timer);
		this.#timer = setInterval(() => advance(this.step + 1), PLAY_INTERVAL_MS);
	};

	pause = () => {
		this.playing = false;
		clearInterval(this.#timer);
	};

	togglePlay = () => (this.playing ? this.pause() : this.play());

	/** New random values for the same scenario and step: nothing on the page is canned. */
	// The place asked for, not the one on screen: a scenario may still be loading.
	regenerate = () => this.load(this.#target.scenario, this.#target.step);

	setTestVector(on: boolean): Promise<boolean> {
		this.testVector = on;
		return this.load(this.#target.scenario, this.#target.step);
	}

	get hash(): string {
		return formatPlace({ scenario: this.scenario, step: this.step });
	}

	/**
	 * Applies a `#scenario/step` hash: 'shown', 'unknown' when it names nothing, or 'superseded'
	 * when a newer place was asked for while this one loaded.
	 */
	async applyHash(hash: string): Promise<'shown' | 'unknown' | 'superseded'> {
		const place = parsePlace(hash, SCENARIO_IDS);
		if (!place) return 'unknown';
		if (place.scenario !== this.scenario || !this.live) {
			return (await this.load(place.scenario as ScenarioId, place.step)) ? 'shown' : 'superseded';
		} else {
			this.#generation++; // a load still in flight must not override this newer place
			this.#target = { scenario: this.scenario, step: place.step };
			this.go(place.step);
		}
		return 'shown';
	}

	destroy(): void {
		this.pause();
	}
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
