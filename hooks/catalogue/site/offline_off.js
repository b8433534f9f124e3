/* The catalogue's offline copy is switched off (extra.catalogue.offline: false in mkdocs.yml). A browser that
 * installed the offline worker fetches this file in its place; it deletes the saved pages and unregisters itself,
 * and from then on every request goes to the network as if no worker had been there. */
"use strict";
const PREFIX = "catalogue-offline " + self.registration.scope + " ";
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX)).map((name) => caches.delete(name))))
    .then(() => self.registration.unregister()));
});
