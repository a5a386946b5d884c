"""Questions asking for a person, and sentences that name one.

"Which official signed it?" or "who led the talks?" is answered by a person's name, not by the
countries, cities or institutions a sentence happens to capitalise ("Oslo", "the Harbor Office"):
those name no one who signed or led anything. A group of people named by what they are ("experts
and lawmakers") still answers a "who" question, less surely (``rag.rules.names_people``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.rules import PERSON_NOUNS, SAID
from rag.text import STOPWORDS, stem

# Roles held by one person: a question whose asked noun is one of these wants a person's name.
ROLES = ("official", "negotiator", "minister", "secretary", "spokesperson", "spokesman", "spokeswoman", "ambassador",
         "envoy", "diplomat", "president", "leader", "senator", "representative", "premier", "chancellor", "chief",
         "head", "director", "chair", "chairman", "chairwoman", "signatory", "signer", "professor", "mayor", "governor")
# (Not "scientists" or "lawmakers": "which scientists…?" is often answered by a group: "prominent scientists".)
_ROLE = r"(?:%s)(?:s|es)?" % "|".join(ROLES)
_ASKS_ROLE = re.compile(rf"\b(?:which|what|whose)\s+(?:[a-z\-.']+\s+){{0,3}}?{_ROLE}\b(?!')|"
                        rf"\bname\s+of\s+(?:the\s+|a\s+|an\s+)?(?:[a-z\-.']+\s+){{0,3}}?{_ROLE}\b(?!')|"
                        rf"\bwho(?:'s|\s+(?:is|are|was|were))\s+(?:the\s+)?(?:[a-z\-.']+\s+){{0,3}}?{_ROLE}\b(?!')")
# Members of a group: the plural may be answered by the group ("House senators want…"), the singular "which lawmaker…?"
# asks for one of them by name.
MEMBERS = ("lawmaker", "legislator", "congressman", "congresswoman", "republican", "democrat", "politician")
_ASKS_MEMBER = re.compile(r"\b(?:which|what)\s+(?:[a-z\-.']+\s+){0,3}?(?:%s)\b(?![s'])" % "|".join(MEMBERS))
# Acts only a person performs: "who signed / led / negotiated…?" asks for the signatory, the leader, the negotiator.
_PERSONAL_ACT = re.compile(r"\bwho\s+(?:[a-z]+ly\s+)?(?:signed|sign|led|leads|negotiated|chaired|headed)\b")
# A title or role right before a capitalised name: "president Ann Berg", "Dr Lee", "Minister Ruiz".
_TITLED = re.compile(rf"\b(?i:{_ROLE}|{'|'.join(MEMBERS)}|rep|sen|dr|mr|mrs|ms|prof)\.?\s+(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+")


# ...the role itself: "who was the port's harbour minister?" asks the holder of a "minister"
_ROLE_OF = re.compile(rf"\b(?:which|what|whose|name\s+of|who(?:'s|\s+(?:is|are|was|were)))\s+(?:(?:the|a|an)\s+)?"
                      rf"(?:[a-z\-.']+\s+){{0,3}}?({'|'.join(ROLES)})(?:s|es)?\b(?!')")


def asked_role(question: str) -> str:
    """The stem of the role whose holder a person question asks for ("who was the port's ferry minister?":
    "minist"). Articles that never mention such a role name no one holding it, however close their sentences
    on the rest of the question (a bio line naming the writer's own post is no answer), as a "which ministry"
    the articles never mention is no body they name (``query.asked_thing``).

    >>> asked_role("who was the port's ferry minister when it opened?"), asked_role("which us official signed it?")
    ('minist', 'offici')
    >>> asked_role("who signed it?"), asked_role("which official's plan was it?")
    ('', '')
    """
    m = _ROLE_OF.search(question.lower().replace("’", "'"))
    return stem(m.group(1)) if m else ""


# Roles any titled person may hold under another title: "which official / leader signed it?" is answered by "President
# Ann Berg"; a role naming an office or a task ("negotiator", "minister", "spokesperson") is held only by one named so
GENERIC_ROLES = frozenset({"official", "leader", "head", "chief", "signatory", "signer"})


def holds_asked_role(question: str, sentence: str) -> bool:
    """Does the sentence name the role the question asks the holder of (``asked_role``), or is none asked, or only a
    role any titled person holds (``GENERIC_ROLES``)?

    WHY: "who was the port's lead negotiator?" asks for the one who negotiated; "signed by Mayor Ann Berg" names a
    person, but as a mayor, and says nothing of who negotiated. A sentence naming the holder names the role with them
    ("ferry minister Ann Berg", "its chief negotiator, Lee"), as the articles name a president or a leader.

    >>> holds_asked_role("who was the port's lead negotiator?", "It was signed by Mayor Ann Berg.")
    False
    >>> holds_asked_role("who was the port's lead negotiator?", "Its lead negotiator, Dr Ann Berg, said so.")
    True
    >>> holds_asked_role("which official signed it?", "It was signed by Mayor Ann Berg."), holds_asked_role("who signed it?", "x")
    (True, True)
    >>> holds_asked_role("which two mayors signed it?", "It was signed by Mayor Ann Berg.")
    True
    """
    m = _ROLE_OF.search(question.lower().replace("’", "'"))
    if not m or m.group(1) in GENERIC_ROLES:
        return True
    return re.search(rf"\b{m.group(1)}(?:s|es)?\b", sentence, re.I) is not None


def asks_person(question: str) -> bool:
    """Does the question ask for someone holding a role (an official, a negotiator), not for what someone said?

    A bare "who…?" may be answered by an administration, a firm or a group ("who hired them?"), so only
    a role asked for, or an act only a person performs (signing, leading talks), makes a person's name the answer.

    >>> asks_person("which harbour official signed the lease?"), asks_person("who were the chief envoys?")
    (True, True)
    >>> asks_person("which official argued the lease was unfair?"), asks_person("which agency runs the port?")
    (False, False)
    >>> asks_person("who hired them?"), asks_person("which mayor's office runs it?"), asks_person("who signed it?")
    (False, False, True)
    >>> asks_person("which harbour lawmaker pushed for the toll?"), asks_person("which lawmakers pushed for the toll?")
    (True, False)
    """
    q = question.lower().replace("’", "'")
    if _ASKS_MEMBER.search(q):  # one member of a group asks for a name, whatever the verb ("…pushed for the toll?")
        return True
    if SAID.search(q):  # "who argued X?" is answered by whoever wrote it (``rag.bylines.attribution``)
        return False
    return bool(_ASKS_ROLE.search(q) or _PERSONAL_ACT.search(q))


@lru_cache(maxsize=65536)  # asked of the same corpus sentences question after question
def names_person(text: str) -> bool:
    """Does the sentence name a person by a title or role ("Mayor Ann Berg", "Dr Lee")?

    Countries, cities and institutions are capitalised too, but they are no one's name; an article's own
    authors, named in a sentence about their article, hold no office the question asks about.

    >>> names_person("It was signed by Mayor Ann Berg."), names_person("Oslo and Bergen renewed it.")
    (True, False)
    >>> names_person("Dr Lee wrote the report."), names_person("An excerpt from Lee and Park's essay.")
    (True, False)
    """
    return bool(_TITLED.search(text))


# "what did <someone> say / think about…": the one whose words are asked for
_SPEAKER = re.compile(r"^\W*(?:(?:so|and|but|ok|okay|also|then)[,:]?\s+)*(?:what|how)\s+(?:did|do|does|has|have|had)\s+"
                      r"((?:[a-z\-']+\s+){1,6}?)(?:(?:publicly|officially|actually|really)\s+)?(?:say|said|think|argue|"
                      r"claim|warn|react|respond|comment|feel|believe|announce)\b")
_DOCUMENTS = {"agreement", "deal", "pact", "treaty", "accord", "law", "bill", "text", "document", "version", "update"}
_NO_SPEAKER = {"it", "they", "he", "she", "you", "we", "i", "this", "that", "these", "those", "people", "everyone"}


def speaker(question: str, article_words=frozenset()) -> str:
    """The stem of who is asked about in "what did <someone> say about…?", or "" (none, a pronoun, an article).

    The answer must come from that speaker: a sentence on the topic that names no such speaker does not
    tell what they said.

    >>> speaker("what did the port's harbour officials say about the lease?"), speaker("what did it say about ferries?")
    ('offici', '')
    >>> speaker("how did the mayor react?"), speaker("what does the article say?", {"articl"}), speaker("when was it signed?")
    ('mayor', '', '')
    """
    m = _SPEAKER.search(question.lower().replace("’", "'"))
    if not m:
        return ""
    head = re.sub(r"'s?$", "", of_head(m.group(1).split()))
    if head in _NO_SPEAKER or head in _DOCUMENTS or head in STOPWORDS or stem(head) in article_words:
        return ""
    return stem(head)


# the verbs of "what did <someone> say / claim / announce…?": the words spoken are asked for, not a view or a reaction
# ("what did X think / how did X react?" may be answered by what X did or wanted)
_WORDS_VERBS = {"say", "said", "claim", "announce", "comment"}
# a sentence telling someone's words: a verb of saying (``rules.SAID``), one of announcing or reproaching, or a quotation
_REPORTED = re.compile(r"[“”\"]|\baccording to\b|\b(?:announc|declar|castigat|criticis|criticiz|prais|urg|told|tell|"
                       r"comment|remark|state[sd]\b|stating|acknowledg|caution|condemn|welcom|hail|"
                       # ...or one of making an intent known ("signalled its readiness to…", "vowed to…", "threatened")
                       r"signall?(?:ed|ing)|vow(?:s|ed|ing)?\b|pledg(?:es|ed|ing)\b|threaten)")


def asks_words(question: str) -> bool:
    """Does "what did <someone> say…?" ask for the words a speaker spoke (``speaker``), not what they thought?

    >>> asks_words("what did the mayor say at the opening?"), asks_words("what did the mayor think of it?")
    (True, False)
    """
    m = _SPEAKER.search(question.lower().replace("’", "'"))
    return bool(m) and m.group(0).split()[-1] in _WORDS_VERBS


# A capitalized "States" inside a sentence is a name ("the United States", "Member States"), not the verb "states"
_PROPER_STATES = re.compile(r"(?<=[\w,] )States\b")


def reports_words(text: str) -> bool:
    """Does the sentence tell what someone said? A sentence that only names the speaker ("signed in 1979 by the
    mayor and the governor") tells nothing they said, however close it is to the question.

    >>> reports_words("The mayor warned that fares will rise."), reports_words("It was signed by the mayor in 1979.")
    (True, False)
    >>> reports_words('The mayor called it “a new dawn”.'), reports_words("The mayor announced a new ferry.")
    (True, True)
    >>> reports_words("It was the first official pact between the United States and Chile.")
    False
    >>> reports_words("Oslo has signalled its readiness to close the port."), reports_words("Oslo faces threats.")
    (True, False)
    """
    text = _PROPER_STATES.sub("", text).lower()
    return bool(SAID.search(text) or _REPORTED.search(text))


def of_head(words: list[str]) -> str:
    """The head noun of a subject: its last word, or in "the ministry of science and technology" the body or person
    before "of", whose name the words after it complete (the last word, "technology", is no speaker).

    >>> of_head(["the", "ministry", "of", "harbour", "works"]), of_head(["the", "head", "of", "the", "port"])
    ('ministry', 'port')
    """
    if "of" in words[1:]:
        before = words[words.index("of", 1) - 1]
        if before in PERSON_NOUNS:
            return before
    return words[-1]


# "did <someone> … ?": a person or body right after the auxiliary, as the subject
_ACTOR = re.compile(r"^\W*(?:(?:so|and|but|ok|okay|also|then)[,:]?\s+)*(?:did|does|do|has|have|had|is|was|were|will|would)\s+"
                    r"(?:[a-z\-']+\s+){0,2}?(%s)\b(?!')" % "|".join(sorted(PERSON_NOUNS, key=len, reverse=True)))


def actor(question: str, article_words=frozenset()) -> str:
    """The stem of the person or body a yes/no question asks about ("did the council vote…?" -> "council"), or "".

    A sentence that names no such actor can say what happened, but not whether *they* did it.

    >>> actor("did the harbour committee approve it?"), actor("did the mayor's office sign it?"), actor("was it signed?")
    ('committe', '', '')
    >>> actor("does the author argue it failed?", {"author"}), actor("did the two countries renew it?")
    ('', '')
    >>> actor("did the mayor's people want to cut ties?")
    'mayor'
    """
    m = _ACTOR.search(question.lower().replace("’", "'"))
    if m and _PAIR.search(m.group(0)):
        return ""  # "did the two ports renew it?": the pair of parties, whom the articles name by their names
    head = m and (_FOLLOWERS.search(m.group(0)) or m).group(1)  # "did the mayor's people…": the mayor
    return stem(head) if m and stem(head) not in article_words else ""  # "did the author argue…": the writer


# "did berg renew it?": one word right after the auxiliary, then the verb (an adverb may sit between): its subject
_BARE_ACTOR = re.compile(r"^\W*(?:(?:so|and|but|ok|okay|also|then)[,:]?\s+)*(?:did|does|has|had|will|would)\s+([a-z][a-z\-]+)\s+"
                         r"(?:(?:ever|actually|really|also|personally|ultimately|finally)\s+)?[a-z]+\b")
# words that stand for whoever, not one named actor ("did anyone renew it?", "did folks like it?"): general English
_ANYONE = frozenset({"anyone", "anybody", "someone", "somebody", "everyone", "everybody", "people", "folks", "nobody",
                     "they", "it", "he", "she", "we", "you", "i", "this", "that", "these", "those", "any", "all", "both"})


def unnamed_actor(question: str, known) -> str:
    """The stem of the one-word subject of a yes/no question that the articles never write ("did berg renew the
    lease?": "berg"), or "". WHY: a leader or body named by a word the articles never use is one they never tie to the
    act; the sentence telling the act ("first signed in 1990 by Mayor Lund") tells nothing of whether Berg did it.
    ``known(stem)``: does the collection write the word. Typed in capitals, the name is already an unknown entity.

    >>> unnamed_actor("did berg renew the lease when she was mayor?", {"lund"}.__contains__)
    'berg'
    >>> unnamed_actor("did lund renew it?", {"lund"}.__contains__), unnamed_actor("did anyone renew it?", set().__contains__)
    ('', '')
    >>> unnamed_actor("did the mayor renew it?", set().__contains__)
    ''
    """
    m = _BARE_ACTOR.match(question.lower())
    word = m.group(1) if m else ""
    return "" if not word or word in _ANYONE or word in STOPWORDS or known(stem(word)) else stem(word)


# "the mayor's people / team / camp": those acting for someone, whom the articles name by that someone ("the mayor's
# office", "the Lee administration"), seldom by the loose word the asker chose for them
_FOLLOWERS = re.compile(r"\b([a-z\-]+)'s?\s+(?:people|folks|team|staff|camp|aides|guys|crowd)$")


# "the two ports", "both towns": a subject counted as a pair is the two parties to what is asked about. The articles
# name them by their own names ("Oslo and Bergen renewed it"), seldom by the noun the asker chose for them
_PAIR = re.compile(r"\b(?:two|both)\s+(?:[a-z\-']+\s+)?[a-z\-']+$")


# "the author of the SCMP piece (on the renewal)", "the RS writer": the writer of an article, spoken of as a person
_WRITER = re.compile(r"\bthe\s+(?:author|writer)s?\s+of\s+(?:the|that|this)\s+(?:[\w.\-&']+\s+){0,4}?(?:piece|article|"
                     r"op-ed|story|essay|report|column|one)\b(?:\s+(?:on|about)\s+(?:the\s+)?[\w.\-]+)?|\bthe\s+(?:[\w.\-&']+\s+){1,3}?(?:author|writer)s?\b"
                     # "the woman who wrote the SCMP piece": a writer described by what they wrote, not called one
                     r"|\bthe\s+(?:wom[ae]n|m[ae]n|person|people|one|guy|lady|scholar|academic|expert)\s+(?:who|that)\s+"
                     r"(?:wrote|authored|penned)\s+(?:the|that|this)\s+(?:[\w.\-&']+\s+){0,4}?(?:piece|article|op-ed|story|"
                     r"essay|report|column)\b", re.I)
# ...asked about as a person: where they work or are based, whom they work for ("where does the RS writer work?")
_WORKPLACE = re.compile(r"^\W*(?:(?:so|and|but|ok)\s+)?(?:where\s+(?:does|did|do|is|was|are|were)\b.*\b(?:work|works|"
                        r"worked|based|employed|teach|teaches)|who\s+(?:does|did|do)\b.*\bwork\s+for)\b", re.I)


# ...or by their job: "what's the RS author's job title?", "what does the author of the RS piece do (for a living)?".
# The byline card holds a writer's name, never their job; a closing biography holds it ("Dr Ann Lee is a professor at…").
# General English words for a person's work, read right after the writer ("…'s job") or as what the writer does
_JOB_AFTER = re.compile(r"^(?:'s?\s+(?:(?:day|current|actual|main)\s+)?(?:jobs?(?:\s+titles?)?|occupations?|professions?|careers?|"
                        r"line\s+of\s+work|employers?|affiliations?)\b|\s+do\b(?:\s+(?:for\s+(?:a\s+)?(?:living|work|job)|"
                        r"professionally|exactly))?\s*\??\s*$)", re.I)
# ...the bare "do" only after "what does/did": "what does the RS writer do?" (not "…think the deal will do?")
_WHAT_DOES = re.compile(r"^\W*(?:(?:so|and|but|ok)\s+)?what\s+(?:does|did|do)\s+$", re.I)


def asks_job(question: str, m) -> bool:
    """Does the question ask the job of the writer ``m`` (a match of ``_WRITER``) stands for?

    >>> asks_job("what's the Bay Times author's job title?", _WRITER.search("what's the Bay Times author's job title?"))
    True
    >>> q = "what does the author of the Bay Times piece do for a living"; asks_job(q, _WRITER.search(q))
    True
    >>> q = "what does the Bay Times author say the port will do?"; asks_job(q, _WRITER.search(q))
    False
    """
    after = _JOB_AFTER.match(question[m.end():])
    return bool(after) and (after.group(0).startswith("'") or bool(_WHAT_DOES.match(question[:m.start()])))


def writer_as_person(question: str, names_of) -> str:
    """ "where does the author of the Bay Times piece work?" -> "where does Ann Lee work?": a question asking where an
    article's writer works is about that person, whom the articles name in their own words (a closing biography
    "Dr Ann Lee is a professor at…"), never as "the author of the Bay Times piece"; ``names_of(text)`` gives the
    writers of the article a text names. The question is returned unchanged when it asks no such thing.

    >>> names = lambda s: ["Ann Lee"] if "bay times" in s.lower() else []
    >>> writer_as_person("where does the author of the Bay Times piece work?", names)
    'where does Ann Lee work?'
    >>> writer_as_person("who does the Bay Times writer work for?", names), writer_as_person("who wrote the Bay Times piece?", names)
    ('who does Ann Lee work for?', 'who wrote the Bay Times piece?')
    """
    m = _WRITER.search(question)
    who = names_of(m.group(0)) if m and (_WORKPLACE.match(question) or asks_job(question, m)) else []
    return question[:m.start()] + " and ".join(who) + question[m.end():] if who else question
