"""A named article's wish set against what was done ("the dock column wanted night ferries - how does that square with
what the plan did?") is a comparison answered by that article's wish beside another article's account of what was
done (rag.wishes)."""

from dataclasses import replace

from candkit import cands, query

from rag.compare import _pick_compare
from rag.wishes import asks_wish_outcome, prescribes, wish_and_outcome, wish_terms, wished_thing


def test_a_wish_turned_to_what_was_done_is_read():
    assert asks_wish_outcome("the dock column wanted night ferries - how does that square with what the plan did?")
    assert asks_wish_outcome("the dock guy hoped for night ferries, how does that compare with what the final plan did?")
    assert asks_wish_outcome("how does what the dock writer expected compare with what actually happened?")


def test_a_wish_alone_or_an_outcome_alone_is_not():
    assert not asks_wish_outcome("what's the dock column hoping for in the end?")
    assert not asks_wish_outcome("what did the dock writer hope to see that the final plan left out?")
    assert not asks_wish_outcome("what did the final plan actually do?")
    assert not asks_wish_outcome("what does the dock column want?")


def test_the_wished_thing_and_the_framing_words():
    assert wished_thing("the dock column wanted night ferries - how does that square with what the plan did?") == "night ferries"
    assert wished_thing("how does what the dock writer hoped for compare with what the plan did?") == ""
    assert wish_terms("the dock column wanted night ferries - how so?", ["dock", "want", "night", "ferri"]) == {"want"}


def test_a_statement_of_what_should_be_is_a_wish_not_a_deed():
    assert prescribes("Keeping the ferry will require a new pier.") and prescribes("One hopes the plan holds.")
    assert not prescribes("The council renewed the ferry lease and left night sailings out.")


def _cs():
    return (cands("dock", ["Night ferries to the island could help everyone.", "The pier is old."], sims=[0.7, 0.4])
            + cands("harbour", ["One hopes the plan holds.", "The plan leaves night ferries out.",
                                "The new plan raises fares."], sims=[0.5, 0.45, 0.48]))


def _q(text):
    return replace(query(text), intent="compare", named_docs={"dock"}, wish=True)


def test_the_wish_is_heard_beside_what_another_article_says_was_done():
    chosen, why = wish_and_outcome(_q("the dock column wanted night ferries - how does that square with what the new plan did?"),
                                   _cs(), 0.4, 0.9)
    assert [c.text for c in chosen] == ["Night ferries to the island could help everyone.", "The plan leaves night ferries out."]
    assert why == ["wish", "outcome"]


def test_the_comparison_picks_them():
    chosen, why = _pick_compare(_q("the dock column wanted night ferries - how does that square with what the new plan did?"), _cs())
    assert [c.doc_id for c in chosen] == ["dock", "harbour"] and why == ["wish", "outcome"]


def test_no_wish_no_such_pick():
    q = replace(query("how do the night ferries differ?"), intent="compare", named_docs={"dock"})
    assert wish_and_outcome(q, _cs(), 0.4, 0.9) is None
    assert wish_and_outcome(_q("the dock column wanted night ferries - how so?"), _cs()[:2], 0.4, 0.9) is None


def test_a_yes_no_wish_is_decided_by_what_another_article_says_was_done():
    """"The dock column hoped for night ferries. Is that what the plan did?": the wisher's "could help" is no yes;
    the verdict is read from the other articles, then the wish is quoted."""
    from rag.wishes import wish_verdict
    q = replace(query("The dock column hoped for night ferries. Is that what the new plan did?"), intent="yes_no",
                named_docs={"dock"}, wish=True)
    seen = []

    def pick(qq, cs):
        seen.append((qq.named_docs, [c.doc_id for c in cs]))
        return [cs[0]], ["evidence"], "No — ", False
    chosen, why, opening, _ = wish_verdict(q, _cs(), pick)
    assert seen == [(set(), ["harbour", "harbour"])]  # only the other article, and no other wish ("one hopes…")
    assert [c.text for c in chosen] == ["The plan leaves night ferries out.", "Night ferries to the island could help everyone."]
    assert why == ["evidence", "wish"] and opening == "No — "
    assert wish_verdict(replace(q, wish=False), _cs(), pick) is None
