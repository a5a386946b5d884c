"""End to end with the real bundled MiniLM over the real corpus (temp index)."""

import json
import subprocess
import sys

import pytest

from rag.ingest import ingest

pytestmark = pytest.mark.slow


def test_first_signed_1979_with_citation(real_pipeline):
    a = real_pipeline.ask("When was the STA first signed?")
    assert not a.abstained and "1979" in a.answer
    cited = [a.citations[int(n) - 1] for n in __import__("re").findall(r"\[(\d+)\]", a.answer)]
    assert any("1979" in c.text for c in cited)
    # every quote is an exact sentence of its passage and appears verbatim in the answer
    for c in a.citations:
        for s, e in c.quotes:
            assert c.text[s:e] in a.answer


@pytest.mark.parametrize("q", ["Who won the 2022 football World Cup?", "What is a good dose of ibuprofen for a child?"])
def test_off_topic_abstains(real_pipeline, q):
    a = real_pipeline.ask(q)
    assert a.abstained and not a.citations


def test_reingest_unchanged_embeds_nothing(real_index_dir, real_embedder):
    rep = ingest(real_index_dir, embedder=real_embedder, progress=False)
    assert rep.embedded == 0 and rep.removed_chunks == 0 and len(rep.unchanged) == 5


def test_cli_ask_json_subprocess(real_index_dir):
    env = {"RAG_INDEX_DIR": str(real_index_dir.index_dir), "RAG_CORPUS_DIR": str(real_index_dir.corpus_dir),
           "RAG_MODELS_DIR": str(real_index_dir.models_dir),
           "HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"}
    r = subprocess.run([sys.executable, "-m", "rag", "ask", "--json", "When was the STA first signed?"],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert "1979" in d["answer"] and any("1979" in c["text"] for c in d["citations"])
    assert d["model"] == "minilm"


def test_follow_ups_resolve_against_the_conversation(real_pipeline):
    from rag.followup import Turn

    first = real_pipeline.ask("Who wrote the South China Morning Post piece?")
    assert "Marina Zhang" in first.answer and first.citations[0].kind == "metadata"
    turn = Turn(first.question, [{"title": c.title, "outlet": c.outlet, "doc_id": c.doc_id} for c in first.citations])
    again = real_pipeline.ask("When was that one published?", history=[turn])
    assert again.rewritten_question.startswith('When was the article "Renewed US-China science pact')
    assert "December 20, 2024" in again.answer
    renewed = real_pipeline.ask("When was it renewed?", history=[Turn("What is the STA?", [])])
    assert renewed.rewritten_question == "When was the STA renewed?" and "December 13" in renewed.answer


def test_named_article_is_found(real_pipeline):
    a = real_pipeline.ask("What did the ChinaFile article say about de-risking?")
    assert a.citations[0].doc_id == "science-could-be-a-bright-spot" and "de-risking" in a.answer


def test_disagreeing_articles_are_both_shown(real_pipeline):
    a = real_pipeline.ask("How many protocols has the STA enabled?")
    assert "nearly 100" in a.answer and "over 40" in a.answer
    assert {c.doc_id for c in a.citations} >= {"renewed-us-china-science-pact-advances", "why-cant-we-just-let-american"}


@pytest.mark.parametrize("q", ["What is the annual budget of the STA?", "What happened to the STA in 2029?",
                               "How many patents were filed under the STA?"])
def test_on_topic_but_unanswered_abstains(real_pipeline, q):
    assert real_pipeline.ask(q).abstained
