# The two commands a new machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
QM := resources/i18n/hotline_en.qm

.PHONY: run test bench screenshot lint translations

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

$(QM): resources/i18n/hotline_en.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent resources/i18n/hotline_en.ts -qm $(QM)

translations: $(QM)

## Run the console on its embedded PostgreSQL with demo data.
run: $(STAMP) $(QM)
	$(BIN)/python main.py --demo

## Run the whole test suite (uses 127.0.0.1:5432 when reachable, else an embedded server).
test: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(PYTEST_ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

screenshot: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python main.py --demo --screenshot docs/screenshot.png

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
