// Runs catalogue.js's search engine in Node over a search index folder, for the tests.
//   node run_engine.js <engine.js> <index folder> <language> [<stemmer.js>]  < ["query", ...]
// (engine.js: the page's modules as catalogue.site.script_bundle.engine_script joins them)
// prints [{"query": ..., "hits": [[doc, score], ...], "first": the same as first shown, "offers": o,
//          "terms": [[...], ...], "fetched": [url, ...] (before the first answer),
//          "suggestions": [word, ...] (where nothing was found)}, ...]
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [engineJs, folder, language, stemmerJs] = process.argv.slice(2);
const context = { window: {}, URL, setTimeout };
vm.createContext(context);
if (stemmerJs) vm.runInContext(fs.readFileSync(stemmerJs, "utf8"), context);
const modules = vm.runInContext(fs.readFileSync(engineJs, "utf8"), context);
const fetched = [];
const fetchJson = (url) => {
  fetched.push(url);
  const name = url.split("?")[0];
  return Promise.resolve(JSON.parse(fs.readFileSync(path.join(folder, name), "utf8")));
};
const engine = modules.createEngine("", language, fetchJson, () => Promise.resolve());
const queries = JSON.parse(fs.readFileSync(0, "utf8"));
(async () => {
  const out = [];
  for (const query of queries) {
    fetched.length = 0;
    const first = await engine.search(query);
    const fetchedBySearch = fetched.slice();
    const outcome = first.more ? await first.more : first;
    const suggestions = outcome.hits.length ? [] : await engine.suggest(query);
    out.push({
      query,
      hits: outcome.hits.map((hit) => [hit.doc, hit.score]),
      offers: outcome.head.o,
      terms: modules.terms(query, language, true),
      fetched: fetchedBySearch,
      first: first.hits.map((hit) => [hit.doc, hit.score]),
      suggestions,
    });
  }
  process.stdout.write(JSON.stringify(out));
})();
