"""Where a writer states a view: the sentence forms an article's summary is raised for (``spread.thesis_bonus``).

"How does the harbour piece's view compare with what the pilots want?" asks for the writer's own view; the
article's sentences best matching the question repeat its topic words ("fees", "risks") and narrate, while the one
saying what the writer makes of it ("the plan remains a necessary compromise", "it is not a subsidy but a
lifeline") shares no words with the question: only its form tells it is the writer's verdict.
"""

from __future__ import annotations

from rag.reasons import corrective_contrast
from rag.spread import states_verdict


def states_view(text: str) -> bool:
    """Does a sentence state its writer's view in a summary's form (a verdict, or a point made by correction)?

    >>> states_view("The updated plan represents a fair split between the towns."), states_view("It is not a tax but a fee.")
    (True, True)
    >>> states_view("Fares rose in May.")
    False
    """
    return states_verdict(text) or corrective_contrast(text)


def views_first(cands: list) -> list:
    """``cands`` (best first) with those stating a view ahead of the rest, each group in its own order."""
    return sorted(cands, key=lambda c: not states_view(c.text))  # stable: each group keeps its order
