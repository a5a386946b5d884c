"""A bare "what is X?" whose X holds a word the articles never write is refused before any evidence is read
(``rag.defined``, ``answering.refused_unread``): a sentence sharing only X's head word does not define X."""

from rag.answering import refused_unread
from rag.defined import defined_phrase, undefined_words, unwritten_name
from candkit import cands
from lexkit import StemLexicon, query_of

_LEX = StemLexicon({"treati": 10.0, "amend": 8.0, "harbour": 8.0, "author": 6.0, "port": 6.0})


def test_a_modifier_the_articles_never_write_means_they_never_name_the_thing():
    assert refused_unread(query_of("what's the zorblat amendment?"), _LEX) == "defined_unknown"
    assert refused_unread(query_of("who is the zorblat port authority"), _LEX) == "defined_unknown"
    assert refused_unread(query_of("what is the wrenfield treaty exactly?"), _LEX) == "defined_unknown"


def test_a_phrase_the_articles_write_whole_is_left_to_the_evidence():
    assert refused_unread(query_of("what's the harbour amendment?"), _LEX) == ""
    assert refused_unread(query_of("what is the port authority?"), _LEX) == ""


def test_an_everyday_head_alone_may_be_the_askers_word_for_theirs():
    # "what's the worry?" after an answer about their "concerns": no modifier narrows it to a name
    assert refused_unread(query_of("what's the worry exactly?"), _LEX) == ""
    assert undefined_words("what is a zorbulator?", _LEX.known) == ["zorbulator"]  # a head English rarely writes


def test_only_a_bare_definition_frame_is_read():
    assert defined_phrase("what is the zorblat amendment about?") == []  # more to it than the name
    assert defined_phrase("what's the name of the zorblat amendment?") == []
    assert defined_phrase("what's Jane Roe's job title?") == []  # an attribute of a named thing
    assert refused_unread(query_of("what are the zorblat ferries doing?"), _LEX) == ""


def test_article_names_and_generic_nouns_are_spared():
    assert undefined_words("what's this zorblat thing?", _LEX.known, frozenset({"zorblat"})) == []
    assert refused_unread(query_of("what's the zorblat piece?", naming={"zorblat"}), _LEX) == ""
    assert undefined_words("what's this harbour stuff?", _LEX.known) == []


def test_an_article_name_no_body_sentence_writes_is_not_defined_by_its_byline():
    body = cands("harbour-news", ["Dr Jane Roe is a professor at Port University.", "The treaty was amended in May."])
    assert unwritten_name(query_of("what is the hpr?", naming={"hpr"}), body)  # an outlet's initials, known from a byline
    assert not unwritten_name(query_of("who is jane roe?", naming={"jane", "roe"}), body)  # her bio line names her
    assert not unwritten_name(query_of("what is the treaty?"), body)  # no article name: the evidence decides
    assert not unwritten_name(query_of("what is the hpr piece about?", naming={"hpr"}), body)  # not a bare definition
