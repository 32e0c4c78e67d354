/**
 * The playground's place lives in the URL hash as `#<scenario>/<step>`, step counted from 1,
 * e.g. `#s256/4`. A hash keeps deep links working on any static host (no server routing).
 */
export interface Place {
	scenario: string;
	/** 0-based index into the scenario's steps. */
	step: number;
}

/** Reads `#s256/4` (or `#s256`, meaning its first step); undefined for anything else. */
export function parsePlace(hash: string, scenarios: readonly string[]): Place | undefined {
	const match = /^#?([a-z0-9-]+)(?:\/(\d{1,4}))?\/?$/.exec(hash);
	if (!match || !scenarios.includes(match[1]!)) return undefined;
	const step = match[2] === undefined ? 0 : Number(match[2]) - 1;
	return { scenario: match[1]!, step: Math.max(0, step) };
}

/** The hash for a place: `#s256/4`. */
export function formatPlace({ scenario, step }: Place): string {
	return `#${scenario}/${step + 1}`;
}

/** Keeps a step index inside a run of `count` steps. */
export function clampStep(step: number, count: number): number {
	return Math.min(Math.max(0, Math.trunc(step)), Math.max(0, count - 1));
}
