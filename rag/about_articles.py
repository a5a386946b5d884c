"""Questions about the articles themselves: their byline facts (author, outlet, date, headline), not their content.

"Who wrote the SCMP piece?", "how old is the CSIS article?" and "when did the Harbor Post write
about the levy?" ask about an article; "what did the authors of the ChinaFile piece argue?" asks
what it says. The words for articles and their bylines (``META_WORDS``, ``ARTICLE_WORDS``,
``META_STEMS``) are read by retrieval, answering and abstention too.
"""

from __future__ import annotations

import re

from rag.asked import asked_part, counted_things
from rag.intent import LEAD
from rag.text import stem, terms

META_WORDS = {"wrote", "write", "written", "writer", "writers", "author", "authors", "byline", "publish", "published",
              "publisher", "outlet", "outlets", "publication", "website", "url", "headline", "title", "titled",
              "newspaper", "magazine", "headlines", "titles", "bylines", "publications", "publishers", "websites",
              "newspapers", "magazines"}
# ...and words that do so only beside "article", "piece" and the like ("when did the article appear").
META_WEAK = {"appear", "appeared", "date", "dated", "full", "source", "online", "link", "site", "behind", "when",
             "called", "name", "named", "dates", "sources", "links", "sites", "names"}
ARTICLE_WORDS = {"article", "articles", "piece", "pieces", "story", "essay", "op", "ed", "report", "excerpt", "column",
                 "post", "analysis"}
META_STEMS = {stem(w) for w in META_WORDS | META_WEAK | ARTICLE_WORDS}
# Verbs asking what an article *argues*: such a question is about its content, even if it names its authors.
CONTENT_VERBS = re.compile(r"\b(argue[sd]?|arguing|say|says|said|claim(?:s|ed)?|think|thinks|see|sees|saw|believe[sd]?|"
                           r"reckons?|reckoned|feels?|felt|"  # "why does the writer reckon / feel…": a view held, not a byline
                           r"propose[sd]?|recommend(?:s|ed)?|suggest(?:s|ed)?|conclude[sd]?|warn(?:s|ed)?|worr(?:y|ied|ies)|"
                           r"write about|wrote about|writing about|view|views|opinion|position|stance|point|"
                           r"talk(?:s|ed)? (?:to|with)|spoke (?:to|with)|fear(?:s|ed)?|describe[sd]?|mention(?:s|ed)?|"
                           r"discuss(?:es|ed)?|explain(?:s|ed)?|put it|(?:dis)?agree[sd]?|sum(?:s|med)? up|summari[sz]e[sd]?|"
                           # what a writer found out or looks for ("what did the writer hear in Oslo?"): content too
                           r"hears?|heard|learn(?:s|ed|t)?|find|finds|found|notice[sd]?|observe[sd]?|report(?:s|ed)?|"
                           r"expect(?:s|ed)?|predict(?:s|ed)?|hope[sd]?|urge[sd]?|call(?:s|ed)? for|"
                           # "do the pieces call it by the same name?": the bare verb names a thing in the articles'
                           # words ("what is the piece called?" asks its headline)
                           r"call)\b")


# "the article written before the renewal": the time picks the article out; its writing is not what is asked
_WRITTEN_WHEN = re.compile(r"\b(?:(?:article|piece|op-ed|story|essay|report|column|one)s?)\s+(?:that\s+was\s+|"
                           r"which\s+was\s+|that\s+were\s+)?(?:written|published|penned)\s+(?=(?:before|after|since|"
                           r"during|ahead\s+of|prior\s+to)\b)")
# "the article that mentions X": a clause picking out the article by what it says, not asking what it says
_DESCRIBED = re.compile(r"(\b(?:article|piece|op-ed|story|essay|report|column|one)\b[^?]*?)\s+(?:that|which)\s.*$")
# "who penned the … article" (not "who did the writer of the … piece talk to": an auxiliary is no such verb)
_WHO_DID_ARTICLE = re.compile(r"^\W*who\s+(?!(?:did|does|do|is|was|were|are|has|have|had)\b)[a-z]+\s+"
                              r"(?:the|that|this)\s+(?:[\w.\-]+\s+){0,4}(?:%s)\b"
                              % "|".join(sorted(ARTICLE_WORDS - {"op", "ed", "post"})))


# "how old is the SCMP article?", "how recent are those pieces?": an article's age is its date
_HOW_OLD = re.compile(LEAD + r"how\s+(?:old|recent|new|current)\s+(?:is|are|was|were)\s+(?:the|that|this|these|those)\s+"
                      r"(?:[\w.\-&']+\s+){0,4}?(?:%s)s?\s*\??\s*$" % "|".join(sorted(ARTICLE_WORDS - {"op", "ed", "post"})))
# "where is the CSIS piece from?", "where did that article come from?": an article comes from its outlet, not a place
# (the article may be told by its subject after "on" or "about": "where is the piece on the pier's history from?")
_WHERE_FROM = re.compile(LEAD + r"where\s+(?:is|was|are|were|does|did|do)\s+(?:(?:the|that|this|these|those)\s+|"
                         r"(?:[a-z]+\s+){0,2}[a-z]+'s\s+)"
                         r"(?:(?!(?:in|of|at|on|by|for|with|about)\s)[\w.\-&']+\s+){0,5}?(?:%s)s?\s+"
                         r"(?:(?:on|about)\s+[^?]{1,80}?\s+)?(?:(?:come\s+|comes\s+|came\s+)?from|run|appear)\b"
                         % "|".join(sorted(ARTICLE_WORDS - {"op", "ed", "post"})))
# "which site is the pier one from?", "what outlet was that from?": the place a text comes from, named as a publisher
_OUTLET_FROM = re.compile(LEAD + r"(?:which|what)\s+(?:web\s*)?(?:site|website|outlet|publication|newspaper|magazine)s?\s+"
                          r"(?:is|was|are|were|does|did|do)\s+[^?]*\bfrom\s*\??\s*$")
# "which paper ran her article?", "what paper published the pier piece?": "paper" is a newspaper when it runs or
# publishes something (alone it may be a research paper: "how many papers do scientists publish?")
_PAPER_RAN = re.compile(LEAD + r"(?:which|what)\s+paper\s+(?:ran|runs|carried|carries|printed|prints|published|publishes)\b")
# "which firms does the CSIS piece name?": an article naming things in its text, not the article's own name
_ARTICLE_NAMES = re.compile(r"\b(?:does|do|did)\s+(?:the|that|this|each|both|either)\s+(?:[\w.\-&']+\s+){0,4}?"
                            r"(?:%s)s?\s+name\b" % "|".join(sorted(ARTICLE_WORDS - {"op", "ed", "post"})))
# "when did <someone> write about …": the writing is what is dated; its subject says whether an article's writer
_WHEN_WRITTEN = re.compile(LEAD + r"when\s+(?:did|does|do|was|were|had|has|have)\s+((?:[\w.\-&']+\s+){1,6}?)"
                           r"(?:write|wrote|written|publish|published|cover|covered)\b")


def writing_date(q: str, naming) -> bool:
    """ "When did the Harbor Post write about the levy?": asks the date of an article, when the one who wrote is an
    article's outlet or author or a word for them (``naming(text)``: the stems by which ``text`` names articles).
    "When did the council publish the rules?" dates the council's act.

    >>> names = lambda s: {"harbor", "post"} if "harbor post" in s.lower() else set()
    >>> writing_date("when did the Harbor Post write about the levy?", names), writing_date("when did the authors write?", names)
    (True, True)
    >>> writing_date("when did the council publish the rules?", names), writing_date("when was the levy raised?", names)
    (False, False)
    """
    m = _WHEN_WRITTEN.match(asked_part(q).lower())
    who = set(terms(m.group(1))) if m else set()
    return bool(who) and who <= naming(m.group(1)) | META_STEMS


def asks_where_from(q: str) -> bool:
    """ "Where is the CSIS piece from?", "where did her article run?", "which site is the CSIS one from?": asks an
    article's outlet (where it was published), not a place it names.

    >>> asks_where_from("where is the harbor review piece from?"), asks_where_from("where did that article come from")
    (True, True)
    >>> asks_where_from("where do the researchers in the article come from?"), asks_where_from("where is the port?")
    (False, False)
    >>> asks_where_from("which site is the pier one from"), asks_where_from("where did ann lee's article run?")
    (True, True)
    >>> asks_where_from("which paper ran ann lee's article?"), asks_where_from("which paper found the port unsafe?")
    (True, False)
    >>> asks_where_from("where is the piece on the history of the pier from?")
    True
    """
    return bool(_WHERE_FROM.match(q.lower()) or _OUTLET_FROM.match(q.lower()) or _PAPER_RAN.match(q.lower()))


def asks_their_account(q: str) -> bool:
    """Does the question ask what an article or its writer says, sees or uses (a verb of saying or thinking, or "use":
    "what word does Ann Lee use…", "what risk does she see…"), rather than who the writer is or where she works?

    >>> asks_their_account("what risk does Ann Lee see in it?"), asks_their_account("what word does Ann Lee use?")
    (True, True)
    >>> asks_their_account("where does Ann Lee work?"), asks_their_account("what's Ann Lee's job title?")
    (False, False)
    >>> asks_their_account("what did Ann Lee hope for that the final plan left out?")  # set against another's act
    False
    """
    low = q.lower()
    return bool(CONTENT_VERBS.search(low) or _USES.search(low)) and not _OTHERS_CLAUSE.search(low)


# "what word does she use for it?", "what term is used…": the writer's own wording is asked for
_USES = re.compile(r"\bus(?:e|es|ed|ing)\b")
# "…that the final plan left out": a clause with a subject of its own sets the account against what another did or said
_OTHERS_CLAUSE = re.compile(r"\b(?:that|which)\s+(?:the|a|an|this|these|those|their|its)\s+")


# "what kinds of tech…", "which types of risk…": kinds of a thing asked for
_KINDS_OF = re.compile(r"\b(?:what|which)\s+(?:kinds?|types?|sorts?|categories|classes)\s+of\s+([a-z][a-z-]*)")


def kinds_of_content(q: str) -> bool:
    """Does the question ask for kinds of a thing other than an article or its byline ("what kinds of tech does
    the SCMP writer group things into?")?

    WHY: a byline holds a name, an outlet and a date, never kinds of anything: the writer named in such a question
    says whose account is asked, as "what does the SCMP writer argue?" does.

    >>> kinds_of_content("what kinds of tech does the harbour writer group things into"), kinds_of_content("who is the writer?")
    (True, False)
    >>> kinds_of_content("what kinds of outlets published the pieces?")
    False
    """
    m = _KINDS_OF.search(q.lower())
    return bool(m) and stem(m.group(1)) not in META_STEMS


# "her job title", "his official title": a person's rank, not an article's headline
_PERSONS_TITLE = re.compile(r"\b(?:job|official|academic|professional|formal|work)\s+titles?\b")


# "publish" with an object of its own that is no article ("can scientists publish papers together?"): research
# published, which the articles tell of; no byline fact (general English words for research output)
_PUBLISH_WORK = re.compile(r"\bpublish(?:es|ed|ing)?\s+(?:\w+\s+){0,2}?(?:papers?|research|results|findings|studies|"
                           r"study|work|data|journals?|books?)\b")


# A writer spoken of as a person who holds or does something other than their byline: "the RS writer's impression",
# "what word does the SCMP writer use…". The byline card holds their name, never what they think, use or saw.
_WRITER_WORD = r"(?:writer|author)s?"
_OF_ARTICLE = r"(?:\s+of\s+(?:the|that|this)\s+(?:[\w.\-&']+\s+){0,4}?(?:%s)s?)?" % "|".join(sorted(ARTICLE_WORDS - {"op", "ed"}))
# "the writer's impression / main worry / take": a possession of the writer (up to two modifiers before its noun)
_WRITERS_THING = re.compile(r"\b%s's?\s+((?:[a-z\-]+\s+){0,2}?[a-z\-]+)\b(?!')(?=\s*(?:$|[?,.;:!]|(?:%s)\b))"
                            % (_WRITER_WORD, "|".join(("on", "of", "in", "from", "about", "for", "to", "with", "at", "as",
                                                       "and", "or", "after", "toward", "towards", "regarding", "that"))))
# ...what a writer holds that a byline does state: their name (general English)
_BYLINE_HELD = {"name", "names", "identity", "article", "articles", "piece", "pieces", "byline", "bylines"}
# "what word does the SCMP writer use…", "what did the author of the RS piece make of…": the writer as the subject of a
# verb (after an auxiliary, not a verb of being: "who are the authors of the piece saying X?" asks for them; an adverb
# may sit between) other than one of writing or of where they work
_WRITER_DOES = re.compile(r"\b(?:do|does|did|has|have|had|will|would|can|could|might)\s+the\s+"
                          r"(?:[\w.\-&']+\s+){0,4}?%s%s\s+(?:[a-z]+ly\s+|also\s+|still\s+|even\s+)?([a-z]+)\b"
                          % (_WRITER_WORD, _OF_ARTICLE))
# ...a verb a byline answers (writing, publishing, where the writer works: "where does the RS writer work?" says "not
# stated" when no writer is named), or a word that is no verb at all ("is the RS writer from…")
_BYLINE_VERBS = {"write", "writes", "wrote", "written", "writing", "publish", "publishes", "published", "pen", "penned",
                 "author", "authored", "work", "works", "worked", "working", "based", "employed", "teach", "teaches",
                 "named", "called", "known", "go", "goes", "do", "from", "of", "in", "on", "at", "with", "for", "by",
                 "and", "or", "who", "that", "the", "a", "an", "to", "as"}
# A question asking for a person: "who did the RS writer meet?"
_ASKS_WHO = re.compile(LEAD + r"(?:who|whom|whose)\b")


def writer_holds_other(q: str) -> bool:
    """Does the question ask what an article's writer holds or does other than their byline: their impression, view or
    take, or what they use, give or make of something?

    WHY: "writer" and "author" make a question about an article's byline only when the writer is who is asked for
    ("who is the author…", "what's the author's name?"); as the one whose impression, wording or act is asked, the
    writer only says whose account it is, as "what does the RS writer argue?" does.

    >>> writer_holds_other("what was the harbour writer's impression from the talks?"), writer_holds_other("what's the harbour author's name?")
    (True, False)
    >>> writer_holds_other("what word does the harbour writer use for it?"), writer_holds_other("where does the harbour writer work?")
    (True, False)
    >>> writer_holds_other("what term does the author of the harbour piece use?"), writer_holds_other("who is the author of the harbour piece?")
    (True, False)
    >>> writer_holds_other("when was the harbour author's article published?"), writer_holds_other("who did the harbour writer meet?")
    (False, False)
    """
    q = q.lower().replace("\u2019", "'")
    if _ASKS_WHO.match(q):
        return False  # a person is asked for, and the one person a byline holds is the writer ("who did the writer meet?")
    held = _WRITERS_THING.search(q)
    does = _WRITER_DOES.search(q)
    return bool(held and not set(held.group(1).split()) & (_BYLINE_HELD | _BYLINE_VERBS)) \
        or bool(does and does.group(1) not in _BYLINE_VERBS)


# "the idea behind using X", "the reason behind the cut": "behind" something other than an article asks what lies
# under it, not who is behind the article ("who is behind the harbour piece?")
_BEHIND_OTHER = re.compile(r"\bbehind\b(?!\s+(?:(?:the|that|this|these|those|her|his|their)\s+)?(?:(?!(?:in|of|on|about|from|at|"
                           r"by|with|for)\b)[\w.\-&']+\s+){0,4}?(?:%s)s?\b)" % "|".join(sorted(ARTICLE_WORDS - {"op", "ed"})))


def is_about_articles(q: str) -> bool:
    """Does the question ask for an article's byline facts (author, outlet, date, headline) rather than its content?

    >>> is_about_articles("Who wrote the SCMP piece?"), is_about_articles("What did the authors of the ChinaFile piece argue?")
    (True, False)
    >>> is_about_articles("what's the headline of the csis one"), is_about_articles("When was it renewed?")
    (True, False)
    >>> is_about_articles("who penned the scmp article about the renewal"), is_about_articles("who was quoted in the article")
    (True, False)
    >>> is_about_articles("what's ann lee's job title?"), is_about_articles("what's the title of ann lee's piece?")
    (False, True)
    >>> is_about_articles("what did the harbour piece's writer hear in Oslo?")
    False
    >>> is_about_articles("who is the author of the piece that mentions the ferry?")
    True
    >>> is_about_articles("how does the piece written before the vote differ from the ones written after it?")
    False
    >>> is_about_articles("when was the piece written?"), is_about_articles("who wrote the piece published after the vote?")
    (True, True)
    >>> is_about_articles("who wrote the piece on the new pier that argues it failed?")
    True
    >>> is_about_articles("where is the pier piece from?"), is_about_articles("where is the pier from?")
    (True, False)
    >>> is_about_articles("which firms does the pier piece name?"), is_about_articles("what is the pier piece named?")
    (False, True)
    >>> is_about_articles("can pilots from both ports still publish papers together?")
    False
    """
    q = asked_part(q)
    if _PUBLISH_WORK.search(q.lower()):
        return False  # research published, not the article's byline
    words = set(re.findall(r"[a-z]+(?:-[a-z]+)*", _BEHIND_OTHER.sub(" ", _PERSONS_TITLE.sub(" ", _WRITTEN_WHEN.sub(" ", q.lower())))))
    if _WHO_DID_ARTICLE.search(q.lower()) or _HOW_OLD.match(q.lower()) or asks_where_from(q):
        return True  # "who <did> the … article", "how old is the … piece", "where is it from": the article is asked about
    if counted_things(q) - META_STEMS:
        return False  # "how many papers do scientists publish?": a byline holds no count, unless of its own fields
    if _ARTICLE_NAMES.search(q.lower()) or kinds_of_content(q):
        return False  # "what kinds of tech does the SCMP article name?": what it names is its content
    if (CONTENT_VERBS.search(_DESCRIBED.sub(r"\1", q.lower())) or writer_holds_other(q)) \
            and not words & {"wrote", "written", "write", "headline", "title", "titled"} - {"write"}:
        return False
    return bool(words & META_WORDS) or bool(words & META_WEAK and words & ARTICLE_WORDS)


# The whole collection asked about: "which outlets are these articles from?", "who wrote all the pieces?", "how many
# articles are there?" (a plural word for the articles after a word taking them all; general English)
_EVERY_ARTICLE = re.compile(r"\b(?:these|those|the|all(?:\s+(?:of\s+)?the)?|your|both)\s+(?:\w+\s+)?(?:articles|pieces|stories|"
                            r"essays|reports|op-eds|sources)\b|\b(?:each|every)\s+(?:one\s+of\s+the\s+)?(?:article|piece|"
                            r"story|essay|report|op-ed|source)s?\b")
# ...counted as the collection, not as a thing's parts ("how many articles does the treaty's text contain?")
_HOW_MANY_ARTICLES = re.compile(r"\bhow\s+many\s+(?:news\s+)?(?:articles|pieces|stories|essays|reports|op-eds|sources)\s*"
                                r"(?:$|\?|(?:are|were)\s+(?:there|here|in\s+(?:here|this|the)\b)|(?:do|did)\s+you\s+"
                                r"(?:have|use|read|know)\b|have\s+you\s+got\b|(?:is|are)\s+(?:this|it)\s+based\s+on\b)")
# "which of these articles…?" asks to pick one of them, not a fact of each
_ONE_OF_THEM = re.compile(r"\b(?:which|what|any|one|none|either|neither)\s+(?:one\s+)?of\s+(?:these|those|the|all)\b")


def asks_every_article(q: str) -> bool:
    """Does a question ask a byline fact of every article, or how many there are?

    >>> asks_every_article("which outlets are these articles from?"), asks_every_article("how many articles are there?")
    (True, True)
    >>> asks_every_article("who wrote each piece?"), asks_every_article("who wrote the scmp piece?")
    (True, False)
    >>> asks_every_article("which of these articles was written first?")  # one of them is asked for
    False
    >>> asks_every_article("how many articles does the treaty's text contain?")  # articles of a treaty
    False
    """
    q = q.lower()
    return not _ONE_OF_THEM.search(q) and bool(_EVERY_ARTICLE.search(q) or _HOW_MANY_ARTICLES.search(q))


def counts_articles(q: str) -> bool:
    """ "How many articles are there?": the number of articles is asked.

    >>> counts_articles("how many articles are there?"), counts_articles("which outlets are these articles from?")
    (True, False)
    """
    return bool(_HOW_MANY_ARTICLES.search(q.lower()))

