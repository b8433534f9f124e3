/* The catalogue's additions to Decap CMS: the offer preview with the site's CSS, empty fields left out of the
   saved file, and right-to-left text typed right to left. Runs after decap-cms.js; no other origin is contacted. */
(function () {
  "use strict";
  var setup = JSON.parse(document.getElementById("catalogue-editor").textContent);
  var CMS = window.CMS;
  var h = window.h;

  /* A saved file holds no empty strings, lists or maps: the schema refuses them, and an untouched optional
     field must not appear as `en: ""`. */
  function isEmpty(value) {
    if (value === null || value === undefined) return true;
    if (typeof value === "string") return value.trim() === "";
    if (value && typeof value.toJS === "function") return value.size === 0;
    return false;
  }
  function clean(value) {
    if (value && typeof value.toJS === "function") {
      return value.map(clean).filter(function (item) { return !isEmpty(item); });
    }
    return value;
  }
  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) { return clean(event.entry.get("data")); },
  });

  /* Decap has no right-to-left editing: let the browser pick each field's direction from what is typed. */
  function letTextChooseDirection(root) {
    root.querySelectorAll("input[type=text], input:not([type]), textarea").forEach(function (field) {
      if (!field.hasAttribute("dir")) field.setAttribute("dir", "auto");
    });
  }
  new MutationObserver(function () { letTextChooseDirection(document); })
    .observe(document.body, { childList: true, subtree: true });

  setup.stylesheets.forEach(function (sheet) { CMS.registerPreviewStyle(sheet); });

  function text(data, field, code) {
    var value = data.getIn([field, code]);
    return typeof value === "string" ? value : "";
  }
  function paragraphs(markdown) {
    return markdown.split(/\n\s*\n/).filter(Boolean).map(function (block) {
      return h("p", {}, block.replace(/\*\*/g, "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/^[-*] /gm, "• "));
    });
  }
  function secondLanguage(data) {
    var others = setup.languages.filter(function (language) { return language.code !== setup.default; });
    var translated = others.filter(function (language) { return text(data, "title", language.code); });
    return translated[0] || others[0];
  }
  function offerIn(data, language) {
    var code = language.code;
    var fallback = code !== setup.default && !text(data, "title", code);
    var shown = fallback ? setup.default : code;
    return h("article", { className: "cat-offer", lang: shown, dir: fallback ? "ltr" : language.dir, key: code },
      h("p", { className: "cat-breadcrumb" }, language.name + (fallback ? " – noch nicht übersetzt, Leser sehen Deutsch" : "")),
      h("h1", {}, text(data, "title", shown)),
      h("p", { className: "cat-lead" }, text(data, "summary", shown)),
      h("div", { className: "cat-description" }, paragraphs(text(data, "description", shown))),
      text(data, "eligibility", shown) ? h("h2", {}, setup.labels["offer.eligibility"] || "") : null,
      text(data, "eligibility", shown) ? h("p", {}, text(data, "eligibility", shown)) : null
    );
  }
  var OfferPreview = window.createClass({
    render: function () {
      var data = this.props.entry.get("data");
      var german = setup.languages.filter(function (language) { return language.code === setup.default; })[0];
      return h("div", { className: "md-typeset cat-editor-preview" },
        offerIn(data, german),
        h("hr", {}),
        offerIn(data, secondLanguage(data))
      );
    },
  });
  CMS.registerPreviewTemplate("offers", OfferPreview);
})();
