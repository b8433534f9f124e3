/*
 * The offer page's share button. Where the phone can share (Web Share API), the button opens the phone's own share
 * sheet with the offer's title, one line and its address in the language being read. Elsewhere it unfolds the plain
 * links the page has without script (WhatsApp, e-mail) and adds "copy link", which says "copied" to the eye and to
 * screen readers (a role="status" region). No request, nothing stored.
 */
(function () {
  "use strict";

  const share = document.querySelector(".cat-sharing");
  if (!share) return;
  const fold = share.querySelector("details");
  const button = share.querySelector("summary");
  const data = { title: share.dataset.title, text: share.dataset.text, url: share.dataset.url };

  if (typeof navigator.share === "function" && (!navigator.canShare || navigator.canShare(data))) {
    button.addEventListener("click", function (event) {
      event.preventDefault();
      navigator.share(data).catch(function (error) {
        // The reader closing the share sheet is no failure; anything else leaves the plain links.
        if (error.name !== "AbortError") fold.open = true;
      });
    });
  }

  const copy = share.querySelector(".cat-sharing__copy");
  if (!copy || !navigator.clipboard || !window.isSecureContext) return;
  const status = copy.querySelector("[role=status]");
  copy.hidden = false;
  copy.querySelector("button").addEventListener("click", function () {
    status.textContent = "";
    navigator.clipboard.writeText(data.url).then(function () {
      status.textContent = status.dataset.done;
    }, function () {
      status.textContent = data.url;
    });
  });
})();
