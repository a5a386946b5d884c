"""Lower-case words that name a thing and words that only describe one (``rag.namewords``): a question put in
plain words must not read as one about a body or initials the articles never mention."""

from rag.abstain import unknown_terms
from rag.namewords import body_name, bound_prefixes
from rag.query import Query
from lexkit import StemLexicon, query_of


def _Lexicon():
    return StemLexicon({"treati": 10.0, "sign": 10.0, "articl": 1.0, "compar": 1.0, "port": 5.0, "copi": 1.0})


def _q(text: str) -> Query:
    return query_of(text, bodies=body_name(text))


def test_a_word_in_a_run_describing_a_body_is_no_name_of_it():
    assert body_name("was the harbour toll agency copied from another?") == set()  # "harbour" describes: "toll" too
    assert body_name("did the toll agency sign?") == {"toll"}  # after "the", the word says which agency
    assert body_name("did china's toll agency sign?") == {"toll"}  # a country owns it: still which one
    assert "toll" not in unknown_terms(_q("was the port toll agency copied from another?"), _Lexicon()).entities


def test_a_prefix_before_a_hyphen_is_no_acronym_typed_in_lower_case():
    assert bound_prefixes("how does the pre-treaty article compare?") == {"pre"}
    u = unknown_terms(_q("how does the pre-treaty article compare with later ones?"), _Lexicon())
    assert "pre" not in u.entities and "pre" in u.everyday
    assert "nsf" in unknown_terms(_q("was the nsf-funded treaty signed?"), _Lexicon()).entities  # initials still are
