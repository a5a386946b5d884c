"""rag.countlead: a comparison asking a count is answered by each article's sentence counting the asked thing."""

from types import SimpleNamespace as S

from rag.countlead import counts_lead
from rag.instances import named_instances

BODY = S(kind="body")


def _c(doc, text, score, typed):
    return S(doc_id=doc, text=text, score=score, typed=typed, passage=BODY, terms=set())


TOPIC = _c("a", "The ferry pact matters to both towns.", 1.0, 0.0)
A_COUNT = _c("a", "It has led to nearly 30 crossings.", 0.8, 1.0)
B_TOPIC = _c("b", "The pact was renewed in spring.", 0.7, 0.0)
B_COUNT = _c("b", "Over 12 crossings came of it.", 0.55, 1.0)
COUNTING = S(count_target={"cross"}, qtype="number")


def test_each_article_count_answers_alone():
    chosen, why = counts_lead(COUNTING, [TOPIC, A_COUNT, B_TOPIC, B_COUNT], [TOPIC, B_TOPIC], ["side", "side"])
    assert chosen == [A_COUNT, B_COUNT] and why == ["count", "count"]


def test_unchanged_when_one_article_counts_or_no_count_asked():
    cands = [TOPIC, A_COUNT, B_TOPIC]
    assert counts_lead(COUNTING, cands, [TOPIC, B_TOPIC], ["side", "side"])[0] == [TOPIC, B_TOPIC]
    for q in (S(count_target=set(), qtype="number"), S(count_target={"cross"}, qtype=None)):
        assert counts_lead(q, [TOPIC, A_COUNT, B_TOPIC, B_COUNT], [TOPIC], ["side"])[0] == [TOPIC]


def test_a_count_far_below_the_best_is_not_heard():
    low = _c("b", "Some 12 crossings.", 0.3, 1.0)
    assert counts_lead(COUNTING, [TOPIC, A_COUNT, low], [TOPIC], ["side"])[0] == [TOPIC]


def test_counted_answer_gets_no_unworded_instance():
    q = S(intent="compare", named_docs={"a", "b"}, sides=[], within=False, about_articles=False, more=False)
    assert named_instances(q, [], [A_COUNT, B_COUNT], ["count", "count"]) == ([A_COUNT, B_COUNT], ["count", "count"])
