/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
import { build, files, prerendered, version } from '$service-worker';

/**
 * Offline for workshops on flaky wifi: the first visit caches the whole site (every page, every
 * scenario chunk, the fallback hash), and from then on it is served from the cache first.
 * Browsers run service workers only in secure contexts (https, localhost, 127.0.0.1).
 */
const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `pkce-playground-${version}`;
// Dotfiles (.nojekyll) are for the host, and static servers refuse to serve them.
const ASSETS = [...build, ...files.filter((file) => !/\/\.[^/]*$/.test(file)), ...prerendered];

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(ASSETS))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key)))
			)
			.then(() => sw.clients.claim())
	);
});

sw.addEventListener('fetch', (event) => {
	const url = new URL(event.request.url);
	if (event.request.method !== 'GET' || url.origin !== sw.location.origin) return;
	event.respondWith(respond(event.request, url));
});

/** How long a page request may wait for the network before the cached copy answers. */
const NETWORK_TIMEOUT_MS = 3000;

async function respond(request: Request, url: URL): Promise<Response> {
	const cache = await caches.open(CACHE);
	const cached = await cache.match(url.pathname, { ignoreSearch: true });
	// Build files are immutable: the cached copy is the right one.
	if (cached && request.mode !== 'navigate') return cached;
	// Pages: the network first, so a new deploy shows up, but never a long wait on flaky wifi.
	try {
		const response = await fetchWithin(request, cached ? NETWORK_TIMEOUT_MS : undefined);
		if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
		return response;
	} catch (error) {
		if (cached) return cached;
		throw error;
	}
}

function fetchWithin(request: Request, timeout: number | undefined): Promise<Response> {
	if (timeout === undefined) return fetch(request);
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), timeout);
	return fetch(request, { signal: controller.signal }).finally(() => clearTimeout(timer));
}
