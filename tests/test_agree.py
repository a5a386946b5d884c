"""A comparison asking whether the articles agree hears each article that speaks to the topic (rag.agree)."""

from types import SimpleNamespace as S

from rag.compare import pick_compare
from rag.evidence import Candidate
from rag.schema import Passage
from rag.text import terms


def _c(text, score, doc):
    p = Passage(chunk_id=f"{doc}:0", doc_id=doc, text=text, start=0, end=len(text), sentences=[(0, len(text))],
                title="", outlet="", authors=[], date="", url="", kind="body")
    return Candidate(0, p, 0, len(text), text, set(terms(text)), score=score, sim=0.4, overlap=0.5)


def _q(text, named=()):
    return S(sides=[], named_docs=set(named), within=False, intent="compare", text=text, two_times=False,
             terms=terms(text))


# the harbour piece holds both question words ("crews" in another sense); the port piece and the review hold the
# topic ("ferries") in sentences scoring far below; every sentence speaks of the town
_POOL = [_c("The harbour's crews of ferry fans filled the town hall.", 0.70, "harbour"),
         _c("The town council met in the harbour hall.", 0.40, "harbour"),
         _c("The port wants night ferries to run all year in the town.", 0.36, "port"),
         _c("The review says night ferries should stop in the town.", 0.34, "review"),
         _c("The review praised the town's new bridge.", 0.33, "review"),
         _c("The town is proud of its port.", 0.32, "port")] + \
    [_c(f"The town held fair number {i}.", 0.1, "port") for i in range(7)]  # a pool mostly about other things


def test_asking_whether_the_articles_agree_hears_each_article_on_the_topic():
    chosen, why = pick_compare(_q("do the articles agree on crews for ferries?"), _POOL)
    texts = [c.text for c in chosen]
    assert texts[0].startswith("The harbour's crews") and "each_article" in why
    assert any(t.startswith("The port wants") for t in texts) and any(t.startswith("The review says") for t in texts)
    assert not any("bridge" in t or "proud" in t for t in texts)  # "town" is in every sentence: no topic of its own


def test_other_comparisons_are_left_alone():
    assert "each_article" not in pick_compare(_q("how do crews for ferries compare?"), _POOL)[1]
    assert "each_article" not in pick_compare(_q("do the port and the review agree on ferries?", ["port", "review"]),
                                              _POOL)[1]


def test_agreeing_on_whether_reads_the_topic_past_a_sentence_holding_only_whether():
    """"agree on whether X": a best sentence sharing only "whether" names no topic; the next best's term does."""
    pool = [_c("Doubts grew in the town over whether the fees were fair.", 0.70, "harbour")] + _POOL[2:]
    texts = [c.text for c in pick_compare(_q("do the articles agree on whether ferries should run?"), pool)[0]]
    assert any(t.startswith("The port wants") for t in texts) and any(t.startswith("The review says") for t in texts)
