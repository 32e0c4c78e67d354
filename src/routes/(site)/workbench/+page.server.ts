import { checkAllContent, testVectorStory } from '$lib/content/playground.server';
import { placeQuiz, QUIZ } from '$lib/content/quiz';
import { WORKBENCH_CODE } from '$lib/content/shown';
import { loadSnippet } from '$lib/content/snippets.server';
import { RFC7636_APPENDIX_B, webCryptoSha256 } from '$lib/pkce';
import { verifierPipeline } from '$lib/workbench/inspect';

/**
 * Build time: the RFC 7636 Appendix B pipeline (what a reader without JavaScript sees), the quiz
 * with its steps resolved against real scenario runs, and the real source of the transforms.
 */
export async function load() {
	await checkAllContent();
	const scenarios = [...new Set(QUIZ.map((q) => q.see.scenario))];
	const runs = await Promise.all(scenarios.map((id) => testVectorStory(id)));
	const snippets = await Promise.all(WORKBENCH_CODE.map(loadSnippet));
	return {
		initial: await verifierPipeline(RFC7636_APPENDIX_B.verifier, webCryptoSha256, {
			text: RFC7636_APPENDIX_B.verifier,
			octets: Uint8Array.from(RFC7636_APPENDIX_B.octets)
		}),
		quiz: placeQuiz(QUIZ, runs),
		snippets: snippets.map(({ file, region, html }) => ({
			file,
			region,
			html
		}))
	};
}
