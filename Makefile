# The two commands that matter: `make demo` and `make test`. Everything they need is installed
# here, into .venv, from the package registries; nothing is expected on the machine but
# Python 3.11, make and git.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
GRAPH  := $(VENV)/bin/graph
SHARED ?= ../shared
DEMO_DB ?= $(CURDIR)/out/demo-db
export GRAPH_DB ?= $(DEMO_DB)

.PHONY: demo test eval bench install install-test browser test-neo4j clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

## demo: install, ingest examples/ into the embedded store, ask who issued 143-KL/TU, write a view
demo: install
	$(GRAPH) ingest examples/ --db $(DEMO_DB)
	$(GRAPH) stats --db $(DEMO_DB)
	$(GRAPH) who-issued 143-KL/TU --db $(DEMO_DB)
	$(GRAPH) view --db $(DEMO_DB) -o out/demo.html

## test: install with test extras, then the whole suite (browser tests need Chromium: see `browser`)
test: install-test
	$(PY) -m pytest -q

## browser: Debian's Chromium for the real-browser view test (root, apt)
browser:
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

## eval: score `graph extract` against the gold files (sample corpus, and ../shared/dev when present)
eval: install
	@mkdir -p out
	@for set in corpus dev; do \
	  if [ -d $(SHARED)/$$set ]; then \
	    echo "== $$set"; \
	    $(GRAPH) extract $(SHARED)/$$set --format jsonl > out/pred-$$set.jsonl && \
	    $(PY) $(SHARED)/tools/score.py $(SHARED)/$$set out/pred-$$set.jsonl; \
	  else echo "== $$set: $(SHARED)/$$set not found, skipped"; fi; \
	done

## bench: throughput, latency and memory figures (BENCH_N articles, default 10000)
bench: install-test
	$(PY) -m bench.run --n $${BENCH_N:-10000}

## test-neo4j: the Bolt suite against a real Neo4j (docker compose -f docker/docker-compose.yml up -d first)
test-neo4j: install-test
	@test -n "$$NEO4J_URI" || (echo "set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD (see docker/.env.example)"; exit 2)
	$(PY) -m pytest -q -m bolt

clean:
	rm -rf out .pytest_cache
