"""Lower-case words naming a treaty, deal or programme the articles never mention (``rag.docnames``), and code names
such as "j-1" that no passage writes (``rag.codes``): a question about another document is refused, while a
question describing the articles' own agreement in everyday words is not."""

from types import SimpleNamespace

from rag.abstain import Evidence, Unknown, abstain_reason, unknown_terms
from rag.codes import codes, unwritten_codes
from rag.docnames import document_name
from rag.query import Query
from lexkit import StemLexicon, query_of


def _Lexicon():
    return StemLexicon({"ferri": 5.0, "pact": 5.0, "trade": 3.0, "sign": 3.0, "harbour": 5.0, "visa": 5.0, "agreement": 2.0})


def _q(text: str) -> Query:
    return query_of(text)


def test_two_words_the_articles_never_use_before_a_document_noun_name_another_document():
    lex = _Lexicon()
    assert document_name("what does the nuclear non-proliferation treaty do?", lex.known) == {"nuclear", "prolifer"}
    u = unknown_terms(_q("what does the nuclear non-proliferation treaty do?"), lex)
    assert {"nuclear", "prolifer"} <= set(u.entities)
    assert abstain_reason(Evidence(u, u.share, 1.0, 0.2, 0.5)) == "unknown_entity"


def test_a_word_no_dictionary_lists_before_a_document_noun_is_its_name():
    lex = _Lexicon()
    assert document_name("what's the usmca trade deal about?", lex.known) == {"usmca"}  # "trade" the articles use
    assert "usmca" in unknown_terms(_q("what's the usmca trade deal about?"), lex).entities
    assert document_name("what does the zorblat pact say?", lex.known) == set()  # a string English never writes


def test_one_everyday_word_or_a_describing_word_before_the_noun_names_nothing():
    lex = _Lexicon()
    assert document_name("was it the first big deal they signed?", lex.known) == set()  # "big" describes
    assert document_name("what does the revamped ferry pact say?", lex.known) == set()  # a participle describes
    assert document_name("is the landmark treaty still in force?", lex.known) == set()
    assert document_name("does my husband's pact cover ferries?", lex.known) == set()  # the owner is no name
    assert unknown_terms(_q("what does the landmark harbour treaty say?"), lex).entities == []


def test_a_noun_before_a_document_noun_the_articles_never_use_names_another_document():
    lex = _Lexicon()
    # "start" and "treaty" are both everyday words; written together as a noun before its document noun they name one
    assert document_name("what does the new start treaty limit?", lex.known) == {"start"}
    assert "start" in unknown_terms(_q("what does the new start treaty limit?"), lex).entities
    assert document_name("what does the arms accord ban?", lex.known) == {"arm"}
    assert document_name("what does the start pact say?", lex.known) == set()  # their own noun: a paraphrase of it
    assert document_name("is it a historic treaty?", lex.known) == set()  # an adjective describes
    assert document_name("what does the revamped treaty say?", lex.known) == set()  # a participle describes


def test_a_code_name_no_passage_writes_is_an_unknown_name():
    assert codes("does my husband's J-1 visa depend on it?") == ["j1"] and codes("was it signed in 1979?") == []
    passages = [SimpleNamespace(text="Visa checks on researchers were tightened.")]
    u = unwritten_codes(Unknown([], [], []), "does my husband's j-1 visa depend on the pact?", passages)
    assert u.entities == ["j1"] and abstain_reason(Evidence(u, 0.0, 1.0, 1.0, 0.6)) == "unknown_entity"
    kept = Unknown([], [], [])
    written = [SimpleNamespace(text="Holders of J1 visas may join projects.")]
    assert unwritten_codes(kept, "can j-1 holders join?", written) is kept
    assert unwritten_codes(kept, "did visa rules change?", passages) is kept


def test_a_programme_named_by_a_country_that_no_passage_writes_is_an_unknown_name():
    from rag.docnames import country_programmes, unwritten_programmes

    assert country_programmes("what was the china initiative?") == ["china initiative"]
    assert country_programmes("did chinese talent programs join?") == []  # the adjective describes
    passages = [SimpleNamespace(text="Technology initiatives in China grew.")]  # both words, never together
    u = unwritten_programmes(Unknown([], [], []), "what was the china initiative and when did it end?", passages)
    assert u.entities == ["china initiative"] and abstain_reason(Evidence(u, 0.0, 1.0, 1.0, 0.6)) == "unknown_entity"
    kept = Unknown([], [], [])
    written = [SimpleNamespace(text="The China Initiatives were launched in 2018.")]
    assert unwritten_programmes(kept, "what was the china initiative?", written) is kept
