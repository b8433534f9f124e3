/* Registers the catalogue's offline worker (sw.js at the site's root, two folders above this file) once the page
 * has loaded. On the offline page it lists the pages of this language saved for reading without a connection. */
(() => {
  "use strict";
  const script = document.currentScript;
  if (!script || !("serviceWorker" in navigator)) return;
  const root = new URL("../../", script.src);
  window.addEventListener("load", () => {
    navigator.serviceWorker.register(new URL("sw.js", root)).catch(() => {});
  });

  const list = document.getElementById("cat-offline-pages");
  const retry = document.getElementById("cat-offline-retry");
  if (retry) retry.href = window.location.href;
  if (!list || !window.caches) return;
  const language = document.documentElement.lang;
  const prefix = "catalogue-offline " + root.href + " ";
  caches.keys()
    .then((names) => names.find((name) => name.startsWith(prefix)))
    .then((name) => (name ? caches.open(name) : null))
    .then((cache) => cache && cache.keys().then((requests) => Promise.all(requests
      .filter((request) => request.url.endsWith("/"))
      .reverse()
      .map((request) => cache.match(request).then((response) => response.text()).then((html) => ({
        url: request.url, page: new DOMParser().parseFromString(html, "text/html"),
      }))))))
    .then((saved) => {
      (saved || []).forEach(({ url, page }) => {
        if (page.documentElement.lang !== language || page.getElementById("cat-offline-pages")) return;
        const heading = page.querySelector("h1");
        const item = document.createElement("li");
        const link = item.appendChild(document.createElement("a"));
        link.href = url;
        // The heading's own markup keeps a title shown in another language marked as such (lang, dir).
        if (heading) link.append(...Array.from(heading.childNodes, (node) => document.importNode(node, true)));
        else link.textContent = page.title;
        list.appendChild(item);
      });
      if (list.children.length) list.parentElement.hidden = false;
    })
    .catch(() => {});
})();
