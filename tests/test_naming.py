"""The indexed article naming (``rag.naming.NameIndex``) answers exactly as the plain scans it replaced,
which read every article's names and headline for each question (the oracles below)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from rag.naming import TITLE_AFTER_MIN, TITLE_AFTER_WORDS, TITLE_REF_NOUNS, NameIndex, same_family, words_before
from rag.text import normalize, terms

STEMS = ["harbour", "harbo", "levi", "levies", "ferri", "ferry", "strike", "town", "quiet", "quay", "tidal", "tides",
         "us", "port", "evolution", "evolved", "harbourmaster"]
WORDS = ["the", "piece", "op", "ed", "story", "on", "about", "how", "harbour", "levies", "ferry", "strike", "town",
         "quiet", "quay", "tidal", "tides", "port", "post", "hw", "and", "vs", "pieces", "writer", "what", "evolved", "evolving", "harbours"]


def oracle_named(q, names):
    return {d for d, ns in names.items() if any(n in q for n in ns)}


def oracle_before(question, titles):
    toks = normalize(question).split()
    out = set()
    for i, w in enumerate(toks):
        if w in TITLE_REF_NOUNS:
            before = words_before(toks, i)
            if before and all(t.isdigit() and len(t) == 4 for t in before):
                continue  # a year alone names no article
            hits = [d for d, ts in titles.items() if before and set(before) <= set(ts)]
            if len(hits) == 1:
                out.add(hits[0])
    return out


def oracle_after(toks, titles):
    from rag.naming import _DESCRIBES

    def rare(t):
        return 2 * sum(any(same_family(t, u) for u in ts) for ts in titles.values()) <= len(titles)

    out = set()
    for i, w in enumerate(toks):
        j = i + 2 if toks[i:i + 2] == ["op", "ed"] else i + 1
        if w not in TITLE_REF_NOUNS or j >= len(toks) or toks[j] not in _DESCRIBES:
            continue
        said = {t for x in toks[j + 1:j + 1 + TITLE_AFTER_WORDS] for t in terms(x)}
        echo = {d: sum(any(same_family(t, s) for s in said) and rare(t) for t in ts) for d, ts in titles.items()}
        best = sorted(echo.values(), reverse=True)
        top = [d for d, n in echo.items() if n == best[0]]
        if best and best[0] >= TITLE_AFTER_MIN and len(top) == 1:
            out.add(top[0])
    return out


titles_st = st.dictionaries(st.sampled_from("abcdefgh"), st.lists(st.sampled_from(STEMS), min_size=1, max_size=4, unique=True),
                            max_size=8).map(lambda d: {k: sorted(set(terms(" ".join(v)))) or ["town"] for k, v in d.items()})
names_st = st.dictionaries(st.sampled_from("abcdefgh"),
                           st.lists(st.sampled_from([" port post ", " hw piece ", " hw writer ", " quay times ", " post "]),
                                    max_size=3), max_size=6)
question_st = st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(titles=titles_st, names=names_st, question=question_st)
def test_index_answers_as_the_scans(titles, names, question):
    index = NameIndex(names, titles)
    q = f" {normalize(question)} "
    assert index.named(q) == oracle_named(q, names)
    assert index.title_reference(question) == oracle_before(question, titles) | oracle_after(normalize(question).split(), titles)


def test_a_description_names_the_one_headline_it_echoes():
    titles = {"a": ["harbour", "levi", "rais"], "b": ["harbour", "ferri", "strike"], "c": ["harbour", "town"]}
    index = NameIndex({}, titles)
    assert index.title_reference("what does the piece on how the harbour levies were raised say") == {"a"}
    assert index.title_reference("the piece on the harbour") == set()  # in every headline: names none
    evolved = NameIndex({}, {"a": ["evolut", "harbourmast"], "b": ["town", "quay"], "c": ["strike", "quay"]})
    assert evolved.title_reference("the story about how harbours evolved") == {"a"}  # by word family alone


def test_a_year_alone_names_no_article_though_one_opening_holds_it():
    # An untitled article goes by its opening words ("In May 2021, the harbour…"); "the 2021 one" is the year's
    # levy, or any article of that year, not that article: only a year with other words of it names it.
    index = NameIndex({}, {"a": ["2021", "harbour", "may"], "b": ["ferri", "strike"]})
    assert index.title_reference("how is the 1990 levy different from the 2021 one?") == set()
    assert index.title_reference("did the 2021 piece mention ferries?") == set()
    assert index.title_reference("what does the May 2021 piece say?") == {"a"}


def test_lexicon_rebuilds_its_index_after_naming_untitled_articles():
    from collections import Counter

    from rag.lexicon import Lexicon

    lex = Lexicon(Counter(), 0, set(), set(), {}, {"a": [], "b": []}, titles={"b": ["ferri", "strike"]})
    assert lex.referenced_docs("what does the quiet harbour piece say") == set()
    lex.name_untitled({"a": "Quiet harbour"})
    assert lex.referenced_docs("what does the quiet harbour piece say") == {"a"}


def test_an_article_is_named_by_what_it_lacks():
    # "the untitled piece" names the one article with no headline; "unsigned" picks among those with no byline,
    # alone only when one fits, else with headline (or opening) words that narrow them to one.
    titles = {"a": ["2021", "harbour", "may"], "b": ["ferri", "strike"], "c": ["harbour", "town"]}
    index = NameIndex({}, titles, untitled=frozenset({"a"}), unsigned=frozenset({"a", "c"}))
    assert index.title_reference("what is the untitled piece saying?") == {"a"}
    assert index.title_reference("sum up the unsigned piece") == set()  # two fit: none is named
    assert index.title_reference("what does the unsigned town article cover?") == {"c"}
    assert index.title_reference("what does the one without a headline say?") == {"a"}
    assert index.title_reference("what does the one without an author say about towns?") == set()


def test_words_naming_an_article_by_what_it_lacks_or_by_its_description_are_naming_terms():
    from collections import Counter

    from rag.lexicon import Lexicon

    lex = Lexicon(Counter(), 0, set(), set(), {}, {"a": [], "b": []}, titles={"b": ["ferri", "strike"]})
    lex.name_untitled({"a": "In May 2021, the harbour levies rose"}, unsigned={"a", "b"})
    assert lex.referenced_docs("what is the untitled piece covering?") == {"a"}
    assert lex.naming_terms("what is the untitled piece covering?", {"a"}) == {"untitl"}
    assert {"may", "2021", "harbour"} <= lex.naming_terms("the unsigned piece on the may 2021 harbour levies", {"a"})


def test_a_plural_possessive_names_the_article_as_a_singular_one_does():
    """"…differ from the HW authors'?": the apostrophe of a plural's possessive hides no article's name."""
    from collections import Counter

    from rag.lexicon import Lexicon
    from rag.naming import asked_names

    lex = Lexicon(Counter(), 0, set(), set(), {}, {"a": [" hw authors ", " hw author "], "b": []})
    for q in ("how do the pilots' views differ from the HW authors'?", "how do they differ from the HW author's?",
              "how do they differ from the HW authors?"):
        assert lex.referenced_docs(q) == {"a"}, q
    assert asked_names("the pilots' 'dock' piece") == "the pilots 'dock' piece"  # a quotation's marks stay
