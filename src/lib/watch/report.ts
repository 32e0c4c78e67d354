/**
 * Watch's report: a session's findings as Markdown, to paste into an issue or a pull request,
 * with the MCP revision they were checked against and the lab's mode.
 */
import { citationLabel } from '$lib/content/sources';
import type { McpRevision } from '$lib/protocol/revisions';
import type { Finding, FindingStatus, RecordedExchange, WatchMode } from './types';

export const STATUS_MARK: Record<FindingStatus, string> = {
	pass: '✓ pass',
	fail: '✕ fail',
	warn: '! warning',
	info: 'i note'
};

/** The exchanges of each session, in order. */
export function sessionsOf(exchanges: readonly RecordedExchange[]): RecordedExchange[][] {
	const sessions = new Map<number, RecordedExchange[]>();
	for (const e of [...exchanges].sort((a, b) => a.seq - b.seq)) {
		const list = sessions.get(e.session) ?? [];
		list.push(e);
		sessions.set(e.session, list);
	}
	return [...sessions.values()];
}

/** Counts by status, for the report's summary line. */
export function tally(findings: readonly Finding[]): Record<FindingStatus, number> {
	const counts: Record<FindingStatus, number> = { pass: 0, fail: 0, warn: 0, info: 0 };
	for (const finding of findings) counts[finding.status] += 1;
	return counts;
}

const plain = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function reportMarkdown({
	findings,
	revision,
	mode,
	session,
	client,
	stepOf
}: {
	findings: readonly Finding[];
	/** The step number (1, 2, …) of the message a finding is about, as the page numbers them. */
	stepOf: (seq: number) => number;
	revision: McpRevision;
	mode: WatchMode;
	session: number;
	/** The client's name, where it registered one. */
	client?: string;
}): string {
	const counts = tally(findings);
	const lines = [
		`## PKCE and discovery check${client ? `: ${plain(client)}` : ''}`,
		'',
		`Checked against **MCP ${revision}** by PKCE Playground's Watch, with the lab in **${mode}** mode (session ${session}).`,
		'',
		`${counts.fail} failed, ${counts.warn} warnings, ${counts.pass} passed, ${counts.info} notes.`,
		'',
		'| | Check | Finding | Step | Cites |',
		'|---|---|---|---|---|',
		...findings.map(
			(f) =>
				`| ${STATUS_MARK[f.status]} | \`${f.check}\` | ${plain(f.title)} | ${stepOf(f.seq)} | ${f.cites.map(citationLabel).join(', ')} |`
		),
		'',
		'The lab sees only what reaches it: checks the client makes on an answer (`state`, `iss`) show only as what it sends next.'
	];
	return `${lines.join('\n')}\n`;
}
