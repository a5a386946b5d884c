"""A question about every article ("which outlets are these articles from?", "how many articles are there?") is
answered from every article's byline card, with their number when asked and how many have no card at all."""

from types import SimpleNamespace as Q

from rag.about_articles import asks_every_article, counts_articles, is_about_articles
from rag.bylines import collection_note, pick_meta
from rag.evidence import Candidate
from rag.schema import Passage


def test_the_whole_collection_is_asked_about():
    for q in ("which outlets are these articles from?", "who wrote all the pieces?", "how many articles are there?",
              "when was each article published?", "what are the titles of the articles?"):
        assert asks_every_article(q), q
    for q in ("who wrote the harbour piece?", "what does the article say about fees?", "how many ferries are there?"):
        assert not asks_every_article(q), q
    assert counts_articles("how many articles are there?") and not counts_articles("who wrote these articles?")
    assert is_about_articles("what are the titles of the articles?")  # plural byline words count as the singular


def _card(doc: str, title: str, date: str = "") -> Candidate:
    text = f'The article "{title}" was published by Port News.'
    p = Passage(f"{doc}:meta", doc, text, 0, len(text), [(0, len(text))], title=title, date=date, kind="metadata")
    return Candidate(0, p, 0, len(text), text, set())


def test_every_card_once_in_the_pages_order():
    cards = [_card("b", "Ferries", "2024-05-01"), _card("a", "Fees", "2023-01-01"), _card("b", "Ferries", "2024-05-01")]
    chosen, why = pick_meta(Q(every_article=True, named_docs=set(), asked_field="", text="who wrote these?"), cards)
    assert [c.doc_id for c in chosen] == ["a", "b"] and why == ["card", "card"]


def test_the_note_gives_the_number_and_the_articles_without_a_card():
    q = Q(every_article=True, text="how many articles are there?")
    assert collection_note(q, 3, 2) == "There are 3 articles. 1 of the 3 states no headline, outlet, author or date. "
    assert collection_note(Q(every_article=True, text="who wrote these articles?"), 4, 2) == \
        "2 of the 4 state no headline, outlet, author or date. "
    assert collection_note(Q(every_article=False, text="how many articles are there?"), 3, 1) == ""


def test_one_of_them_or_a_things_articles_is_no_question_about_every_article():
    assert not asks_every_article("which of these articles was written before the vote?")
    assert not asks_every_article("How many articles or pages does the text of the 2024 lease contain?")
    assert asks_every_article("how many articles do you have?")
