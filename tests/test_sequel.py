"""A "what happened next?" follow-up hears first the sentence that follows, in its article, one the last answer
quoted (``rag.sequel``)."""

from types import SimpleNamespace as N

from rag.followup import Turn, rewrite
from rag.sequel import asks_sequel, sequel_first


def _c(doc, pos, text):
    return N(abs_key=(doc, pos), text=text)


ON_TOPIC = _c("a", 900, "The ferry lease has long been the harbour's busiest contract.")
NEXT = _c("a", 160, "The lease then received two short extensions.")
OTHER = _c("b", 170, "Fares rose in the spring.")


def _q(asked, more=True):
    return N(more=more, asked=asked, shown={("a", 100), ("b", 40)})


def test_what_happened_next_hears_the_following_sentence_first():
    assert sequel_first(_q("so what happened in the meantime?"), [ON_TOPIC, OTHER, NEXT])[0] is NEXT


def test_tell_me_more_and_far_sentences_keep_the_order():
    assert sequel_first(_q("tell me more"), [ON_TOPIC, OTHER, NEXT])[0] is ON_TOPIC
    far = _c("a", 2000, "Later still, the port closed.")
    assert sequel_first(_q("and then what happened?"), [ON_TOPIC, far])[0] is ON_TOPIC


def test_in_between_is_a_question_of_what_came_next():
    assert asks_sequel("so what happened in between before it got renewed?") and not asks_sequel("what happened in 1979?")
    r = rewrite("so what happened in the meantime?", [Turn("when did the lease run out?")])
    assert r.more and r.text == "when did the lease run out?"
