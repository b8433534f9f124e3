// Letter folding: the same rules as hooks/catalogue/site/text_normalise.py, whose tables the build writes into
// tables.js (site/script_bundle.py), so the two cannot drift apart.
import { TABLES } from "./tables.js";

const LETTER_FOLDS = new Map(Object.entries(TABLES.letterFolds));
const CLASS_SPECIALS = /[\\\]^-]/g;
const FOLDED_OR_DROPPED = new RegExp(
  "[\\p{Mn}\\p{Me}\\p{Cf}" + Array.from(LETTER_FOLDS.keys()).join("").replace(CLASS_SPECIALS, "\\$&") + "]", "gu");
const RECOMPOSED_LETTERS = new Map(TABLES.recomposed);
const RECOMPOSED = new RegExp(TABLES.recomposed.map(([decomposed]) => decomposed).join("|"), "g");
const SEPARATORS = /[^\p{L}\p{M}\p{N}]+/gu;

export function normalise(text) {
  return String(text)
    .normalize("NFKC")
    .toLowerCase()
    .normalize("NFD")
    .replace(RECOMPOSED, (pair) => RECOMPOSED_LETTERS.get(pair)) // и + breve -> й, і + diaeresis -> ї stay letters
    .replace(FOLDED_OR_DROPPED, (character) => LETTER_FOLDS.get(character) || "")
    .normalize("NFC")
    .replace(SEPARATORS, " ")
    .trim();
}
