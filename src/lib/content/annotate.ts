/**
 * Marks the lines a step is about in a region's highlighted HTML: each line whose `data-mark`
 * names one of the step's marks gets the class `emphasized` and `data-note="n"`, the number of
 * the mark's note (1-based, in the order the step lists them). A string transform, so the
 * server-rendered page, the printed handout and the live page emphasize the same lines.
 */
export function annotate(html: string, marks: readonly string[]): string {
	if (marks.length === 0) return html;
	return html.replace(
		/<span class="line([^"]*)"([^>]*)>/g,
		(tag, classes: string, rest: string) => {
			const names = /data-mark="([^"]*)"/.exec(rest)?.[1]?.split(' ') ?? [];
			const note = marks.findIndex((mark) => names.includes(mark));
			if (note < 0) return tag;
			return `<span class="line${classes} emphasized"${rest} data-note="${note + 1}">`;
		}
	);
}
