/* The catalogue's offline worker (docs/developers/offline.md), written by the build with this build's CONFIG.
 * Pages: network first, the saved copy when the network fails (or is slower than PAGE_TIMEOUT_MS and a copy exists),
 * the language's offline page for a page never saved. The shell: from the cache of this build's version (on a slow
 * line only the page frame's files at install, the catalogue's script once used).
 * The search index under search/: network first, saved as it is used. Nothing is fetched from another origin. */
"use strict";
const CONFIG = "@@config@@";
const SCOPE = self.registration.scope;
const PREFIX = "catalogue-offline " + SCOPE + " ";
const CACHE = PREFIX + CONFIG.version;
/* A phone on a line that is connected but passes almost nothing would wait for a minute; a saved copy is shown
 * after 4 s instead (the fresh page is still saved for next time). */
const PAGE_TIMEOUT_MS = 4000;
const MAX_PAGES = 60;
const at = (path) => new URL(path, SCOPE).href;
const SHELL = new Set([...CONFIG.shell, ...CONFIG.extras].map(at));
const SEARCH = at("search/");
/* The web editor: left to the network, never saved. It holds the sign-in, and a saved copy could be replaced by
 * anything running on the origin, or save with old code. (A worker's scope cannot leave out a folder.) */
const EDITOR = at(CONFIG.editor);
const handles = (url) => url.startsWith(SCOPE) && !url.startsWith(EDITOR);
const LANGUAGES = CONFIG.languages.map(([prefix, offline, essentials]) => ({
  prefix, offline: at(offline), essentials: essentials.map(at),
}));
const OFFLINE_PAGES = new Set(LANGUAGES.map((language) => language.offline));
const ESSENTIALS = new Set(LANGUAGES.flatMap((language) => language.essentials));
const HEADS = new Set([...ESSENTIALS].filter((url) => url.startsWith(SEARCH)));

const fresh = (url) => new Request(url, { cache: "no-cache" });

/* Data saver on, or a line the browser rates 3G or slower (Network Information API; browsers without it count as fast). */
function slowLine() {
  const connection = self.navigator.connection;
  return Boolean(connection && (connection.saveData || /2g|3g/.test(connection.effectiveType || "")));
}

function languageOf(url) {
  const folder = url.slice(SCOPE.length).split("/")[0] + "/";
  return LANGUAGES.find((language) => language.prefix === folder) || LANGUAGES.find((language) => !language.prefix);
}

/* The language's offline page always; its home, catalogue page and search head unless the line is slow. */
function keepLanguage(cache, language) {
  const wanted = slowLine() ? [language.offline] : [language.offline, ...language.essentials];
  return Promise.all(wanted.map((url) => cache.add(fresh(url)).catch(() => {})));
}

async function keepPage(cache, key, response) {
  if (response.status === 404) return cache.delete(key);
  if (!response.ok || response.type !== "basic") return;
  await cache.put(key, response);
  const pages = (await cache.keys()).filter((request) => request.url.endsWith("/") && !OFFLINE_PAGES.has(request.url));
  await Promise.all(pages.slice(0, Math.max(0, pages.length - MAX_PAGES)).map((request) => cache.delete(request)));
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll((slowLine() ? CONFIG.shell : [...CONFIG.shell, ...CONFIG.extras]).map((path) => fresh(at(path))));
    const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    const open = windows.map((client) => client.url.split(/[?#]/)[0]).filter(handles);
    await Promise.all([...new Set(open.map(languageOf))].map((language) => keepLanguage(cache, language)));
    // The pages open now, as the reader got them (from the browser's HTTP cache where it holds them).
    const missing = (await Promise.all(open.map((url) => cache.match(url).then((saved) => (saved ? null : url))))).filter(Boolean);
    await Promise.all(missing.map((url) => fetch(url, { cache: "force-cache" }).then((response) => keepPage(cache, url, response)).catch(() => {})));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

async function offlinePage(cache, key) {
  for (const language of [languageOf(key), ...LANGUAGES]) {
    const saved = await cache.match(language.offline);
    if (saved) {
      // Its links are written relative to its own address, not to the page asked for.
      const html = (await saved.text()).replace("<head>", `<head><base href="${language.offline}">`);
      return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
    }
  }
  return Response.error();
}

async function page(event, key) {
  const network = fetch(event.request);
  const cache = await caches.open(CACHE);
  event.waitUntil(network.then(async (response) => {
    await keepPage(cache, key, response.clone());
    const language = languageOf(key);
    if (response.ok && !(await cache.match(language.offline))) await keepLanguage(cache, language);
  }).catch(() => {}));
  const saved = await cache.match(key);
  if (!saved) return network.catch(() => offlinePage(cache, key));
  return Promise.race([
    network.then((response) => (response.status >= 500 ? saved : response), () => saved),
    new Promise((resolve) => setTimeout(resolve, PAGE_TIMEOUT_MS, saved)),
  ]);
}

async function shell(event, key) {
  const cache = await caches.open(CACHE);
  const saved = await cache.match(key);
  if (saved) return saved;
  const response = await fetch(event.request);
  if (response.ok) event.waitUntil(cache.put(key, response.clone()));
  return response;
}

/* A search file: from the network, saved; a changed head makes the files saved beside it stale, so they go. */
async function keepSearch(cache, url, response) {
  const before = HEADS.has(url) && (await cache.match(url));
  const changed = before && (await before.text()) !== (await response.clone().text());
  await cache.put(url, response);
  if (!changed) return;
  const folder = url.slice(0, url.lastIndexOf("/") + 1);
  const stale = (await cache.keys()).filter((request) => request.url.startsWith(folder) && !ESSENTIALS.has(request.url));
  await Promise.all(stale.map((request) => cache.delete(request)));
}

async function search(event) {
  const url = event.request.url;
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(event.request);
    if (response.ok) event.waitUntil(keepSearch(cache, url, response.clone()));
    return response;
  } catch (error) {
    const saved = await cache.match(url);
    if (saved) return saved;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !handles(request.url)) return;
  const url = new URL(request.url);
  const key = url.origin + url.pathname;
  if (request.mode === "navigate") event.respondWith(page(event, key));
  else if (SHELL.has(key)) event.respondWith(shell(event, key));
  else if (key.startsWith(SEARCH)) event.respondWith(search(event));
});
