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

.PHONY: demo test test-fast eval audit bench install install-test browser test-neo4j lock clean

# Installs come from the hash-pinned locks in requirements/ (made by `make lock`), so a fresh
# clone gets the versions the tests passed with; the project itself is installed without deps.
PIP_PIN := pip==25.3
$(VENV)/.installed: pyproject.toml requirements/main.lock requirements/build.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check '$(PIP_PIN)'
	$(PY) -m pip install --quiet --require-hashes -r requirements/build.lock
	$(PY) -m pip install --quiet --require-hashes -r requirements/main.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements/test.lock
	$(PY) -m pip install --quiet --require-hashes -r requirements/test.lock
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

## test-fast: the rule writer's tier, run after every edit: rule tables, golden snapshots, the
## parsers, normaliser and vocabulary checks. No JVM, no browser, no store; well under 20 s.
FAST_TESTS ?= tests/test_rules_*.py tests/test_spans.py tests/test_extract_golden.py tests/test_extract_properties.py \
	tests/test_normalize.py tests/test_numbers.py tests/test_sources.py tests/test_datacheck.py \
	tests/test_audit.py tests/test_vocabulary_yaml.py tests/test_pipeline.py tests/test_layering.py
test-fast: install-test
	$(PY) -m pytest -q $(wildcard $(FAST_TESTS))

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

## audit: what the rules missed, without gold, grouped by shape (AUDIT_PATHS, default ../shared/dev)
audit: install
	$(GRAPH) audit $${AUDIT_PATHS:-$(SHARED)/dev}

## bench: throughput, latency and memory figures (BENCH_N articles, default 10000); extraction
## speed on real text too when $(SHARED)/raw is there (it stays outside the repository)
bench: install-test
	$(PY) -m bench.run --n $${BENCH_N:-10000} $$(test -d $(SHARED)/raw && echo --real $(SHARED)/raw)

## test-neo4j: the Bolt suite against a real Neo4j (docker compose -f docker/docker-compose.yml up -d first)
test-neo4j: install-test
	@test -n "$$NEO4J_URI" || (echo "set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD (see docker/.env.example)"; exit 2)
	$(PY) -m pytest -q -m bolt

## lock: re-resolve the locks after a change to pyproject.toml, keeping every other pin;
## `make lock UPGRADE=--upgrade` moves everything to the newest versions the ranges allow. Then `make test`.
UV_PIN := uv==0.13.9
LOCK := $(VENV)/bin/uv pip compile --quiet $(UPGRADE) --universal --python-version 3.11 --generate-hashes
lock: $(VENV)/.installed
	$(PY) -m pip install --quiet '$(UV_PIN)'
	$(LOCK) requirements/build.in -o requirements/build.lock
	$(LOCK) pyproject.toml --extra test -o requirements/test.lock
	$(LOCK) pyproject.toml -c requirements/test.lock -o requirements/main.lock

clean:
	rm -rf out .pytest_cache
