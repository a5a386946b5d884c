"""What a thing has achieved, as a sentence tells it: "the pact has delivered breakthroughs", "it facilitated the
formation of forty protocols". A question asking what something has done ("what has the pact actually done?", "what
good has the cooperation done?", ``Query.done``) is answered by the results it brought about, which such a sentence
states in a verb of achieving; sentences restating what the thing is outscore it on the question's few words.
General English only: verbs of bringing about a result, in a past or perfect form.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A result brought about: "has delivered", "yielded", "facilitated the formation of", "contributed to", "led to";
# a past or perfect form only ("can deliver" tells what may be, which a question about what was done does not ask)
_ACHIEVED = re.compile(r"\b(?:achieved|accomplished|delivered|yielded|produced|enabled|facilitated|contributed\s+to|"
                       r"led\s+to|resulted\s+in|helped)\b", re.I)


@lru_cache(maxsize=65536)  # asked of the same corpus sentences question after question
def tells_achieved(text: str) -> bool:
    """Does a sentence tell a result something brought about?

    >>> tells_achieved("The ferry pact has delivered two new piers."), tells_achieved("The pact could deliver piers.")
    (True, False)
    >>> tells_achieved("It facilitated the formation of a harbour board."), tells_achieved("The pact is a framework.")
    (True, False)
    """
    return bool(_ACHIEVED.search(text))
