"""A question about the new version or the present hears the sentence telling the latest dated act first
(``rag.latest``)."""

from types import SimpleNamespace as N

from rag.latest import asks_latest, latest_first


def _c(text, score):
    return N(text=text, score=score, passage=N(kind="body"))


OLD = _c("Recent versions, such as the 2015 revision, tightened the lease terms.", 0.5)
PLAIN = _c("The ferry lease has been renewed every ten years.", 0.4)
NEW = _c("In 2023 the ferry lease was renewed for only the summer routes.", 0.2)


def test_new_version_question_hears_the_latest_dated_sentence_first():
    q = N(intent="fact", text="what did the new version of the lease change?")
    assert latest_first(q, [OLD, PLAIN, NEW])[0] is NEW


def test_present_question_too():
    q = N(intent="overview", text="what does the lease cover these days?")
    assert latest_first(q, [OLD, PLAIN, NEW])[0] is NEW


def test_other_questions_and_far_sentences_keep_the_order():
    q = N(intent="fact", text="what did the lease change?")
    assert latest_first(q, [OLD, PLAIN, NEW])[0] is OLD
    far = _c("In 2023 the lease was renewed.", 0.1)
    q = N(intent="fact", text="what did the new version change?")
    assert latest_first(q, [OLD, PLAIN, far])[0] is OLD
    assert latest_first(q, [PLAIN, OLD, NEW])[0] is PLAIN  # the best names no year: it may tell the latest act


def test_asks_latest():
    assert asks_latest("what did the update change?") and not asks_latest("what is a new rule?")
