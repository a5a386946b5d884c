"""Per-sentence facts remembered across questions: the same answer as working them out again, only faster."""

from collections import Counter

import pytest

from rag.evidence import ends_as_statement
from rag.lexicon import Lexicon
from rag.rules import has_new, typed_fragments
from rag.text import terms


def _lexicon() -> Lexicon:
    return Lexicon(Counter(), 0, set(), set(), {"hra": {"harbor", "research", "author"}}, {})


def test_sentence_terms_are_the_expanded_terms_remembered_and_frozen():
    lex, text = _lexicon(), "The Harbor Research Authority opened a second ferry dock."
    got = lex.sentence_terms(text)
    assert got == lex.expand(set(terms(text))) and "hra" in got
    assert isinstance(got, frozenset) and lex.sentence_terms(text) is got


def test_sentence_terms_memo_starts_over_when_full(monkeypatch):
    monkeypatch.setattr("rag.lexicon.SENTENCE_MEMO", 2)
    lex = _lexicon()
    for text in ("One ferry.", "Two ferries.", "Three docks."):
        lex.sentence_terms(text)
    assert len(lex._sentence_terms) == 1


def test_lexicons_compare_equal_whatever_they_have_remembered():
    a, b = _lexicon(), _lexicon()
    a.sentence_terms("A harbor dock.")
    assert a == b


@pytest.mark.parametrize("qtype,text,question,expected", [
    ("date", "The ferry pact was signed on May 3.", "When was the ferry pact signed?", True),
    ("date", "In 2031 the dock reopened.", "What happened in 2031?", False),
    ("name", "The pact was signed by Mayor Ingrid Solberg.", "Who signed the pact?", True),
    ("name", "The U.S. Harbor Office said so.", "Which office said so?", True),
])
def test_has_new_reads_the_same_from_remembered_fragments(qtype, text, question, expected):
    typed_fragments.cache_clear()
    first = has_new(qtype, text, question, lambda w: False)
    assert first == has_new(qtype, text, question, lambda w: False) == expected  # second call: from the memo


def test_typed_fragments_keep_the_match_against_the_text_searched():
    (frag, m), = typed_fragments("name", "It was the U.S. Harbor Office.")
    assert frag == "harbor office" and m.string == "It was the US Harbor Office."  # initials without dots


def test_ends_as_statement_tells_statements_from_headings():
    assert ends_as_statement("The dock reopened.") and not ends_as_statement("What comes next for the docks")


def _spells_out_letter_by_letter(acronym: str, text: str) -> bool:
    """The acronym check as first written: each window of capitalised words of each run, its initials compared."""
    import re

    for m in re.finditer(r"\b[A-Z][a-z]+(?:\s+(?:of|and|for|on|the|&)?\s*[A-Z][a-z]+)+", text):
        words = [w for w in m.group(0).split() if w[0].isupper()]
        if any("".join(w[0] for w in words[i:i + len(acronym)]).lower() == acronym.lower()
               for i in range(len(words) - len(acronym) + 1)):
            return True
    return False


@pytest.mark.parametrize("acronym", ["hra", "HRA", "ohr", "ra", "oba", "bb", "hrab", "x", ""])
@pytest.mark.parametrize("text", ["It copied the Oslo Harbor Research Authority.", "Harbor rules.",
                                  "Oslo and Bergen Alliance met the Bay of Bengal Board.", "no capitals here"])
def test_spells_out_from_remembered_run_initials_agrees_with_the_window_check(acronym, text):
    from rag.initials import spells_out

    assert spells_out(acronym, text) == _spells_out_letter_by_letter(acronym, text)


def test_byline_note_remembers_by_text_and_writers():
    from rag.rules import byline_note

    assert byline_note("Dr Ann Lee is a professor.", ["Ann Lee"]) and byline_note("Dr Ann Lee is a professor.", ["Ann Lee"])
    assert not byline_note("Dr Ann Lee is a professor.", ["Bo Park"])  # another article's writers: asked afresh


def _section_heading_searched(c) -> str:
    """The section check as first written: a subheading search stopping where the sentence starts."""
    from rag.sections import SUBHEADING

    if c.passage.kind != "body":
        return ""
    found = list(SUBHEADING.finditer(c.passage.text, 0, c.start))
    return found[-1].group(1).strip() if found else c.passage.section


def test_section_heading_from_remembered_subheadings_agrees_with_the_search_at_every_offset():
    from rag.evidence import Candidate
    from rag.sections import section_heading
    from rag.schema import Passage

    text = "Fees rose.\n\n## Port Fees\n\nFees rose. Berths fell.\n##  \n## Berths. Docks\nThey fell."
    for section in ("", "Earlier"):
        p = Passage("a:0", "a", text, 0, len(text), [], section=section)
        for at in range(len(text) + 1):
            c = Candidate(0, p, at, len(text), text[at:], set())
            assert section_heading(c) == _section_heading_searched(c), at


def test_mentions_reads_remembered_words_as_the_sides_name_them():
    from rag.sides import named_word

    assert named_word("Chinese", ("china", "america")) == {"china"}
    assert named_word("port-council", ("port",)) == {"port", "council"}
