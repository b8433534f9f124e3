# The public commands. Each works on a fresh machine that has Python 3.11+, make, git and Node.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_READY := $(VENV)/.site-requirements
DEV_READY := $(VENV)/.dev-requirements
NODE_READY := node_modules/.installed
WHEELHOUSE := build/wheelhouse
WHEELHOUSE_READY := $(WHEELHOUSE)/.downloaded
VENDOR := hooks/catalogue/vendor
VENDOR_READY := $(VENDOR)/.copied
export PYTHONPATH := $(CURDIR)/hooks
export NO_MKDOCS_2_WARNING := 1

.PHONY: js lint lint-js test-fast vendor wheel site serve editor screenshots check test bench audit new-town clean report translations-export translations-import translations-machine

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(SITE_READY): requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(DEV_READY): requirements.txt requirements-dev.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@ $(SITE_READY)

$(NODE_READY): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The browser files the package carries, copied from the pinned npm packages (package.json): the web editor (Decap
# CMS and the yaml library), the Snowball stemmers the search runs in the reader's browser, and axe-core for the
# town checks. The package is built with them; they are not kept in git.
$(VENDOR_READY): $(NODE_READY)
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)/yaml $(VENDOR)/stemmers
	cp node_modules/decap-cms/dist/decap-cms.js $(VENDOR)/
	cp -r node_modules/yaml/browser/dist/. $(VENDOR)/yaml/ && cp node_modules/yaml/LICENSE $(VENDOR)/yaml/
	cp node_modules/@orama/stemmers/dist/*.js node_modules/@orama/stemmers/LICENSE.md $(VENDOR)/stemmers/
	cp node_modules/axe-core/axe.min.js node_modules/axe-core/LICENSE $(VENDOR)/
	touch $@

vendor: $(VENDOR_READY)

# The pinned dependencies as wheel files, so that the tests can install the product's wheel into a fresh town's
# virtual environment without reaching a package index (pip takes them from its cache where it has them).
$(WHEELHOUSE_READY): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip download --quiet --disable-pip-version-check --only-binary=:all: -d $(WHEELHOUSE) -r requirements-dev.txt
	touch $@

## site: install, check the data, build site/ (with the web editor under /admin/, copied from node_modules)
site: $(SITE_READY) $(VENDOR_READY)
	$(BIN)/catalogue check
	$(BIN)/catalogue build

## wheel: the product as a package a town pins (dist/bildungskatalog-<version>-py3-none-any.whl)
wheel: $(SITE_READY) $(VENDOR_READY)
	rm -rf dist && $(BIN)/python -m pip wheel --quiet --disable-pip-version-check --no-deps --no-build-isolation -w dist .

## serve: live preview at http://127.0.0.1:8000/ (another port: make serve PORT=8001; only some languages, rebuilt
## faster after each save: make serve LANGUAGES=de,ar)
PORT ?= 8000
serve: $(SITE_READY) $(VENDOR_READY)
	@$(BIN)/python -m catalogue.build.serve_port $(PORT)
	CATALOGUE_WORKERS=1 CATALOGUE_PREVIEW_LANGUAGES=$(LANGUAGES) $(BIN)/python -m mkdocs serve --dev-addr 127.0.0.1:$(PORT)

## editor: the web editor on this clone: open http://localhost:8000/admin/ while `make serve` runs
editor: $(SITE_READY) $(NODE_READY)
	$(BIN)/python -m catalogue editor-backend

## screenshots: the pictures of the web editor in docs/images/, taken from the real editor by its browser tests
screenshots: $(DEV_READY) $(VENDOR_READY) $(NODE_READY)
	$(BIN)/python tests/browser/editor_screenshots.py

## js: the catalogue page's script hooks/catalogue/assets/catalogue.js, joined from assets/search/*.js and minified
js: $(SITE_READY) $(NODE_READY)
	$(BIN)/python -m catalogue.site.script_bundle --write

## lint-js: ESLint's recommended rules over the package's JavaScript and the tests' Node scripts (eslint.config.mjs)
lint-js: $(NODE_READY)
	node_modules/.bin/eslint hooks/catalogue tests/search

## check: validate all data (GitHub annotations when CI is set; VERBOSE=1 lists missing translations file by file)
check: $(SITE_READY)
	$(BIN)/python -m catalogue check $(if $(CI),--format github,) $(if $(VERBOSE),--verbose,)

## test: the lint gate, then the whole test suite, browser tests included
test: lint $(DEV_READY) $(VENDOR_READY) $(WHEELHOUSE_READY)
	@.ci/tools-for-tests $(BIN)/python
	$(BIN)/python -m pytest

## lint: ruff's lint rules and formatting, and mypy's type check, on the package (settings in pyproject.toml); ESLint on its JavaScript
lint: $(DEV_READY) lint-js
	$(BIN)/ruff check hooks
	$(BIN)/ruff format --check hooks
	$(BIN)/mypy

## test-fast: the lint and type gate, then the tests that need no site build and no browser (the inner loop)
test-fast: lint $(DEV_READY) $(VENDOR_READY)
	$(BIN)/python -m pytest -m unit -q

## module-map: docs/developers/modules.md from the package's docstrings (tests/test_module_map.py holds it current)
.PHONY: module-map
module-map: | $(BIN)/python
	$(BIN)/python tests/tools/module_map.py

## bench: build synthetic catalogues of several sizes (cold, and warm at 1,000), a region of three towns, and print
## tables; the raw numbers go to bench/results/ (the 10,000-offer build takes a while: BENCH_SIZES=100,1000 skips it)
BENCH_SIZES ?= 100,1000,2000,10000
bench: $(DEV_READY) $(VENDOR_READY)
	$(BIN)/python bench/bench.py --sizes $(BENCH_SIZES) --json bench/results/build.json
	$(BIN)/python bench/region.py --json bench/results/region.json
	$(BIN)/python bench/search.py

## audit: Lighthouse (mobile) on key pages in German and Arabic
audit: site $(DEV_READY) $(NODE_READY)
	npm ci --prefix tests/browser/lighthouse --no-audit --no-fund --loglevel=error
	$(BIN)/python tests/browser/audit.py

## new-town: write a new town's repository: DIR=../musterstadt (asks, or takes ARGS="--name Musterstadt --email …")
new-town: $(SITE_READY)
	@[ -n "$(DIR)" ] || { echo "say where: make new-town DIR=../musterstadt ARGS=\"--name Musterstadt\""; exit 2; }
	$(BIN)/catalogue new-town $(DIR) $(ARGS)
## report: the office's report on stale, ending and untranslated offers (FORMAT=text|markdown|csv, OUTPUT=file, LIMIT=n)
report: $(SITE_READY)
	$(BIN)/python -m catalogue report --format $(or $(FORMAT),text) $(if $(OUTPUT),--output $(OUTPUT),) $(if $(LIMIT),--limit $(LIMIT),)

## translations-export: texts for a translator: TO=ar [FORMAT=xliff|xliff2|csv] [OUTPUT=file]
translations-export: $(SITE_READY)
	@[ -n "$(TO)" ] || { echo "say which language: make translations-export TO=ar"; exit 2; }
	$(BIN)/python -m catalogue translations export --to $(TO) --format $(or $(FORMAT),xliff) \
		--output $(or $(OUTPUT),translations-$(TO).$(if $(filter csv,$(FORMAT)),csv,xlf))

## translations-import: a translator's file back into the data: FILE=translations-ar.xlf
translations-import: $(SITE_READY)
	@[ -n "$(FILE)" ] || { echo "say which file: make translations-import FILE=translations-ar.xlf"; exit 2; }
	$(BIN)/python -m catalogue translations import $(FILE)

## translations-machine: machine drafts of missing texts (needs DEEPL_AUTH_KEY): TO=uk [BUDGET=50000]
translations-machine: $(SITE_READY)
	@[ -n "$(TO)" ] || { echo "say which language: make translations-machine TO=uk"; exit 2; }
	$(BIN)/python -m catalogue translations machine --to $(TO) $(if $(BUDGET),--budget $(BUDGET),)

clean:
	rm -rf site .pytest_cache
