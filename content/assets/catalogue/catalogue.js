/*
 * The catalogue page's filters and text search. No dependencies, no build step, nothing stored in the browser;
 * the only request is this language's search index, fetched once when the reader starts a text search.
 * Without JavaScript the page simply lists every offer.
 */
(function () {
  "use strict";

  // ---- Text normalisation: the same rules as hooks/catalogue/text_normalise.py (a test keeps them identical).
  const LETTER_FOLDS = new Map([
    ["\u200c", " "], // ZWNJ, the Persian half-space
    ["ß", "ss"],
    ["ς", "σ"],
    ["ı", "i"],
    ["ґ", "г"],
    ["\u064a", "\u06cc"], // ي Arabic yeh -> ی Persian yeh
    ["\u0649", "\u06cc"], // ى alef maksura -> ی
    ["\u0643", "\u06a9"], // ك Arabic kaf -> ک Persian kaf
    ["\u0671", "\u0627"], // ٱ alef wasla -> ا
    ["\u0629", "\u0647"], // ة teh marbuta -> ه
    ["\u06d5", "\u0647"], // ە ae (the base of ۀ) -> ه
    ["\u0640", ""], // tatweel
  ]);
  for (let digit = 0; digit < 10; digit += 1) {
    LETTER_FOLDS.set(String.fromCharCode(0x0660 + digit), String(digit)); // Arabic-Indic digits
    LETTER_FOLDS.set(String.fromCharCode(0x06f0 + digit), String(digit)); // Persian digits
  }
  const FOLDED_OR_DROPPED = /[\p{Mn}\p{Me}\p{Cf}ßςıґ\u064a\u0649\u0643\u0671\u0629\u06d5\u0640\u0660-\u0669\u06f0-\u06f9]/gu;
  const SEPARATORS = /[^\p{L}\p{M}\p{N}]+/gu;

  function normalise(text) {
    return String(text)
      .normalize("NFKC")
      .toLowerCase()
      .normalize("NFD")
      .replace(/\u0438\u0306/g, "\u0439") // и + breve -> й stays a letter of its own
      .replace(/\u0456\u0308/g, "\u0457") // і + diaeresis -> ї likewise
      .replace(FOLDED_OR_DROPPED, (character) => LETTER_FOLDS.get(character) || "")
      .normalize("NFC")
      .replace(SEPARATORS, " ")
      .trim();
  }

  window.catalogueNormalise = normalise;

  const form = typeof document === "undefined" ? null : document.getElementById("cat-filters");
  if (!form) {
    return;
  }

  // ---- The page.
  const controls = form.elements;
  const queryField = controls.namedItem("q");
  const results = document.getElementById("cat-results");
  const emptyNotice = document.getElementById("cat-empty");
  const groups = Array.from(document.querySelectorAll("section.cat-group"));
  const cards = Array.from(document.querySelectorAll("li.cat-card")).map((element) => ({
    element,
    id: element.dataset.id,
    categories: (element.dataset.c || "").split(" "),
    ages: (element.dataset.a || "-").split("-"),
    languages: (element.dataset.l || "").split(" "),
    districts: (element.dataset.d || "").split(" "),
    free: element.dataset.f === "1",
    mode: element.dataset.m || "",
    words: null, // what the card shows, normalised on the first text search
  }));
  const FIELDS = ["q", "c", "age", "l", "d", "m", "free"];
  const TYPING_DELAY_MS = 120;

  // ---- The search index: {o: [{i, s}], n: [{u, t, s, lang?}], p: [...]}, see hooks/catalogue/search_index.py.
  let index = null; // null until loaded; {offers: Map id -> words, others: [...]} afterwards
  let indexState = "idle"; // idle | loading | ready | failed

  function loadIndex() {
    if (indexState !== "idle" || !form.dataset.index) {
      return;
    }
    indexState = "loading";
    prepareCards(0);
    fetch(form.dataset.index, { credentials: "same-origin" })
      .then((response) => {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then((data) => {
        const root = new URL("../", document.baseURI); // the catalogue page sits in <language root>catalogue/
        index = {
          offers: new Map((data.o || []).map((entry) => [entry.i, " " + entry.s])),
          others: (data.n || []).concat(data.p || []).map((entry) => ({
            url: new URL(entry.u, root).href,
            title: entry.t,
            lang: entry.lang || "",
            words: " " + entry.s,
          })),
        };
        indexState = "ready";
      })
      .catch(() => {
        indexState = "failed"; // the cards' own text is still searched
      })
      .then(update);
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
    const age = parseInt(state.age, 10);
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
  }

  // ---- Matching.
  function hasWord(words, queryWord) {
    return words.indexOf(" " + queryWord) !== -1; // a query word matches the start of a word
  }

  function cardWords(card) {
    if (card.words === null) {
      card.words = " " + normalise(card.element.textContent);
    }
    return card.words;
  }

  // Normalises the cards' text a slice at a time while the index loads, so the first search does not stall.
  function prepareCards(start) {
    cards.slice(start, start + 100).forEach(cardWords);
    if (start + 100 < cards.length) {
      window.setTimeout(() => prepareCards(start + 100), 0);
    }
  }

  function matchesText(queryWords, ...wordLists) {
    return queryWords.every((word) => wordLists.some((words) => words && hasWord(words, word)));
  }

  function matchesFilters(card, state) {
    if (state.c && !card.categories.includes(state.c)) return false;
    if (state.l && !card.languages.includes(state.l)) return false;
    if (state.d && !card.districts.includes(state.d)) return false;
    if (state.free && !card.free) return false;
    // Hybrid offers take place both in person and online.
    if (state.m && card.mode !== state.m && !(card.mode === "hybrid" && state.m !== "hybrid")) return false;
    if (state.age !== "") {
      const age = Number(state.age);
      const [min, max] = card.ages;
      if ((min !== "" && age < Number(min)) || (max !== "" && age > Number(max))) return false;
    }
    return true;
  }

  // ---- Showing the outcome.
  let otherResults = null;

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
      const anchor = emptyNotice || form;
      anchor.parentNode.insertBefore(otherResults, anchor.nextSibling);
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

  function countText(count) {
    const category = pluralRules.select(count);
    const template = form.dataset["results" + category.charAt(0).toUpperCase() + category.slice(1)] || form.dataset.resultsOther;
    return (template || "{count}").replace("{count}", numberFormat.format(count));
  }

  function update() {
    const state = readState();
    writeQueryString(state);
    const queryWords = normalise(state.q).split(" ").filter(Boolean);
    const searching = queryWords.length > 0;
    if (searching) {
      loadIndex();
    }
    const waiting = searching && indexState === "loading";
    const visibleIds = new Set();
    cards.forEach((card) => {
      const indexWords = index ? index.offers.get(card.id) : "";
      const shown = matchesFilters(card, state) && (!searching || waiting || matchesText(queryWords, cardWords(card), indexWords));
      card.element.hidden = !shown;
      if (shown) {
        visibleIds.add(card.id);
      }
    });
    const filtering = FIELDS.some((name) => state[name]);
    groups.forEach((group) => {
      group.hidden = filtering && !group.querySelector("li.cat-card:not([hidden])");
    });
    results.textContent = waiting ? form.dataset.loading || "" : countText(visibleIds.size);
    if (emptyNotice) {
      emptyNotice.hidden = waiting || visibleIds.size > 0;
    }
    const others = searching && index ? index.others.filter((entry) => matchesText(queryWords, entry.words)) : [];
    if (others.length || otherResults) {
      showOtherResults(others);
    }
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
  queryField.addEventListener("focus", loadIndex, { once: true });

  applyQueryString();
  form.hidden = false;
  update();
})();
