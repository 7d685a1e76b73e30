# policygraph — `make help` lists the targets.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help venv demo graphs lint test bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --upgrade pip
	$(BIN)/python -m pip install -qq -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP) ## create .venv and install policygraph with its dev tools

graphs: $(STAMP) ## rebuild graphs/ from corpus/
	$(BIN)/policygraph build corpus --out graphs

demo: graphs ## build the corpus graphs, validate them and show who owns which targets
	-$(BIN)/policygraph validate graphs
	$(BIN)/policygraph query department-targets --limit 15

lint: $(STAMP) ## ruff check and format check
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

test: lint ## lint, then run the test suite
	$(BIN)/python -m pytest

bench: $(STAMP) ## run the benchmarks (small size; SIZE=3000 for the full one)
	$(BIN)/python benchmarks/run.py --size $${SIZE:-100}

clean: ## remove the virtual environment
	rm -rf $(VENV)
