// Search terms: the same rules as hooks/catalogue/site/search_terms.py, with its tables (tables.js, written by the
// build); tests/test_search_terms.py holds the terms of both equal.
import { TABLES } from "./tables.js";
import { normalise } from "./folding.js";

const ZWNJ_AT_ENDS = /^\u200c+|\u200c+$/g;
const WORD_DROPS = /(?!\u200c)\p{Cf}/gu;
const WORD_SEPARATORS = /[^\p{L}\p{M}\p{N}\u200c]+/u;
const PERSIAN_DETACHED_ENDINGS = new Set(TABLES.persianDetachedEndings);
const UKRAINIAN_ENDINGS = TABLES.ukrainianEndings; // longest first
const UKRAINIAN_REFLEXIVE = TABLES.ukrainianReflexive;
const MINIMUM_STEM = TABLES.minimumStem;
const ARABIC_HAMZA_ALEFS = new RegExp("[" + TABLES.arabicHamzaAlefs + "]", "g");
const ARABIC_ARTICLES = TABLES.arabicArticles; // as a folded word begins (ك folds to ک)
const ARABIC_MINIMUM_REST = TABLES.arabicMinimumRest;
const TURKISH_POSSESSIVES = TABLES.turkishPossessives;
const TURKISH_VOWELS = TABLES.turkishVowels;
export const length = (text) => Array.from(text).length;

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

const PERSIAN_PLURAL_ENDINGS = TABLES.persianPluralEndings;

function persianStem(word) {
  for (const ending of PERSIAN_PLURAL_ENDINGS) {
    if (word.endsWith(ending)) {
      const stem = word.slice(0, -ending.length).replace(/\u200c+$/, "");
      if (length(stem) >= MINIMUM_STEM) return stem;
    }
  }
  return word;
}

const KURMANJI_ENDINGS = TABLES.kurmanjiEndings;

function kurmanjiStem(word) {
  for (const ending of KURMANJI_ENDINGS) {
    if (word.endsWith(ending) && length(word) - length(ending) >= MINIMUM_STEM) return word.slice(0, -ending.length);
  }
  return word;
}

const GERMAN_ENDINGS = TABLES.germanEndings;

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

export function wordTerms(word, language, query) {
  const stem = stemmerOf(language);
  const first = language === "ar" ? word.replace(/ی/g, "ي").replace(/ک/g, "ك").replace(ARABIC_HAMZA_ALEFS, "ا") : word;
  const candidates = [first];
  if (language === "ar" && (first[0] === "و" || first[0] === "ف") && first.slice(1).startsWith("ال") && length(first) >= 6) {
    candidates.push(first.slice(1));
  }
  if (language === "ar") {
    candidates.slice().forEach((candidate) => {
      if (candidate.startsWith("ال") && length(candidate) - 2 >= ARABIC_MINIMUM_REST) candidates.push(candidate.slice(2));
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
      const article = ARABIC_ARTICLES.find((prefix) => whole.startsWith(prefix) && length(whole) - length(prefix) >= ARABIC_MINIMUM_REST);
      if (article) add(whole.slice(article.length));
    });
  }
  if (query) add(stem(stem(first)));
  return found;
}

export function textWords(text, language) {
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
export function terms(text, language, query) {
  return textWords(text, language).map((word) => wordTerms(word, language, query)).filter((found) => found.length);
}
