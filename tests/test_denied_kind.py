"""'If it forces no one, what sort of deal is it?': a thing's nature asked under a denied premise is told by the
sentence correcting that view ("Instead, it is…")."""

from candkit import query as _q
from rag.heldfor import shape_typed
from rag.whyask import asks_kind_despite


def test_a_what_is_it_question_under_a_denied_premise_is_read_as_such():
    assert asks_kind_despite("since the levy doesn't bind any port, what sort of levy is it really?")
    assert asks_kind_despite("if nobody has to sail, what is it then?")
    assert asks_kind_despite("though no crew must join, what kind of scheme is the pact?")
    assert not asks_kind_despite("what sort of levy is it?")  # nothing denied: a plain question of its kind
    assert not asks_kind_despite("if nobody objected, when was the levy set?")  # a date, not its nature


def test_the_correction_answers_what_the_thing_is_and_a_restated_premise_does_not():
    q = _q("since the pact doesn't force anyone to sail, what sort of pact is it really?", intent="fact")
    assert shape_typed(q, "Instead, it is a framework that sets common fees for the ports that join.", 0.0) == 1.0
    assert shape_typed(q, "The pact does not force any port to sail.", 0.0) == 0.0
    assert shape_typed(_q("what sort of pact is it?", intent="fact"), "Instead, it is a framework.", 0.0) == 0.0
