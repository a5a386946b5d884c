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


DAY = _c("On March 3 the two towns renewed the ferry lease for another decade.", 0.7)
WORTH = _c("The ferry lease is a pillar of trade between the towns.", 1.0)


def test_status_question_hears_the_act_dated_to_the_day_first():
    q = N(intent="fact", text="what's going on with the ferry lease?")
    assert latest_first(q, [WORTH, PLAIN, DAY])[0] is DAY
    far = _c("On March 3 the lease was renewed.", 0.5)
    assert latest_first(q, [WORTH, PLAIN, far])[0] is WORTH  # below the share: the day alone says little
    assert latest_first(N(intent="fact", text="what is the ferry lease?"), [WORTH, PLAIN, DAY])[0] is WORTH


def test_status_lead_is_no_older_act():
    old = _c("On March 3, 1990 the towns first signed the lease.", 0.9)
    best = _c("The lease, renewed in 2020, is a pillar of trade.", 1.0)
    q = N(intent="overview", text="where does the ferry lease stand?")
    assert latest_first(q, [best, old])[0] is best


def test_a_partys_position_is_no_status_question():
    q = N(intent="fact", text="where does the port stand on the ferry lease?")
    assert latest_first(q, [WORTH, PLAIN, DAY])[0] is WORTH
