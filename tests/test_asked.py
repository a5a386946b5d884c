"""Is the asked thing there for *this* question: a person for "which official…", a count that is no year,
a name from the question's own year. Invented sentences only."""

import pytest

from rag.evidence import candidates
from rag.lexicon import Lexicon
from rag.persons import asks_person, names_person
from rag.asked import question_type
from rag.query import Query
from rag.schema import Passage
from rag.scope import dated_elsewhere, has_quantity
from rag.text import terms


@pytest.mark.parametrize("q,expected", [
    ("which port official signed the 2015 lease?", True), ("who were the chief negotiators of the lease?", True),
    ("what's the name of the harbour official who approved it", True), ("which two mayors opened the bridge?", True),
    ("which official argued the lease was unfair?", False),  # a view: credited to the writer, see rag.bylines
    ("which official stressed the lease was unfair?", False),  # any verb of saying in rag.rules.SAID
    ("who signed the 2015 lease?", True), ("who led the city's team in the talks?", True),
    ("which agency runs the port?", False), ("who hired the engineers?", False),
    ("during which governor's term was the dock built?", False),  # asks for the term, not the governor
    ("which harbour lawmaker led the push for a toll?", True),  # one member of a group, by name
    ("which harbour lawmakers pushed for a toll?", False),  # the group itself may answer
])
def test_a_role_asked_for_wants_a_person(q, expected):
    assert asks_person(q) is expected


@pytest.mark.parametrize("text,expected", [
    ("The lease was signed by Mayor Ann Berg and governor Tor Lund.", True),
    ("Dr Lee reviewed the plans.", True),
    ("Lee and Park's essay was reprinted.", False),  # writers, not office holders
    ("Oslo and Bergen renewed the lease in Tromso.", False),
    ("The Harbor Office stressed that the lease protects fishermen.", False),
])
def test_a_person_is_named_by_a_title_or_role(text, expected):
    assert names_person(text) is expected


def test_a_sentence_dated_to_another_year_tells_of_another_event():
    assert dated_elsewhere("who signed the 2015 lease?", "It was first signed in 1990 by Mayor Berg.")
    assert not dated_elsewhere("who signed the 2015 lease?", "In 2015 and 1990 it was signed by Mayor Berg.")
    assert not dated_elsewhere("who signed it?", "It was first signed in 1990 by Mayor Berg.")


def test_a_sentence_on_the_other_version_tells_of_another_event():
    from rag.heldfor import held_for_question
    from rag.query import Query
    from rag.scope import era_of
    text = "where was the original lease signed?"
    q = Query(asked=text, resolved=text, text=text, terms=[], qtype="place", era=era_of(text))
    assert held_for_question(1.0, "The revised lease was signed in Oslo.", q, set()) == 0.0
    assert held_for_question(1.0, "The lease, first drafted in 1990, was signed in Oslo.", q, set()) == 1.0
    assert era_of("where was the renewed lease signed?") == "later" and era_of("where was it signed?") == ""


def test_a_year_or_a_date_is_no_amount():
    assert not has_quantity("The 2015 revision was signed on March 3, 2016.")
    assert has_quantity("The council voted 7 to 2.") and has_quantity("Nine ferries were added in 2015.")


@pytest.mark.parametrize("q,qtype", [
    ("what was the ballot count when the council met?", "number"), ("what is the total cost of the bridge?", "number"),
    ("what is the date of the vote?", "date"), ("what is the purpose of the lease?", None),
    ("the port board was modelled on which city agency?", "name"), ("the ferries were moved to which city?", "place"),
])
def test_the_noun_after_what_is_the_names_the_kind_of_answer(q, qtype):
    assert question_type(q) == qtype


def _lexicon(texts):
    ps = [Passage(chunk_id=f"d{i}:0", doc_id=f"d{i}", text=t, start=0, end=len(t), sentences=[(0, len(t))], title="",
                  outlet="", authors=[], date="", url="", kind="body") for i, t in enumerate(texts)]
    return Lexicon.build(ps, [""] * len(ps)), ps


def test_for_a_role_a_place_is_no_answer_and_a_titled_name_from_another_year_is_none_either():
    lex, ps = _lexicon(["In 2015 the lease was renewed by Oslo and Bergen.",
                        "The lease was first signed in 1990 by mayor Ann Berg."])
    text = "which port official signed the 2015 lease?"
    q = Query(asked=text, resolved=text, text=text, terms=terms(text), qtype="name", person=True)
    cands = candidates(q, ps, lex, set(), {t: lex.idf(t) for t in q.terms})
    assert [c.typed for c in cands] == [0.0, 0.0]
    q.text = q.asked = "which port official first signed the lease?"
    assert max(c.typed for c in candidates(q, ps, lex, set(), {t: 1.0 for t in q.terms})) == 1.0


@pytest.mark.parametrize("q,expected", [
    ("what did the port's harbour officials say about the lease?", "offici"), ("how did the mayor react to it?", "mayor"),
    ("what did the ministry actually say?", "ministri"), ("what does it say about ferries?", ""),
    ("what did the article argue?", ""), ("what is the lease about?", ""),
    # a body named with "of": its head is the body, before the words completing its name
    ("what did norway's ministry of sea works say about the lease?", "ministri"),
    ("what did the head of the port say?", "port"),
])
def test_the_speaker_of_a_what_did_they_say_question(q, expected):
    from rag.about_articles import META_STEMS
    from rag.persons import speaker
    assert speaker(q, META_STEMS) == expected


def test_a_sentence_on_the_topic_that_names_no_such_speaker_does_not_tell_what_they_said():
    from rag.abstain import Evidence, Unknown, abstain_reason
    ev = Evidence(Unknown([], [], []), 0.0, 0.6, 0.6, 0.6, spoken=False)
    assert abstain_reason(ev) == "speaker_absent"
    ev.spoken = True
    assert abstain_reason(ev) == ""


def test_a_ranking_question_needs_a_sentence_that_ranks():
    from rag.abstain import Evidence, Unknown, abstain_reason
    from rag.scope import asks_ranking, ranks
    assert asks_ranking("which harbours get the most ferries?") and not asks_ranking("what are the most urgent repairs?")
    assert ranks("Bergen is the busiest port, ahead of Oslo.") and not ranks("Bergen and Oslo get ferries.")
    ev = Evidence(Unknown([], [], []), 0.0, 0.6, 0.6, 0.6, ranked=False)
    assert abstain_reason(ev) == "no_ranking"


def test_the_most_after_a_verb_of_having_asks_a_ranking_whatever_follows():
    from rag.scope import asks_ranking
    assert asks_ranking("which harbours have the most modern berths under the lease?")
    assert asks_ranking("which port has the most big ferries?") and not asks_ranking("what are the most modern berths?")


@pytest.mark.parametrize("q,expected", [
    ("did the harbour committee approve the lease?", "committe"), ("have the city's lawmakers voted on it?", "lawmak"),
    ("did the mayor's office sign it?", ""), ("was the lease signed in 2015?", ""),
    ("does the lease require port agencies to share boats?", ""),  # the agencies are the object, not the subject
    # a pair of parties, which the articles name by their own names ("Oslo and Bergen renewed it")
    ("did the two companies renew the lease?", ""), ("did both ministries sign it?", ""),
])
def test_the_actor_of_a_yes_no_question_is_the_person_or_body_it_opens_with(q, expected):
    from rag.persons import actor
    assert actor(q) == expected



@pytest.mark.parametrize("q,expected", [
    ("where does the author of the Bay Times op-ed on the lease work?", "where does Ann Lee work?"),
    ("who does the Bay Times writer work for?", "who does Ann Lee work for?"),
    ("where is the Bay Times author based?", "where is Ann Lee based?"),
    ("where does the woman who wrote the Bay Times piece work", "where does Ann Lee work"),  # described, not called one
    ("where is the man that penned the Bay Times op-ed based?", "where is Ann Lee based?"),
    ("who wrote the Bay Times piece?", "who wrote the Bay Times piece?"),  # a byline question stays one
    ("what does the Bay Times author argue?", "what does the Bay Times author argue?"),  # what the article says
    ("where does the author of the Dock News piece work?", "where does the author of the Dock News piece work?"),  # no byline
])
def test_where_an_articles_writer_works_is_asked_of_the_writer_by_name(q, expected):
    from rag.persons import writer_as_person
    assert writer_as_person(q, lambda s: ["Ann Lee"] if "bay times" in s.lower() else []) == expected

def test_on_what_date_a_month_alone_narrows_it_down_and_the_day_wins():
    from rag.answering import _prefer_typed
    lex, ps = _lexicon(["In May 2015 the ferry lease was renewed by the port.", "Finally, on May 3, it was signed."])
    text = "what day in 2015 was the ferry lease renewed?"
    q = Query(asked=text, resolved=text, text=text, terms=terms(text), qtype="date", day=True)
    cands = candidates(q, ps, lex, set(), {t: lex.idf(t) for t in q.terms})
    typed = {c.text[:6]: c.typed for c in cands}
    assert typed == {"In May": 0.5, "Finall": 1.0}
    cands.sort(key=lambda c: c.typed)  # the month-only sentence first, as when it scores best
    cands[0].score, cands[1].score = 1.0, 0.9
    assert _prefer_typed(cands, q).text.startswith("Finally")


def test_what_a_sentence_holds_for_this_question():
    from rag.heldfor import held_for_question
    text = "what was the ballot count on the 2015 lease?"
    q = Query(asked=text, resolved=text, text=text, terms=terms(text), qtype="number")
    assert held_for_question(1.0, "The 2015 lease was a fresh start.", q, set()) == 0.0  # a year is no count
    assert held_for_question(1.0, "In 2015 the council voted 7 to 2 for the lease.", q, set()) == 1.0
    assert held_for_question(1.0, "In 1990 the council voted 7 to 2 for the lease.", q, set()) == 0.0  # another lease


def test_a_sentence_opening_with_a_pronoun_is_dated_by_the_one_before_it():
    text = "First signed in 1990, the lease set up a board. It has approved nearly 100 berths. The port grew."
    spans = [(0, 47), (48, 82), (83, len(text))]
    ps = [Passage(chunk_id="d0:0", doc_id="d0", text=text, start=0, end=len(text), sentences=spans, title="",
                  outlet="", authors=[], date="", url="", kind="body")]
    lex = Lexicon.build(ps, [""])
    q = "how many berths came out of the 2015 renewal?"
    query = Query(asked=q, resolved=q, text=q, terms=terms(q), qtype="number", count_target={"berth"})
    cands = {c.text: c for c in candidates(query, ps, lex, {"berth"}, {t: lex.idf(t) for t in query.terms})}
    assert cands["It has approved nearly 100 berths."].typed == 0.0  # berths since 1990, not the 2015 renewal's
    q = "how many berths has the lease approved?"
    query = Query(asked=q, resolved=q, text=q, terms=terms(q), qtype="number", count_target={"berth"})
    cands = {c.text: c for c in candidates(query, ps, lex, {"berth"}, {t: lex.idf(t) for t in query.terms})}
    assert cands["It has approved nearly 100 berths."].typed == 1.0
    from types import SimpleNamespace
    from rag.heldfor import dating_text
    own = SimpleNamespace(text="It approved 40 berths in 2015.", start=48, passage=ps[0])
    assert dating_text(own) == own.text  # a year of its own dates it


def test_how_it_works_credits_the_sentence_telling_the_means_not_the_one_telling_a_cause():
    lex, ps = _lexicon(["The ferry pool works by sharing boats between the islands.",
                        "The ferry pool was founded amid fears of a glut."])
    text = "how does the ferry pool work?"
    q = Query(asked=text, resolved=text, text=text, terms=terms(text), intent="why")
    typed = {c.text[:20]: c.typed for c in candidates(q, ps, lex, set(), {t: lex.idf(t) for t in q.terms})}
    assert typed == {"The ferry pool works": 1.0, "The ferry pool was f": 0.0}


def test_the_body_a_person_is_from_is_where_they_work_not_any_name():
    assert question_type("what organization is Ann Berg from?") == "place"
    assert question_type("which institution do the two writers work for?") == "place"
    assert question_type("what organization signed the lease?") == "name"
    lex, ps = _lexicon(["Ann is the Director of the Center for Harbor Studies.",
                        "This is an excerpt from Ann Berg's essay co-published by Harbor Post and Dock Weekly."])
    text = "what organization is Ann Berg from?"
    q = Query(asked=text, resolved=text, text=text, terms=terms(text), qtype=question_type(text))
    typed = {c.text[:12]: c.typed for c in candidates(q, ps, lex, set(), {t: lex.idf(t) for t in q.terms})}
    assert typed == {"Ann is the D": 1.0, "This is an e": 0.0}  # the outlets that published her are no body she is from


def test_how_long_something_has_lasted_up_to_now_is_told_by_the_year_it_began():
    from rag.wants import asks_age_now
    lex, ps = _lexicon(["The ferry pool, first signed in 1990, was renewed in 2015.", "The ferry pool runs daily."])
    for text, began in (("how long has the ferry pool been around?", 1.0), ("how long did the ferry pool last?", 0.0)):
        q = Query(asked=text, resolved=text, text=text, terms=terms(text), qtype="duration", age_now=asks_age_now(text))
        typed = {c.text[:18]: c.typed for c in candidates(q, ps, lex, set(), {t: lex.idf(t) for t in q.terms})}
        assert typed == {"The ferry pool, fi": began, "The ferry pool run": 0.0}


def test_when_it_all_started_is_told_by_the_year_it_began_not_by_a_later_date():
    from rag.query import understand
    lex, ps = _lexicon(["The ferry pool was renewed in May 2015.", "The ferry pool, first signed in 1990, runs daily."])
    q = understand("what year did it all start?", "what year did it all start?", lex)
    assert q.qtype == "date" and q.origin
    typed = {c.text[:18]: c.typed for c in candidates(q, ps, lex, set(), {t: lex.idf(t) for t in q.terms})}
    assert typed == {"The ferry pool was": 0.0, "The ferry pool, fi": 1.0}  # a renewal's date is a later event's
    named = understand("when did the renewed ferry pool start?", "when did the renewed ferry pool start?", lex)
    assert not named.origin  # the start of one version of it, which its own date tells


def test_how_many_times_counts_occurrences_answered_by_twice_not_by_any_number():
    from rag.query import understand
    lex, ps = _lexicon(["The two towns signed the ferry deal in 2015.", "The ferry deal was twice extended by six months."])
    text = "how many times did they extend the ferry deal?"
    q = understand(text, text, lex)
    assert q.frequency and not q.count_target and not q.counted  # "times" is no thing the articles must name
    cands = candidates(q, ps, lex, set(), {t: lex.idf(t) for t in q.terms})
    typed = {c.text: c.typed for c in cands}
    assert typed == {ps[0].text: 0.0, ps[1].text: 1.0}  # "the two towns" counts no occurrence


def test_whether_the_document_tells_of_a_thing_needs_a_sentence_naming_both():
    from rag.abstain import Evidence, Unknown, abstain_reason
    from rag.scope import DOCUMENT_STEMS, told_in_document
    assert told_in_document("does the harbour pact say anything about ferries?") == "ferries"
    assert told_in_document("does the lease mention berths?") == ""  # not a word the articles call their document by
    assert {"pact", "agreement"} <= DOCUMENT_STEMS
    ev = Evidence(Unknown([], [], []), 0.0, 0.6, 0.6, 0.6, told=False)  # "ferries and fares were the talks' issues"
    assert abstain_reason(ev) == "not_in_document"


def test_what_a_named_writer_sees_is_heard_from_her_article_and_not_from_her_bio():
    from rag.about_articles import asks_their_account
    from rag.answering import select
    texts = [("d0", "Dr Ann Lee is a professor of harbour studies at the Bay Institute.", ["Ann Lee"]),
             ("d0", "Walling the ferries off from the barges risks splitting the harbour into rival camps.", ["Ann Lee"]),
             ("d1", "The main risk Bo Park sees for the harbour is a ferry strike.", ["Bo Park"])]
    ps = [Passage(chunk_id=f"{d}:{i}", doc_id=d, text=t, start=100 * i, end=100 * i + len(t), sentences=[(0, len(t))],
                  title="", outlet="", authors=a, date="", url="", kind="body") for i, (d, t, a) in enumerate(texts)]
    lex = Lexicon.build(ps, [""] * len(ps))
    text = "what risk does ann lee see in walling off the ferries?"
    assert asks_their_account(text) and not asks_their_account("where does ann lee work?")
    q = Query(asked=text, resolved=text, text=text, terms=terms(text), named_docs={"d0"}, account=True)
    for p in ps:
        p.sims = {0: 0.5}  # alike in meaning: the words and the article decide
    d = select(q, ps, lex)
    assert [c.text[:10] for c in d.sentences] == ["Walling th"]  # not the other writer's risk
    w = {t: lex.idf(t) for t in q.terms}
    bio = {a: [c.score for c in candidates(Query(asked=text, resolved=text, text=text, terms=terms(text),
                                                 named_docs={"d0"}, account=a), ps, lex, set(), w)
               if c.text.startswith("Dr")][0] for a in (True, False)}
    assert bio[True] < 0.6 * bio[False]  # her bio tells who she is, not what she sees



def test_where_a_matter_is_heading_is_told_by_a_sentence_saying_it_changed_course():
    from rag.query import understand
    lex, ps = _lexicon(["The port ties have shifted from open trade toward guarded deals.",
                        "The port ties have direct links to the ferry crews."])
    text = "what's the overall direction of the port ties?"
    q = understand(text, text, lex)
    assert q.trend and q.intent == "overview"  # the matter's course, not a fact about it
    assert "direct" not in q.terms and "overal" not in q.terms  # "direct links" is no answer to "direction"
    typed = {c.text: c.typed for c in candidates(q, ps, lex, set(), {t: lex.idf(t) for t in q.terms})}
    assert typed == {ps[0].text: 1.0, ps[1].text: 0.0}
    plain = understand("how are the port ties these days?", "how are the port ties these days?", lex)
    assert not plain.trend  # "these days" dates a state; it asks no course


def test_which_kind_of_body_is_not_answered_by_a_country_or_its_adjective():
    """"which US universities…?" asks for universities by name: "China", "the United States" or "Chinese universities"
    name whose they are, not which ones; a "which country…?" question is still answered by a country."""
    from rag.asked import asks_member
    from rag.evidence import shares_beyond_places
    from rag.places import is_demonym, names_place
    from rag.rules import has_new
    assert asks_member("which us universities take part?") and asks_member("who in the harbour government praised it?")
    assert not asks_member("which country gains more?") and not asks_member("who benefits?")
    assert is_demonym("Chinese") and is_demonym("European") and not is_demonym("Carter") and not is_demonym("Japan")
    assert names_place("united states") and not names_place("state department")
    s = "It ties Japanese universities to the United States and Japan."
    assert has_new("name", s, "which universities joined?")
    assert not has_new("name", s, "which universities joined?", places=False)
    assert has_new("name", "It ties Japan to the Oslo Institute of Ports.", "which universities joined?", places=False)
    assert not shares_beyond_places({"us", "congress"}, {"us": 1.0, "universiti": 2.0})
    assert shares_beyond_places({"us", "universiti"}, {"us": 1.0, "universiti": 2.0})


def test_a_ranking_sentence_must_be_close_to_the_top_sentence_not_to_a_name_led_from_below():
    from types import SimpleNamespace as C
    from rag.scope import ranked_near_top
    cands = [C(score=0.55, text="Oslo opened a port."), C(score=0.65, text="Ports get ferries."),
             C(score=0.5, text="The leading firms hire.")]
    assert not ranked_near_top(cands, 0.8)  # within 0.8 of the named leader (0.55), not of the top (0.65)
    assert ranked_near_top(cands[:2] + [C(score=0.6, text="The leading firms hire.")], 0.8)


def test_how_old_is_answered_by_an_age_not_by_a_span_of_what_was_done_under_it():
    from rag.wants import asks_age
    from rag.scope import tells_age
    assert asks_age("how old was the lease when the harbour piece was written?") and not asks_age("how long did talks last?")
    assert tells_age("The lease is a 45-year-old cornerstone of the port.") and tells_age("It is now ten years old.")
    assert not tells_age("Over the initial four decades of the lease, trade grew.")


def test_a_sentence_that_only_names_the_speaker_does_not_tell_what_they_said():
    from rag.evidence import voiced
    from rag.persons import asks_words
    from candkit import cands, query
    named, quoted = cands("port", ["The lease was signed in 1979 by the mayor and the governor.",
                                   "The mayor said the lease would bring ferries back."])
    said = query("what did the mayor say at the signing?", speaker="mayor", words=asks_words("what did the mayor say?"))
    assert said.words and not voiced(said, named) and voiced(said, quoted)
    # "what did the mayor think…": a view, which a sentence naming the mayor may tell without a verb of saying
    thought = query("what did the mayor think of the lease?", speaker="mayor", words=asks_words("what did the mayor think?"))
    assert not thought.words and voiced(thought, named)


def test_the_people_acting_for_someone_are_asked_about_by_that_someone():
    from rag.persons import actor
    # "the mayor's people" are named by the mayor in the articles ("the mayor's office"), not by "people"
    assert actor("did the mayor's people want to cut ties?") == "mayor"
    assert actor("did the harbour committee approve it?") == "committe"  # a body, its own actor


def test_a_sentence_setting_the_asked_thing_aside_does_not_match_it():
    # "Beyond the harbour board, the town has scrutinised the ferry crews" is about what lies beyond the board: the
    # board's words in its opening do not make it an answer to "why does the harbour board want the lease scrapped?"
    lex, ps = _lexicon(["Beyond the harbour board, the town has scrutinised the ferry crews.",
                        "The harbour board called the lease a loss for the town."])
    text = "why does the harbour board want the lease scrapped?"
    q = Query(asked=text, resolved=text, text=text, terms=terms(text), intent="why")
    cands = {c.text[:6]: c for c in candidates(q, ps, lex, set(), {t: 1.0 for t in q.terms})}
    assert cands["Beyond"].overlap == 0.0 and cands["The ha"].overlap > 0
    # a follow-up echoing the sentence's own words ("what did that lead to?" resolved on it) still matches them
    q.asked = "what did that lead to?"
    assert {c.text[:6]: c for c in candidates(q, ps, lex, set(), {t: 1.0 for t in q.terms})}["Beyond"].overlap > 0


def test_why_not_is_answered_by_the_sentence_correcting_the_premise():
    # "why isn't the lease dead yet?" is answered by "the lease is not obsolete, but rather in transformation", which
    # holds no cause word; for "why is the lease dead?" the correction is no cause
    from rag.wants import asks_why_not
    assert asks_why_not("why does the port piece think the lease isnt dead yet") and asks_why_not("how come it's not over?")
    assert not asks_why_not("why is the lease dead?") and not asks_why_not("is the lease not dead?")
    lex, ps = _lexicon(["The lease is not obsolete, but rather in a state of transformation.", "The lease was signed in 1990."])
    text = "why isn't the lease obsolete yet?"
    q = Query(asked=text, resolved=text, text=text, terms=terms(text), intent="why", why_not=True)
    typed = {c.text[:18]: c.typed for c in candidates(q, ps, lex, set(), {t: 1.0 for t in q.terms})}
    assert typed["The lease is not o"] == 1.0 and typed["The lease was sign"] == 0.0
    q.why_not = False
    typed = {c.text[:18]: c.typed for c in candidates(q, ps, lex, set(), {t: 1.0 for t in q.terms})}
    assert typed["The lease is not o"] == 0.0


def test_a_follow_ups_own_question_sets_what_is_asked_not_the_earlier_one_read_with_it():
    # "how many times…" of the earlier question asks a frequency; the follow-up itself asks a length
    from rag.asked import own_ask

    q = "and how long was each one (how many times did the ferry deal get extended)?"
    assert own_ask(q) == "and how long was each one?"
    assert own_ask("and before 2020 (how many times was it extended)?") == "and before 2020 (how many times was it extended)?"


def test_a_follow_up_asking_a_length_is_no_frequency_question():
    from rag.asked import own_ask
    from rag.wants import asks_frequency

    q = "and how long was each one (how many times did the ferry deal get extended)?"
    assert asks_frequency(q) and not asks_frequency(own_ask(q))


def test_a_statement_ending_in_an_acronym_still_sets_the_scene():
    """"The harbour piece hoped for work on AI. Is that what the plan did?": the statement ends in capitals, as an
    acronym does; "U.S." and "Dr." are no sentence ends."""
    from rag.asked import question_sentence
    assert question_sentence("The harbour piece hoped for work on AI. Is that what the plan did?") == "Is that what the plan did?"
    assert question_sentence("Did the U.S. sign it?") == "Did the U.S. sign it?"
    assert question_sentence("Did Dr. Berg sign it?") == "Did Dr. Berg sign it?"
