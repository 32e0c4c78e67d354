import { describe, expect, test } from 'vitest';
import { citationLabel, citationUrl } from './sources';

describe('citations', () => {
	test('numbered sections link to their anchor', () => {
		expect(citationUrl({ spec: 'RFC 7636', section: '4.6' })).toBe(
			'https://www.rfc-editor.org/rfc/rfc7636#section-4.6'
		);
		expect(citationLabel({ spec: 'RFC 7636', section: '4.6' })).toBe('RFC 7636 §4.6');
	});

	test('appendices link to their anchor', () => {
		expect(citationUrl({ spec: 'RFC 7636', section: 'Appendix B' })).toBe(
			'https://www.rfc-editor.org/rfc/rfc7636#appendix-B'
		);
		expect(citationLabel({ spec: 'RFC 7636', section: 'Appendix B' })).toBe('RFC 7636, Appendix B');
	});

	test('named sections link to the document', () => {
		expect(citationUrl({ spec: 'OAuth 2.1', section: 'Reuse of Authorization Codes' })).toBe(
			'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1-15'
		);
	});
});
