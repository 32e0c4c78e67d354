// Live mode's redirect URI (src/lib/live/channel.ts): the lab's authorization server sends the
// reader's browser here with the code (RFC 6749 §4.1.2). This page hands the whole URL to the
// playground that opened the sign-in, which checks `state` and does the rest, then closes itself.
// A static file, not a route: the site's first load carries nothing for it.
(() => {
	const CHANNEL = 'pkce-playground-live';
	const message = { type: CHANNEL, url: location.href };
	if (window.opener) window.opener.postMessage(message, location.origin);
	if ('BroadcastChannel' in window) {
		const channel = new BroadcastChannel(CHANNEL);
		channel.postMessage(message);
		channel.close();
	}
	// The code leaves this tab's address bar and history once handed over.
	history.replaceState(null, '', location.pathname);
	document.getElementById('title').textContent = 'Signed in. Back to the playground.';
	document.getElementById('detail').textContent =
		'The playground has the code now; this window closes by itself (or close it).';
	setTimeout(() => window.close(), 400);
})();
