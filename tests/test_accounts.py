"""A question naming an article and asking only what it advises is that article's own account (``rag.accounts``)."""

from rag.query import Query
from rag.abstain import Evidence, Unknown, abstain_reason
from rag.accounts import account_of_named, advises
from rag.heldfor import shape_typed


def _q(text, terms, naming):
    return Query(asked=text, resolved=text, text=text, terms=terms, named_docs={"harbour-piece"}, naming=set(naming),
                 intent="fact")


def test_a_named_article_asked_only_what_it_advises():
    assert account_of_named(_q("what does the harbour piece recommend?", ["harbour", "recommend"], ["harbour"]))
    assert not account_of_named(_q("what does the harbour piece say about football?", ["harbour", "footbal"], ["harbour"]))


def test_its_advice_is_the_answer_and_the_named_article_vouches_for_the_topic():
    q = _q("what does the harbour piece recommend?", ["harbour", "recommend"], ["harbour"])
    assert shape_typed(q, "Keeping the lease will require a thoughtful update.", 0.0) == 1.0
    assert shape_typed(q, "The lease was signed in 1990.", 0.0) == 0.0
    assert advises("It would be a mistake to let the lease lapse.")
    far = Evidence(Unknown([], [], ["recommend"]), 0.9, 0.0, 0.0, 0.25)
    assert abstain_reason(far) != ""
    far.standing = True
    assert abstain_reason(far) == ""


def test_a_comparison_of_the_whole_collection_with_no_topic_asks_each_articles_main_points():
    from rag.accounts import whole_collection_compared
    from rag.askedthing import COMPARE_CUES
    from rag.text import terms
    for q in ("what do the articles disagree about?", "how do the sources differ?", "where do the writers disagree?"):
        assert whole_collection_compared("compare", terms(q), set(), False, COMPARE_CUES), q
    # a topic of its own, a named article, or no comparison: not this
    assert not whole_collection_compared("compare", terms("how do the articles differ on the ferry?"), set(), False, COMPARE_CUES)
    assert not whole_collection_compared("compare", terms("how do the sources differ?"), {"a"}, False, COMPARE_CUES)
    assert not whole_collection_compared("fact", terms("what do the sources say?"), set(), False, COMPARE_CUES)
