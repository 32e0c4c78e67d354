import { loadSnippet } from '$lib/content/snippets.server';
import { replayRandom, RFC7636_APPENDIX_B, webCryptoSha256 } from '$lib/pkce';
import { runPkcePipeline } from '$lib/pkce/pipeline';

export async function load() {
	return {
		example: await runPkcePipeline(replayRandom(RFC7636_APPENDIX_B.octets), webCryptoSha256),
		snippets: await Promise.all([
			loadSnippet({ file: 'pkce/verifier.ts', region: 'generate' }),
			loadSnippet({ file: 'pkce/challenge.ts', region: 'challenge' })
		])
	};
}
