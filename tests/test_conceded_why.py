"""'If X wouldn't have done much, why did it matter?': a sentence granting X too ("While X…, Y") answers it."""

from candkit import query as _q
from rag.heldfor import shape_typed
from rag.reasons import concedes


def test_a_sentence_opening_on_a_concession_is_read_as_such():
    assert concedes("Although the closure did little at once, the crews warned it would hurt trade.")
    assert concedes("Even if the levy stays small, it sets a rule for every port.")
    assert not concedes("The closure did little at once.")
    assert not concedes("While, the pier.")  # no clause granted


def test_a_why_question_granting_a_point_hears_the_sentence_granting_it_too():
    q = _q("if closing the pier wouldn't have hurt much at first, why did it matter to keep it?", intent="why", worth=True)
    said = "While a closure might have done little at once, the crews warned it would send a bad signal."
    assert shape_typed(q, said, 0.0) == 1.0
    assert shape_typed(_q("why did it matter to keep the pier?", intent="why", worth=True), said, 0.0) == 0.0  # nothing granted
    cause = _q("if a closure wouldn't have hurt at once, why were crews worried?", intent="why")  # a cause asked
    assert shape_typed(cause, said, 0.0) == 1.0


def test_a_how_does_it_work_question_under_a_denied_premise_is_not_answered_by_a_concession():
    q = _q("how does the pact work if nobody is forced to sail?", intent="why")
    assert shape_typed(q, "While trust has faded, the need to sail remains.", 0.0) == 0.0
