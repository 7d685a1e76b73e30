# policygraph — `make help` lists the targets.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help venv fonts demo graphs regions issuers lint test bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml
	@$(MAKE) --no-print-directory fonts
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --upgrade pip
	$(BIN)/python -m pip install -qq -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP) ## create .venv and install policygraph with its dev tools

# trace --draw FILE.png needs a font with Chinese glyphs (svg and html do not); install one as root
fonts: ## install a CJK font (Debian fonts-wqy-zenhei) when none is present
	@fc-list :lang=zh 2>/dev/null | grep -q . \
	  || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	       && { apt-get install -y -qq fonts-wqy-zenhei >/dev/null 2>&1 \
	            || { apt-get update -qq >/dev/null && apt-get install -y -qq fonts-wqy-zenhei >/dev/null; }; }; } \
	  || echo "note: no CJK font: trace --draw FILE.png needs fonts-wqy-zenhei or fonts-noto-cjk"

graphs: $(STAMP) ## rebuild graphs/ from corpus/
	$(BIN)/policygraph build corpus --out graphs

# only the package's data files are read, so its own dependencies are not installed
regions: $(STAMP) ## regenerate ontology/regions.ttl from the pinned division list (extra "regions")
	$(BIN)/python -m pip install -qq --no-deps "$$(grep -o 'jionlp==[0-9.]*' pyproject.toml)"
	$(BIN)/python scripts/regions.py

issuers: $(STAMP) ## regenerate data/issuer_codes.csv from the province stems and the listed codes
	$(BIN)/python scripts/issuer_codes.py

demo: graphs ## build the corpus graphs, validate them and show who owns which targets
	-$(BIN)/policygraph validate graphs --summary
	$(BIN)/policygraph query department-targets --limit 15

lint: $(STAMP) ## ruff check and format check
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

test: lint ## lint, then run the test suite
	$(BIN)/python -m pytest

bench: $(STAMP) ## run the benchmarks (small size; SIZE=3000 for the full one)
	$(BIN)/python benchmarks/run.py --size $${SIZE:-100}

clean: ## remove the virtual environment
	rm -rf $(VENV)
