"""An overview whose spread stopped short hears the next sentences a little below its line (``room.fill_room``)."""

from candkit import cands as _cands
from candkit import query as _q
from rag.evidence import Candidate
from rag.spread import pick_spread


def _ferry_cands() -> list[Candidate]:
    a = _cands("a", ["The ferry pact links the two islands daily.", "Island schools rely on the morning sailing."],
               [1.0, 0.95])
    b = _cands("b", ["The pact has been renewed every five years since 1990."], [0.72])
    c = _cands("c", ["Gulls nest on the old pier."], [0.5])
    return sorted(a + b + c, key=lambda x: -x.score)


def test_an_overview_with_room_hears_a_point_just_below_the_line():
    got, why = pick_spread(_q("quick history of the ferry pact", intent="overview"), _ferry_cands())
    assert [c.doc_id for c in got] == ["a", "a", "b"] and why[-1] == "room"  # not the far weaker "c"


def test_other_shapes_keep_the_spread_line():
    got, _ = pick_spread(_q("why does the ferry pact matter", intent="why"), _ferry_cands())
    assert [c.doc_id for c in got] == ["a", "a"]
