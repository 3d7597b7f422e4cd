# Jilin Innovation Graph — the two commands a user needs are `make run` and `make test`.
# Every target is safe to run again: work already done (venv, installs, graph) is skipped.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501
CORPUS ?= data/corpus
GRAPH  := data/build/graph.jsonl
LINT   := queries/lint
BENCH_SMOKE := data/build/bench-smoke.json

# Inputs whose change means the graph must be rebuilt.
GRAPH_INPUTS := $(wildcard $(CORPUS)/*) $(shell find jig ingest ontology queries -name "*.py" -o -name "*.yaml" 2>/dev/null)

.PHONY: run build model test bench-check bench test-neo4j lint-cypher install install-dev browser clean help

help:
	@echo "make run         build the graph (if needed) and serve the explorer on http://localhost:$(PORT)"
	@echo "make test        install everything and run the whole test suite, the Cypher lint and bench-check"
	@echo "make bench-check the benchmark's smoke run (corpus ×2) and its speed guards, apart from the unit suite"
	@echo "make bench       the benchmark at ×1, ×10, ×20 and ×100 into benchmarks/results.json (about 10 minutes)"
	@echo "make build       (re)build the graph from $(CORPUS)"
	@echo "make model       retrain the span tagger from the gold training splits (byte-identical)"
	@echo "make test-neo4j  run only the Neo4j integration tests (needs NEO4J_URI)"
	@echo "make clean       remove the virtual environment and the built graph"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev

$(GRAPH): $(VENV)/.runtime $(GRAPH_INPUTS)
	$(BIN)/python -m ingest build --corpus $(CORPUS)

build: $(VENV)/.runtime
	$(BIN)/python -m ingest build --corpus $(CORPUS)

# The committed tagger model; retraining on the same gold gives the same bytes (tests/ingest/extract/test_tagger.py).
model: $(VENV)/.runtime
	$(BIN)/python -m evaluation.train_tagger

run: $(GRAPH)
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

$(LINT)/node_modules/.installed: $(LINT)/package.json $(LINT)/package-lock.json
	cd $(LINT) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Headless Chromium and a CJK font for the end-to-end browser test (Debian packages).
browser:
	@command -v chromium >/dev/null 2>&1 && fc-list :lang=zh 2>/dev/null | grep -q . || { \
	  echo "installing chromium and a CJK font (Debian packages)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }

lint-cypher: $(VENV)/.dev $(LINT)/node_modules/.installed
	$(BIN)/python -m queries lint

# The Cypher lint of every Neo4j statement runs inside the suite (tests/test_queries_lint.py). The timed
# checks run after it, apart from the unit tests, so that a busy machine fails no unit test.
test: $(VENV)/.dev $(LINT)/node_modules/.installed browser
	$(BIN)/python -m pytest
	$(MAKE) bench-check

# The benchmark at ×2 must run (nothing more is checked of it), and the CPU-time ratios against jieba alone
# must stay under their limits (about 1.5× what was measured: a 2× regression fails).
bench-check: $(VENV)/.dev
	$(BIN)/python -m benchmarks run --scale 2 --runs 3 --json $(BENCH_SMOKE)
	$(BIN)/python -m benchmarks check

bench: $(VENV)/.dev browser
	$(BIN)/python -m benchmarks run --scale 1 --scale 10 --scale 20 --scale 100 --json benchmarks/results.json

test-neo4j: $(VENV)/.dev
	$(BIN)/python -m pytest -m neo4j tests

clean:
	rm -rf $(VENV) data/build $(LINT)/node_modules
