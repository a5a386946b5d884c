"""Shared fixtures: every test runs against temp dirs, never the real index/."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests check what is true of every input, not how fast: speed is `rag bench`'s. Hypothesis's default 200 ms
# per example failed test_slips once on a machine running three test suites and five evals at once (300 ms).
settings.register_profile("rag", deadline=None)
settings.load_profile("rag")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(__file__).resolve().parent / "data" / "seeds"
CORPUS = ROOT / "corpus"

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["ANONYMIZED_TELEMETRY"] = "False"
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """Point all state at a temp dir; clear any RAG_* the developer has set."""
    for k in list(os.environ):
        if k.startswith("RAG_"):
            monkeypatch.delenv(k)
    monkeypatch.setenv("RAG_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("RAG_MODELS_DIR", str(tmp_path / "models"))
    monkeypatch.setenv("RAG_FEEDBACK_PATH", str(tmp_path / "feedback.jsonl"))
    monkeypatch.setenv("RAG_CORPUS_DIR", str(CORPUS))
    return tmp_path


def stop_process(proc) -> None:
    """Terminate a child server, killing it if it does not exit within 20 s."""
    import subprocess

    if proc is not None and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


TINY = {
    "pact-history": ("Pact history", "Example Times", ["Ann Writer"], "2024-01-02",
                     "The Pact was first signed in 1979 in Washington. It was renewed on Dec. 13, 2024 for five years. "
                     "The U.S. and China both signed the renewal."),
    "labs": ("Labs and fields", "Lab News", [], "",
             "Joint labs study agriculture, clean energy and public health. Dr. Lee leads the ocean program. "
             "The labs employ about 300 researchers."),
}


def write_tiny_corpus(path: Path, docs: dict = TINY) -> Path:
    from rag.corpus import save
    from rag.schema import Document

    path.mkdir(parents=True, exist_ok=True)
    for doc_id, (title, outlet, authors, date, body) in docs.items():
        save(Document(doc_id, title, outlet, authors, date, "", body), path, overwrite=True)
    return path


@pytest.fixture
def tiny_corpus(tmp_path, monkeypatch):
    d = write_tiny_corpus(tmp_path / "corpus")
    monkeypatch.setenv("RAG_CORPUS_DIR", str(d))
    return d


@pytest.fixture
def hash_cfg(tiny_corpus, tmp_path):
    from rag.config import load_config

    return load_config(model="hash")


@pytest.fixture(scope="session")
def shared_models_dir(tmp_path_factory):
    """One models dir for the session's real-model loads, so the model's ONNX export is made once
    (not by every server a test starts). Subprocesses find it in RAG_TEST_MODELS_DIR."""
    d = tmp_path_factory.mktemp("shared-models")
    os.environ["RAG_TEST_MODELS_DIR"] = str(d)
    return d


@pytest.fixture(scope="session")
def real_embedder(shared_models_dir):
    """The bundled MiniLM, loaded once per session from its package directory."""
    from rag.config import Config
    from rag.models import load_embedder

    return load_embedder(Config(model="minilm", models_dir=shared_models_dir))


@pytest.fixture(scope="session")
def real_index_dir(tmp_path_factory, real_embedder, shared_models_dir):
    """The real corpus ingested with the real model into a session temp dir."""
    from rag.config import Config
    from rag.ingest import ingest

    d = tmp_path_factory.mktemp("real-index")
    corpus = tmp_path_factory.mktemp("real-corpus")
    for f in CORPUS.glob("*.md"):
        shutil.copy(f, corpus / f.name)
    cfg = Config(corpus_dir=corpus, index_dir=d, model="minilm", models_dir=shared_models_dir)
    ingest(cfg, embedder=real_embedder, progress=False)
    return cfg


@pytest.fixture(scope="session")
def real_pipeline(real_index_dir, real_embedder):
    from rag.pipeline import Pipeline

    return Pipeline(real_index_dir, embedder=real_embedder)
