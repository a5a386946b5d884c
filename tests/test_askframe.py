"""Words a question asks with, not about (``rag.askframe``): the noun of the asked kind ("which city") and an everyday
noun for an agreement the articles call by another; tiny hand-made fixtures, no index."""

from rag.abstain import MOSTLY_UNKNOWN, Unknown
from rag.askframe import asking_words, kind_nouns, synonym_documents
from rag.text import stem


def test_the_noun_of_the_asked_kind_is_an_asking_word():
    assert kind_nouns("in which city did the ferries dock?") == {stem("city")}
    assert kind_nouns("what exact year did the lease lapse?") == {stem("year")}
    assert kind_nouns("which countries signed?") == {stem("countries")}
    # a topic noun after the wh-word, or a kind word elsewhere, is no asking word
    assert kind_nouns("which ports handle the ferries?") == frozenset()
    assert kind_nouns("what did the city council decide?") == frozenset()


def test_an_everyday_noun_for_the_agreement_is_an_asking_word_only_beside_the_articles_own():
    known = {"lease", "agreement", "ferri"}.__contains__
    assert synonym_documents(["deal", "ferri"], known) == {"deal"}
    assert synonym_documents(["deal", "ferri"], {"lease", "ferri"}.__contains__) == frozenset()  # they name none
    assert synonym_documents(["agreement"], known) == frozenset()  # their own word is a topic word


def test_asking_words_leave_the_unknown_share():
    idf = {"citi": 4.0, "updat": 2.0, "deal": 4.0, "wrap": 4.0}
    words = asking_words("in which city was the updated deal wrapped up?", list(idf), {"updat", "agreement"}.__contains__)
    assert words == {"citi", "deal"}
    plain = Unknown([], [], ["citi", "deal", "wrap"], idf)
    assert plain.share > MOSTLY_UNKNOWN  # refused as mostly unknown words before
    assert Unknown([], [], ["citi", "deal", "wrap"], idf, frame=words).share == 4.0 / 6.0
    # a topic word the articles never use still counts: "bread" is what is asked about
    assert Unknown([], [], ["bread", "citi"], {"bread": 4.0, "citi": 4.0}, frame=kind_nouns("which city bakes bread?")).share == 1.0


def test_an_adjective_of_generality_is_an_asking_word():
    from rag.askframe import generality_words

    assert generality_words("list the main pillars the article lays out") == {stem("main")}
    assert generality_words("what are the core aims and the chief risks?") == {stem("core"), stem("chief")}
    assert generality_words("what's the key to it?") == frozenset()  # a noun, before a function word
    # left out of the unknown share like any asking word: "pillars" and the article's name decide
    idf = {"main": 4.0, "pillar": 3.0, "csis": 2.0}
    words = asking_words("list the main pillars the csis article lays out", list(idf), set().__contains__)
    assert Unknown([], [], ["main"], idf, frame=words).share == 0.0
