import { placeQuiz, QUIZ } from '$lib/content/quiz';
import { loadSnippet } from '$lib/content/snippets.server';
import { RFC7636_APPENDIX_B, webCryptoSha256 } from '$lib/pkce';
import { testVectorEnvironment } from '$lib/protocol/environment';
import { runScenario } from '$lib/protocol/runner';
import { verifierPipeline } from '$lib/workbench/inspect';

/**
 * Build time: the RFC 7636 Appendix B pipeline (what a reader without JavaScript sees), the quiz
 * with its steps resolved against real scenario runs, and the real source of the transforms.
 */
export async function load() {
	const scenarios = [...new Set(QUIZ.map((q) => q.see.scenario))];
	const runs = await Promise.all(scenarios.map((id) => runScenario(id, testVectorEnvironment())));
	const [generate, challenge, verify] = await Promise.all([
		loadSnippet({ file: 'pkce/verifier.ts', region: 'generate' }),
		loadSnippet({ file: 'pkce/challenge.ts', region: 'challenge' }),
		loadSnippet({ file: 'protocol/authorization-server.ts', region: 'token-verify-pkce' })
	]);
	return {
		initial: await verifierPipeline(RFC7636_APPENDIX_B.verifier, webCryptoSha256, {
			text: RFC7636_APPENDIX_B.verifier,
			octets: Uint8Array.from(RFC7636_APPENDIX_B.octets)
		}),
		quiz: placeQuiz(QUIZ, runs),
		snippets: [generate, challenge, verify].map(({ file, region, html }) => ({
			file,
			region,
			html
		}))
	};
}
