// The field app's service worker (VERSION and PRECACHE are prepended at build time by field-offline.ts).
// The app shell and the field screens are cached when it installs, so a grid worker can open the app
// with no signal; hashed assets are served from the cache first; pages are fetched from the network and
// fall back to the cached shell; the API is never cached here (the app keeps its data in IndexedDB).
/* global VERSION, PRECACHE */
const CACHE = `hewei-field-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('hewei-field-') && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

const cacheFirst = async (request) => {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok) cache.put(request, res.clone());
  return res;
};

const shellFallback = async (request) => {
  try {
    return await fetch(request);
  } catch (err) {
    const shell = await caches.match('/index.html');
    if (shell) return shell;
    throw err;
  }
};

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname === '/sw.js') return;
  if (request.mode === 'navigate') {
    event.respondWith(shellFallback(request));
    return;
  }
  if (url.pathname.startsWith('/assets/') || PRECACHE.includes(url.pathname))
    event.respondWith(cacheFirst(request));
});
