// Service worker: the app keeps working with the network gone after the
// first visit.
//
// scripts/lib/site-build.mjs bundles this file into dist/site/sw.js and
// defines __SW_MANIFEST__: { version, files: [{ url, integrity }] }, the
// app shell (index.html, script, stylesheet, icon), the core wasm, the
// catalog, the lint module and the lint view's worker (assets/lint-worker.
// <hash>.js, whose request from the page comes here too), each with its
// SHA-384 Subresource Integrity hash. `version` is a hash of that list, so
// every deploy that changes any byte gets a new cache and a new sw.js, which
// the browser installs.
//
// Privacy: the only thing ever written to Cache Storage is that list,
// fetched at install. Nothing is cached at run time, so no user data (a
// config the user pasted, a secret) can reach the cache.
/* global __SW_MANIFEST__ */
const { version: VERSION, files: FILES } = __SW_MANIFEST__;
const PREFIX = 'mcp-builder-';
const CACHE = `${PREFIX}${VERSION}`;
const scoped = (url) => new URL(url, self.registration.scope).href;
const PRECACHED = new Set(FILES.map((f) => scoped(f.url)));
const SHELL = scoped('./');

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(FILES.map(async ({ url, integrity }) => {
      // The integrity check keeps a tampered or half-deployed file out of the
      // cache (install fails and is retried on the next visit); no-cache
      // skips the HTTP cache, which may hold the previous deploy's index.html.
      const response = await fetch(new Request(scoped(url), { integrity, cache: 'no-cache', credentials: 'same-origin' }));
      if (!response.ok) throw new Error(`precache: ${url} answered ${response.status}`);
      await cache.put(scoped(url), response);
    }));
    // No skipWaiting(): a page of the previous deploy keeps its own files
    // until it is closed (its lint module is only in the old cache).
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
    // The first visit's page is controlled at once, so it works offline
    // without a reload.
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page itself: the network first, so an online visit always sees the
    // latest deploy; the cached shell when the network is gone. Deep links
    // (#/server/...) are fragments and reach the same document.
    event.respondWith(fetch(request).catch(async () => {
      const cached = await caches.match(SHELL, { cacheName: CACHE });
      if (cached) return cached;
      throw new TypeError('offline, and the app is not cached yet');
    }));
    return;
  }
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  if (!PRECACHED.has(url.href)) return; // not ours to answer: the browser fetches it
  // Content-addressed files never change: the cache first.
  event.respondWith(caches.match(url.href, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
});
