"""A question saying a term or a deal "ran out" is matched by the sentences saying it expired (``rag.text.ran_out_plain``)."""

from rag.text import ran_out_plain, stem, terms


def test_run_out_is_read_as_expired():
    assert stem("expired") in terms(ran_out_plain("how did they keep the lease going when it ran out?"))
    assert stem("expired") in terms(ran_out_plain("when did the old ferry deal run out"))


def test_run_out_of_something_is_another_sense():
    assert stem("expired") not in terms(ran_out_plain("did the port run out of fuel?"))
    assert ran_out_plain("how is the ferry run?") == "how is the ferry run?"


def test_an_end_to_come_is_not_read_as_expired():
    assert stem("expired") not in terms(ran_out_plain("when is the new lease going to run out?"))
    assert stem("expired") not in terms(ran_out_plain("when will it run out?"))
