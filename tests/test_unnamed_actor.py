"""A yes/no question whose one-word subject the articles never write ("did berg renew the lease?") asks about an actor
they never tie to the act: a sentence telling the act without naming them cannot answer yes or no
(``persons.unnamed_actor``, read into ``Query.speaker`` so the ``speaker_absent`` check applies)."""

from rag.persons import unnamed_actor

KNOWN = {"lund", "port", "council", "mayor"}.__contains__


def test_a_subject_the_articles_never_write_is_the_actor_asked_about():
    assert unnamed_actor("did berg renew the lease when she was mayor?", KNOWN) == "berg"
    assert unnamed_actor("so did berg ever sign the ferry pact?", KNOWN) == "berg"
    assert unnamed_actor("has osterman approved the new berths?", KNOWN) == "osterman"


def test_a_subject_they_write_or_one_standing_for_whoever_is_no_unnamed_actor():
    assert unnamed_actor("did lund renew the lease?", KNOWN) == ""  # the articles name Lund
    assert unnamed_actor("did anyone renew the lease?", KNOWN) == ""
    assert unnamed_actor("did people like the new lease?", KNOWN) == ""
    assert unnamed_actor("did the council renew the lease?", KNOWN) == ""  # a determiner: ``actor`` reads roles
    assert unnamed_actor("was the lease renewed?", KNOWN) == ""
    assert unnamed_actor("what did berg sign?", KNOWN) == ""  # not a yes/no question's subject


def test_the_query_records_the_unnamed_actor_as_the_speaker_a_close_sentence_must_name():
    from rag.lexicon import Lexicon
    from rag.query import understand
    from rag.schema import Passage

    text = "The lease was first signed in 1990 by Mayor Lund, and the port renewed it in 2024."
    p = Passage(chunk_id="d0:0", doc_id="d0", text=text, start=0, end=len(text), sentences=[(0, len(text))], title="",
                outlet="", authors=[], date="", url="", kind="body", score=1.0)
    lex = Lexicon.build([p], [""])
    assert understand("did osterman renew the lease?", "did osterman renew the lease?", lex).speaker == "osterman"
    assert understand("did lund sign the lease?", "did lund sign the lease?", lex).speaker == ""
