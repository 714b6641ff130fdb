# Two commands on a fresh machine: `make run` (the bot; the sandbox when there is no token)
# and `make test` (lint, types and the test suite). Both set everything up first.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run sandbox test lint typecheck pytest bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed: set PYTHON=/path/to/python3.11"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: setup
	$(BIN)/signbot run

sandbox: setup
	$(BIN)/signbot sandbox

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy bot handlers scheduler tests bench

pytest: setup
	$(BIN)/pytest -q

test: lint typecheck pytest

bench: setup
	$(BIN)/python bench/qa.py
	$(BIN)/python bench/updates.py
	$(BIN)/python bench/digest.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
