"""A sentence making a party's intent known ("has signalled its readiness to…", "vowed to…") tells what that party
said, so it answers "what has X said it might do?" (``persons.reports_words``, read by ``evidence.voiced``)."""

from candkit import cands, query

from rag.evidence import voiced
from rag.persons import reports_words


def test_verbs_of_making_an_intent_known_report_words():
    assert reports_words("Oslo has signalled its readiness to close the port to barges.")
    assert reports_words("The mayor vowed to keep the ferry running.")
    assert reports_words("The council pledged new berths and threatened higher fees.")


def test_their_nouns_and_lookalikes_report_nothing():
    assert not reports_words("The port faces security threats from smugglers.")
    assert not reports_words("Oslo sent a signal with its new pier.")  # a noun: no one's words are given
    assert not reports_words("Every vowel of the harbour's name is long.")


def test_the_asked_speakers_signalled_intent_voices_them():
    said, named = cands("port", ["Oslo has signalled its readiness to close the port as leverage.",
                                 "Oslo opened the port in 1979."])
    q = query("what has oslo said it might use as leverage?", speaker="oslo", words=True)
    assert voiced(q, said) and not voiced(q, named)
