"""Sentence scoring on a tiny hand-made passage: how word overlap and closeness in meaning are weighed."""

from rag.evidence import candidates
from rag.query import Query
from rag.schema import Passage
from rag.text import terms


class _Lexicon:
    def sentence_terms(self, text: str) -> frozenset:
        return frozenset(terms(text))

    def common(self, word: str) -> bool:
        return True

    def known(self, term: str) -> bool:
        return True


def _passage(sentences: list[str], sims: list[float]) -> Passage:
    text, spans, at = "", [], 0
    for s in sentences:
        spans.append((at, at + len(s)))
        text += s + " "
        at += len(s) + 1
    return Passage(chunk_id="a:0", doc_id="a", text=text, start=0, end=len(text), sentences=spans, title="",
                   outlet="", authors=[], date="", url="", kind="body", score=1.0,
                   sims={a: sim for (a, _), sim in zip(spans, sims)})


def _ranked(question: str, intent: str, weights: dict[str, float]) -> list[str]:
    p = _passage(["The ferry plan for the harbour was on the agenda again.",
                  "Officials fear smuggling by visiting crews."], [0.3, 0.7])
    q = Query(asked=question, resolved=question, text=question, terms=terms(question), intent=intent)
    return [c.text for c in candidates(q, [p], _Lexicon(), set(), weights)]


def test_a_question_of_only_common_words_is_ranked_by_meaning_more_than_by_its_words():
    # "ferry" and "harbour" weigh little (every article names them): holding both says little of what is asked
    light = {"ferri": 0.8, "harbour": 0.7}
    assert _ranked("what are the big worries about the ferry harbour?", "overview", light)[0].startswith("Officials")
    # a question of weightier terms keeps the sentence holding them first
    heavy = {"ferri": 3.0, "harbour": 3.0}
    assert _ranked("what are the big worries about the ferry harbour?", "overview", heavy)[0].startswith("The ferry")


def test_why_questions_keep_full_word_overlap():
    light = {"ferri": 0.8, "harbour": 0.7}
    assert _ranked("why was the ferry harbour plan on the agenda?", "why", light)[0].startswith("The ferry")


def test_a_limited_to_question_ranks_the_sentence_confining_the_thing_over_one_naming_it():
    # "recent versions of the lease…" holds the question's words; the answer confines the lease in its own words
    p = _passage(["Recent versions of the lease have raised the fees.",
                  "The updated lease covers cargo ferries exclusively."], [0.45, 0.42])
    question = "what kind of boats is the new version of the lease limited to?"
    q = Query(asked=question, resolved=question, text=question, terms=terms(question), intent="fact", limit=True)
    weights = {"boat": 1.0, "new": 1.0, "version": 2.0, "leas": 1.0, "limit": 1.5}
    assert candidates(q, [p], _Lexicon(), set(), weights)[0].text.startswith("The updated lease")


def test_a_why_is_it_hard_question_credits_the_sentence_naming_the_difficulty():
    p = _passage(["Cargo checks at the harbour were tightened last year.",
                  "The harbour faces the ongoing challenge of telling food from contraband."], [0.45, 0.42])
    question = "why is it so hard to tell which harbour cargo is safe?"
    q = Query(asked=question, resolved=question, text=question, terms=terms(question), intent="why")
    weights = {"hard": 1.0, "tell": 1.0, "harbour": 1.0, "cargo": 2.0, "safe": 1.5}
    assert candidates(q, [p], _Lexicon(), set(), weights)[0].text.startswith("The harbour faces")


def test_a_what_was_special_question_ranks_the_sentence_calling_it_the_first_of_its_kind_first():
    p = _passage(["The lease, first signed long ago, was renewed in the first term of each mayor.",
                  "The lease was the first major deal after the war."], [0.45, 0.42])
    question = "what was special about the harbour lease back when it was first signed?"
    q = Query(asked=question, resolved=question, text=question, terms=terms(question), intent="fact", distinction=True)
    weights = {"special": 1.0, "harbour": 1.0, "leas": 1.0, "back": 1.0, "first": 1.0, "sign": 1.0}
    assert candidates(q, [p], _Lexicon(), set(), weights)[0].text.startswith("The lease was the first")


def test_a_feared_outcome_question_ranks_the_sentence_telling_what_may_come_first():
    p = _passage(["The picky approach was set last year.",
                  "It also risks hardening rival camps across the harbour."], [0.45, 0.42])
    question = "what does the harbour piece fear this picky approach could split the port into?"
    q = Query(asked=question, resolved=question, text=question, terms=terms(question), intent="fact", feared=True)
    weights = {"harbour": 1.0, "fear": 1.0, "picki": 1.0, "approach": 1.0, "split": 1.0, "port": 1.0}
    assert candidates(q, [p], _Lexicon(), set(), weights)[0].text.startswith("It also risks")


def test_a_why_could_it_backfire_question_credits_the_sentence_telling_the_risked_outcome():
    p = _passage(["Amid security worries, the timetable was adopted by the port.",
                  "It also risks hardening rival camps across the harbour."], [0.42, 0.45])
    question = "why does Ann Lee think the walled-off timetable could backfire?"
    q = Query(asked=question, resolved=question, text=question, terms=terms(question), intent="why", feared=True)
    weights = {"ann": 1.0, "lee": 1.0, "think": 1.0, "wall": 1.0, "timet": 1.0, "backfir": 1.0}
    assert candidates(q, [p], _Lexicon(), set(), weights)[0].text.startswith("It also risks")


def test_a_how_often_question_credits_the_sentence_stating_a_recurrence():
    # the first holds "often" and "historically"; the answer states the recurrence in its own words
    p = _passage(["Ferries have historically often crossed in storms.",
                  "The two towns have renewed the lease roughly every five years."], [0.3, 0.45])
    question = "how often have they been renewing the lease historically?"
    q = Query(asked=question, resolved=question, text=question, terms=terms(question), intent="fact", rate=True)
    weights = {"often": 3.0, "renew": 1.0, "leas": 1.0, "histor": 3.0}
    got = candidates(q, [p], _Lexicon(), set(), weights)
    assert [c.typed for c in got if c.text.startswith("The two towns")] == [1.0]
    assert [c.typed for c in got if c.text.startswith("Ferries")] == [0.0]


def test_last_year_in_a_dated_article_holds_the_year_before_its_date():
    from rag.evidence import relative_years
    assert relative_years("Its term expired in August last year.", "2024-12-20") == {"2023"}
    assert relative_years("Its term expired in August last year.", "") == set()  # an undated piece: no year
    assert relative_years("Over the past year talks stalled.", "2024-12-20") == set()  # twelve months, not a year


def test_a_word_shared_only_with_its_modifier_form_counts_a_share():
    # "care" in the question is not what "a careful plan" speaks of; the sentence saying "care" holds it in full
    p = _passage(["A careful plan for the ferry was drawn up.", "The ferry needs care."], [0.5, 0.5])
    question = "why should the ferry get care?"
    q = Query(asked=question, resolved=question, text=question, terms=terms(question), intent="fact")
    got = {c.text: c.overlap for c in candidates(q, [p], _Lexicon(), set(), {"ferri": 1.0, "care": 1.0})}
    assert got["The ferry needs care."] == 1.0 and got["A careful plan for the ferry was drawn up."] < 1.0
    # the asker's own modifier ("carefully") is answered by the bare word in full
    question = "was the ferry planned carefully?"
    q = Query(asked=question, resolved=question, text=question, terms=terms(question), intent="fact")
    got = {c.text: c.overlap for c in candidates(q, [p], _Lexicon(), set(), {"ferri": 1.0, "care": 1.0})}
    assert got["The ferry needs care."] == 1.0
