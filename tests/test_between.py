"""Two quoted sentences of one article standing one sentence apart bring the sentence between them
(``rag.between``)."""

from candkit import cands

from rag.between import middle_sentence

STORY = ["The ferry licence ran out in May.", "It then got two short extensions from the council.",
         "Finally, on March 3, the council renewed it for ten years.", "Harbour traffic keeps growing."]


def test_the_step_between_two_quoted_steps_joins_them():
    expired, extended, renewed, traffic = cands("a", STORY)
    assert middle_sentence([expired, extended, renewed, traffic], [expired, renewed]) is extended


def test_no_middle_for_adjacent_or_far_sentences_or_a_full_answer():
    expired, extended, renewed, traffic = cands("a", STORY)
    pool = [expired, extended, renewed, traffic]
    assert middle_sentence(pool, [expired, extended]) is None  # adjacent: nothing between
    assert middle_sentence(pool, [expired, traffic]) is None  # two sentences apart: not one step
    other = cands("b", ["A different article says something else.", "And more."])
    assert middle_sentence(pool, [expired, renewed, traffic, other[0]]) is None  # no room left


def test_sentences_of_two_articles_bring_no_middle():
    expired, extended, _, _ = cands("a", STORY)
    renewed_b = cands("b", STORY, start=0)[2]
    assert middle_sentence([expired, extended, renewed_b], [expired, renewed_b]) is None



def test_a_listing_joined_past_a_sentence_brings_that_sentence_too():
    expired, extended, renewed, _ = cands("a", STORY)
    assert middle_sentence([expired, extended, renewed], [expired, renewed]) is extended
