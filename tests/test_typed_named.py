"""A question asking one article for a thing of a kind: that article's sentence of the kind leads (``scope.typed_among_named``)."""

from candkit import cands as _cands
from rag.scope import typed_among_named


def test_the_named_articles_sentence_of_the_asked_kind_leads_as_the_kind_led_among_all():
    # another article's condition led all; among the harbour piece's sentences its own condition leads, not the
    # sentence holding the words that name the piece
    other = _cands("dock", ["Its success will depend on steady funding."], [0.9])
    mine = _cands("harbour", ["In the harbour piece of May, the town revised the plan.",
                              "How well it works will depend on upkeep."], [0.8, 0.7])
    other[0].typed, mine[1].typed = 1.0, 1.0
    kept = typed_among_named(other + mine, mine, 0.8)
    assert kept[0] is mine[1] and kept[1] is mine[0]
    far = typed_among_named(other + mine, mine, 0.95)
    assert far[0] is mine[0]  # too far below the named article's best to lead
    assert typed_among_named(mine, mine, 0.8) is mine  # nothing was set aside: the order stands
