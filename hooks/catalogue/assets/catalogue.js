/*
 * The catalogue page's filters and ranked text search. No dependencies, nothing stored in the browser; the only
 * requests are this language's stemmer, the head and term shards of its search index, the facet lists a filter
 * needs and the cards of the offers shown, each fetched when the reader asks for it. Without JavaScript the page
 * shows its first offers and leads to the pages of each stage of life and district.
 */
(function () {
  "use strict";

  // ---- Text normalisation: the same rules as hooks/catalogue/site/text_normalise.py (a test keeps them identical).
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
    ["\u0621", ""], // ء hamza standing alone
  ]);
  for (let digit = 0; digit < 10; digit += 1) {
    LETTER_FOLDS.set(String.fromCharCode(0x0660 + digit), String(digit)); // Arabic-Indic digits
    LETTER_FOLDS.set(String.fromCharCode(0x06f0 + digit), String(digit)); // Persian digits
  }
  const FOLDED_OR_DROPPED = /[\p{Mn}\p{Me}\p{Cf}ßςıґ\u064a\u0649\u0643\u0671\u0629\u06d5\u0640\u0621\u0660-\u0669\u06f0-\u06f9]/gu;
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

  // ---- Search terms: the same rules as hooks/catalogue/site/search_terms.py (a test keeps them identical).
  const ZWNJ_AT_ENDS = /^\u200c+|\u200c+$/g;
  const WORD_DROPS = /(?!\u200c)\p{Cf}/gu;
  const WORD_SEPARATORS = /[^\p{L}\p{M}\p{N}\u200c]+/u;
  const PERSIAN_DETACHED_ENDINGS = new Set(["ها", "های", "هایی", "هاي", "هايي"]);
  const UKRAINIAN_ENDINGS = ("ього ьому ими іми ями ами ові еві ого ому ої ою ею єю ій ий их іх ах ях ам ям ів їв ом ем ти ть " +
    "а я у ю і ї е є о и ь").split(" ").sort((a, b) => b.length - a.length);
  const UKRAINIAN_REFLEXIVE = ["ся", "сь"];
  const MINIMUM_STEM = 3;
  const ARABIC_HAMZA_ALEFS = /[أإآٱ]/g;
  const ARABIC_ARTICLES = ["وال", "فال", "بال", "کال", "لل", "ال"]; // as a folded word begins (ك folds to ک)
  const TURKISH_POSSESSIVES = ["sı", "si", "su", "sü"];
  const TURKISH_VOWELS = "aeıioöuü";
  const length = (text) => Array.from(text).length;

  function words(text) {
    return String(text).normalize("NFKC").toLowerCase().replace(WORD_DROPS, "").split(WORD_SEPARATORS)
      .map((word) => word.replace(ZWNJ_AT_ENDS, "")).filter(Boolean);
  }

  function ukrainianStem(word) {
    for (const ending of UKRAINIAN_REFLEXIVE) {
      if (word.endsWith(ending) && length(word) - length(ending) >= MINIMUM_STEM) {
        word = word.slice(0, -ending.length);
        break;
      }
    }
    for (const ending of UKRAINIAN_ENDINGS) {
      if (word.endsWith(ending) && length(word) - length(ending) >= MINIMUM_STEM) {
        return word.slice(0, -ending.length);
      }
    }
    return word;
  }

  const PERSIAN_PLURAL_ENDINGS = ["هایی", "هايي", "های", "هاي", "ها"];

  function persianStem(word) {
    for (const ending of PERSIAN_PLURAL_ENDINGS) {
      if (word.endsWith(ending)) {
        const stem = word.slice(0, -ending.length).replace(/\u200c+$/, "");
        if (length(stem) >= MINIMUM_STEM) return stem;
      }
    }
    return word;
  }

  const KURMANJI_ENDINGS = ["ekê", "ekî", "eke", "yên", "ên", "yê", "ya", "an", "ê", "î", "a"];

  function kurmanjiStem(word) {
    for (const ending of KURMANJI_ENDINGS) {
      if (word.endsWith(ending) && length(word) - length(ending) >= MINIMUM_STEM) return word.slice(0, -ending.length);
    }
    return word;
  }

  const GERMAN_ENDINGS = ["ern", "en", "em", "er", "es", "e", "n"];

  function germanStem(word) {
    if (word.endsWith("innen") && length(word) - 5 >= MINIMUM_STEM) word = word.slice(0, -5);
    for (const ending of GERMAN_ENDINGS) {
      if (word.endsWith(ending) && length(word) - length(ending) >= MINIMUM_STEM) return word.slice(0, -ending.length);
    }
    return word;
  }

  function englishStem(word) {
    if (word.endsWith("sses") || word.endsWith("ies")) return word.slice(0, -2);
    if (word.endsWith("s") && !word.endsWith("ss") && length(word) > MINIMUM_STEM) return word.slice(0, -1);
    return word;
  }

  function stemmerOf(language) {
    if (language === "uk") return ukrainianStem;
    if (language === "fa") return persianStem;
    if (language === "ku") return kurmanjiStem;
    if (language === "de") return germanStem;
    if (language === "en") return englishStem;
    return typeof window.catalogueStem === "function" ? window.catalogueStem : (word) => word;
  }

  function wordTerms(word, language, query) {
    const stem = stemmerOf(language);
    const first = language === "ar" ? word.replace(/ی/g, "ي").replace(/ک/g, "ك").replace(ARABIC_HAMZA_ALEFS, "ا") : word;
    const candidates = [first];
    if (language === "ar" && (first[0] === "و" || first[0] === "ف") && first.slice(1).startsWith("ال") && length(first) >= 6) {
      candidates.push(first.slice(1));
    }
    if (language === "ar") {
      candidates.slice().forEach((candidate) => {
        if (candidate.startsWith("ال") && length(candidate) - 2 >= 3) candidates.push(candidate.slice(2));
      });
      candidates.slice().forEach((candidate) => {
        if (candidate.endsWith("ه")) candidates.push(candidate.slice(0, -1) + "ة");
      });
    }
    if (language === "tr" && length(word) >= 5 && TURKISH_POSSESSIVES.some((ending) => word.endsWith(ending)) &&
      TURKISH_VOWELS.includes(word.slice(-3, -2))) {
      candidates.push(word.slice(0, -2)); // "kitası": also "kita"
    }
    const found = [];
    const add = (text) => normalise(text).split(" ").filter(Boolean).forEach((term) => {
      if (!found.includes(term)) found.push(term);
    });
    candidates.forEach((candidate) => add(stem(candidate)));
    if (language === "ar") {
      normalise(first).split(" ").filter(Boolean).forEach((whole) => {
        add(whole);
        const article = ARABIC_ARTICLES.find((prefix) => whole.startsWith(prefix) && length(whole) - length(prefix) >= 3);
        if (article) add(whole.slice(article.length));
      });
    }
    if (query) add(stem(stem(first)));
    return found;
  }

  function textWords(text, language) {
    const found = words(text);
    if (language !== "fa") return found;
    const joined = [];
    found.forEach((word) => {
      if (joined.length && PERSIAN_DETACHED_ENDINGS.has(word)) {
        joined[joined.length - 1] += word;
      } else {
        joined.push(word);
      }
    });
    return joined;
  }

  // For each word of a text, its alternative terms; `query` adds a query word's stem's stem.
  function terms(text, language, query) {
    return textWords(text, language).map((word) => wordTerms(word, language, query)).filter((found) => found.length);
  }

  window.catalogueTerms = terms;

  // ---- The search engine over search/<lang>/ (see hooks/catalogue/site/search_index.py).
  const PREFIX_WEIGHT = 0.5; // a term the query word only begins counts half a whole one
  const SHARD_KEY_LENGTH = 2; // query words up to this length match whole terms only
  const LONG_WORD = 6; // a suggestion may be two letters from a query word where both are this long
  const COMMON_SHARE = 0.5;
  const COMMON_WEIGHT = 0.05; // the share of its score a common word adds

  function shardFile(key) {
    return Array.from(key).map((character) => character.codePointAt(0).toString(16)).join("-") + ".json";
  }

  function createEngine(base, language, fetchJson, loadStemmer) {
    let head = null;
    const shards = new Map();
    const rests = new Map();

    function ready() {
      if (!head) {
        head = Promise.all([fetchJson(base + "index.json"), loadStemmer()]).then(([data]) => data);
        head.catch(() => {
          head = null; // tried again at the next search
        });
      }
      return head;
    }

    // A file fetched once; one that could not be fetched (offline, and not saved) is tried again next time.
    function once(files, url) {
      if (!files.has(url)) {
        const loading = fetchJson(url);
        loading.catch(() => files.delete(url));
        files.set(url, loading);
      }
      return files.get(url);
    }

    function shard(data, key) {
      return once(shards, base + shardFile(key) + "?v=" + data.h);
    }

    // The shards that hold the terms an alternative can match: first the one it falls in (with its shorter keys),
    // then, for a word longer than a key, the deeper shards of the terms it begins.
    function firstKeys(data, alternative) {
      return data.k.filter((key) => alternative.startsWith(key));
    }

    function deeperKeys(data, alternative) {
      return length(alternative) > SHARD_KEY_LENGTH ? data.k.filter((key) => key !== alternative && key.startsWith(alternative)) : [];
    }

    function keysFor(data, alternative) {
      return firstKeys(data, alternative).concat(deeperKeys(data, alternative));
    }

    // A shard, or with `whole` its long terms' whole posting lists in place of their best ones.
    function load(data, key, whole) {
      if (!whole || !(data.m || []).includes(key)) return shard(data, key);
      return Promise.all([shard(data, key), once(rests, base + "m-" + shardFile(key) + "?v=" + data.h)])
        .then(([first, rest]) => Object.assign({}, first, rest));
    }

    // document -> best score of one query word over its alternatives and the index terms they match
    // (`held`: how many documents hold a matched term, counting those a long list's head leaves out)
    function matchWord(alternatives, loaded) {
      const best = new Map();
      let held = 0;
      loaded.forEach((postingsByTerm) => {
        Object.keys(postingsByTerm).forEach((term) => {
          let weight = 0;
          alternatives.forEach((alternative) => {
            if (term === alternative) weight = Math.max(weight, 1);
            else if (length(alternative) > SHARD_KEY_LENGTH && term.startsWith(alternative)) weight = Math.max(weight, PREFIX_WEIGHT);
          });
          if (!weight) return;
          const postings = postingsByTerm[term];
          held = Math.max(held, postings[0] < 0 ? -postings[0] : postings.length / 2);
          let document = 0;
          for (let at = postings[0] < 0 ? 1 : 0; at < postings.length; at += 2) { // -n: the best of n documents
            document += postings[at];
            const score = postings[at + 1] * weight;
            if (score > (best.get(document) || 0)) best.set(document, score);
          }
        });
      });
      return { best, held: Math.max(held, best.size) };
    }

    // A document matches every query word but the common ones (in more than COMMON_SHARE of all documents), which
    // neither filter nor decide the order; a query of common words only ranks by them.
    function combine(perWord, documents) {
      const hits = [];
      if (!perWord.length) return hits;
      const common = perWord.map((word) => word.held > COMMON_SHARE * documents);
      const deciding = common.every(Boolean) ? perWord : perWord.filter((_, at) => !common[at]);
      const adding = common.every(Boolean) ? [] : perWord.filter((_, at) => common[at]);
      deciding[0].best.forEach((score, document) => {
        let total = score;
        for (let word = 1; word < deciding.length; word += 1) {
          const other = deciding[word].best.get(document);
          if (other === undefined) return;
          total += other;
        }
        adding.forEach((word) => {
          total += COMMON_WEIGHT * (word.best.get(document) || 0);
        });
        hits.push({ doc: document, score: total });
      });
      hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
      return hits;
    }

    // {head, hits: [{doc, score}] of the documents that match every word of the query, best first, then in index
    // order; missing: whether a file the query needs could not be fetched (offline, and not saved), so that the
    // hits come from the files there are; more: null, or the promise of the same over the deeper shards and whole
    // posting lists}. The first answer needs one shard per query word, whatever the catalogue's size.
    function search(query) {
      return ready().then((data) => {
        const queryTerms = terms(query, language, true);
        let missing = false;
        const loadOrNothing = (key, whole) => load(data, key, whole).catch(() => {
          missing = true;
          return {};
        });
        const rank = (keysOf, whole) => Promise.all(queryTerms.map((alternatives) => {
          const keys = new Set();
          alternatives.forEach((alternative) => keysOf(data, alternative).forEach((key) => keys.add(key)));
          return Promise.all(Array.from(keys).map((key) => loadOrNothing(key, whole))).then((loaded) => matchWord(alternatives, loaded));
        })).then((perWord) => combine(perWord, data.o + data.e.length));
        const more = queryTerms.some((alternatives) => alternatives.some((alternative) =>
          deeperKeys(data, alternative).length || firstKeys(data, alternative).some((key) => (data.m || []).includes(key))));
        return rank(firstKeys, false).then((hits) => ({
          head: data,
          hits,
          missing,
          more: more ? new Promise((resolve) => setTimeout(resolve, 0)) // after the first answer is shown
            .then(() => rank(keysFor, true)).then((allHits) => ({ head: data, hits: allHits, missing, more: null })) : null,
        }));
      });
    }

    function keysOf(data, alternatives) {
      const keys = new Set();
      alternatives.forEach((alternative) => keysFor(data, alternative).forEach((key) => keys.add(key)));
      return Array.from(keys);
    }

    // Words the index knows close to a query word that matches nothing, most used first: the same first letter,
    // two letters apart where both have LONG_WORD letters, else one letter typed for another or two neighbours
    // swapped. A short stem a letter longer or shorter is often another word (معادلة: المعدل, معاش): none then.
    function suggest(query) {
      return ready().then((data) => Promise.all(terms(query, language, true).map((alternatives) => {
        const keys = keysOf(data, alternatives);
        return Promise.all([
          Promise.all(keys.map((key) => load(data, key, true))),
          Promise.all(keys.map((key) => fetchJson(base + "w-" + shardFile(key) + "?v=" + data.h))),
        ]).then(([loaded, written]) => {
          if (matchWord(alternatives, loaded).best.size) return [];
          const close = [];
          loaded.forEach((postingsByTerm, at) => Object.keys(postingsByTerm).forEach((term) => {
            const distance = Math.min(...alternatives.map((alternative) => suggestionDistance(term, alternative)));
            const word = term in written[at] ? written[at][term] : term; // "" where no text writes the term
            if (word && distance !== Infinity) {
              const postings = postingsByTerm[term];
              close.push({ word, distance, uses: postings[0] < 0 ? -postings[0] : postings.length / 2 });
            }
          }));
          close.sort((a, b) => a.distance - b.distance || b.uses - a.uses);
          return close.map((entry) => entry.word);
        });
      }))).then((perWord) => Array.from(new Set([].concat(...perWord))).slice(0, 3));
    }

    return { search, ready, suggest };
  }

  // The edit distance of two terms where a suggestion may bridge it, else Infinity.
  function suggestionDistance(term, alternative) {
    if (term[0] !== alternative[0]) return Infinity;
    const distance = editDistance(term, alternative);
    if (Math.min(length(term), length(alternative)) >= LONG_WORD) return distance <= 2 ? distance : Infinity;
    if (length(term) !== length(alternative)) return Infinity;
    return distance <= 1 || swapped(Array.from(term), Array.from(alternative)) ? 1 : Infinity;
  }

  // Whether two words of one length differ only by two neighbouring letters typed the other way round.
  function swapped(a, b) {
    const differ = a.map((letter, at) => letter !== b[at] ? at : -1).filter((at) => at >= 0);
    return differ.length === 2 && differ[1] === differ[0] + 1 && a[differ[0]] === b[differ[1]] && a[differ[1]] === b[differ[0]];
  }

  function editDistance(first, second) {
    const a = Array.from(first);
    const b = Array.from(second);
    let previous = b.map((_, index) => index + 1);
    previous.unshift(0);
    a.forEach((letter, row) => {
      const current = [row + 1];
      b.forEach((other, column) => {
        current.push(Math.min(previous[column + 1] + 1, current[column] + 1, previous[column] + (letter === other ? 0 : 1)));
      });
      previous = current;
    });
    return previous[b.length];
  }

  window.catalogueSearchEngine = createEngine;

  const form = typeof document === "undefined" ? null : document.getElementById("cat-filters");
  if (!form) {
    return;
  }

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
})();
