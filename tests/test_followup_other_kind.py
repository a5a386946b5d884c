"""A paraphrasing follow-up asked with the last question leaves out what that answer quoted, unless it asks another
kind of answer ("starting from when?" after "how long…?"), which the quoted sentence may hold (``fragments``)."""

from rag.fragments import asks_other_kind, typed_kind
from rag.followup import Turn, rewrite

UNKNOWN = lambda stem: stem not in ("leas", "lease")  # noqa: E731  only "lease" is a word the articles use
LAST = Turn("how long was the lease for?", shown=[["a", 10]], said="It was leased for five years, effective from May 2.")


def test_typed_kinds():
    assert [typed_kind(q) for q in ("starting from when?", "where was that?", "who did it?", "how long was it?",
                                    "how many were there?", "what year?", "what's the worry?")] == \
        ["time", "place", "person", "length", "amount", "time", ""]


def test_another_kind_of_answer_keeps_the_quoted_sentences():
    assert asks_other_kind("starting from when?", LAST.question)
    out = rewrite("starting from when?", [LAST], known=lambda s: not UNKNOWN(s))
    assert out.text == "starting from when (how long was the lease for)?" and out.shown == []


def test_a_paraphrase_of_the_same_ask_still_leaves_them_out():
    last = Turn("what's the problem with the lease?", shown=[["a", 10]])
    assert not asks_other_kind("what's the worry exactly?", last.question)
    assert rewrite("what's the worry exactly?", [last], known=lambda s: not UNKNOWN(s)).shown == [["a", 10]]


def test_the_same_kind_asked_again_leaves_them_out():
    assert not asks_other_kind("since when?", "when did the lease start?")
