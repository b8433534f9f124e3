// The site's one 404 page speaks the language of the missing address: /ar/… shows the Arabic section.
// Without script, or for an address in no language folder, the default language shows with English beside it.
(function () {
  "use strict";
  var page = document.getElementById("cat-not-found");
  if (!page) return;
  var base = page.getAttribute("data-base") || "/";
  var path = window.location.pathname;
  if (path.indexOf(base) !== 0) return;
  var rest = path.slice(base.length);
  var sections = page.querySelectorAll(".cat-not-found__other");
  for (var i = 0; i < sections.length; i++) {
    var prefix = sections[i].getAttribute("data-prefix");
    if (prefix && rest.indexOf(prefix) === 0) {
      page.querySelector(".cat-not-found__default").hidden = true;
      sections[i].hidden = false;
      document.title = sections[i].getAttribute("data-title");
      return;
    }
  }
})();
