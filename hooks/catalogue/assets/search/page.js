/*
 * The catalogue page's filters and ranked text search. No dependencies, nothing stored in the browser; the only
 * requests are this language's stemmer, the head and term shards of its search index, the facet lists a filter
 * needs and the cards of the offers shown, each fetched when the reader asks for it. Without JavaScript the page
 * shows its first offers and leads to the pages of each stage of life and district.
 */
import { normalise } from "./folding.js";
import { length, terms, textWords, wordTerms } from "./terms.js";
import { createEngine } from "./engine.js";

// Runs the page's search and filters in its form #cat-filters.
function start(form) {
  // ---- The page: without filters it shows the first offers the build put in it; with filters or a query, the
  // offers found, drawn from the language's facet lists and cards (hooks/catalogue/site/catalogue_listing.py).
  const controls = form.elements;
  const queryField = controls.namedItem("q");
  const results = document.getElementById("cat-results");
  const emptyNotice = document.getElementById("cat-empty");
  const noMatch = document.getElementById("cat-no-match");
  const suggestion = document.getElementById("cat-suggest");
  const offlineNotice = document.getElementById("cat-search-offline");
  const firstOffers = document.getElementById("cat-first");
  const FIELDS = ["q", "c", "age", "l", "d", "m", "g", "t", "e", "free"];
  const FACET_FIELDS = ["c", "l", "d", "m", "g", "t", "e"]; // facet file <field>-<value>; "free" is a file of its own
  const TYPING_DELAY_MS = 120;
  const PAGE_SIZE = Number(form.dataset.pageSize) || 20;
  const OFFERS = Number(form.dataset.offers) || 0;
  const base = form.dataset.index || "";
  const version = "?v=" + (form.dataset.listing || "");
  const language = document.documentElement.lang || "";

  function fetchJson(url) {
    return fetch(url, { credentials: "same-origin" }).then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    });
  }

  let stemmerLoading = null;
  function loadStemmer() {
    if (!form.dataset.stemmer) return Promise.resolve();
    if (!stemmerLoading) {
      stemmerLoading = new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = form.dataset.stemmer;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return stemmerLoading;
  }

  const engine = base ? createEngine(base, language, fetchJson, loadStemmer) : null;

  // ---- Index data, each file fetched once.
  const fetched = new Map();
  function once(url, load) {
    if (!fetched.has(url)) {
      const loading = load(url);
      loading.catch(() => fetched.delete(url)); // a failed request is tried again next time
      fetched.set(url, loading);
    }
    return fetched.get(url);
  }

  // A facet's offers as a Set of document numbers; its file holds them as gaps.
  function facet(name) {
    return once(base + "facets/" + name + ".json" + version, (url) => fetchJson(url).then((gaps) => {
      const documents = new Set();
      let at = 0;
      gaps.forEach((gap) => {
        at += gap;
        documents.add(at);
      });
      return documents;
    }).catch((error) => {
      if (error.message === "404") return new Set(); // a value no offer has
      throw error;
    }));
  }

  function card(document) {
    return once(base + "cards/" + document + ".json" + version, fetchJson);
  }

  // The offers the filters let through, as a Set, or null where no filter is set.
  function allowed(state) {
    const names = FACET_FIELDS.filter((name) => state[name]).map((name) => name + "-" + state[name]);
    if (state.free) names.push("free");
    const wanted = names.map(facet);
    if (state.age !== "") {
      wanted.push(once(base + "facets/ages.json" + version, fetchJson).then((ages) => {
        const age = Number(state.age);
        const fitting = new Set();
        ages.min.forEach((min, doc) => {
          const max = ages.max[doc];
          if ((min === null || age >= min) && (max === null || age <= max)) fitting.add(doc);
        });
        return fitting;
      }));
    }
    if (!wanted.length) return Promise.resolve(null);
    return Promise.all(wanted).then((sets) => {
      sets.sort((a, b) => a.size - b.size);
      return new Set(Array.from(sets[0]).filter((doc) => sets.every((set) => set.has(doc))));
    });
  }

  // ---- Filter state: the controls <-> the URL query.
  function fieldValue(name) {
    const control = controls.namedItem(name);
    if (!control) {
      return "";
    }
    return control.type === "checkbox" ? (control.checked ? "1" : "") : control.value.trim();
  }

  function readState() {
    const state = {};
    FIELDS.forEach((name) => {
      state[name] = fieldValue(name);
    });
    // Arabic-Indic (U+0660…) and Persian (U+06F0…) digits: the low four bits are the digit's value.
    const age = parseInt(state.age.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) & 0xf)), 10);
    state.age = Number.isNaN(age) ? "" : String(age);
    return state;
  }

  function applyQueryString() {
    const params = new URLSearchParams(window.location.search);
    FIELDS.forEach((name) => {
      const control = controls.namedItem(name);
      const value = params.get(name) || "";
      if (!control) {
        return;
      }
      if (control.type === "checkbox") {
        control.checked = value === "1";
      } else if (control.tagName === "SELECT") {
        const known = Array.from(control.options).some((option) => option.value === value);
        control.value = known ? value : "";
      } else {
        control.value = value;
      }
    });
  }

  function writeQueryString(state) {
    const params = new URLSearchParams();
    FIELDS.forEach((name) => {
      if (state[name]) {
        params.set(name, state[name]);
      }
    });
    const query = params.toString();
    const url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(window.history.state, "", url);
    // The language switcher leads to the same filters in the other language.
    document.querySelectorAll("a[hreflang]").forEach((link) => {
      link.search = query;
    });
    const active = FIELDS.filter((name) => name !== "q" && state[name]).length;
    if (foldCount) {
      foldCount.textContent = active ? "(" + numberFormat.format(active) + ")" : "";
    }
  }

  // ---- Showing the outcome.
  const found = document.createElement("ul"); // the offers found, best first, in place of the first offers
  found.className = "cat-cards cat-ranked";
  found.id = "cat-ranked";
  found.hidden = true;
  const more = document.createElement("button");
  more.type = "button";
  more.className = "cat-button cat-more-offers";
  more.id = "cat-more-offers";
  more.textContent = form.dataset.more || "+";
  more.hidden = true;
  if (firstOffers) {
    firstOffers.parentNode.insertBefore(found, firstOffers);
    firstOffers.parentNode.insertBefore(more, firstOffers);
  }
  let otherResults = null;
  let shown = { documents: [], count: 0 }; // the outcome on screen: every document found, and how many cards show

  // Appends the cards of documents[from .. from + PAGE_SIZE), requested together and each shown in order as soon
  // as it and those before it have arrived (`first` runs at the first); resolves to false where a newer outcome
  // took their place.
  function showCards(outcome, from, first) {
    const documents = outcome.documents.slice(from, from + PAGE_SIZE);
    let shownSoFar = Promise.resolve(shown === outcome);
    documents.map(card).forEach((loading, index) => {
      shownSoFar = shownSoFar.then((current) => current && loading.then((html) => {
        if (shown !== outcome) return false;
        const holder = document.createElement("template");
        holder.innerHTML = html;
        found.appendChild(holder.content);
        outcome.count = from + index + 1;
        if (index === 0 && first) first();
        return true;
      }));
    });
    return shownSoFar.then((current) => {
      if (current) more.hidden = outcome.count >= outcome.documents.length;
      return current;
    });
  }

  function showOtherResults(entries) {
    if (!otherResults) {
      otherResults = document.createElement("section");
      otherResults.className = "cat-more";
      otherResults.setAttribute("aria-labelledby", "cat-more-title");
      const heading = document.createElement("h2");
      heading.id = "cat-more-title";
      const label = document.querySelector('label[for="' + queryField.id + '"]');
      heading.textContent = form.dataset.pagesHeading || (label ? label.textContent : "");
      otherResults.appendChild(heading);
      otherResults.appendChild(document.createElement("ul"));
      more.parentNode.insertBefore(otherResults, more.nextSibling); // after the offers found
    }
    const list = otherResults.querySelector("ul");
    list.textContent = "";
    entries.forEach((entry) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = entry.url;
      link.textContent = entry.title;
      if (entry.lang) {
        link.lang = entry.lang;
        link.dir = "auto";
      }
      item.appendChild(link);
      list.appendChild(item);
    });
    otherResults.hidden = entries.length === 0;
  }

  const pluralRules = new Intl.PluralRules(form.dataset.lang || undefined);
  const numberFormat = new Intl.NumberFormat(form.dataset.lang || undefined, { numberingSystem: form.dataset.numbering || "latn" });
  function showSuggestions(query) {
    if (!suggestion || !engine) return;
    suggestion.hidden = true;
    engine.suggest(query).then((words) => {
      if (readState().q !== query) return;
      const list = suggestion.querySelector(".cat-suggestions");
      list.textContent = "";
      words.forEach((word, position) => {
        const link = document.createElement("a");
        link.href = "?q=" + encodeURIComponent(word);
        link.textContent = word;
        link.addEventListener("click", (event) => {
          event.preventDefault();
          queryField.value = word;
          update();
        });
        if (position) list.appendChild(document.createTextNode(" · "));
        list.appendChild(link);
      });
      suggestion.hidden = words.length === 0;
    }).catch(() => {});
  }

  function countText(count) {
    const category = pluralRules.select(count);
    const template = form.dataset["results" + category.charAt(0).toUpperCase() + category.slice(1)] || form.dataset.resultsOther;
    return (template || "{count}").replace("{count}", numberFormat.format(count));
  }

  // Shows what was found: `documents` the offers in order, `others` the news and pages a query found.
  function present(query, documents, others) {
    const outcome = { documents, count: 0 };
    shown = outcome;
    found.textContent = "";
    more.hidden = true;
    const reveal = () => {
      found.hidden = false;
      if (firstOffers) firstOffers.hidden = true;
      results.textContent = countText(documents.length);
    };
    return showCards(outcome, 0, reveal).then((current) => {
      if (!current) return;
      reveal();
      finish(query, documents.length, others);
    });
  }

  // "Did not find it?": an e-mail to the office in German and the reader's language, with the search and filters;
  // only a mailto: link - nothing is sent or stored unless the reader sends it (site/tell_office.py).
  const tell = document.getElementById("cat-tell");
  const tellLink = document.getElementById("cat-tell-mail");

  function tellOffice() {
    const data = JSON.parse(tell.dataset.tell);
    const state = readState();
    const subjects = [];
    const blocks = [];
    data.languages.forEach((words) => {
      const filters = FIELDS.filter((name) => name !== "q" && state[name]).map((name) => {
        const names = words.filters[name] || { label: name, values: {} };
        return name === "free" ? names.label : names.label + ": " + (names.values[state[name]] || state[name]);
      });
      const values = { searched: state.q || "–", filters: filters.join(", ") || words.no_filters, language: words.language };
      const fill = (text) => text.replace(/\{(\w+)\}/g, (all, key) => (key in values ? values[key] : all));
      subjects.push(fill(words.subject));
      blocks.push(words.lines.map(fill).join("\n"));
    });
    const unique = (list) => list.filter((item, index) => list.indexOf(item) === index);
    const encode = (text) => encodeURIComponent(text.replace(/\r?\n/g, "\r\n"));
    tellLink.href = "mailto:" + data.address + "?subject=" + encode(unique(subjects).join(" / ")) + "&body=" + encode(unique(blocks).join("\n---\n"));
  }

  function finish(query, count, others) {
    results.textContent = countText(count);
    form.dataset.count = String(count);
    form.dataset.shown = "1";
    const nothingFound = count === 0;
    if (tell && tellLink) {
      tell.hidden = !nothingFound;
      if (nothingFound) tellOffice();
    }
    if (emptyNotice) emptyNotice.hidden = !nothingFound || (Boolean(query) && Boolean(noMatch));
    if (noMatch) {
      noMatch.hidden = !nothingFound || !query;
      if (!noMatch.hidden) showSuggestions(query);
    }
    if (others.length || otherResults) showOtherResults(others);
  }

  // Offline, where a file a search needs was not saved: the results come from the saved pages.
  function showOffline(missing) {
    if (offlineNotice) offlineNotice.hidden = !missing;
  }

  function showFirstOffers() {
    showOffline(false);
    shown = { documents: [], count: 0 };
    found.hidden = true;
    found.textContent = "";
    more.hidden = true;
    if (firstOffers) firstOffers.hidden = false;
    finish("", OFFERS, []);
  }

  let generation = 0;

  function update() {
    const state = readState();
    writeQueryString(state);
    showHints(state.q);
    const query = normalise(state.q) ? state.q : "";
    const filtering = FIELDS.some((name) => name !== "q" && state[name]);
    const current = generation += 1;
    if (!query && !filtering) {
      showFirstOffers();
      return;
    }
    form.dataset.shown = "";
    results.textContent = form.dataset.loading || "";
    // The first answer of the search comes from one shard per word; `more` refines it with longer posting lists.
    const searched = query && engine ? engine.search(query) : Promise.resolve(null);
    Promise.all([searched, allowed(state)]).then(([outcome, permitted]) => {
      if (current !== generation) return null;
      const ranked = (answer) => {
        const documents = answer
          ? answer.hits.filter((hit) => hit.doc < answer.head.o).map((hit) => hit.doc)
          : Array.from({ length: OFFERS }, (_, doc) => doc);
        return permitted ? documents.filter((doc) => permitted.has(doc)) : documents;
      };
      const others = (answer) => {
        if (!answer) return [];
        const root = new URL("../", document.baseURI); // the catalogue page sits in <language root>catalogue/
        return answer.hits.filter((hit) => hit.doc >= answer.head.o).map((hit) => {
          const [url, title, lang] = answer.head.e[hit.doc - answer.head.o];
          return { url: new URL(url, root).href, title, lang: lang || "" };
        });
      };
      showOffline(Boolean(outcome && outcome.missing));
      return present(query, ranked(outcome), others(outcome)).then(() => {
        if (!outcome || !outcome.more) return null;
        return outcome.more.then((whole) => {
          if (current !== generation) return null;
          showOffline(whole.missing);
          return present(query, ranked(whole), others(whole));
        });
      });
    }).catch(() => {
      if (current !== generation) return;
      showOffline(!navigator.onLine);
      shown = { documents: [], count: 0 };
      found.textContent = "";
      found.hidden = false;
      if (firstOffers) firstOffers.hidden = true;
      finish(query, 0, []); // the index could not be loaded: say nothing was found, with the office's phone
    });
  }

  // ---- A query word that names a filter value (a stage of life, a district, a language, "free" ...) offers that
  // filter as one button; tapping it sets the filter and takes the word out of the query.
  const hints = document.getElementById("cat-filter-hints");
  const HINT_MIN_LENGTH = 4; // shorter words ("und", "для") name no filter
  const MAX_HINTS = 3;
  let filterValues = null;
  function filterValuesOnce() {
    if (filterValues) return filterValues;
    const values = [];
    const add = (control, value, text, words) => {
      const labelled = new Set([].concat(...terms(words, language, false)));
      if (labelled.size) values.push({ control, value, text, labelled });
    };
    FACET_FIELDS.forEach((name) => {
      const control = controls.namedItem(name);
      if (!control || control.tagName !== "SELECT") return;
      const label = document.querySelector('label[for="' + control.id + '"]');
      Array.from(control.options).filter((option) => option.value).forEach((option) => {
        add(control, option.value, (label ? label.textContent + ": " : "") + option.textContent, option.textContent);
      });
    });
    const free = controls.namedItem("free");
    if (free) {
      const label = document.querySelector('label[for="' + free.id + '"]');
      const text = label ? label.textContent : "";
      add(free, "1", text, text + " " + (free.dataset.words || ""));
    }
    if (!form.dataset.stemmer || typeof window.catalogueStem === "function") filterValues = values; // stemmed as queries are
    return values;
  }

  function showHints(query) {
    if (!hints) return;
    if (!query.trim()) { // nothing typed: nothing to offer, and no reason to fetch the index
      hints.textContent = "";
      hints.hidden = true;
      return;
    }
    (engine ? engine.ready().catch(() => null) : Promise.resolve()).then(() => {
      if (readState().q === query) offerFilters(query);
    });
  }

  function offerFilters(query) {
    hints.textContent = "";
    const queryWords = textWords(query, language).map((word) => ({ word, alternatives: wordTerms(word, language, true) }))
      .filter((entry) => length(entry.word) >= HINT_MIN_LENGTH);
    const offered = [];
    filterValuesOnce().forEach((filter) => {
      const set = filter.control.type === "checkbox" ? filter.control.checked : filter.control.value === filter.value;
      const naming = queryWords.filter((entry) => entry.alternatives.some((term) => filter.labelled.has(term)));
      if (!set && naming.length && offered.length < MAX_HINTS) offered.push({ filter, naming });
    });
    offered.forEach(({ filter, naming }) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "cat-button cat-hint";
      button.textContent = filter.text;
      button.addEventListener("click", () => {
        if (filter.control.type === "checkbox") filter.control.checked = true;
        else filter.control.value = filter.value;
        const named = new Set(naming.map((entry) => entry.word));
        queryField.value = textWords(queryField.value, language).filter((word) => !named.has(word)).join(" ");
        update();
        queryField.focus();
      });
      hints.appendChild(button);
    });
    hints.hidden = offered.length === 0;
  }

  // ---- Wiring.
  let typingTimer = 0;
  form.addEventListener("input", (event) => {
    window.clearTimeout(typingTimer);
    if (event.target === queryField) {
      typingTimer = window.setTimeout(update, TYPING_DELAY_MS);
    } else {
      update();
    }
  });
  form.addEventListener("change", (event) => {
    if (event.target !== queryField) {
      update();
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault(); // Enter in the search field filters in place
    window.clearTimeout(typingTimer);
    update();
  });
  form.addEventListener("reset", () => {
    window.clearTimeout(typingTimer);
    window.setTimeout(update, 0); // after the browser has cleared the controls
  });
  queryField.addEventListener("focus", () => {
    if (engine) engine.ready().catch(() => {});
  }, { once: true });
  more.addEventListener("click", () => {
    const outcome = shown;
    const from = outcome.count;
    showCards(outcome, from).then((current) => {
      const next = current && found.children[from] && found.children[from].querySelector("a");
      if (next) next.focus(); // the reader goes on reading at the first new offer
    });
  });

  const fold = document.getElementById("cat-fold");
  const foldCount = document.getElementById("cat-fold-count");
  if (fold && window.matchMedia("(min-width: 45em)").matches) {
    fold.open = true; // folded on phones only
  }
  applyQueryString();
  form.hidden = false;
  update();
}

const catalogueForm = typeof document === "undefined" ? null : document.getElementById("cat-filters");
if (catalogueForm) start(catalogueForm);
