import { headerValue } from '$lib/protocol/http';
import type { Step } from '$lib/protocol/types';
import type { Citation, CodeRef, SpecId } from '../types';

type SourceFile =
	| 'client'
	| 'authorization-server'
	| 'attacker'
	| 'mcp-server'
	| 'browser'
	| 'refresh-tokens'
	| 'hostile-server'
	| 'impersonation'
	| 'code-injection'
	| 'step-up'
	| 'scoped-mcp-server'
	| 'discovery';

/**
 * A region of a protocol source file, shown beside the step, with the lines the step is about:
 * `{ mark: 'what this line does here' }`, by their `// #mark` names in the source.
 */
export const at = (
	file: SourceFile,
	region: string,
	notes?: Readonly<Record<string, string>>
): CodeRef => ({ file: `protocol/${file}.ts`, region, ...(notes && { notes }) });

/** A spec section, as listed in the project's FACTS. */
export const cite = (spec: SpecId, section: string): Citation => ({ spec, section });

/** The `error` a server answered in a step — in a JSON body or a redirect's Location — or undefined. */
export function errorOf(step: Step): string | undefined {
	const error = step.response?.json?.error;
	if (typeof error === 'string') return error;
	const location = step.response && headerValue(step.response, 'Location');
	return location ? (new URL(location).searchParams.get('error') ?? undefined) : undefined;
}

/** A query parameter of the step's request URL, e.g. its `redirect_uri`. */
export function queryOf(step: Step, name: string): string | undefined {
	return step.request ? (new URL(step.request.url).searchParams.get(name) ?? undefined) : undefined;
}
