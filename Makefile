# policygraph — `make help` lists the targets.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help venv fonts demo graphs regions indicators issuers lint test bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml
	@$(MAKE) --no-print-directory fonts
	@$(MAKE) --no-print-directory browser
	@$(MAKE) --no-print-directory virtuoso
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --upgrade pip
	$(BIN)/python -m pip install -qq -e '.[dev]'
	# policygraph's bytecode, written also where PYTHONDONTWRITEBYTECODE is set: a CLI call
	# then reads its modules instead of compiling them (about 0.08 s of `validate`)
	$(BIN)/python -m compileall -q src
	touch $(STAMP)

venv: $(STAMP) ## create .venv and install policygraph with its dev tools

# trace --draw FILE.png needs a font with Chinese glyphs (svg and html do not); install one as root
fonts: ## install a CJK font (Debian fonts-wqy-zenhei) when none is present
	@fc-list :lang=zh 2>/dev/null | grep -q . \
	  || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	       && { apt-get install -y -qq fonts-wqy-zenhei >/dev/null 2>&1 \
	            || { apt-get update -qq >/dev/null && apt-get install -y -qq fonts-wqy-zenhei >/dev/null; }; }; } \
	  || echo "note: no CJK font: trace --draw FILE.png needs fonts-wqy-zenhei or fonts-noto-cjk"

.PHONY: browser virtuoso explore typecheck vendor-yasgui

# the explorer's browser tests drive Debian's headless Chromium through its chromedriver
browser: ## install chromium and chromium-driver (Debian) when missing, as root
	@{ [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } \
	  || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	       && { apt-get install -y -qq chromium chromium-driver >/dev/null 2>&1 \
	            || { apt-get update -qq >/dev/null && apt-get install -y -qq chromium chromium-driver >/dev/null; }; }; } \
	  || echo "note: no Chromium: the browser tests will be skipped (apt-get install chromium chromium-driver)"

# push is tested against a private Virtuoso (tests/virtuoso.py): the server binary of Debian's
# virtuoso-opensource, without the packaged service (which would start one on port 8890)
virtuoso: ## install Virtuoso Open Source (Debian virtuoso-opensource-7-bin) when missing, as root
	@{ [ -x /usr/bin/virtuoso-t ] && [ -x /usr/bin/isql-vt ]; } \
	  || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	       && { apt-get install -y -qq --no-install-recommends virtuoso-opensource-7-bin >/dev/null 2>&1 \
	            || { apt-get update -qq >/dev/null \
	                 && apt-get install -y -qq --no-install-recommends virtuoso-opensource-7-bin >/dev/null; }; }; } \
	  || echo "note: no Virtuoso: the Virtuoso push tests will be skipped (apt-get install virtuoso-opensource-7-bin)"

graphs: $(STAMP) ## rebuild graphs/ from corpus/
	$(BIN)/policygraph build corpus --out graphs

# only the package's data files are read, so its own dependencies are not installed
indicators: $(STAMP) ## regenerate the generated part of ontology/indicators.ttl from data/indicator_sources/
	$(BIN)/python scripts/indicator_sources.py

regions: $(STAMP) ## regenerate ontology/regions.ttl from the pinned division list (extra "regions")
	$(BIN)/python -m pip install -qq --no-deps "$$(grep -o 'jionlp==[0-9.]*' pyproject.toml)"
	$(BIN)/python scripts/regions.py

issuers: $(STAMP) ## regenerate data/issuer_codes.csv from the province stems and the listed codes
	$(BIN)/python scripts/issuer_codes.py

demo: graphs ## build the corpus graphs, validate them and show who owns which targets
	-$(BIN)/policygraph validate graphs --summary
	$(BIN)/policygraph query department-targets --limit 15

explore: $(STAMP) ## start the web explorer (and /sparql) on the bundled graphs; prints its address
	$(BIN)/policygraph serve --graphs graphs --sources corpus

lint: $(STAMP) ## ruff check and format check
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

typecheck: $(STAMP) ## mypy over the package
	$(BIN)/mypy src/policygraph

test: lint typecheck ## lint, type-check, then run the test suite
	$(BIN)/python -m pytest

bench: $(STAMP) ## run the benchmarks (small size; SIZE=3000 for the full one)
	$(BIN)/python benchmarks/run.py --size $${SIZE:-100}

YASGUI ?= 4.6.2
vendor-yasgui: ## fetch @zazuko/yasgui from npm into src/policygraph/web/static/yasgui
	cd $$(mktemp -d) && npm pack -q @zazuko/yasgui@$(YASGUI) >/dev/null && tar xzf zazuko-yasgui-$(YASGUI).tgz \
	  && cp package/build/yasgui.min.js package/build/yasgui.min.css $(CURDIR)/src/policygraph/web/static/yasgui/

clean: ## remove the virtual environment
	rm -rf $(VENV)
