"""Text folded for search matching, so that a query typed on any keyboard finds the words of an offer.

The same rules run in the reader's browser (content/assets/catalogue/catalogue.js, `normalise`); a test keeps
the two identical. In order:

1. NFKC: presentation forms, ligatures and full-width characters become ordinary letters and digits.
2. Lower case, then ß -> ss and final ς -> σ (the full case foldings that matter here). Plain lower-casing
   rather than `str.casefold` because the browser has the same one (`toLowerCase`) and casefold differs from it
   for scripts such as Cherokee.
3. ZWNJ (U+200C, the Persian half-space in "می‌خواهم" or "کتاب‌ها") becomes a space, so its parts are words of
   their own: a query for "کتاب" finds "کتاب‌ها".
4. Canonical decomposition, then every non-spacing and enclosing mark and every format character (bidi marks,
   soft hyphen, ZWJ) is dropped. This strips Latin diacritics (ü -> u, é -> e, ş -> s, İ -> i), Arabic
   tashkeel and the superscript alef (U+064B-U+065F, U+0670) and splits hamza carriers into their base letter
   (أ إ آ -> ا, ؤ -> و, ئ -> ي). Cyrillic й and Ukrainian ї are put back together first, see below.
5. Single-letter folds: ı -> i, Arabic and Persian forms of one letter to the Persian one (ي ى -> ی, ك -> ک),
   ٱ -> ا, ة -> ه, ە -> ه, tatweel removed, Arabic-Indic and Persian digits -> ASCII digits, ґ -> г.
6. NFC, then every run of characters that are not letters, marks or digits becomes one space.

Cyrillic: ё -> е because Russian print mostly writes е for ё, and ґ -> г because Ukrainian texts and keyboards
(and seventy years of official spelling) often use г for it, so these pairs are spelled both ways in practice.
Й, and Ukrainian і, ї, є stay distinct letters: each has its own key on every Russian or Ukrainian keyboard,
nobody writes и for й, and folding і or є would merge real words (кіт "cat" and кит "whale").
"""
from __future__ import annotations

import unicodedata

_ZWNJ = "\u200c"
_DROPPED_CATEGORIES = frozenset({"Mn", "Me", "Cf"})
_RECOMPOSED = (("\u0438\u0306", "\u0439"), ("\u0456\u0308", "\u0457"))
"""и + breve -> й, і + diaeresis -> ї: kept whole while other marks are stripped."""

_LETTER_FOLDS: dict[int, str] = {
    ord("ß"): "ss",
    ord("ς"): "σ",
    ord("ı"): "i",
    ord("ґ"): "г",
    ord("\u064a"): "\u06cc",  # ي Arabic yeh -> ی Persian yeh
    ord("\u0649"): "\u06cc",  # ى alef maksura -> ی
    ord("\u0643"): "\u06a9",  # ك Arabic kaf -> ک Persian kaf
    ord("\u0671"): "\u0627",  # ٱ alef wasla -> ا
    ord("\u0629"): "\u0647",  # ة teh marbuta -> ه
    ord("\u06d5"): "\u0647",  # ە ae (the base of ۀ) -> ه
    ord("\u0640"): "",  # tatweel
}
_LETTER_FOLDS.update({0x0660 + value: str(value) for value in range(10)})  # Arabic-Indic digits
_LETTER_FOLDS.update({0x06F0 + value: str(value) for value in range(10)})  # Persian digits

_WORD_CHARACTER_CATEGORIES = ("L", "M", "N")


def normalise(text: str) -> str:
    """The text folded for matching: lower case, without diacritics or letter variants, words split by one space."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = unicodedata.normalize("NFD", text.replace(_ZWNJ, " "))
    for decomposed, whole in _RECOMPOSED:
        text = text.replace(decomposed, whole)
    text = "".join(character for character in text if unicodedata.category(character) not in _DROPPED_CATEGORIES)
    text = unicodedata.normalize("NFC", text.translate(_LETTER_FOLDS))
    spaced = "".join(
        character if unicodedata.category(character).startswith(_WORD_CHARACTER_CATEGORIES) else " " for character in text
    )
    return " ".join(spaced.split())


def tokens(text: str) -> list[str]:
    """The words of a text after normalisation, in order, repeats included."""
    return normalise(text).split()
