/**
 * Test-only: a browser's walk through the lab's own sign-in and consent pages, over HTTP with a
 * cookie jar (no browser): every check the lab makes runs for real. Returns the URL the lab
 * finally redirected to (the client's redirect URI, with the code or an error).
 */
export async function signInThroughPages(authorizationUrl: string, name = 'alice'): Promise<URL> {
	const issuer = new URL(authorizationUrl).origin;
	const jar = new Map<string, string>();
	const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
	const keep = (response: Response) => {
		for (const line of response.headers.getSetCookie()) {
			const pair = line.split(';', 1)[0] ?? '';
			const eq = pair.indexOf('=');
			jar.set(pair.slice(0, eq), pair.slice(eq + 1));
		}
	};
	let url = new URL(authorizationUrl);
	let form: URLSearchParams | undefined;
	for (let hop = 0; hop < 12; hop++) {
		const response = await fetch(url, {
			method: form ? 'POST' : 'GET',
			redirect: 'manual',
			headers: {
				cookie: cookie(),
				...(form && { 'content-type': 'application/x-www-form-urlencoded' })
			},
			body: form?.toString()
		});
		keep(response);
		form = undefined;
		const location = response.headers.get('location');
		if (location) {
			const next = new URL(location, url);
			if (next.origin !== issuer) return next;
			url = next;
			continue;
		}
		const html = await response.text();
		if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${html}`);
		// The page's first form: sign in (with a name) or allow.
		const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
		if (!action) throw new Error(`no form on ${url}: ${html}`);
		url = new URL(action, issuer);
		form = new URLSearchParams(action.endsWith('/login') ? { name } : {});
	}
	throw new Error('too many hops');
}
