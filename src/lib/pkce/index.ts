export { base64UrlDecode, base64UrlEncode } from './base64url';
export { computeCodeChallenge, type CodeChallengeMethod } from './challenge';
export { replayRandom, webCryptoRandom, type RandomOctets } from './random';
export { loadNobleSha256, pickSha256, webCryptoSha256, type Sha256 } from './sha256';
export { describeCharacter, describeVerifierProblem } from './describe';
export {
	isUnreserved,
	isWellFormedCodeChallenge,
	validateCodeVerifier,
	type VerifierProblem,
	type VerifierValidation
} from './validate';
export {
	generateCodeVerifier,
	generatedVerifierEntropyBits,
	MAX_VERIFIER_LENGTH,
	MIN_VERIFIER_LENGTH,
	octetsForVerifierLength
} from './verifier';
export { RFC7636_APPENDIX_B } from './vectors';
