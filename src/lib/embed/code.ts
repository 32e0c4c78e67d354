import { formatPlace } from '$lib/playground/location';
import { SCENARIOS } from '$lib/content/scenarios';
import type { ScenarioId } from '$lib/protocol/types';
import { EMBED_MESSAGE_VERSION, HEIGHT_MESSAGE_TYPE, type EmbedTheme } from './message';

/**
 * The script a host page runs beside the iframe. One listener sizes every embed on the page, so
 * pasting the snippet twice is harmless. It trusts only messages from its own iframes.
 */
export const HOST_SCRIPT = `<script>
  // Sizes each PKCE Playground iframe to its content: the embed posts its height.
  addEventListener('message', (event) => {
    const data = event.data;
    if (data?.type !== '${HEIGHT_MESSAGE_TYPE}' || data.version !== ${EMBED_MESSAGE_VERSION}) return;
    if (!Number.isFinite(data.height)) return;
    for (const frame of document.querySelectorAll('iframe[data-pkce-playground]')) {
      if (frame.contentWindow === event.source) frame.style.height = \`\${data.height}px\`;
    }
  });
</script>`;

/**
 * The embed's address: `<base>embed/?theme=dark#s256/3`. `baseUrl` is the site's absolute root
 * (e.g. https://you.github.io/pkce-playground/); `step` is 0-based, as in the playground's state;
 * `revision`, the MCP revision the client follows when it is not the current one (`?mcp=`).
 */
export function embedUrl(
	baseUrl: string,
	scenario: ScenarioId,
	step: number,
	theme?: EmbedTheme,
	revision?: string
): string {
	const url = new URL('embed/', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
	if (theme) url.searchParams.set('theme', theme);
	if (revision) url.searchParams.set('mcp', revision);
	url.hash = formatPlace({ scenario, step: Math.max(0, Math.trunc(step)) });
	return url.href;
}

const escapeAttribute = (value: string) =>
	value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** The HTML a course page pastes to embed the playground at a scenario and step. */
export function embedCode(
	baseUrl: string,
	scenario: ScenarioId,
	step: number,
	theme?: EmbedTheme,
	revision?: string
): string {
	const title = SCENARIOS.find((s) => s.id === scenario)?.title ?? scenario;
	return `<iframe
  data-pkce-playground
  src="${escapeAttribute(embedUrl(baseUrl, scenario, step, theme, revision))}"
  title="${escapeAttribute(`PKCE Playground: ${title}`)}"
  width="100%" height="720" loading="lazy" style="border: 0"
></iframe>
${HOST_SCRIPT}`;
}
