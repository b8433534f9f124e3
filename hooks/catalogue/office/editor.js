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

  /* Decap writes whole files. This format writes an edited record into the file as it was read, with the yaml
     library's document model: one edited field is one changed line; comments, key order, quotes and flow lists
     of everything else stay. New files get the catalogue's style (quoted dates, times, phone numbers). */
  var QUOTED = [/^\d{4}-\d{2}-\d{2}$/, /^\d{1,2}:\d{2}$/, /^\+?[0-9][0-9 \/()-]*$/];
  var OUTPUT = { lineWidth: 0, flowCollectionPadding: false };
  var originals = new Map();
  function kind(data) {
    if (data && data.actor !== undefined) return "offers";
    if (data && data.body !== undefined) return "news";
    if (data && data.topic !== undefined && data.people !== undefined) return "needs";
    return "actors";
  }
  function recordKey(data) { return kind(data) + ":" + (data && data.id); }
  function canonical(value) {
    if (Array.isArray(value)) return "[" + value.map(canonical).join(",") + "]";
    if (value && typeof value === "object") {
      return "{" + Object.keys(value).sort().map(function (key) { return JSON.stringify(key) + ":" + canonical(value[key]); }).join(",") + "}";
    }
    return JSON.stringify(value);
  }
  function styled(YAML, node) {
    YAML.visit(node, {
      Scalar: function (_, scalar) {
        if (typeof scalar.value !== "string") return;
        if (scalar.value.indexOf("\n") >= 0) scalar.type = "BLOCK_LITERAL";
        else if (QUOTED.some(function (pattern) { return pattern.test(scalar.value); })) scalar.type = "QUOTE_DOUBLE";
      },
    });
    return node;
  }
  function fresh(YAML, doc, value) { return styled(YAML, doc.createNode(value)); }
  function merged(YAML, doc, node, value) {
    if (node && typeof node.toJSON === "function" && canonical(node.toJSON()) === canonical(value)) return node;
    if (YAML.isMap(node) && value && typeof value === "object" && !Array.isArray(value)) {
      node.items.slice().forEach(function (pair) {
        var key = YAML.isScalar(pair.key) ? pair.key.value : pair.key;
        if (!Object.prototype.hasOwnProperty.call(value, key)) node.delete(key);
      });
      Object.keys(value).forEach(function (key) {
        var child = node.get(key, true);
        node.set(key, child === undefined ? fresh(YAML, doc, value[key]) : merged(YAML, doc, child, value[key]));
      });
      return node;
    }
    if (YAML.isSeq(node) && Array.isArray(value)) {
      value.forEach(function (item, index) {
        node.items[index] = index < node.items.length ? merged(YAML, doc, node.items[index], item) : fresh(YAML, doc, item);
      });
      node.items.length = value.length;
      return node;
    }
    if (YAML.isScalar(node) && (value === null || typeof value !== "object")) {
      node.value = value;
      if (typeof value === "string" && value.indexOf("\n") >= 0) node.type = "BLOCK_LITERAL";
      return node;
    }
    return fresh(YAML, doc, value);
  }
  function header(data) {
    var up = kind(data) === "offers" ? "../../../" : "../../";
    var schema = { offers: "offer", actors: "actor", news: "news", needs: "need" }[kind(data)];
    return " yaml-language-server: $schema=" + up + "schemas/" + schema + ".schema.json";
  }
  function catalogueYaml(YAML) {
    return {
      fromFile: function (text) {
        var data = YAML.parseDocument(text).toJS() || {};
        originals.set(recordKey(data), text);
        return data;
      },
      toFile: function (data) {
        var plain = JSON.parse(JSON.stringify(data));
        var original = originals.get(recordKey(plain));
        var doc = original !== undefined ? YAML.parseDocument(original) : new YAML.Document({});
        if (original === undefined) doc.commentBefore = header(plain);
        doc.contents = merged(YAML, doc, doc.contents, plain);
        var text = doc.toString(OUTPUT);
        originals.set(recordKey(plain), text);
        return text;
      },
    };
  }

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

  import("./yaml/index.js").then(function (YAML) {
    CMS.registerCustomFormat("yml-catalogue", "yml", catalogueYaml(YAML));
    CMS.init();
  });
})();
