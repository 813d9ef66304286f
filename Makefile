# Everything a fresh machine needs, from Python 3.11+ alone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "khronika needs Python 3.11+")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,train]'
	touch $(STAMP)

# Ingest the demo corpus into ./khronika.db and show what was stored.
demo: $(STAMP)
	$(BIN)/khronika demo

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/language.py
	$(BIN)/python bench/values.py
	$(BIN)/python bench/events.py

clean:
	rm -rf $(VENV) khronika.egg-info
