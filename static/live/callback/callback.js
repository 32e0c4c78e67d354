// Live mode's redirect URI (src/lib/live/channel.ts): the lab's authorization server sends the
// reader's browser here with the code, or an error (RFC 6749 §4.1.2, §4.1.2.1). This page hands the
// whole URL to the playground that opened the sign-in, which checks `state` and does the rest; once
// the playground says it took it, the page closes itself. A static file, not a route: the site's
// first load carries nothing for it.
(() => {
	const CHANNEL = 'pkce-playground-live';
	const ACK = 'pkce-playground-live-ack';
	const title = document.getElementById('title');
	const detail = document.getElementById('detail');
	const query = new URLSearchParams(location.search);
	const error = query.get('error');
	const answer = error
		? `The lab answered error=${error}${query.get('error_description') ? ` (${query.get('error_description')})` : ''}.`
		: '';
	const message = { type: CHANNEL, url: location.href };
	let taken = false;
	const took = () => {
		if (taken) return;
		taken = true;
		title.textContent = "Back to the playground: it now has the lab's answer.";
		detail.textContent = `${answer} This window closes by itself (or close it).`.trim();
		setTimeout(() => window.close(), 400);
	};
	const channel = 'BroadcastChannel' in window ? new BroadcastChannel(CHANNEL) : undefined;
	if (channel) channel.onmessage = (event) => event.data?.type === ACK && took();
	addEventListener('message', (event) => {
		if (event.origin === location.origin && event.data?.type === ACK) took();
	});
	if (window.opener) window.opener.postMessage(message, location.origin);
	channel?.postMessage(message);
	// The code leaves this tab's address bar and history once handed over.
	history.replaceState(null, '', location.pathname);
	setTimeout(() => {
		if (taken) return;
		title.textContent = 'No playground took this answer.';
		detail.textContent = `${answer} Is the playground that started this sign-in still open, in Live mode and waiting? Sign in again from there.`.trim();
	}, 4000);
})();
