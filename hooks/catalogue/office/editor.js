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

  /* Decap's German, in the catalogue's plain words (editor_words.py), merged over Decap's own phrases. */
  function deepMerge(base, extra) {
    var out = {};
    Object.keys(base || {}).forEach(function (key) { out[key] = base[key]; });
    Object.keys(extra).forEach(function (key) {
      var value = extra[key];
      out[key] = value && typeof value === "object" && !Array.isArray(value) ? deepMerge(out[key], value) : value;
    });
    return out;
  }
  CMS.registerLocale(setup.locale, deepMerge(CMS.getLocale(setup.locale), setup.phrases));

  /* Dates are typed as people write them (TT.MM.JJJJ) and stored as the schema asks (JJJJ-MM-TT). */
  var ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  var GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
  function pad(number) { return (number.length < 2 ? "0" : "") + number; }
  function toGerman(value) {
    var match = typeof value === "string" && ISO_DATE.exec(value);
    return match ? match[3] + "." + match[2] + "." + match[1] : value;
  }
  function toIso(value) {
    var match = typeof value === "string" && GERMAN_DATE.exec(value.trim());
    return match ? match[3] + "-" + pad(match[2]) + "-" + pad(match[1]) : value;
  }
  function convertDates(value, convert, key) {
    if (Array.isArray(value)) {
      return value.map(function (item) { return convertDates(item, convert, key === "exceptions" ? "date" : null); });
    }
    if (value && typeof value === "object") {
      var out = {};
      Object.keys(value).forEach(function (name) { out[name] = convertDates(value[name], convert, name); });
      return out;
    }
    return setup.dateFields.indexOf(key) >= 0 ? convert(value) : value;
  }

  /* The rules `make check` holds (data/cross_checks.py, the schema's lengths), run before anything is saved, with
     the form's labels; every problem of the form at once. */
  function pattern(rule) { return new RegExp(rule.source, rule.flags); }
  var RULES = {};
  Object.keys(setup.rules.patterns).forEach(function (name) { RULES[name] = setup.rules.patterns[name]; });
  function say(key, values) {
    return setup.rules.messages[key].replace(/\{(\w+)\}/g, function (_, name) { return values[name] === undefined ? "" : String(values[name]); });
  }
  function label(name) { return setup.rules.labels[name] || name; }
  function languageName(code) {
    var language = setup.languages.filter(function (item) { return item.code === code; })[0];
    return language ? language.name : code;
  }
  function minutes(time) { var parts = time.split(":"); return Number(parts[0]) * 60 + Number(parts[1]); }
  function textProblems(name, texts, found) {
    var markdown = setup.rules.markdownFields.indexOf(name) >= 0;
    var limit = markdown ? setup.rules.limits.markdown : setup.rules.limits.text;
    Object.keys(texts).forEach(function (code) {
      var text = texts[code];
      if (typeof text !== "string" || !text) return;
      var where = { field: label(name), language: languageName(code) };
      if (text.length > limit) found.push(say("too_long", Object.assign({ length: text.length, limit: limit }, where)));
      if (!markdown) {
        var markup = pattern(RULES.html_tag).exec(text) || pattern(RULES.plain_markup).exec(text);
        if (markup) found.push(say("plain_markup", Object.assign({ markup: markup[0].slice(0, 40) }, where)));
        return;
      }
      var prose = text.replace(pattern(RULES.fenced_code), " ").replace(pattern(RULES.code_span), " ");
      var tag = pattern(RULES.html_tag).exec(prose);
      if (tag) found.push(say("html", Object.assign({ tag: tag[0].slice(0, 40) }, where)));
      ["inline_link", "reference_link", "autolink"].forEach(function (rule) {
        var links = pattern(RULES[rule]);
        var match;
        while ((match = links.exec(prose)) !== null) {
          if (match[0] === "") { links.lastIndex += 1; continue; }
          var target = match[1] || "";
          // eslint-disable-next-line no-control-regex -- control characters are what browsers drop from a link target
          var scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(target.replace(/[\x00-\x20\x7f]+/g, ""));
          if (scheme && setup.rules.safeSchemes.indexOf(scheme[1].toLowerCase()) < 0) {
            found.push(say("link", Object.assign({ target: target.slice(0, 40) }, where)));
          }
        }
      });
    });
  }
  function checkRecord(data, entry) {
    var found = [];
    var collection = entry.get("collection");
    var id = data.id;
    if (entry.get("newRecord")) {
      if (originals.has(collection + ":" + id)) found.push(say("id_exists", { field: label("id"), id: id }));
    } else {
      var slug = String(entry.get("slug") || "").split("/").pop();
      if (slug && id !== slug) found.push(say("id_fixed", { field: label("id"), id: slug }));
    }
    var from = toIso(data.valid_from), until = toIso(data.valid_until);
    if (from && until && from > until) found.push(say("dates", { from: label("valid_from"), until: label("valid_until") }));
    if (typeof data.age_min === "number" && typeof data.age_max === "number" && data.age_min > data.age_max) {
      found.push(say("ages", { low: label("age_min"), high: label("age_max") }));
    }
    var schedule = data.schedule || {};
    ["weekly", "sessions"].forEach(function (group) {
      (schedule[group] || []).forEach(function (slot, index) {
        var where = { group: label(group), number: index + 1, start: label("start"), end: label("end") };
        [["start", slot.start], ["end", slot.end]].forEach(function (pair) {
          if (pair[1] && !pattern(RULES.time).test(pair[1])) found.push(say("time", Object.assign({ field: label(pair[0]), value: pair[1] }, where)));
        });
        if (!slot.start || !slot.end || !pattern(RULES.time).test(slot.start) || !pattern(RULES.time).test(slot.end)) return;
        var length = (minutes(slot.end) - minutes(slot.start) + 1440) % 1440;
        if (length === 0) found.push(say("times_equal", where));
        else if (slot.end < slot.start && length > setup.rules.longestOvernight) found.push(say("times_order", where));
      });
    });
    (function walk(value, name) {
      if (Array.isArray(value)) { value.forEach(function (item) { walk(item, name); }); return; }
      if (!value || typeof value !== "object") return;
      if (name && setup.rules.textFields.indexOf(name) >= 0) { textProblems(name, value, found); return; }
      Object.keys(value).forEach(function (key) { walk(value[key], key); });
    })(data, null);
    return found;
  }
  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var data = clean(event.entry.get("data"));
      var found = checkRecord(JSON.parse(JSON.stringify(data)), event.entry);
      if (found.length) throw setup.rules.messages.intro + " " + found.join(" · ");
      return data;
    },
  });

  /* Decap lists a relation's choices in file order (its search keeps the order of the files when nothing is typed):
     a provider is found by its name, so with nothing typed the choices come in the order of their shown name, as
     the editor's language sorts (Ö with O). What is typed still ranks by Decap's own match. */
  var collator = new Intl.Collator(setup.locale);
  function shownName(hit, field) {
    var path = String((field.get("display_fields") || field.get("search_fields")).first() || "").split(".");
    var value = hit.data;
    path.forEach(function (part) { value = value == null ? value : Array.isArray(value) && part === "*" ? value[0] : value[part]; });
    return typeof value === "string" ? value : "";
  }
  var relation = CMS.getWidget("relation");
  var SortedRelation = window.createClass({
    /* Decap's form asks the control itself whether it is valid and may be focused. */
    getWrappedInstance: function () { return this.inner; },
    render: function () {
      var self = this;
      var props = this.props;
      function query(forID, collection, fields, term, file, limit) {
        return props.query(forID, collection, fields, term, file, limit).then(function (result) {
          if (term || !result || !result.payload || !result.payload.hits) return result;
          var hits = result.payload.hits.slice().sort(function (a, b) { return collator.compare(shownName(a, props.field), shownName(b, props.field)); });
          return Object.assign({}, result, { payload: Object.assign({}, result.payload, { hits: hits }) });
        });
      }
      return h(relation.control, Object.assign({}, props, { query: query, ref: function (inner) { self.inner = inner; } }));
    },
  });
  CMS.registerWidget("relation", SortedRelation, relation.preview, relation.schema);

  /* A collapsed weekly time reads "Do 16:00–17:30": Decap's summary template can only show the stored day (thu), so
     the day of a collapsed entry's label that is exactly "<day> HH:MM–HH:MM" is put in the editor's words. */
  var WEEKLY_SUMMARY = /^(mon|tue|wed|thu|fri|sat|sun)( \d{2}:\d{2}–\d{2}:\d{2})$/;
  function sayWeekdays(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      var match = WEEKLY_SUMMARY.exec(node.nodeValue);
      if (match && setup.weekdays[match[1]] && /NestedObjectLabel/.test(node.parentElement.className)) {
        node.nodeValue = setup.weekdays[match[1]] + match[2];
      }
    }
  }

  /* The Kennung names the file: once made, it stays (renaming would leave the old file behind). */
  function fixIdOfExistingRecords(root) {
    if (!/\/entries\//.test(window.location.hash)) return;
    root.querySelectorAll("input[id^='id-field-']").forEach(function (field) {
      if (!field.readOnly) { field.readOnly = true; field.setAttribute("aria-readonly", "true"); }
    });
  }

  /* Decap has no right-to-left editing: let the browser pick each field's direction from what is typed. */
  function letTextChooseDirection(root) {
    root.querySelectorAll("input[type=text], input:not([type]), textarea").forEach(function (field) {
      if (!field.hasAttribute("dir")) field.setAttribute("dir", "auto");
    });
  }
  new MutationObserver(function () { letTextChooseDirection(document); fixIdOfExistingRecords(document); sayWeekdays(document.body); })
    .observe(document.body, { childList: true, subtree: true, characterData: true });

  setup.stylesheets.forEach(function (sheet) { CMS.registerPreviewStyle(sheet); });

  /* Decap writes whole files. This format writes an edited record into the file as it was read, with the yaml
     library's document model: one edited field is one changed line; comments, key order, quotes and flow lists
     of everything else stay. New files get the catalogue's style (quoted dates, times, phone numbers). */
  var QUOTED = [/^\d{4}-\d{2}-\d{2}$/, /^\d{1,2}:\d{2}$/, /^\+?[0-9][0-9 /()-]*$/];
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
        return convertDates(data, toGerman, null);
      },
      toFile: function (data) {
        var plain = convertDates(JSON.parse(JSON.stringify(data)), toIso, null);
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
