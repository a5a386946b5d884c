"""A verb of handling a problem is asked as "address" (``text.plain_handling``), the noun "deal" is left alone; and
"publish" with research as its object asks no byline fact (``about_articles.is_about_articles``)."""

from rag.about_articles import is_about_articles
from rag.text import plain_handling


def test_the_verb_of_handling_is_address():
    assert plain_handling("how does the new lease deal with that?") == "how does the new lease address that?"
    assert plain_handling("how does the new deal deal with fees?") == "how does the new deal address fees?"
    assert plain_handling("how are they going to cope with theft?") == "how are they going to address theft?"
    assert plain_handling("it dealt with fees") == "it addressed fees"


def test_the_noun_deal_stays():
    for q in ("what's the big deal with this lease?", "why keep a ferry deal with a rival port?",
              "what was the deal with the old pier?"):
        assert plain_handling(q) == q


def test_research_published_is_content():
    assert not is_about_articles("can pilots from both ports still publish papers together?")
    assert not is_about_articles("who published the research on fees?")
    assert is_about_articles("where was the harbour piece published?")
