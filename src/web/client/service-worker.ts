// The enumerator app's service worker. The server prefixes this file with the list of files the
// app needs (PERIPLUS_PRECACHE: the page, the renderer, styles and scripts, by versioned URL), so a
// deployment that changes any of them installs a new worker with a fresh cache. Pages and files
// come from the cache first (the field has no network to wait for); the API is never cached here:
// the app keeps questionnaires and interviews in IndexedDB itself.

const sw = self as any;
const FILES: string[] = sw.PERIPLUS_PRECACHE ?? [];
const CACHE = `periplus-${hashOf(FILES.join('\n'))}`;

function hashOf(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

sw.addEventListener('install', (event: any) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // Versioned files (/assets/<hash>/) are what their URL says: the copy the page just
      // downloaded is reused, not fetched again over a slow link. The page and the manifest are
      // fetched fresh.
      .then((cache) => cache.addAll(FILES.map((url) => new Request(url, { cache: url.startsWith('/assets/') ? 'default' : 'reload' }))))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event: any) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('periplus-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event: any) => {
  const request: Request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  // The app page is one shell, whatever its query or fragment.
  const key = request.mode === 'navigate' && url.pathname.startsWith('/collect') ? '/collect/' : request;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(key, { ignoreSearch: request.mode === 'navigate' });
      if (hit) return hit;
      const res = await fetch(request);
      if (res.ok && url.pathname.startsWith('/assets/')) await cache.put(request, res.clone());
      return res;
    }),
  );
});
