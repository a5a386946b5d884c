"""Bad corpus input: the bad file is skipped with a reason naming it; the rest load."""

from rag.corpus import load_corpus, parse
from rag.errors import CorpusError

import pytest

GOOD = "---\nid: good\ntitle: Good\n---\n\nThe pact was signed in 1979.\n"


def test_bad_files_are_skipped_with_reasons(tmp_path):
    (tmp_path / "good.md").write_text(GOOD)
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "binary.md").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "latin1.md").write_bytes("---\nid: x\n---\n\ncaf\xe9".encode("latin-1"))
    (tmp_path / "broken.md").write_text("---\nid: [unclosed\n---\n\nBody.\n")
    (tmp_path / "nofront.md").write_text("Just text.\n")
    (tmp_path / "dup.md").write_text(GOOD)
    res = load_corpus(tmp_path)
    assert [d.id for d in res.documents] == ["good"]
    reasons = "\n".join(res.skipped)
    for name in ("empty.md", "binary.md", "latin1.md", "broken.md", "nofront.md", "dup.md"):
        assert name in reasons
    assert "duplicate id 'good'" in reasons and "not valid UTF-8" in reasons and "broken front matter" in reasons


def test_missing_corpus_dir_says_how_to_fix(tmp_path):
    with pytest.raises(CorpusError, match="rag corpus add"):
        load_corpus(tmp_path / "nope")


def test_bad_id_rejected():
    with pytest.raises(CorpusError, match="'id'"):
        parse("---\nid: ../etc/passwd\n---\n\nBody.\n", "x.md")
