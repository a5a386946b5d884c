"""A question asking what would come of an event that did not happen, or may ("what would happen if the lease
ended?", "what if it had lapsed?"), is answered by a sentence telling a consequence as possible or unreal ("a lapse
might have had modest impact", "cancelling it would have sent a damaging signal"), not by one telling the event's
story (its extensions, its renewal), which shares more of the question's words.

General English only: the frames of a counterfactual question and the modal forms of a consequence.
"""

from __future__ import annotations

import re
from functools import lru_cache

# "what would/could/will happen if…", "what happens if…", "what if…", "what would it mean if…"
_OUTCOME_ASK = re.compile(r"\bwhat\s+(?:(?:would|could|might|will)\s+(?:(?:have\s+)?happen(?:ed)?|it\s+mean|be\s+the\s+"
                          r"(?:result|consequences?|effects?|impact))|happens|if)\b.{0,80}?\b(?:if|when|once|without)\b|"
                          r"^\W*(?:(?:so|and|but|ok)\W+)?what\s+if\b(?!\s+any\b)", re.I)  # not "what, if any, …"
# a consequence told as possible or unreal: "would have sent", "might have had", "could lead to", "would mean"
_CONSEQUENCE = re.compile(r"\b(?:would|could|might)\s+(?:have\s+(?:been|had|\w+ed|sent|done|meant|hurt|cost)|"
                          r"(?:mean|cause|lead|result|hurt|harm|damage|undermine|send|cost|end|weaken|set\s+back)\w*)\b|"
                          r"\b(?:risks?\s+\w+ing|threaten(?:s|ed)?\s+to)\b", re.I)


def asks_outcome(question: str) -> bool:
    """Does the question ask what would come of an event?

    >>> asks_outcome("what would happen if the lease ended?"), asks_outcome("so what if it had lapsed?")
    (True, True)
    >>> asks_outcome("what happened when the lease ended?"), asks_outcome("what if any fees apply?")
    (False, False)
    """
    return bool(_OUTCOME_ASK.search(question))


@lru_cache(maxsize=65536)  # asked of the same corpus sentences question after question
def tells_outcome(text: str) -> bool:
    """Does a sentence tell a consequence as possible or unreal?

    >>> tells_outcome("Cancelling the lease would have sent a damaging signal."), tells_outcome("The lease was extended twice.")
    (True, False)
    """
    return bool(_CONSEQUENCE.search(text))
