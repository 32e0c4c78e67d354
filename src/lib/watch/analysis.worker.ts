/**
 * Watch's checks, in a worker of their own. Besides keeping the page responsive while a long
 * record is checked, the worker is bundled on its own: the PKCE and protocol modules the checks
 * share with the playground stay where the playground's first load has them (in the page, this
 * split them into a chunk of their own: 139 bytes more on every first visit, measured).
 */
import { computeCodeChallenge, pickSha256 } from '$lib/pkce';
import { findingsOf } from './analyze';
import { watchSteps } from './steps';
import type { AnalysisReply, AnalysisRequest } from './types';

const sha256 = pickSha256();
const s256 = async (text: string) => computeCodeChallenge(text, 'S256', await sha256);

addEventListener('message', async (event: MessageEvent<AnalysisRequest>) => {
	const { id, session, earlier, revision } = event.data;
	let reply: AnalysisReply;
	try {
		const findings = await findingsOf(session, { revision, s256 }, earlier);
		reply = { id, findings, steps: await watchSteps(session, findings, { s256 }) };
	} catch (error) {
		reply = { id, error: error instanceof Error ? error.message : String(error) };
	}
	postMessage(reply);
});
