/**
 * The shapes of the teaching text. The protocol core records what happens (steps as data);
 * everything a reader reads about it — names, titles, narration, citations, the code beside a
 * step — is content, joined to the run by step id.
 */
import type { McpRevision } from '$lib/protocol/revisions';
import type { ActorId, ScenarioId, Step } from '$lib/protocol/types';

export type SpecId =
	| 'RFC 7636'
	| 'RFC 6749'
	| 'RFC 6750'
	| 'RFC 8252'
	| 'RFC 8414'
	| 'RFC 8707'
	| 'RFC 9207'
	| 'RFC 9700'
	| 'RFC 9728'
	| 'OAuth 2.1'
	| 'MCP 2025-06-18'
	| 'MCP 2025-11-25'
	| 'MCP 2026-07-28';

/** A reference to a spec section, checked against the project's list of sources. */
export interface Citation {
	spec: SpecId;
	/** e.g. "4.6", "Appendix B", "4.1.2.1", or a named section of the MCP specification */
	section: string;
}

/** A named region (`// #region name` … `// #endregion name`) of a real source file under src/lib. */
export interface CodeRef {
	/** Path below src/lib, e.g. "protocol/client.ts". */
	file: string;
	region: string;
	/**
	 * The lines this step is about, by the name of their mark in the source (`// #mark name`,
	 * never a line number), each with one short annotation sentence, in reading order.
	 */
	notes?: Readonly<Record<string, string>>;
}

/** The id of a step's highlighted code in the page's data: "file#region". */
export const snippetId = (ref: CodeRef): string => `${ref.file}#${ref.region}`;

/** The lanes' display names, in the protocol's lane order. */
export const ACTORS: readonly { id: ActorId; name: string; short: string }[] = [
	{ id: 'client', name: 'MCP client', short: 'Client' },
	{ id: 'browser', name: 'Browser', short: 'Browser' },
	{ id: 'as', name: 'Authorization server', short: 'Auth server' },
	{ id: 'mcp', name: 'MCP server', short: 'MCP server' },
	{ id: 'attacker', name: 'Attacker app', short: 'Attacker' }
];

/** What a reader reads about one step. */
export interface StepText {
	/** Says what happens, not how it ends (a presenter asks the room first). */
	title: string;
	/** Plain prose; `backticks` mark wire names. */
	narration: string;
	cites: Citation[];
	code: CodeRef;
	/** A predict-then-reveal question for this step, where the room's guess teaches most. */
	question?: string;
	/** The step's outcome in this story's words, where the generic label would mislead. */
	verdict?: string;
}

/** Text shared by every scenario that takes a step with this action, written from the step's data. */
export type SharedText = (step: Step, revision: McpRevision) => StepText;

/**
 * What a scenario changes about a step's shared text (or the whole text of its own steps); a
 * function gets the step and the MCP revision the client followed.
 */
export type StepOverride =
	Partial<StepText> | ((step: Step, revision: McpRevision) => Partial<StepText>);

/** What the scenario picker shows: the first page loads every scenario's, so only its name. */
export interface ScenarioInfo {
	id: ScenarioId;
	title: string;
}

/** The card at the end of a scenario: what it showed, in one look. */
export interface EndCard {
	/** What the attacker had. */
	had: string;
	/** What it lacked (or, where it won, what nothing asked for). */
	lacked: string;
	/** How the scenario ends, from the learner's side: "Blocked", "Attacker gets in". */
	verdict: string;
	/** The colour of the verdict: the attack was stopped, it worked, or the answer depends on the set-up. */
	tone: 'blocked' | 'attacker-gets-in' | 'mixed';
	/** The one-line lesson. */
	lesson: string;
	/** The same attack with and without PKCE (or the other defence). */
	contrast: string;
	next?: ScenarioId;
	/** Where to break it yourself: workbench sections. */
	tools: readonly { label: string; section: string }[];
}

/** Everything a scenario says, keyed by the ids of the steps its run records. */
export interface ScenarioStory {
	/** One line under the diagram and on the handout index: what happens, in short. */
	description: string;
	/** One sentence: what this run shows. */
	summary: string;
	/** Titles of the run's phases, and the sentence that opens each later phase. */
	phases?: Record<string, { title: string; intro?: string }>;
	steps: Record<string, StepOverride>;
	end: EndCard;
	/** What the end card says instead, when the client followed an earlier MCP revision. */
	endFor?: Partial<Record<McpRevision, Partial<EndCard>>>;
	/** The description and summary instead, when the client followed an earlier MCP revision. */
	describeFor?: Partial<Record<McpRevision, { description: string; summary: string }>>;
}

/** A protocol step with its text, as the page shows it. */
export interface TaughtStep extends Omit<Step, 'phase'>, StepText {
	/** The phase's id in the run. */
	phaseId?: string;
	/** The phase's title. */
	phase?: string;
	/** Said at the first step of a later phase: "now the same attack against …". */
	phaseIntro?: string;
}

export interface TaughtRun {
	scenario: ScenarioId;
	/** The MCP revision whose rules the client followed. */
	revision: McpRevision;
	/** Whether the client of this scenario behaves differently under another MCP revision. */
	revisions?: boolean;
	steps: TaughtStep[];
	description: string;
	summary: string;
	end: EndCard;
}
