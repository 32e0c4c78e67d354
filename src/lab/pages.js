/**
 * The lab authorization server's own pages: sign-in and consent. They are the real server's pages
 * (the site never draws them), deliberately permissive (any name signs in: it is a teaching lab on
 * 127.0.0.1), and they show what a user should check before approving: which client asks, and
 * where the code will be sent (the redirect URI's host).
 */

/** @param {unknown} value */
export const escapeHtml = (value) =>
	String(value).replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c
	);

const STYLE = `
:root { color-scheme: light dark; font: 18px/1.5 system-ui, sans-serif; }
body { max-width: 34rem; margin: 3rem auto; padding: 0 1rem; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
.lab { font-size: .85rem; opacity: .8; margin: 0 0 1.5rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; }
dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
code { font-size: .95em; }
label { display: block; margin: 1rem 0 .25rem; font-weight: 600; }
input { font: inherit; padding: .4rem .5rem; width: 100%; box-sizing: border-box; }
.actions { display: flex; gap: .75rem; margin-top: 1.5rem; }
button { font: inherit; padding: .5rem 1.2rem; border-radius: .4rem; border: 1px solid currentColor; cursor: pointer; }
button.primary { background: #1d4ed8; color: #fff; border-color: #1d4ed8; }
.unsafe { border: 2px solid #b91c1c; background: #fee2e2; color: #7f1d1d; padding: .75rem 1rem; border-radius: .4rem; }
.safe { border: 1px solid #15803d; padding: .5rem 1rem; border-radius: .4rem; }
@media (prefers-color-scheme: dark) { .unsafe { background: #450a0a; color: #fecaca; } }
`;

/**
 * @param {string} title
 * @param {string} body
 */
function page(title, body) {
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · PKCE Playground lab</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="lab">PKCE Playground lab: a real authorization server (oidc-provider) on 127.0.0.1, for teaching only.</p>
${body}
</main>
</body>
</html>`;
}

/**
 * @param {{ uid: string, clientName: string }} details
 */
export function loginPage({ uid, clientName }) {
	return page(
		'Sign in',
		`<h1>Sign in</h1>
<p>${escapeHtml(clientName)} asks you to sign in. This lab accepts any name and no password.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="name">Your name</label>
<input id="name" name="name" value="alice" autocomplete="username" required maxlength="64" pattern="[A-Za-z0-9._-]+">
<div class="actions"><button class="primary" type="submit">Sign in</button></div>
</form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort"><div class="actions"><button type="submit">Cancel</button></div></form>`
	);
}

/**
 * @param {{ uid: string, account: string, clientId: string, clientName: string, redirectUri: string,
 *   scope: string, resource: string, pkceMethod: string | undefined, unsafe: boolean }} details
 */
export function consentPage(details) {
	let host;
	try {
		host = new URL(details.redirectUri).host;
	} catch {
		host = details.redirectUri;
	}
	const warning = details.unsafe
		? `<p class="unsafe" role="alert"><strong>Unsafe client.</strong> ${escapeHtml(details.clientName)} does not have to use PKCE: this server redeems its codes without a <code>code_verifier</code>, so whoever copies the code and redeems it first gets the tokens (the interception attack, RFC 7636 §1). RFC 9700 §2.1.1 says public clients MUST use PKCE. This client exists here only to show that attack.</p>`
		: `<p class="safe">PKCE: ${details.pkceMethod ? `<code>code_challenge_method=${escapeHtml(details.pkceMethod)}</code> — only the client that holds the <code>code_verifier</code> can redeem the code` : 'no code_challenge'}.</p>`;
	return page(
		'Allow access?',
		`<h1>Allow ${escapeHtml(details.clientName)}?</h1>
<p>Signed in as <strong>${escapeHtml(details.account)}</strong>.</p>
${warning}
<dl>
<dt>Client</dt><dd><code>${escapeHtml(details.clientId)}</code></dd>
<dt>Code goes to</dt><dd><strong>${escapeHtml(host)}</strong> <small>(<code>${escapeHtml(details.redirectUri)}</code>)</small></dd>
<dt>Access to</dt><dd><code>${escapeHtml(details.resource)}</code></dd>
<dt>Scope</dt><dd><code>${escapeHtml(details.scope)}</code></dd>
</dl>
<form method="post" action="/interaction/${escapeHtml(details.uid)}/confirm">
<div class="actions"><button class="primary" type="submit">Allow</button></div>
</form>
<form method="post" action="/interaction/${escapeHtml(details.uid)}/abort"><div class="actions"><button type="submit">Deny</button></div></form>`
	);
}

/** @param {string} message */
export function errorPage(message) {
	return page('Error', `<h1>Something went wrong</h1><p>${escapeHtml(message)}</p>`);
}
