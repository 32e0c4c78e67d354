/**
 * The text of a live run (Live mode: the steps a real lab answered). A live step has the id of the
 * simulated step it mirrors; where the real server ended it the same way, the story's text serves
 * it unchanged. Where the real server did something else, the text says what it did, and the list
 * of differences says how the real answers differ from the simulation's, citing the spec that
 * leaves the choice open.
 */
import type { ScenarioRun, Step } from '$lib/protocol/types';
import { headerValue } from '$lib/protocol/http';
import type { Citation, StepText, TaughtRun, TaughtStep } from './types';

/** Where a real answer differs from the simulated one. */
export interface LiveDifference {
	/** The step's index in the live run. */
	step: number;
	title: string;
	real: string;
	simulated: string;
	/** Why both are correct, or what the difference teaches. */
	note: string;
	cites: Citation[];
}

const OUTCOME_WORDS: Record<Step['outcome'], string> = {
	ok: 'succeeds',
	rejected: 'is refused',
	'attacker-wins': 'lets the attacker in',
	'attacker-fails': 'stops the attacker',
	info: 'goes on'
};

/** Text for live steps the real lab ends otherwise than the simulation, by `id:outcome`. */
const LIVE_TEXT: Record<string, Omit<StepText, 'code'>> = {
	'mcp-attacker-revoked:attacker-wins': {
		title: "The attacker calls the MCP server again, after the code's second use",
		narration:
			"The real MCP server still accepts the attacker's token. When the client redeemed the code after the attacker had (its second use), the authorization server refused it; RFC 6749 §4.1.2 says it SHOULD also revoke, when possible, the tokens issued from that code. But the lab's MCP server checks the JWT access token itself (signature, issuer, audience, expiry) and never asks the authorization server, so a revocation cannot reach it: the token works until it expires, 5 minutes in the lab. The simulated MCP server asks its authorization server, so there this call fails.",
		cites: [{ spec: 'RFC 6749', section: '4.1.2' }]
	}
};

/** A live run with the story's text where the real server did what the story tells. */
export function tellLive(run: ScenarioRun, told: TaughtRun): TaughtRun {
	const steps = run.steps.map((step): TaughtStep => {
		const text = told.steps.find((s) => s.id === step.id);
		const { phase: _phase, ...rest } = step;
		if (text && text.outcome === step.outcome) {
			return {
				...rest,
				title: text.title,
				narration: text.narration,
				cites: text.cites,
				code: text.code,
				...(text.verdict !== undefined && { verdict: text.verdict })
			};
		}
		const own = LIVE_TEXT[`${step.id}:${step.outcome}`];
		const status = step.response ? `${step.response.status} ${step.response.statusText}` : '';
		return {
			...rest,
			title: own?.title ?? text?.title ?? step.id,
			narration:
				own?.narration ??
				`The real server answered ${status}: this step ${OUTCOME_WORDS[step.outcome]}, where the simulation's ${text ? OUTCOME_WORDS[text.outcome] : 'has no such step'}.`,
			cites: own?.cites ?? text?.cites ?? [],
			code: text?.code ?? told.steps[0]!.code
		};
	});
	return { ...told, steps };
}

const errorOf = (step: Step | undefined) => {
	const json = step?.response?.json;
	return typeof json?.error === 'string' ? json.error : undefined;
};
const descriptionOf = (step: Step | undefined) => {
	const json = step?.response?.json;
	return typeof json?.error_description === 'string' ? json.error_description : undefined;
};
const statusOf = (step: Step) =>
	step.response ? `${step.response.status} ${step.response.statusText}`.trim() : '';

/** How the real answers differ from a simulated run of the same scenario, step by step. */
export function liveDifferences(run: ScenarioRun, simulated: TaughtRun): LiveDifference[] {
	const found: LiveDifference[] = [];
	for (const [index, step] of run.steps.entries()) {
		const sim = simulated.steps.find((s) => s.id === step.id);
		if (!sim?.response || !step.response) continue;
		const add = (real: string, simulatedAnswer: string, note: string, cites: Citation[] = []) =>
			found.push({ step: index, title: sim.title, real, simulated: simulatedAnswer, note, cites });
		if (step.id === 'authorize-request' && step.response.status !== sim.response.status) {
			add(
				`${statusOf(step)} to ${headerValue(step.response, 'Location') ?? 'its sign-in page'}`,
				`${statusOf(sim)}, the sign-in page at once`,
				'oidc-provider sends the browser on to its own sign-in and consent pages; the simulation draws them as one answer. How a server signs the user in is its own choice: RFC 6749 §3.1 leaves it out of its scope.',
				[{ spec: 'RFC 6749', section: '3.1' }]
			);
			continue;
		}
		if (step.response.status !== sim.response.status) {
			const redirect = step.response.status >= 300 && step.response.status < 400;
			add(
				statusOf(step),
				statusOf(sim),
				redirect && sim.response.status >= 300 && sim.response.status < 400
					? "RFC 6749 §4.1.2's example uses 302 Found, and §1.7 allows any redirect the user agent can follow. After a form post, RFC 9700 §4.12 says the server MUST NOT use 307 and SHOULD use 303 See Other, which oidc-provider sends."
					: step.outcome !== sim.outcome
						? `The real run ${OUTCOME_WORDS[step.outcome]} here; the simulation ${OUTCOME_WORDS[sim.outcome]}. The step's text says why.`
						: 'Both end the same way.',
				redirect
					? [
							{ spec: 'RFC 6749', section: '1.7' },
							{ spec: 'RFC 9700', section: '4.12' }
						]
					: []
			);
			continue;
		}
		if (errorOf(step) !== errorOf(sim)) {
			add(
				`error ${errorOf(step) ?? '(none)'}`,
				`error ${errorOf(sim) ?? '(none)'}`,
				`Both refuse it. RFC 7636 §4.6 fixes invalid_grant only for a verifier that does not match; for a missing one this server answers ${errorOf(step) ?? 'no error code'}, and OAuth 2.1 (draft -15, §3.2.4) lists invalid_request.`,
				[
					{ spec: 'RFC 7636', section: '4.6' },
					{ spec: 'OAuth 2.1', section: '3.2.4' }
				]
			);
		} else if (descriptionOf(step) !== descriptionOf(sim) && descriptionOf(step) !== undefined) {
			add(
				`"${descriptionOf(step)}"`,
				`"${descriptionOf(sim) ?? ''}"`,
				'Same error code, other words: error_description is optional text for developers, which each server writes its own way.',
				[{ spec: 'RFC 6749', section: '5.2' }]
			);
		}
	}
	return found;
}
