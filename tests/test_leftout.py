"""A question asking what was left out hears the sentence naming something as left out first (``rag.leftout``)."""

from types import SimpleNamespace as N

from rag.leftout import asks_excluded, excluded_first, names_excluded
from rag.text import left_out_plain, terms


def _c(text, score):
    return N(text=text, score=score, passage=N(kind="body"))


TOPIC = _c("The new ferry lease was signed after a new round of talks.", 0.5)
EXCLUDED = _c("The lease covers day routes only, explicitly excluding night runs and barges.", 0.45)
FAR = _c("Night runs were left out of it.", 0.2)


def _q(text, intent="fact"):
    return N(intent=intent, terms=terms(left_out_plain(text)))  # the terms as ``rag.query`` reads them


def test_left_out_question_hears_the_excluding_sentence_first():
    assert excluded_first(_q("what routes were left out of the new lease?"), [TOPIC, EXCLUDED])[0] is EXCLUDED


def test_other_questions_and_far_sentences_keep_the_order():
    assert excluded_first(_q("what routes does the new lease cover?"), [TOPIC, EXCLUDED])[0] is TOPIC
    assert excluded_first(_q("why were they left out?", intent="why"), [TOPIC, EXCLUDED])[0] is TOPIC
    assert excluded_first(_q("what routes were left out of the new lease?"), [TOPIC, FAR])[0] is TOPIC


def test_names_excluded():
    assert names_excluded(EXCLUDED.text) and names_excluded(FAR.text) and not names_excluded(TOPIC.text)


def test_asks_excluded():
    assert asks_excluded(_q("what got left out of the lease?")) and asks_excluded(_q("what does the lease exclude?"))
    assert not asks_excluded(_q("was anything left out?", intent="yes_no"))


def test_the_siblings_of_leave_out_ask_what_was_excluded_too():
    # "cut … out", "kept … out", "stripped … out", "carved … out": verbs of removal with "out", heard as "excluded"
    for q in ("what routes got cut out of the new lease?", "which routes were kept out of it?",
              "what was stripped out of the lease?", "what did they carve out of the new lease?"):
        assert asks_excluded(_q(q)), q
        assert excluded_first(_q(q), [TOPIC, EXCLUDED])[0] is EXCLUDED, q
    assert not asks_excluded(_q("is the port cut out for night runs?"))  # "cut out for": suited to, no removal
    assert not asks_excluded(_q("what did they cut from the budget?"))  # no "out": the word itself is matched


def test_a_yes_no_question_cutting_a_thing_out_is_one_negation():
    # "was X cut out of it?" over "…, excluding X": both deny X, so the verdict is yes (``polarity._NEG_PHRASES``)
    from rag.polarity import negations

    assert negations("were night runs cut out of the new lease?", verbs_only=True) == 1
    assert negations("did they strip barges out of it?", verbs_only=True) == 1
    assert negations("The cutting-edge ferries are out on the water.") == 0
