"""A side story's sentences give way to the article's own account of the same terms (rag.aside)."""

from rag.aside import asides_after, in_aside
from rag.evidence import Candidate
from rag.schema import Passage
from rag.text import terms

_TEXT = ("The new lease covers day ferries only, leaving night ferries out.\n\n"
         "In a related development, ferry firms are hiring crews abroad. They pay ferry crews well.")


def _pool() -> list[Candidate]:
    p = Passage(chunk_id="port:0", doc_id="port", text=_TEXT, start=0, end=len(_TEXT), sentences=[], title="",
                outlet="", authors=[], date="", url="", kind="body")
    out = []
    for s, score in (("In a related development, ferry firms are hiring crews abroad.", 0.50),
                     ("They pay ferry crews well.", 0.45),
                     ("The new lease covers day ferries only, leaving night ferries out.", 0.44)):
        a = _TEXT.index(s)
        out.append(Candidate(0, p, a, a + len(s), s, set(terms(s)), score=score))
    return out


class _Q:
    def __init__(self, text):
        self.terms = terms(text)


def test_aside_sentences_give_way_to_the_articles_own_account():
    pool = _pool()
    assert [in_aside(c) for c in pool] == [True, True, False]
    assert asides_after(_Q("what about ferries?"), pool)[0].text.startswith("The new lease")


def test_a_question_about_the_side_story_hears_it_as_before():
    ranked = asides_after(_Q("why are ferry firms hiring crews?"), _pool())
    assert ranked[0].text.startswith("In a related development")
