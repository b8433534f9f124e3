"""The search terms of a text in one language: its words cut to their stems, then folded by `text_normalise`.

The same rules run in the reader's browser (assets/search/terms.js, `terms`, reading the tables `browser_tables` gives, with the
Snowball stemmers of the npm package `@orama/stemmers`; Python runs the `snowballstemmer` package, with its C build
PyStemmer where installed); tests/test_search_terms.py keeps the two identical. In order:

1. Words: NFKC, lower case, format characters dropped except ZWNJ (the Persian half-space, which the Persian
   stemmer reads), split at every character that is no letter, mark, digit or ZWNJ.
2. Persian: a plural or ezafe ending written as a word of its own ("کلاس های") joins the word before it, so
   "کلاس‌های", "کلاسهای" and "کلاس های" are one word (hand-written: no stemmer joins words).
3. The language's stemmer: Snowball for ar, ru, tr; `_ukrainian_stem` for uk (Snowball has no
   Ukrainian); `_persian_stem` for fa (the plural ها and its ezafe forms); `_kurmanji_stem` for ku
   (its ezafe, oblique and indefinite endings); light
   inflection rules for de (`_german_stem`) and en (Porter's step 1a); none for the others (ti, ps, so ...), whose words are matched as they are.
4. Arabic: Persian ی and ک become Arabic ي and ك before stemming (a Persian keyboard's Arabic); a word that
   starts with the one-letter conjunction و or ف before the article ("والمدرسة", which Snowball's Arabic
   stemmer leaves whole) also yields the stem of the rest; a word ending in ه, the informal
   spelling of ة ("المدرسه"), also yields the stem of the word written with ة (both hand-written). An alef with a
   hamza or madda (أ إ آ ٱ) is read as the bare alef phones type before stemming: Snowball stems "ألماني" to "الم"
   but "الماني" to "مان", as it does "ألمانية" and "المانية". Snowball's Arabic
   stemmer cuts short words unevenly ("اللغة" -> "اللغ", "لغة" -> "لغه") and leaves the article on some
   ("الالمانية" -> "المان", "المانية" -> "مان"), so a word that begins with ال also yields the stem of the word
   without it, and every word also yields itself whole,
   folded, and where it begins with ال (alone or after و ف ب ك, or as لل) also without it: an ال that may or may
   not be the article is tried both ways, in the index and in the query alike.
   Turkish: a word ending in the possessive -sı, -si, -su or -sü after a vowel ("Kitası"), which Snowball leaves on,
   also yields the stem of the word without it (hand-written).
5. `text_normalise.normalise` folds each stem, so letter variants, diacritics and digits match as before.

A word may so give more than one term (alternatives); the index holds all of them and a query word matches
when any of its alternatives does.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache
from itertools import chain

import snowballstemmer  # type: ignore[import-untyped]  # snowballstemmer ships no type hints

from .text_normalise import normalise

SNOWBALL_ALGORITHMS = {"ar": "arabic", "ru": "russian", "tr": "turkish"}
"""Languages whose words Snowball stems, and the name of its algorithm: those whose browser build (npm
`@orama/stemmers`) gives the same stem as the Python package `snowballstemmer` for every word tested. Its German and
English are older algorithms than the Python package's, and it has no Persian: those languages keep the
hand-written rules, compound parts and prefix matching on both sides."""

_ZWNJ = "\u200c"
_PERSIAN_DETACHED_ENDINGS = frozenset({"ها", "های", "هایی", "هاي", "هايي"})
"""Endings Persian writers also set apart with a space: the plural ها and its ezafe forms."""
_ARABIC_CONJUNCTIONS = ("و", "ف")
_ARABIC_ARTICLE = "ال"
_HEH = "ه"
_ARABIC_LETTERS = str.maketrans({"ی": "ي", "ک": "ك"})
"""Persian yeh and keheh, as a Persian keyboard types Arabic words, to the letters the Arabic stemmer reads."""
_TEH_MARBUTA = "ة"
_ARABIC_BARE_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
_ARABIC_AS_STEMMED = {**_ARABIC_LETTERS, **_ARABIC_BARE_ALEF}
"""Both tables in one pass (neither maps to a letter the other changes)."""
_ARABIC_ARTICLES = ("وال", "فال", "بال", "کال", "لل", "ال")
"""The article as it begins a folded word (ك is folded to ک), alone or after a one-letter conjunction or preposition."""
_ARABIC_MINIMUM_REST = 3
_TURKISH_POSSESSIVES = ("sı", "si", "su", "sü")
_TURKISH_VOWELS = frozenset("aeıioöuü")
_UKRAINIAN_ENDINGS = tuple(
    sorted(
        [
            "ього",
            "ьому",
            "ими",
            "іми",
            "ями",
            "ами",
            "ові",
            "еві",
            "ого",
            "ому",
            "ої",
            "ою",
            "ею",
            "єю",
            "ій",
            "ий",
            "их",
            "іх",
            "ах",
            "ях",
            "ам",
            "ям",
            "ів",
            "їв",
            "ом",
            "ем",
            "ти",
            "ть",
            "а",
            "я",
            "у",
            "ю",
            "і",
            "ї",
            "е",
            "є",
            "о",
            "и",
            "ь",
        ],
        key=len,
        reverse=True,
    )
)
"""Case endings of Ukrainian nouns and adjectives and the infinitive's -ти, longest first."""
_UKRAINIAN_REFLEXIVE = ("ся", "сь")
_MINIMUM_STEM = 3


class _WordTable(dict[int, "str | None"]):
    """Drops format characters but ZWNJ; turns what is no letter, mark, digit or ZWNJ into a space."""

    def __missing__(self, code: int) -> str | None:
        category = unicodedata.category(chr(code))
        value: str | None
        if code == 0x200C or category[0] in "LMN":
            value = chr(code)
        elif category == "Cf":
            value = None
        else:
            value = " "
        self[code] = value
        return value


_WORDS = _WordTable()


def words(text: str) -> list[str]:
    """The words of a text as stemmers read them: NFKC, lower case, ZWNJ kept inside words (rule 1)."""
    spaced = unicodedata.normalize("NFKC", text).lower().translate(_WORDS)
    if _ZWNJ not in spaced:
        return spaced.split()
    return [word.strip(_ZWNJ) for word in spaced.split() if word.strip(_ZWNJ)]


def _ukrainian_stem(word: str) -> str:
    for ending in _UKRAINIAN_REFLEXIVE:
        if word.endswith(ending) and len(word) - len(ending) >= _MINIMUM_STEM:
            word = word[: -len(ending)]
            break
    for ending in _UKRAINIAN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MINIMUM_STEM:
            return word[: -len(ending)]
    return word


_PERSIAN_PLURAL_ENDINGS = ("هایی", "هايي", "های", "هاي", "ها")
"""The plural ها and its ezafe forms, joined to their word with or without a half-space."""


_KURMANJI_ENDINGS = ("ekê", "ekî", "eke", "yên", "ên", "yê", "ya", "an", "ê", "î", "a")
"""Kurmanji ezafe, oblique and indefinite endings, longest first: kreşê, kreşa, kreşên -> kreş; penaberan -> penaber."""


def _kurmanji_stem(word: str) -> str:
    for ending in _KURMANJI_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MINIMUM_STEM:
            return word[: -len(ending)]
    return word


def _persian_stem(word: str) -> str:
    for ending in _PERSIAN_PLURAL_ENDINGS:
        if word.endswith(ending):
            stem = word[: -len(ending)].rstrip(_ZWNJ)
            if len(stem) >= _MINIMUM_STEM:
                return stem
    return word


_GERMAN_ENDINGS = ("ern", "en", "em", "er", "es", "e", "n")
"""Inflection endings cut from a German word, longest first, after a feminine plural "-innen": a light stemmer
(Kurse, Kursen, Kurses: kurs; Schülerinnen, Schülern: schül)."""
_GERMAN_LAST_LETTERS = tuple(sorted({ending[-1] for ending in _GERMAN_ENDINGS}))
"""A word that ends in none of these letters has none of the endings (nor "-innen")."""


def _german_stem(word: str) -> str:
    if not word.endswith(_GERMAN_LAST_LETTERS):
        return word
    if word.endswith("innen") and len(word) - 5 >= _MINIMUM_STEM:
        word = word[:-5]
    for ending in _GERMAN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MINIMUM_STEM:
            return word[: -len(ending)]
    return word


def _english_stem(word: str) -> str:
    """Step 1a of Porter's algorithm (1980): plural -s, -es after s, -ies."""
    if word.endswith("sses") or word.endswith("ies"):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > _MINIMUM_STEM:
        return word[:-1]
    return word


def _stemmer(language: str) -> Callable[[str], str]:
    if language in SNOWBALL_ALGORITHMS:
        stemmer = snowballstemmer.stemmer(SNOWBALL_ALGORITHMS[language])
        if hasattr(stemmer, "maxCacheSize"):
            stemmer.maxCacheSize = 0  # PyStemmer's own cache: the Analyser keeps every word's terms already
        return stemmer.stemWord  # type: ignore[no-any-return]
    if language == "uk":
        return _ukrainian_stem
    if language == "fa":
        return _persian_stem
    if language == "ku":
        return _kurmanji_stem
    if language == "de":
        return _german_stem
    if language == "en":
        return _english_stem
    return lambda word: word


class Analyser:
    """One language's rules, with a cache of the words it has seen (a catalogue repeats most of its words)."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._stem = _stemmer(language)
        self._cache: dict[str, tuple[str, ...]] = {}
        self._folded: dict[str, list[str]] = {}

    def _fold(self, stem: str) -> list[str]:
        """`normalise(stem).split()`, each stem folded once: many words share a stem."""
        folded = self._folded.get(stem)
        if folded is None:
            folded = self._folded[stem] = normalise(stem).split()
        return folded

    def word_terms(self, word: str, query: bool = False) -> tuple[str, ...]:
        """The terms of one word (rules 3-5), most specific first; empty for a word that folds to nothing.
        A query word also tries its stem's stem: Snowball's German makes "kur" of "kurs" but "kurs" of "kurse"."""
        if query:
            found = dict.fromkeys(self.word_terms(word))
            for term in self._restemmed(word):
                found.setdefault(term)
            return tuple(found)
        cached = self._cache.get(word)
        if cached is None:
            if self.language == "ar":
                cached = self._arabic_terms(word)
            elif self.language == "tr" and _turkish_buffer_s(word):
                cached = tuple(
                    dict.fromkeys(chain.from_iterable(self._fold(self._stem(form)) for form in (word, word[:-2])))
                )
            else:
                cached = tuple(dict.fromkeys(self._fold(self._stem(word))))
            self._cache[word] = cached
        return cached

    def _arabic_terms(self, word: str) -> tuple[str, ...]:
        candidates = [word.translate(_ARABIC_AS_STEMMED)]
        first = candidates[0]
        if first[:1] in _ARABIC_CONJUNCTIONS and first[1:].startswith(_ARABIC_ARTICLE) and len(first) >= 6:
            candidates.append(first[1:])
        candidates += [
            candidate[len(_ARABIC_ARTICLE) :]
            for candidate in candidates
            if candidate.startswith(_ARABIC_ARTICLE) and len(candidate) - len(_ARABIC_ARTICLE) >= _ARABIC_MINIMUM_REST
        ]
        candidates += [candidate[:-1] + _TEH_MARBUTA for candidate in candidates if candidate.endswith(_HEH)]
        found: dict[str, None] = {}
        for candidate in candidates:
            for term in self._fold(self._stem(candidate)):
                found.setdefault(term)
        for whole in self._fold(first):
            found.setdefault(whole)
            rest = _without_arabic_article(whole)
            if rest:
                found.setdefault(rest)
        return tuple(found)

    def _restemmed(self, word: str) -> list[str]:
        if self.language == "ar":
            word = word.translate(_ARABIC_AS_STEMMED)  # as the index reads it (rule 4)
        return self._fold(self._stem(self._stem(word)))

    def text_words(self, text: str) -> list[str]:
        """The words of a text, Persian endings joined to their word (rules 1-2)."""
        found = words(text)
        if self.language != "fa":
            return found
        joined: list[str] = []
        for word in found:
            if joined and word in _PERSIAN_DETACHED_ENDINGS:
                joined[-1] += word
            else:
                joined.append(word)
        return joined

    def terms(self, text: str, query: bool = False) -> list[list[str]]:
        """For each word of the text, in order, its terms (a word that folds to nothing is left out)."""
        return [terms for terms in (list(self.word_terms(word, query)) for word in self.text_words(text)) if terms]


def _turkish_buffer_s(word: str) -> bool:
    """Whether a Turkish word may end in the possessive -sı/-si/-su/-sü after a vowel ("kitası", "ailesi"), which
    Snowball leaves on ("kitas"): such a word also yields the stem of the word without it (rule 4)."""
    return len(word) >= 5 and word.endswith(_TURKISH_POSSESSIVES) and word[-3] in _TURKISH_VOWELS


def _without_arabic_article(folded: str) -> str:
    """A folded word without the ال it begins with, or "" where it begins with none or too little would be left."""
    for article in _ARABIC_ARTICLES:
        if folded.startswith(article) and len(folded) - len(article) >= _ARABIC_MINIMUM_REST:
            return folded[len(article) :]
    return ""


def browser_tables() -> dict[str, object]:
    """The endings, articles and lengths of these rules as the browser's copy reads them (assets/search/terms.js, by
    way of site/script_bundle.py), so that the two cannot drift apart."""
    return {
        "persianDetachedEndings": sorted(_PERSIAN_DETACHED_ENDINGS),
        "persianPluralEndings": list(_PERSIAN_PLURAL_ENDINGS),
        "ukrainianEndings": list(_UKRAINIAN_ENDINGS),
        "ukrainianReflexive": list(_UKRAINIAN_REFLEXIVE),
        "kurmanjiEndings": list(_KURMANJI_ENDINGS),
        "germanEndings": list(_GERMAN_ENDINGS),
        "minimumStem": _MINIMUM_STEM,
        "arabicHamzaAlefs": "".join(sorted(chr(code) for code in _ARABIC_BARE_ALEF)),
        "arabicArticles": list(_ARABIC_ARTICLES),
        "arabicMinimumRest": _ARABIC_MINIMUM_REST,
        "turkishPossessives": list(_TURKISH_POSSESSIVES),
        "turkishVowels": "".join(sorted(_TURKISH_VOWELS)),
    }


@cache
def analyser(language: str) -> Analyser:
    return Analyser(language)


def query_terms(text: str, language: str) -> list[list[str]]:
    """What the browser makes of a query: for each word, its alternative terms."""
    return analyser(language).terms(text, query=True)
