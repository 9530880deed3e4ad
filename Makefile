# The course's two everyday commands, `make lab` and `make test`, and their helpers.
# Each target sets up what it needs first (a .venv/ and, for the browser tests,
# axe-core from npm) and skips that set-up when nothing has changed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
AXE := node_modules/axe-core/axe.min.js
LESSON ?= 00

.PHONY: lab test lint unit notebooks browser execute student progress html present bench bench-site bench-models load-test clean help

help:
	@echo "make lab      open the course in JupyterLab (sets up .venv/ the first time)"
	@echo "make test     run every test: lint and types, units, nbval over the lessons, the browser tests"
	@echo "make execute  re-run every lesson, store its outputs and its worked solutions' printed text"
	@echo "make bench    time every lesson in the browser: start-up, slider latency, memory"
	@echo "make bench-models  time the model library (medians; nothing asserted)"
	@echo "make bench-site    time the static site: key press to redrawn chart, computed in the page"
	@echo "make load-test     20 simulated learners on a local JupyterHub: memory and latency"
	@echo "make student OUT=dir  student copies: no solutions, no notice answers (KEEP_NOTICE=1 keeps those); edits kept"
	@echo "make progress DIR=homes OUT=class.csv  a class report from the learners' progress files"
	@echo "make html OUT=dir     the course as a static site whose sliders stay live (no Python, no server)"
	@echo "make present LESSON=03  one lesson in app mode (Voila), for a projector"
	@echo "make clean    remove .venv/ and node_modules/"

# The course environment: what a learner needs, nothing more.
$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; run: make PYTHON=python3.12 ...")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -e .
	$(BIN)/python -m utils._bundle
	$(BIN)/python -m utils.server
	touch $(STAMP)

# The test tools on top (pytest, nbval, Playwright, JupyterHub, ruff, mypy): only make test and its kin need them.
$(TEST_STAMP): $(STAMP) requirements-test.txt
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $(TEST_STAMP)

$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $(AXE)

# JupyterLab refuses to run as root without being told; containers often run as root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

# The whole course folder in the file browser, lesson 00 open; the URL printed below opens it directly.
lab: $(STAMP)
	@echo "Starting JupyterLab on lesson 00. If no browser opens, open the address below that ends in"
	@echo "00_start_here.ipynb?token=... (on a remote machine, forward its port first)."
	$(BIN)/jupyter lab $(ROOT_FLAG) --ServerApp.root_dir="$(CURDIR)" --LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb

# Two workers on this 2-core machine; --dist loadfile keeps each test file (a browser session, a
# lesson's nbval run) on one worker. About 3 minutes in all, against 4 min 40 s in one process.
test: $(TEST_STAMP) $(AXE) lint
	$(BIN)/python -m pytest -n 2 --dist loadfile

# Lint, format and types first: seconds, and a failure names the line.
lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Units and properties only: no browser, no lessons, no JupyterHub.
unit: $(TEST_STAMP)
	$(BIN)/python -m pytest tests utils --ignore=tests/browser --ignore=tests/test_load_test.py

notebooks: $(TEST_STAMP)
	$(BIN)/python -m pytest notebooks

browser: $(TEST_STAMP) $(AXE)
	$(BIN)/python -m pytest tests/browser

execute: $(STAMP)
	$(BIN)/python -m tools.execute notebooks/*.ipynb
	$(BIN)/python -m tools.solutions notebooks/*.ipynb

student: $(STAMP)
	@test -n "$(OUT)" || { echo "usage: make student OUT=dir"; exit 2; }
	$(BIN)/python -m tools.student $(OUT) $(if $(KEEP_NOTICE),--keep-notice)

# DIR holds one home folder per learner (a JupyterHub's /home): DIR/<learner>/.plumbing-premium/progress.json
progress: $(STAMP)
	@test -n "$(DIR)" && test -n "$(OUT)" || { echo "usage: make progress DIR=homes OUT=class.csv"; exit 2; }
	$(BIN)/python -m tools.progress_report $(DIR) $(OUT)

html: $(STAMP)
	@test -n "$(OUT)" || { echo "usage: make html OUT=dir"; exit 2; }
	$(BIN)/python -m tools.site $(OUT)

# Voila's offline template lives in tools/jupyter/voila/templates/offline; tools/present.py sets it up.
present: $(STAMP)
	$(BIN)/python -m tools.present $(LESSON)

bench: $(TEST_STAMP) $(AXE)
	$(BIN)/python benchmarks/bench_lessons.py

bench-site: $(TEST_STAMP)
	$(BIN)/python benchmarks/bench_site.py

bench-models: $(TEST_STAMP)
	$(BIN)/python benchmarks/bench_models.py

load-test: $(TEST_STAMP) $(AXE)
	$(BIN)/python benchmarks/load_test.py --learners 20 --moves 20

clean:
	rm -rf $(VENV) node_modules
