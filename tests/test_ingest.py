"""Incremental ingest with the deterministic hash embedder (fast, offline)."""

import json

from rag.cli import main
from rag.corpus import dump, parse
from rag.ingest import ingest
from rag.index import Index


def test_reingest_is_idempotent_and_incremental(hash_cfg, tiny_corpus):
    first = ingest(hash_cfg, progress=False)
    assert sorted(first.added) == ["labs", "pact-history"] and first.embedded == first.chunks > 0
    again = ingest(hash_cfg, progress=False)
    assert again.embedded == 0 and again.added == again.updated == again.deleted == []
    assert again.chunks == first.chunks

    # change one article: only its chunks are replaced
    p = tiny_corpus / "labs.md"
    doc = parse(p.read_text(), "labs.md")
    doc.body += " The labs opened a new site in 2020."
    p.write_text(dump(doc))
    changed = ingest(hash_cfg, progress=False)
    assert changed.updated == ["labs"] and changed.unchanged == ["pact-history"]
    assert changed.embedded >= 1 and changed.removed_chunks >= 1

    # remove one: its chunks go
    (tiny_corpus / "pact-history.md").unlink()
    gone = ingest(hash_cfg, progress=False)
    assert gone.deleted == ["pact-history"]
    ids = Index(hash_cfg, "hash").existing()
    assert ids and all(m["doc_id"] == "labs" for m in ids.values())


def test_broken_file_is_skipped_and_keeps_its_old_chunks(hash_cfg, tiny_corpus):
    ingest(hash_cfg, progress=False)
    (tiny_corpus / "labs.md").write_text("---\nid: [broken\n---\n")
    rep = ingest(hash_cfg, progress=False)
    assert any("labs.md" in s for s in rep.skipped)
    assert rep.deleted == []  # an unreadable file is not a deletion: no data lost
    assert any(m["doc_id"] == "labs" for m in Index(hash_cfg, "hash").existing().values())


def test_cli_ingest_json(hash_cfg, tiny_corpus, capsys, monkeypatch):
    monkeypatch.setenv("RAG_EMBEDDING_MODEL", "hash")
    assert main(["ingest", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"added", "updated", "deleted", "unchanged", "embedded", "chunks"} <= set(out)
    assert out["embedded"] == out["chunks"]
    assert main(["ingest", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["embedded"] == 0
