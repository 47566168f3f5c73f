# warta: `make demo` and `make test` do all the set-up on a fresh machine with Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SHARED ?= ../shared

.PHONY: install demo test lint unit e2e eval eval-quick docs schema bench bench-web bench-spark java models clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev,spark]"
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/warta demo

lint: install
	$(BIN)/ruff check src tests scripts bench training eval
	$(BIN)/lint-imports --no-cache

# pytest exits 5 when it collects no tests: that fails the build too
unit: install
	sh scripts/ensure_java.sh || echo "warning: no Java: the Spark tests will skip" >&2
	scripts/ensure_postgres.sh || echo "warning: no PostgreSQL server: its tests will skip" >&2
	$(BIN)/python -m pytest -q

test: lint unit

e2e: install
	sh scripts/ensure_chromium.sh && $(BIN)/python -m pytest -q tests/e2e

# the accuracy gate: seed, dev and the wide corpora -> eval/results.json, checked against eval/floors.json
eval: install
	SHARED=$(SHARED) $(BIN)/python eval/run.py

# a quick loop while developing (never the gate's file): EVAL_LIMIT items per wide corpus
eval-quick: install
	SHARED=$(SHARED) $(BIN)/python eval/run.py --limit $${EVAL_LIMIT:-100}

docs: schema
	$(BIN)/python scripts/gen_reference.py

schema: install
	$(BIN)/python scripts/gen_schema.py

bench: install
	$(BIN)/python bench/run.py --out bench/results.json

java:
	sh scripts/ensure_java.sh

bench-spark: install java
	$(BIN)/python bench/bench_spark.py

bench-web: install
	$(BIN)/python bench/bench_web.py --n $${BENCH_STORE_N:-100000} --out bench/results-web.json

models: install
	$(BIN)/python training/build_models.py --data $(SHARED)/data --out src/warta/models

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache src/*.egg-info
