/**
 * RFC 7636 Appendix B: the example's 32 octets, verifier and challenge.
 * For tests and the test-vector walk-through only — never use a published verifier.
 * @see https://www.rfc-editor.org/rfc/rfc7636#appendix-B
 */
export const RFC7636_APPENDIX_B = {
	octets: Uint8Array.of(
		116,
		24,
		223,
		180,
		151,
		153,
		224,
		37,
		79,
		250,
		96,
		125,
		216,
		173,
		187,
		186,
		22,
		212,
		37,
		77,
		105,
		214,
		191,
		240,
		91,
		88,
		5,
		88,
		83,
		132,
		141,
		121
	),
	verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
	challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
} as const;
