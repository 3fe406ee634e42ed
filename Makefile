# The two commands a new user needs: `make demo` and `make test`. Everything else is set up by them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
BENCH_STAMP := $(VENV)/.bench-installed-stamp
SEED := ../shared/seeds/rafah-2024-03.txt

.PHONY: install demo test lint lock bench bench-install browser-deps clean schema

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || { echo "newstrace needs Python 3.11 (found $$($(PYTHON) --version))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

demo: install
	$(BIN)/newstrace analyze $(SEED) --published 2024-03-23 --format text
	@echo
	@echo "To see it on the web page: $(BIN)/newstrace serve --db newstrace.duckdb"
	@echo "then open http://127.0.0.1:8000/ and paste the article into the Analyse box (or analyse a URL)."

test: install lint browser-deps
	$(BIN)/python -m pytest

# Lint, format and type gates (spaCy, trafilatura and datasette gate on the same kinds of tools).
lint: install
	$(BIN)/ruff check src tests tools benchmarks
	$(BIN)/ruff format --check src tests tools benchmarks
	$(BIN)/mypy

# The newstrace/1 JSON Schema is generated from the model; a test checks the file is current.
schema: install
	$(BIN)/newstrace schema -o docs/newstrace-1.schema.json

# Regenerate the hash-pinned lock file from pyproject.toml (needs uv); the spaCy model is pinned to
# its wheel's hash only.
lock:
	uv pip compile pyproject.toml --extra test --generate-hashes --python-version 3.11 -o requirements.lock
	$(PYTHON) tools/pin_model_hash.py requirements.lock
	uv pip compile benchmarks/requirements-bench.in --generate-hashes --python-version 3.11 -o requirements-bench.lock

# Benchmarks compare against other tools (textacy), pinned in their own lock so the product does not need them.
bench-install: $(BENCH_STAMP)

$(BENCH_STAMP): $(STAMP) requirements-bench.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-bench.lock
	@touch $(BENCH_STAMP)

bench: install bench-install
	for b in benchmarks/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

# Debian's Chromium for the web page's browser tests (tests/web/test_browser.py; Playwright drives /usr/bin/chromium).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium chromium-driver; }

clean:
	rm -rf $(VENV) build *.egg-info
