// The studio's service worker: keeps the studio's own files in the browser, so that a reload
// without a network still opens it with the student's work. web/build-studio writes VERSION (a
// hash of the files) and FILES: a new build is a new cache, filled before it is used, and the
// older caches of this studio are then deleted. A new build takes over when the student says so
// (the page offers it): a page never gets files of two builds.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const ENGINE = "casebook_web_bg.wasm";
// Loaded only when a PDF is wanted (or the page is idle), and kept once it has been.
const PDF_ENGINE = ["casebook_pdf_bg.wasm", "engine-pdf.js", "grader-pdf.js"];
const PREFIX = `casebook-studio ${self.registration.scope} `;
const CACHE = `${PREFIX}${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    // On a first visit the page loads the engine (megabytes) itself and, once this worker
    // serves it, asks for it again through it, which keeps that copy from the browser's HTTP
    // cache: it crosses the network once. After a new build the
    // new engine is fetched here, so that the studio opens offline whichever build it is.
    // The PDF engine comes with a new build only if the old one had it.
    const names = await caches.keys();
    const older = names.filter((name) => name.startsWith(PREFIX) && name !== CACHE);
    const updating = older.length > 0;
    const hadPdf = (await Promise.all(older.map(async (name) => (await caches.open(name)).match(PDF_ENGINE[0]))))
      .some(Boolean);
    const files = ["./", ...FILES].filter((file) =>
      PDF_ENGINE.includes(file) ? hadPdf : updating || file !== ENGINE);
    // "no-cache": what the browser has just loaded comes from its HTTP cache once the server
    // confirms it is current (a 304), never an older copy.
    const cache = await caches.open(CACHE);
    await cache.addAll(files.map((file) => new Request(file, { cache: "no-cache" })));
  })());
});

self.addEventListener("message", (event) => {
  if (event.data === "take-over") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const kept = await cache.match(event.request, { ignoreSearch: true });
    if (kept) return kept;
    const response = await fetch(event.request);
    const file = new URL(event.request.url).href.slice(self.registration.scope.length);
    if (response.ok && FILES.includes(file)) event.waitUntil(cache.put(event.request, response.clone()));
    return response;
  })());
});
