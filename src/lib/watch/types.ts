/**
 * Watch: what the lab recorded of an MCP client's flow (src/lab/recorder.js makes these), and
 * what the page finds in it. The request and response mirror the protocol core's, so a recorded
 * message is drawn by the same components as a simulated one.
 */
import type { Citation } from '$lib/content/types';
import type { WatchStep } from './steps';
import { WATCH_MODES } from '../../lab/defaults.js';
import type { McpRevision } from '$lib/protocol/revisions';
import type { Field } from '$lib/protocol/types';

/** The lab's behaviour for the next flow: one list for the lab and the page. */
export { WATCH_MODES };
export type WatchMode = (typeof WATCH_MODES)[number];

export interface RecordedExchange {
	seq: number;
	session: number;
	/** Milliseconds since the lab started. */
	at: number;
	server: 'as' | 'mcp';
	from: 'client' | 'browser' | 'attacker';
	mode: WatchMode;
	request: {
		method: string;
		url: string;
		headers: Field[];
		form?: Field[];
		json?: unknown;
	};
	response: {
		status: number;
		statusText: string;
		headers: Field[];
		json?: unknown;
		text?: string;
	};
}

export type FindingStatus = 'pass' | 'fail' | 'warn' | 'info';

/** One thing checked about the client, beside the message it is about. */
export interface Finding {
	/** What is checked, the same for every flow: "pkce-method", "resource-token". */
	check: string;
	status: FindingStatus;
	/** One sentence: what the client did. */
	title: string;
	/** Why it matters, and what the specification asks. */
	detail: string;
	cites: Citation[];
	/** The recorded exchange it is about. */
	seq: number;
	/** Where the playground teaches it (a path below the site's base: "#s256/1", "workbench/#…"). */
	learn: { label: string; href: string };
}

export interface WatchOptions {
	/** The MCP revision the client is checked against. */
	revision: McpRevision;
	/** BASE64URL(SHA-256(ASCII(text))), for the S256 transform (RFC 7636 §4.2). */
	s256: (text: string) => Promise<string>;
}

/** What the page asks the checks' worker (analysis.worker.ts). */
export interface AnalysisRequest {
	id: number;
	session: RecordedExchange[];
	/** The sessions before it (a verifier seen there again is a reused one). */
	earlier: RecordedExchange[];
	revision: McpRevision;
}

export type AnalysisReply =
	{ id: number; findings: Finding[]; steps: WatchStep[] } | { id: number; error: string };
