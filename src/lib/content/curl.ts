import type { HttpRequest } from '$lib/protocol/types';

// The request as a shell command, made when a reader copies it (not part of the first load).

/** Single-quotes a shell word (POSIX sh): 'it'\''s'. */
export function shellQuote(word: string): string {
	return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * The request as a curl command. Form fields become `--data-urlencode name=value`, so the
 * command stays readable and curl does the encoding.
 */
export function toCurl(request: HttpRequest): string {
	const head = ['curl', '-i'];
	if (request.method !== 'GET' && !request.form && !request.json) head.push('-X', request.method);
	const lines = [`${head.join(' ')} ${shellQuote(request.url)}`];
	for (const [name, value] of request.headers) {
		if (request.form && name.toLowerCase() === 'content-type') continue; // curl sets it for --data
		lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
	}
	for (const [name, value] of request.form ?? []) {
		lines.push(`--data-urlencode ${shellQuote(`${name}=${value}`)}`);
	}
	if (request.json) lines.push(`--data-raw ${shellQuote(JSON.stringify(request.json))}`);
	return lines.join(' \\\n  ');
}
