/**
 * Where the sequence diagram draws things, in percent of its width: lanes are equal columns and a
 * message spans the centres of its two lanes. Pure arithmetic, so layouts are tested without a
 * browser; the diagram is HTML, so its text wraps and keeps its real size at every width.
 */
import { ACTOR_IDS, type ActorId } from '$lib/protocol/types';

/** A horizontal stretch of the diagram, in percent of its width. */
export interface Span {
	left: number;
	width: number;
}

const LANE = 100 / ACTOR_IDS.length;

/** The centre of a lane, in percent. */
export const laneCentre = (id: ActorId): number => LANE * ACTOR_IDS.indexOf(id) + LANE / 2;

/** The stretch between two lanes' centres, and which way the message travels. */
export function arrowSpan(from: ActorId, to: ActorId): Span & { leftward: boolean } {
	const a = laneCentre(from);
	const b = laneCentre(to);
	return { left: Math.min(a, b), width: Math.abs(a - b), leftward: b < a };
}

/**
 * The box for the text of a message: centred on its arrow, at least `min` percent wide (two
 * lanes, so a label over neighbouring lanes reads on a phone), and never past either edge.
 */
export function textSpan(from: ActorId, to: ActorId, min = 2 * LANE): Span {
	const { left, width } = arrowSpan(from, to);
	const wide = Math.min(100, Math.max(width, min));
	const start = Math.min(100 - wide, Math.max(0, left + width / 2 - wide / 2));
	return { left: round(start), width: round(wide) };
}

/**
 * The box for what happens inside one actor (a computation, a check): from beside its lane
 * towards the middle of the diagram, on whichever side has more room.
 */
export function besideSpan(at: ActorId, gap = 2): Span & { side: 'right' | 'left' } {
	const centre = laneCentre(at);
	if (centre <= 50)
		return { left: round(centre + gap), width: round(100 - centre - gap), side: 'right' };
	return { left: 0, width: round(centre - gap), side: 'left' };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
