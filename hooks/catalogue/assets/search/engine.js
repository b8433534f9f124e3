// The search engine over search/<lang>/ (see hooks/catalogue/site/search_index.py): fetches the shards a query
// needs, ranks the documents, and suggests words where nothing is found.
import { length, terms } from "./terms.js";

const PREFIX_WEIGHT = 0.5; // a term the query word only begins counts half a whole one
const SHARD_KEY_LENGTH = 2; // query words up to this length match whole terms only
const LONG_WORD = 6; // a suggestion may be two letters from a query word where both are this long
const COMMON_SHARE = 0.5;
const COMMON_WEIGHT = 0.05; // the share of its score a common word adds

function shardFile(key) {
  return Array.from(key).map((character) => character.codePointAt(0).toString(16)).join("-") + ".json";
}

export function createEngine(base, language, fetchJson, loadStemmer) {
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
