# The two commands a new machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
QM := resources/i18n/hotline_en.qm

CORE_VENV := .venv-core
CORE_STAMP := $(CORE_VENV)/.installed-stamp
# The console/ and db/ tests, which must pass without Qt: all but the widgets' and
# the few that are about Qt itself (translations, the window's system libraries,
# the import contracts, which .venv checks).
CORE_TESTS := tests --ignore=tests/widgets --ignore=tests/test_translations.py \
	--ignore=tests/test_system_check.py --ignore=tests/test_architecture.py

.PHONY: run test test-all test-core bench screenshot lint translations

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

$(CORE_STAMP): pyproject.toml tools/core_requirements.py
	$(PYTHON) -m venv $(CORE_VENV)
	$(CORE_VENV)/bin/pip install --quiet --upgrade pip
	$(PYTHON) tools/core_requirements.py > $(CORE_VENV)/requirements.txt
	$(CORE_VENV)/bin/pip install --quiet -r $(CORE_VENV)/requirements.txt
	$(CORE_VENV)/bin/pip install --quiet --no-deps -e .
	touch $(CORE_STAMP)

## Run the whole test suite (uses 127.0.0.1:5432 when reachable, else an embedded server),
## then the console/ and db/ tests again where Qt is not installed.
test: test-all test-core

test-all: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(PYTEST_ARGS)

## The console/ and db/ tests in a second environment without PySide6, qasync, pyqtgraph.
test-core: $(CORE_STAMP)
	@! $(CORE_VENV)/bin/python -c "import PySide6" 2>/dev/null || \
		{ echo "$(CORE_VENV) must not have PySide6"; exit 1; }
	$(CORE_VENV)/bin/python -m pytest -q -m "not slow" $(CORE_TESTS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

screenshot: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python main.py --demo --screenshot docs/screenshot.png

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports
