"""A yes/no question naming the doer of an act, answered no by the sentence naming another doer (``rag.doers``)."""

from candkit import cands

from rag.doers import near_act, other_doer, subject_doer


def test_the_person_a_question_names_as_doer():
    assert subject_doer("did berg sign the first lease?") == ("sign", "berg")
    assert subject_doer("did berg originally sign it?") == ("sign", "berg")
    # a country, a role, a body or anyone is no named person
    for q in ("did norway sign it?", "did the mayor sign it?", "did congress sign it?", "did anyone sign it?",
              "did the lease get signed?", "does it cover ferries?"):
        assert subject_doer(q) is None, q


def test_another_named_doer_of_the_act_answers_no():
    cs = cands("port", ["The harbour lease, originally signed in 1990, was updated in May.",
                        "First signed in 1990 by Mayor Tor Lund and Governor Ann Moe, the lease holds."], [0.6, 0.5])
    assert other_doer("did berg sign the original lease?", cs, 0.3) is cs[1]
    assert other_doer("did lund sign the original lease?", cs, 0.3) is None  # the asked doer did it
    assert other_doer("did berg sign the original lease?", cs, 0.55) is None  # not heard above the floor


def test_a_doer_named_far_from_the_act_is_of_another_act():
    """"Since its signing … renewed …, most recently under Berg" ties Berg to the renewal, not the signing."""
    far = "Since its signing four decades ago, the towns have renewed the lease every five years, most recently under Berg."
    assert not near_act("sign", "berg", far)
    cs = cands("port", [far, "First signed in 1990 by Mayor Tor Lund, the lease holds."], [0.6, 0.5])
    assert other_doer("did berg sign the original lease?", cs, 0.3) is cs[1]


def test_a_passive_question_names_its_doer_after_under_or_by():
    """"Was the lease signed under berg?" asks the same as "did berg sign the lease?"."""
    assert subject_doer("was the lease signed under berg?") == ("sign", "berg")
    assert subject_doer("was it first renewed by mayor berg?") == ("renew", "berg")
    assert subject_doer("so was the harbour lease signed under the berg administration?") is None  # "the": no name
    for q in ("was it renewed by the port?", "was it signed by norway?", "was it signed under the mayor?",
              "was it signed in 1990?"):
        assert subject_doer(q) is None, q
    cs = cands("port", ["The harbour lease, originally signed in 1990, was updated in May.",
                        "First signed in 1990 by Mayor Tor Lund and Governor Ann Moe, the lease holds."], [0.6, 0.5])
    assert other_doer("was the original lease signed under berg?", cs, 0.3) is cs[1]
    assert other_doer("was the original lease signed by lund?", cs, 0.3) is None
