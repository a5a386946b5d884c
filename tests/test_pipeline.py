"""The ask pipeline on a tiny hand-made corpus with the hash embedder: exact expected hits."""

import json

import pytest

from rag.cli import main
from rag.errors import BadQuestion, IndexMissing
from rag.ingest import ingest
from rag.pipeline import Pipeline


@pytest.fixture
def pipe(hash_cfg):
    ingest(hash_cfg, progress=False)
    return Pipeline(hash_cfg)


def test_answers_with_exact_cited_sentence(pipe):
    a = pipe.ask("When was the Pact first signed?")
    assert not a.abstained
    assert "1979" in a.answer and "[1]" in a.answer
    c = a.citations[0]
    assert c.doc_id == "pact-history" and c.title == "Pact history" and c.outlet == "Example Times"
    s, e = c.quotes[0]
    assert c.text[s:e] == "The Pact was first signed in 1979 in Washington."
    assert c.text[s:e] in a.answer


def test_citation_offsets_point_into_the_document(pipe, tiny_corpus):
    from rag.corpus import load_corpus

    bodies = {d.id: d.body for d in load_corpus(tiny_corpus).documents}
    a = pipe.ask("How many researchers do the labs employ?")
    assert "300" in a.answer
    for c in a.citations:
        assert bodies[c.doc_id][c.start:c.end] == c.text


def test_off_topic_abstains(pipe):
    a = pipe.ask("Who won the football match yesterday?")
    assert a.abstained and a.citations == []
    assert "don't say" in a.answer


@pytest.mark.parametrize("q", ["", "   ", "\x00\x00", "\n\t"])
def test_empty_question_is_a_typed_error(pipe, q):
    with pytest.raises(BadQuestion):
        pipe.ask(q)


def test_long_question_is_truncated_with_notice(pipe):
    a = pipe.ask("When was the Pact signed? " * 500)
    assert "longer than" in a.notice


def test_missing_index_is_a_typed_error_with_fix(hash_cfg):
    with pytest.raises(IndexMissing, match="Run: rag ingest"):
        Pipeline(hash_cfg)


def test_follow_up_is_rewritten(pipe):
    from rag.followup import Turn

    a = pipe.ask("When was it renewed?", history=[Turn("What is the Pact?", [])])
    assert a.rewritten_question == "When was the Pact renewed?"
    assert "Dec. 13, 2024" in a.answer


def test_a_follow_up_with_a_typo_is_still_read_as_one_and_a_new_question_stays_as_typed(pipe):
    from rag.followup import Turn

    a = pipe.ask("When was it renwed?", history=[Turn("What is the Pact?", [])])
    assert a.rewritten_question == "When was the Pact renewed?"
    assert pipe.understand("How many researcers do the labs employ?", [Turn("What is the Pact?", [])]).resolved == \
        "How many researcers do the labs employ?"  # no rewrite: the question is kept as typed (spelling fixed later)



def test_what_someone_got_out_of_it_is_asked_as_what_they_gained(pipe):
    assert "gain" in pipe.understand("What did the labs get out of the Pact?").terms

def test_cli_json_shape_and_errors(pipe, capsys, monkeypatch):
    monkeypatch.setenv("RAG_EMBEDDING_MODEL", "hash")
    assert main(["ask", "--json", "When was the Pact first signed?"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert {"question", "answer", "abstained", "citations", "model", "timings_ms"} <= set(d)
    assert {"n", "doc_id", "title", "outlet", "date", "url", "text", "start", "end"} <= set(d["citations"][0])
    assert {"retrieve", "answer", "total"} <= set(d["timings_ms"])
    assert main(["ask", "  "]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: The question is empty") and err.count("\n") == 1


def test_cli_missing_index_one_line(hash_cfg, capsys, monkeypatch):
    monkeypatch.setenv("RAG_EMBEDDING_MODEL", "hash")
    assert main(["ask", "When?"]) == 2
    err = capsys.readouterr().err
    assert "Run: rag ingest" in err and err.count("\n") == 1


class _Counting:
    """The hash embedder, recording each batch of question texts it is asked to embed."""

    def __init__(self, inner):
        self.inner, self.id, self.dim, self.calls = inner, inner.id, inner.dim, []

    def embed_documents(self, texts):
        return self.inner.embed_documents(texts)

    def embed_query(self, text):
        self.calls.append([text])
        return self.inner.embed_query(text)

    def embed_queries(self, texts):
        self.calls.append(list(texts))
        return self.inner.embed_queries(texts)


def test_a_question_is_embedded_once_whether_refused_on_sight_weighed_or_holding_a_rare_unknown_word(hash_cfg):
    from rag.answering import refused_unread

    ingest(hash_cfg, progress=False)
    plain = Pipeline(hash_cfg)
    emb = _Counting(plain.embedder)
    pipe = Pipeline(hash_cfg, embedder=emb)
    weighed = "How many researchers do the quorvex labs employ?"  # the count is known: the evidence is weighed
    refused = "How many quorvexes do the labs employ?"  # what is counted is never mentioned: refused on sight
    rare = "When did the zibblefluxian researchers join the labs?"  # a rare unknown word: no second embedding
    assert refused_unread(pipe.understand(refused), pipe.retriever.lexicon) == "count_of_unknown"
    assert refused_unread(pipe.understand(weighed), pipe.retriever.lexicon) == ""
    for q in (weighed, refused, rare):
        emb.calls.clear()
        a = pipe.ask(q)
        assert a.answer == plain.ask(q).answer  # the same answer either way
        assert [len(c) for c in emb.calls] == [1]


def test_a_list_of_writers_is_read_from_the_byline_cards(pipe):
    a = pipe.ask("which writers linked the Pact renewal to the labs?")  # a list question about the bylines
    assert not a.abstained and "Ann Writer" in a.answer


def test_the_question_is_read_once_into_query_flags_the_answering_stages_read(pipe):
    q = pipe.understand("walk me through which specific ferries were renewed for a whole decade, then and now?")
    assert (q.specific, q.narrative, q.asserts_count) == (True, True, True)
    plain = pipe.understand("When was the Pact renewed?")
    assert not (plain.specific or plain.narrative or plain.two_times or plain.asserts_count)
    assert pipe.understand("how did fares back in the day compare with 2024?").two_times
    assert pipe.understand("what has the Pact achieved?").done and not plain.done


def test_the_retriever_says_how_typical_of_the_collection_each_sentence_of_a_passage_is(pipe):
    r = pipe.retriever
    body = [p for p in r.passages if p.kind == "body"]
    got = r.typical(body)
    assert all(set(p.typical) == {s for s, _ in p.sentences} for p in got)
    values = [v for p in got for v in p.typical.values()]
    assert min(values) < 0 < max(values)  # measured against the mean: some more typical than most, some less
    from rag.retrieval import Retriever

    plain = Retriever(r.index, r.embedder, records=r.index.all_records())  # no sidecar: the vectors come from the store
    again = plain.typical([p for p in plain.passages if p.kind == "body"])
    same = {p.chunk_id: p.typical for p in got}
    assert all(p.typical == pytest.approx(same[p.chunk_id], abs=1e-4) for p in again)
