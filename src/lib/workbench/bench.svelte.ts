import {
	generateCodeVerifier,
	octetsForVerifierLength,
	pickSha256,
	RFC7636_APPENDIX_B,
	webCryptoRandom,
	type Sha256
} from '$lib/pkce';
import { liveEnvironment } from '$lib/protocol/environment';
import type { Environment } from '$lib/protocol/world';
import { inspectVerifier, verifierPipeline, type VerifierPipeline } from './inspect';

let sha256: Promise<Sha256> | undefined;

/** The browser's SHA-256, picked once per page (WebCrypto, or the fallback off secure contexts). */
export function browserSha256(): Promise<Sha256> {
	sha256 ??= pickSha256();
	return sha256;
}

/** Fresh randomness, this browser's SHA-256 and the real clock. */
export async function browserEnvironment(): Promise<Environment> {
	return liveEnvironment(await browserSha256(), () => Date.now());
}

/** Words for an error the page did not expect, so the learner never meets silence. */
export function describeFailure(what: string, error: unknown): string {
	return `${what} failed in this browser: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * The verifier field's state: the text as typed (never trimmed), the octets the generator drew
 * for it, and the pipeline computed from it. Everything else is derived by the pure core.
 */
export class VerifierBench {
	text = $state('');
	length = $state(43);
	pipeline: VerifierPipeline = $state.raw()!;
	/** True once the values shown were computed in this browser. */
	live = $state(false);
	error: string | undefined = $state();

	#known: { text: string; octets: Uint8Array } | undefined = $state.raw();
	#generation = 0;

	readonly inspection = $derived(inspectVerifier(this.text));
	/** Whether the text is still exactly what the generator made from random octets. */
	readonly generated = $derived(this.#known?.text === this.text);

	constructor(initial: VerifierPipeline) {
		this.text = initial.plain;
		this.pipeline = initial;
		this.#known = initial.octets && { text: initial.plain, octets: initial.octets };
	}

	/** The learner typed or pasted: keep every character. */
	type(text: string): Promise<void> {
		this.text = text;
		return this.#compute();
	}

	/** A fresh verifier of `length` characters from the platform's CSPRNG (RFC 7636 §4.1). */
	random(length = this.length): Promise<void> {
		const octets = webCryptoRandom(octetsForVerifierLength(length));
		this.length = length;
		this.#known = { text: generateCodeVerifier(length, () => octets), octets };
		this.text = this.#known.text;
		return this.#compute();
	}

	/** The RFC 7636 Appendix B example. */
	testVector(): Promise<void> {
		this.length = 43;
		this.#known = { text: RFC7636_APPENDIX_B.verifier, octets: RFC7636_APPENDIX_B.octets };
		this.text = this.#known.text;
		return this.#compute();
	}

	async #compute(): Promise<void> {
		const generation = ++this.#generation;
		const text = this.text;
		try {
			const pipeline = await verifierPipeline(text, await browserSha256(), this.#known);
			if (generation !== this.#generation) return; // the learner typed on meanwhile
			this.pipeline = pipeline;
			this.live = true;
			this.error = undefined;
		} catch (error) {
			this.error = describeFailure('Computing the challenge', error);
		}
	}
}
