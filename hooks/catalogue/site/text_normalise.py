"""Text folded for search matching, so that a query typed on any keyboard finds the words of an offer.

The same rules run in the reader's browser (assets/search/folding.js, `normalise`, reading the tables `browser_tables` gives); a test keeps
the two identical. In order:

1. NFKC: presentation forms, ligatures and full-width characters become ordinary letters and digits.
2. Lower case (`str.lower`, the browser's `toLowerCase`; `str.casefold` has no browser twin and differs from it
   for scripts such as Cherokee; the full foldings that matter here, ß and ς, are in step 4).
3. Canonical decomposition (NFD); Cyrillic й and Ukrainian ї are put back together, see below.
4. In one pass, character by character:
   - every non-spacing and enclosing mark and every format character (bidi marks, soft hyphen, ZWJ) is
     dropped. This strips Latin diacritics (ü -> u, é -> e, ş -> s, İ -> i), Arabic tashkeel and the
     superscript alef (U+064B-U+065F, U+0670), and leaves the base letter of hamza carriers (أ إ آ -> ا,
     ؤ -> و, ئ -> ي) and of ё (-> е);
   - ZWNJ (U+200C, the Persian half-space in "می‌خواهم" or "کتاب‌ها") becomes a space, so its parts are words
     of their own: a query for "کتاب" finds "کتاب‌ها";
   - single letters fold: ß -> ss, ς -> σ, ı -> i, ґ -> г, the Arabic and Persian forms of one letter to the
     Persian one (ي ى -> ی, ك -> ک), ٱ -> ا, ة -> ه, ە -> ه; tatweel and the hamza standing alone (ء, which
     phones and informal writing leave out: "شي" for "شيء", "اعضا" for "أعضاء") are dropped; Arabic-Indic and
     Persian digits become ASCII digits. The hamza on a seat leaves its seat (ؤ -> و, ئ -> ی, as above), the
     letter written when the hamza is left out ("سوال", "رييس").
5. NFC, then every run of characters that are not letters, marks or digits becomes one space.

Cyrillic: ё -> е because Russian print mostly writes е for ё, and ґ -> г because Ukrainian texts and keyboards
(and seventy years of official spelling) often use г for it, so these pairs are spelled both ways in practice.
Й, and Ukrainian і, ї, є stay distinct letters: each has its own key on every Russian or Ukrainian keyboard,
nobody writes и for й, and folding і or є would merge real words (кіт "cat" and кит "whale").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

_RECOMPOSED = (("\u0438\u0306", "\u0439"), ("\u0456\u0308", "\u0457"))
"""и + breve -> й, і + diaeresis -> ї: kept whole while other marks are stripped."""

_LETTER_FOLDS: dict[int, str] = {
    0x200C: " ",  # ZWNJ, the Persian half-space
    ord("ß"): "ss",
    ord("ς"): "σ",
    ord("ı"): "i",
    ord("ґ"): "г",
    0x064A: "\u06cc",  # ي Arabic yeh -> ی Persian yeh
    0x0649: "\u06cc",  # ى alef maksura -> ی
    0x0643: "\u06a9",  # ك Arabic kaf -> ک Persian kaf
    0x0671: "\u0627",  # ٱ alef wasla -> ا
    0x0629: "\u0647",  # ة teh marbuta -> ه
    0x06D5: "\u0647",  # ە ae (the base of ۀ) -> ه
    0x0640: "",  # tatweel
    0x0621: "",  # ء hamza standing alone
}
_LETTER_FOLDS.update({0x0660 + value: str(value) for value in range(10)})  # Arabic-Indic digits
_LETTER_FOLDS.update({0x06F0 + value: str(value) for value in range(10)})  # Persian digits


class _FoldTable(dict[int, "str | int | None"]):
    """A `str.translate` table that folds letters and drops marks and format characters, deciding each
    character once, on first sight."""

    def __missing__(self, code: int) -> str | int | None:
        value: str | int | None = _LETTER_FOLDS.get(code, code)
        if value == code and unicodedata.category(chr(code)) in ("Mn", "Me", "Cf"):
            value = None
        self[code] = value
        return value


class _SeparatorTable(dict[int, "str | int"]):
    """A `str.translate` table that turns every character but letters, marks and digits into a space."""

    def __missing__(self, code: int) -> str | int:
        value: str | int = code if unicodedata.category(chr(code))[0] in "LMN" else " "
        self[code] = value
        return value


class _CharacterProperty(dict[str, bool]):
    """A property of single characters, decided once per character, on first sight."""

    def __init__(self, test: Callable[[str], bool]) -> None:
        super().__init__()
        self._test = test

    def __missing__(self, character: str) -> bool:
        value = self[character] = self._test(character)
        return value


def _unchanged(character: str) -> bool:
    """Whether every step leaves the character as it is, wherever it stands in a text of such characters: a letter
    or digit that is no space and has no decomposition, combining class, other lower-case form or fold."""
    return (
        unicodedata.category(character)[0] in "LN"
        and not character.isspace()
        and unicodedata.combining(character) == 0
        and unicodedata.normalize("NFKD", character) == character
        and character.lower() == character
        and ord(character) not in _LETTER_FOLDS
    )


def _word_character(character: str) -> bool:
    return unicodedata.category(character)[0] in "LMN" and not character.isspace()


_FOLDS = _FoldTable()
_SEPARATORS = _SeparatorTable()
_UNCHANGED = _CharacterProperty(_unchanged)
_WORD_CHARACTERS = _CharacterProperty(_word_character)


def browser_tables() -> dict[str, object]:
    """The letter folds as the browser's copy of these rules reads them (assets/search/folding.js, by way of
    site/script_bundle.py): {"letterFolds": {character: replacement}, "recomposed": [[decomposed, letter], ...]}."""
    return {
        "letterFolds": {chr(code): value for code, value in sorted(_LETTER_FOLDS.items())},
        "recomposed": [list(pair) for pair in _RECOMPOSED],
    }


def normalise(text: str) -> str:
    """The text folded for matching: lower case, without diacritics or letter variants, words split by one space."""
    if all(map(_UNCHANGED.__getitem__, text)) and unicodedata.is_normalized("NFC", text):
        return text
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text).lower())
    for decomposed, whole in _RECOMPOSED:
        text = text.replace(decomposed, whole)
    text = unicodedata.normalize("NFC", text.translate(_FOLDS))
    if all(map(_WORD_CHARACTERS.__getitem__, text)):
        return text
    return " ".join(text.translate(_SEPARATORS).split())


def tokens(text: str) -> list[str]:
    """The words of a text after normalisation, in order, repeats included."""
    return normalise(text).split()
