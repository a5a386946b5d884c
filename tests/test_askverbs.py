"""The question's asking verbs ("sum up", "seem to") are held by no sentence (``rag.askverbs``)."""

from rag.askverbs import unheld
from rag.evidence import candidates
from rag.query import Query
from rag.schema import Passage
from rag.text import terms


class _Lexicon:
    def sentence_terms(self, text: str) -> frozenset:
        return frozenset(terms(text))

    def common(self, word: str) -> bool:
        return True

    def known(self, term: str) -> bool:
        return True


def _ranked(question: str, sentences: list[str], sims: list[float]) -> list[str]:
    text, spans, at = "", [], 0
    for s in sentences:
        spans.append((at, at + len(s)))
        text += s + " "
        at += len(s) + 1
    p = Passage(chunk_id="a:0", doc_id="a", text=text, start=0, end=len(text), sentences=spans, title="",
                outlet="", authors=[], date="", url="", kind="body", score=1.0,
                sims={a: sim for (a, _), sim in zip(spans, sims)})
    q = Query(asked=question, resolved=question, text=question, terms=terms(question), intent="overview")
    return [c.text for c in candidates(q, [p], _Lexicon(), set(), {t: 2.0 for t in q.terms})]


def test_the_sum_of_sum_up_is_no_topic_word():
    assert unheld("how would you sum up the new ferry plan?") == {"sum"}
    assert unheld("can you sum it all up for me") == {"sum"}
    assert unheld("to sum up, is the lease dead?") == {"sum"}
    assert unheld("what sum was paid for the ferry?") == frozenset()
    assert unheld("the sum of the fees") == frozenset()


def test_a_hedge_is_an_asking_word_and_look_like_is_not():
    assert unheld("where does the ferry plan seem to be heading?") == {"seem"}
    assert unheld("the towns appear to disagree, why?") == {"appear"}
    assert unheld("what does the future look like for the port?") == frozenset()
    assert unheld("does it seem to the writer a good plan?") == frozenset()
    assert unheld("which ports like the plan?") == frozenset()


def test_a_summary_is_not_led_by_a_sentence_writing_sum_in_another_sense():
    ranked = _ranked("how would you sum up the new ferry approach?",
                     ["Critics call the new ferry race a zero-sum game.",
                      "The new approach targets ferry routes one by one."], [0.5, 0.45])
    assert ranked[0].startswith("The new approach")


def test_a_hedged_question_is_not_led_by_a_sentence_writing_the_hedge():
    ranked = _ranked("where does ferry cooperation seem to be heading?",
                     ["Critics seem to see every ferry link as a risk.",
                      "Ferry cooperation is moving toward targeted routes."], [0.5, 0.48])
    assert ranked[0].startswith("Ferry cooperation")
