"""Answering rules: the question, the sentence, and the expected reading (pyserini-style exact cases)."""

import pytest

from rag.conflicts import conflicting_value
from rag.polarity import negations, verdict
from rag.links import continues, is_enumeration
from rag.rules import byline_note, has_count_of, has_new


@pytest.mark.parametrize("q,sentence,expected", [
    ("Does the new deal cover AI?", "The updated agreement focuses on basic research, explicitly excluding AI.", "no"),
    # "leave out" asks about leaving out, as "exclude" does (this case once pinned "no": the verb went unread)
    ("Does the deal leave out AI?", "It focuses on basic research, excluding AI and quantum computing.", "yes"),
    ("Does the deal exclude AI?", "It focuses on basic research, excluding AI and quantum computing.", "yes"),
    # a count limited by "just"/"only" is denied by another count of the thing: "one" is a count there
    ("Did the pier get just one upgrade?", "The pier received two upgrades.", "no"),
    ("Did the pier get just one upgrade?", "The pier received one upgrade.", "yes"),
    ("Did the lease only lead to a handful of berths?", "It has enabled nearly 100 berths.", "no"),
    ("Did the lease only lead to a handful of berths?", "It has enabled five berths.", "yes"),
    ("Does the STA require cooperation?", "The STA does not mandate any cooperation.", "no"),
    ("Is the cooperation a zero-sum game?", "Cooperation is not a zero-sum game but a partnership.", "no"),
    ("Was it first signed in 1979?", "First signed in 1979 between Carter and Deng.", "yes"),
    ("Was it first signed in 1985?", "First signed in 1979 between Carter and Deng.", "no"),
    ("Does it protect researchers?", "It provides not only a protective umbrella for exchanges but also safety.", "yes"),
    ("Did House Republicans want to cancel it?", "House Republicans have called for its cancellation.", "yes"),
])
def test_verdict(q, sentence, expected):
    assert verdict(q, sentence) == expected


def test_negations_ignore_affirming_idioms():
    assert negations("There is no mistaking the tension.") == 0
    assert negations("It is not only a forum.") == 0
    assert negations("It is not a forum.") == 1
    assert negations("It is not obsolete.") == 2  # "obsolete" states an end, like "dead": "not obsolete" affirms it lives


def test_end_up_is_no_ending():
    # "did it end up renewed?" asks whether the renewal came about: "end up" denies nothing, "ended" still does
    assert negations("Did the ferry permit end up getting renewed?", verbs_only=True) == 0
    assert verdict("Did the ferry permit end up getting renewed?", "In May the port renewed the ferry permit.") == "yes"
    assert negations("The ferry permit ended in May.") == 1


def test_exclusively_affirms_what_it_names():
    # "focuses exclusively on X" says yes to X; only the excluding clause denies
    assert negations("The fund pays exclusively for ferries, excluding buses.") == 1
    assert verdict("Does the fund pay for ferries?", "The fund pays exclusively for ferries.") == "yes"
    assert verdict("Does the fund cover buses?", "The fund focuses exclusively on ferries, excluding buses.") == "no"


def test_conflicting_value():
    assert conflicting_value("Was it renewed for 10 years?", "It was renewed for 5 years.")
    assert not conflicting_value("Was it renewed in 2024?", "It was renewed in 2024.")
    assert not conflicting_value("Was it renewed?", "It was renewed in 2024.")


def test_typed_answers():
    assert has_new("date", "It was renewed on Dec. 13, 2024.", "When was it renewed?")
    assert not has_new("date", "It was renewed.", "When was it renewed?")
    assert has_new("name", "Signed by Jimmy Carter.", "Who signed it?")
    assert not has_new("name", "Cooperation matters.", "Who signed it?", common=lambda w: w.lower() == "cooperation")
    assert has_count_of("It enabled nearly 100 protocols between agencies.", {"protocol"})
    assert not has_count_of("It enabled protocols in 1979.", {"protocol"})


def test_continuation_and_lists():
    assert continues("Companies like Alibaba and ByteDance recruited engineers.")
    assert not continues("The pact was signed in 1979.")
    assert is_enumeration("It covers agriculture, clean energy, public health, and the environment.")
    assert not is_enumeration("It was renewed for five years.")


def test_attribution_names_the_article_when_the_sentence_names_no_one():
    from rag.bylines import attribution
    from rag.evidence import Candidate
    from rag.query import Query
    from rag.schema import Passage

    p = Passage(chunk_id="a:0", doc_id="a", text="The agreement is not obsolete.", start=0, end=30,
                sentences=[(0, 30)], title="T", outlet="csis.org", authors=[], date="", url="", kind="body")
    c = Candidate(0, p, 0, 30, p.text, {"agreement", "obsolet"})
    q = Query(asked="who argued it isn't obsolete", resolved="", text="who argued it isn't obsolete", qtype="name")
    assert attribution(q, [c]) == "csis.org — "
    c.typed = True  # the sentence names someone itself: no attribution needed
    assert attribution(q, [c]) == ""
    q2 = Query(asked="who signed it", resolved="", text="who signed it", qtype="name")
    assert attribution(q2, [Candidate(0, p, 0, 30, p.text, set())]) == ""
    c.typed = False  # a verb putting a name to a thing asks for the writer's words too
    q3 = Query(asked="who described it as not obsolete", resolved="", text="who described it as not obsolete", qtype="name")
    assert attribution(q3, [c]) == "csis.org — "


def test_a_place_of_work_is_a_place_unless_the_question_already_names_it():
    assert has_new("place", "She is a fellow at the Harbor Policy Institute, Oslo.", "Where does she work?")
    assert not has_new("place", "She is a fellow at the Oslo Policy Institute.", "what is the capital of oslo")
    assert has_new("place", "The talks were held in Lisbon.", "Where were the talks held?")
    # a name that opens with its kind ("the Center for …") is a workplace too
    assert has_new("place", "Ann is the director of the Center for Harbor Studies.", "Where does Ann work?")
    assert not has_new("place", "Ann runs the center for the harbor.", "Where does Ann work?")


def test_in_a_word_the_articles_write_in_lower_case_is_no_place():
    common = {"harbour", "the"}.__contains__  # words the articles also write in lower case
    assert not has_new("place", "The Accord on Cooperation in Harbour Works was signed.", "in what city was it signed?", common)
    assert has_new("place", "The Accord was signed in Bergen.", "in what city was it signed?", common)


@pytest.mark.parametrize("q,sentence,conflict", [
    ("Was it founded in the 1980s?", "It was founded in 1962.", True),  # a decade the year is not in
    ("Was it founded in the 1960s?", "It was founded in 1962.", False),
    ("Did the 2019 treaty take effect early?", "It took effect on March 4, ahead of schedule.", False),  # a year is no count
    ("Was the 2019 lease good for a single year?", "The lease runs for three years.", True),
])
def test_values_conflict_only_with_values_of_their_own_kind(q, sentence, conflict):
    assert conflicting_value(q, sentence) is conflict


def test_an_acronym_the_articles_spell_out_is_no_unknown_name():
    from rag.abstain import Unknown, spelled_out
    from rag.initials import spells_out

    assert spells_out("hra", "It copied the Harbor Research Authority of Oslo.")
    assert not spells_out("hra", "Harbor rules apply.")
    passages = [type("P", (), {"text": "It copied the Harbor Research Authority."})()]
    unknown = Unknown(["hra", "2031"], [], [])
    assert spelled_out(unknown, "was it modeled on the HRA in 2031?", passages).entities == ["2031"]
    assert spelled_out(unknown, "was it modeled on the hra?", passages) is unknown  # only a capitalised acronym


def test_spelling_out_an_acronym_keeps_the_unlisted_words():
    """The rare words no dictionary lists still make a yes/no question unjudgeable after an acronym is spelled out."""
    from rag.abstain import Unknown, spelled_out

    passages = [type("P", (), {"text": "It copied the Harbor Research Authority."})()]
    unknown = Unknown(["hra"], ["zorblat"], [], {"hra": 2.0, "zorblat": 3.0}, unlisted=["zorblat"])
    kept = spelled_out(unknown, "did the HRA back zorblat?", passages)
    assert kept.entities == [] and kept.unlisted == ["zorblat"] and kept.idf == unknown.idf


def test_a_duration_that_only_describes_another_thing_does_not_say_how_long_the_asked_thing_lasts():
    from rag.rules import durations_of_other

    assert durations_of_other("The ferry deal got two three-week permits.", "how long does the ferry deal run")
    assert not durations_of_other("The ferry deal got two three-week permits.", "how long was each permit")
    assert not durations_of_other("The ferry deal runs for another four years.", "how long does the ferry deal run")


def test_a_duration_modifying_a_word_of_the_asked_verbs_root_says_how_long_each_lasted():
    # "how long was each one (how often was it extended)?": "two three-week extensions" modify the asked act's noun
    from rag.rules import durations_of_other

    assert not durations_of_other("The ferry deal got two three-week extensions.", "how long was each one extended?")
    assert durations_of_other("The ferry deal got two three-week permits.", "how long was each one extended?")
    assert not durations_of_other("It is a 45-year-old ferry.", "how old was the ferry?")  # the asked word itself


def test_a_sentence_naming_its_own_writer_is_a_byline_note():
    assert byline_note("Dr Ann Lee is a senior fellow at the Harbor Institute.", ["Ann Lee"])
    assert byline_note("What follows is an excerpt from Bo Park's longer essay.", ["Ann Lee", "Bo Park"])
    assert not byline_note("Ferry fares rose by a third last year.", ["Ann Lee"])
    assert not byline_note("Leeward docks stayed open.", ["Ann Lee"])  # a whole word, not a prefix
    assert not byline_note("Ann Lee is a senior fellow.", [])


def test_two_commas_around_an_aside_are_no_listing():
    assert not is_enumeration("The new lease is a reminder that, with care, the harbour can still thrive.")
    assert not is_enumeration("In 2015, after talks, the two boards signed and sealed it.")
    assert is_enumeration("It funds ferries, harbour walls, and tide gauges.")
    assert is_enumeration("It funds ferries, dredging, or repairs to the old north pier.")


def test_a_range_of_several_things_is_a_listing():
    assert is_enumeration("The fund paid for work ranging from ferries to bridges to harbour walls.")
    assert not is_enumeration("The ferry runs from Oslo to Bergen.")  # one trip, not a list


def test_not_a_but_rather_b_is_one_negation():
    assert negations("The old pier is not useless, but rather in a state of repair.") == 1
    assert verdict("Is the old pier useless?", "The old pier is not useless, but rather in a state of repair.") == "no"
    assert negations("They chose the bridge rather than the ferry.") == 1  # "rather than" still sets one aside


def test_a_reason_linking_cause_and_effect_counts_more_than_a_named_worry():
    from rag.reasons import WEAK_REASON, reason_strength
    assert reason_strength("The pier was shut so that the divers could work.") == 1.0
    assert reason_strength("Fares rose because fuel costs rose, amid wider concerns.") == 1.0
    assert reason_strength("The council met amid safety concerns over the pier.") == WEAK_REASON
    assert reason_strength("The pier opened in 1950.") == 0.0


def test_doubts_and_distrust_name_a_worry_as_concerns_do():
    from rag.reasons import WEAK_REASON, reason_strength
    # a doubt is a worry named, like "concerns": weak, but a reason (it was none before)
    assert reason_strength("The harbour's closed books have deepened doubts about sharing the catch.") == WEAK_REASON
    assert reason_strength("Growing distrust has made the ferry talks harder.") == WEAK_REASON
    assert reason_strength("There is no doubt the ferry runs daily.") == 0.0  # "no doubt": sureness, not a worry


def test_an_argument_named_as_such_is_the_surest_reason():
    from rag.reasons import STATED_REASON, reason_strength
    assert reason_strength("The main case for keeping the ferry is rooted in the island's isolation.") == STATED_REASON
    assert STATED_REASON > reason_strength("The ferry was kept to protect the island's trade.") == 1.0


def test_since_telling_a_time_and_due_to_telling_a_schedule_give_no_reason():
    from rag.reasons import reason_cues, reason_strength
    assert reason_strength("Since it opened in 1950, the bakery has fed the harbour.") == 0.0
    assert reason_strength("Since the bakery's founding three decades ago, bread prices have doubled.") == 0.0
    assert reason_strength("The ferry licence is due to lapse again next spring.") == 0.0
    assert reason_cues("The ferry stopped since the pier was unsafe.") == ["since"]  # a cause: still heard
    assert reason_strength("The ferry was cancelled due to the storm.") == 1.0
    assert reason_strength("The crossing was due to gales, not to the crew.") == 1.0


def test_a_point_made_by_correction_is_a_corrective_contrast():
    from rag.reasons import corrective_contrast
    assert corrective_contrast("The new pier is not a luxury but a lifeline.")
    assert corrective_contrast("Rather than closing the crossing, the council repaired it.")
    assert corrective_contrast("The ferry should serve residents instead of tourists.")
    assert corrective_contrast("Instead, the town built a second pier.")
    assert corrective_contrast("The town needs not just another patch, but a new pier.")  # without "also": Y replaces X
    assert not corrective_contrast("The pier is not only old but also unsafe.")  # adds to the point, corrects nothing
    assert not corrective_contrast("The pier is not just old but also unsafe.")
    assert not corrective_contrast("It is not certain yet, but they hope to reopen in May.")  # concedes, a new clause
    assert not corrective_contrast("The ferry does not run on Sundays.")


def test_a_consequence_or_its_grounds_linked_in_so_many_words_is_a_reason():
    from rag.reasons import reason_strength
    assert reason_strength("The fund pooled the catch, thereby steadying prices.") == 1.0
    assert reason_strength("The case for the pier is rooted in the island's need for ferries.") >= 1.0  # STATED_REASON
    assert reason_strength("Closing the pier would have sent fishermen to the mainland.") == 1.0  # what it would have done
    assert reason_strength("The pier would have to close in May.") == 0.0  # a schedule, not a consequence
    assert reason_strength("The new ecosystem stems the tide.") == 0.0  # "stems" without "from" links nothing


def test_a_purpose_or_an_argument_named_as_such_is_a_reason():
    from rag.reasons import WEAK_REASON, reason_strength
    # a goal named by a noun tells what someone wanted, not what led to the act asked about: a weak reason
    assert reason_strength("The goal was to set clear rules for the ferries.") == WEAK_REASON
    assert reason_strength("The rules came in, while not seeking to close the pier.") == 0.0  # what was not wanted
    assert reason_strength("The new timetable is designed to keep the late boat running.") == 1.0
    assert reason_strength("The port seeks to keep one pier open.") == 1.0
    assert reason_strength("The main argument for the pier is the island's isolation.") >= 1.0  # the surest: STATED_REASON
    assert reason_strength("The ferry scored a goal for the town team.") == 0.0  # a goal scored names no purpose
    assert reason_strength("The pier was built in 1950.") == 0.0


def test_a_sentence_telling_the_means_or_the_arrangement_answers_how_it_works():
    from rag.reasons import gives_means
    assert gives_means("The co-op keeps prices stable by pooling the catch.")
    assert gives_means("It is a framework that sets common terms for the ports.")
    assert gives_means("The scheme serves as a bridge between the two harbours.")
    assert not gives_means("The co-op was founded in 1952 amid fears of a glut.")
    assert not gives_means("It was signed by the mayor.")  # "by" before a name, not a means


def test_an_act_done_for_a_purpose_is_a_means():
    from rag.reasons import gives_means, gives_reason
    # "how can they stop smuggling?": the act named with its purpose is the means to that end
    assert gives_means("Harbour Watch: regular inspections to prevent the smuggling of fish.")
    # ...but a worry addressed is a reason, not a means
    assert not gives_means("The port added rules to address the concerns of fishers.")
    assert gives_reason("The port added rules to address the concerns of fishers.")


def test_a_phrasal_verb_of_removal_is_read_as_one():
    # "get rid of", "pull X out", "call it off" say what "scrap", "withdraw", "cancel" say in one word
    assert negations("Did the council try to get rid of the night ferry?", verbs_only=True) == 1
    assert negations("Are the owners pulling their night crews out of the harbour?", verbs_only=True) == 1
    assert negations("Did they call the regatta off?", verbs_only=True) == 1
    assert negations("The ferry will call at the pier and set off at noon.", verbs_only=True) == 0
    assert verdict("Did the council push to get rid of the night ferry?",
                   "The council called for the cancellation of the night ferry.") == "yes"
    assert verdict("Are the owners pulling their crews out of the harbour?",
                   "The owners have been adding crews in the harbour.") == "no"
    assert verdict("Are the owners pulling their crews out of the harbour?",
                   "The owners have withdrawn their crews from the harbour.") == "yes"


def test_one_example_after_such_as_is_no_listing():
    assert not is_enumeration("Past deals, such as the 1990 lease, have already capped the fees.")
    assert not is_enumeration("It allows arrangements such as a lease or a permit.")  # alternatives, not a list
    assert is_enumeration("It allows boats such as ferries and tugs.")
    assert is_enumeration("Routes like the north loop, the ring, and the spur stayed open.")


def test_what_something_depends_on_answers_what_will_decide_it():
    from rag.wants import asks_condition
    from rag.reasons import states_condition
    assert asks_condition("What's going to decide whether the ferry plan works?")
    assert asks_condition("what does the new timetable's success hinge on?")
    assert not asks_condition("who decided to close the pier?")  # a decision asked about, not a condition
    # "how will anyone know if it's working?": what its success will be judged by, which the articles say it depends on
    assert asks_condition("how will anyone know if the new ferry plan is working?")
    assert asks_condition("how can we tell whether the timetable succeeds?")
    assert not asks_condition("how will the port know the ferry arrived?") and not asks_condition("how do we know him?")
    assert states_condition("Its success will depend on steady funding for the crews.")
    assert states_condition("Everything rests on the new pier.")
    assert not states_condition("The pier was rebuilt in 2020 after the storm.")


def test_why_something_is_worth_keeping_is_answered_by_the_argument_for_it():
    from rag.whyask import asks_cause, asks_worth
    from rag.reasons import names_argument
    q = "why is the ferry still worth keeping?"
    assert asks_worth(q) and not asks_cause(q)  # what it is good for, not what caused it
    assert names_argument("The main case for keeping the ferry is rooted in the island's isolation.")
    assert not names_argument("The ferry was kept running to protect trade.")  # an incidental reason


def test_such_a_thing_points_back_to_the_sentence_before():
    from rag.links import leans_back
    assert leans_back("There is no reason why such a toll cannot be lifted.")  # the toll the sentence before described
    assert leans_back("Such an extension was granted twice.")
    assert not leans_back("The pier was rebuilt in such a way that ferries could dock.")  # points forward
    assert not leans_back("Routes such as the north loop stayed open.")


def test_what_something_is_limited_to_is_answered_by_the_sentence_confining_it():
    from rag.wants import asks_limit
    from rag.reasons import states_limit
    assert asks_limit("what kind of cargo is the new lease limited to?")
    assert asks_limit("so what is the ferry restricted to now")
    assert not asks_limit("is the ferry limited?") and not asks_limit("when was the lease renewed?")
    assert states_limit("The new lease covers cargo ferries exclusively.")
    assert states_limit("Boats may now dock at the north pier only.")
    assert not states_limit("It is not only cheap but also fast.")  # adds, does not confine
    assert not states_limit("The lease entails a narrowed focus on cargo.")  # a change, not a bound


def test_a_participle_after_a_comma_gives_the_grounds_of_the_act_before_it():
    from rag.reasons import reason_strength
    assert reason_strength("The lease was extended twice, reflecting both sides' wish to keep it.") == 1.0
    assert reason_strength("The new lease reflects a careful compromise.") == 0.0  # what it shows, no cause
    assert reason_strength("Reflecting on the lease, the mayor left.") == 0.0


def test_why_something_is_hard_is_answered_by_the_sentence_naming_the_difficulty():
    from rag.whyask import asks_difficulty
    from rag.reasons import names_difficulty
    assert asks_difficulty("why is it so hard to tell which cargo is safe to ship?")
    assert asks_difficulty("why is open harbour access difficult to square with customs?")
    assert not asks_difficulty("why did the port close?") and not asks_difficulty("is the pier hard to reach?")
    assert names_difficulty("Cargo Dilemma: the ongoing challenge of telling food from contraband.")
    assert names_difficulty("This creates a tension: open piers are at odds with customs.")
    assert not names_difficulty("Ports must work together to meet global challenges.")  # problems, not a difficulty
    assert not names_difficulty("The pier closed amid tensions.")


def test_a_noun_of_difficulty_said_of_a_thing_asks_why_it_is_hard():
    from rag.whyask import asks_difficulty
    # "why is X such a headache / so much of a problem / so complicated?": what makes X hard is asked
    assert asks_difficulty("why is the cargo screening such a headache?")
    assert asks_difficulty("why is the customs side so much of a problem?") and asks_difficulty("why is the fee so complicated?")
    assert asks_difficulty("why is the pier such a big mess?")
    assert not asks_difficulty("why is the pier a problem for ferries?")  # no "such": which problem, not why hard
    assert not asks_difficulty("why did the headache start?") and not asks_difficulty("why is it such a success?")


def test_why_something_dragged_on_is_answered_by_the_sentence_naming_the_obstacles():
    from types import SimpleNamespace
    from rag.heldfor import shape_typed
    from rag.whyask import asks_difficulty
    from rag.reasons import names_difficulty
    assert asks_difficulty("why did the lease talks drag on so long?") and asks_difficulty("why was the ferry delayed?")
    assert not asks_difficulty("why did the lease last so long?")  # a duration, not a delay
    obstacles = "The obstacles to a new lease are large given the port's debts."
    assert names_difficulty(obstacles) and not names_difficulty("The pier is a barrier against waves.")
    q = SimpleNamespace(intent="why", qtype=None, text="why did the lease talks drag on so long?", feared=False, why_not=False,
                        condition=False, limit=False, distinction=False, rate=False,
                        word_used=False)
    # named obstacles outrank a sentence merely giving some cause ("…to address concerns")
    assert shape_typed(q, obstacles, 0.0) > shape_typed(q, "The lease was changed to address concerns.", 0.0) >= 1.0


def test_what_set_something_apart_is_answered_by_the_sentence_calling_it_the_first_of_its_kind():
    from rag.wants import asks_distinction
    from rag.reasons import claims_distinction
    assert asks_distinction("what was special about this lease back when it was first signed?")
    assert asks_distinction("What was historically significant about the pier when it opened?")
    assert not asks_distinction("what was the lease about?") and not asks_distinction("when was it signed?")
    assert claims_distinction("The harbour lease was the first major deal after the war.")
    assert claims_distinction("It remains the only pier open at night.")
    assert not claims_distinction("It was renewed during the first term of the mayor.")  # a rank in time, said in passing
    assert not claims_distinction("The lease was first signed in 1990.")  # an adverb of time


def test_a_feared_outcome_is_answered_by_the_sentence_telling_what_may_come():
    from rag.wants import asks_feared
    from rag.reasons import tells_risked
    assert asks_feared("what does the harbour piece fear this plan could split the port into?")
    assert asks_feared("What do critics worry the toll might lead to?")
    assert not asks_feared("what's the worry?") and not asks_feared("who feared the toll?")
    assert tells_risked("While the plan keeps some routes, it also risks splitting the port into rival camps.")
    assert tells_risked("The toll could eventually lead to fewer ferries.")
    assert not tells_risked("Security risks abound in the port.")  # a worry named, no outcome told


def test_why_something_could_backfire_asks_for_the_outcome_it_risks():
    from rag.wants import asks_feared
    assert asks_feared("Why does Ann Lee think the walled-off timetable could backfire?")
    assert asks_feared("why might it go wrong for the islanders?")
    assert not asks_feared("why did the toll fail?")  # what happened, not what may


def test_what_something_has_done_is_answered_by_the_sentence_telling_a_result_it_brought_about():
    from types import SimpleNamespace
    from rag.achieved import tells_achieved
    from rag.heldfor import shape_typed
    from rag.query import asks_done
    assert asks_done("what has the ferry pact actually done?") and asks_done("what good has east-west ferry work done?")
    assert not asks_done("what could the ferry pact do?")
    assert tells_achieved("The pact facilitated the founding of forty harbour boards.")
    assert not tells_achieved("The pact is a cornerstone of harbour ties.")  # what it is, not what it did
    q = SimpleNamespace(intent="fact", qtype=None, text="what has the ferry pact actually done?", done=True, trend=False,
                        feared=False, condition=False, limit=False, distinction=False,
                        rate=False, word_used=False)
    assert shape_typed(q, "The pact has delivered two new piers.", 0.0) == 1.0
    assert shape_typed(q, "The pact is a cornerstone of harbour ties.", 0.0) == 0.0


def test_how_often_is_answered_by_a_sentence_stating_a_recurrence():
    from rag.reasons import states_rate
    from rag.wants import asks_rate
    assert asks_rate("how often have they been renewing the lease?") and asks_rate("How frequently do the boards meet")
    assert not asks_rate("how many times was it renewed?") and not asks_rate("is it often renewed?")
    assert states_rate("The two towns have renewed the lease roughly every five years.")
    assert states_rate("The board meets annually.") and states_rate("Fees are reviewed once a year.")
    assert not states_rate("The lease runs for five years.")  # a span, not a recurrence
    assert not states_rate("The towns have often argued over the lease.")  # the question's word, no recurrence


def test_what_word_someone_uses_is_answered_by_the_sentence_holding_a_rare_word():
    from rag.reasons import coins_word
    from rag.wants import asks_word_used
    assert asks_word_used("what word does the harbour piece use for the new lease?")
    assert asks_word_used("Which term did the mayor apply to the ferry plan?")
    assert not asks_word_used("what does the word 'lease' mean?") and not asks_word_used("what did the mayor say?")
    assert coins_word("The new lease is a compartmentalised arrangement.")
    assert not coins_word("The new lease is a careful arrangement.")  # every word common in English
    assert not coins_word("Mayor Quarrington signed the lease.")  # a rare name is no coinage


def test_a_sentence_opening_instead_affirms_what_it_says():
    # "Instead," completes the negation of the sentence before; the sentence itself states what is
    assert verdict("is the permit an umbrella permit?", "Instead, it is an umbrella permit for agencies.") == "yes"
    assert verdict("is the permit a lease?", "Rather than a lease, it is a permit.") == "no"


def test_a_not_inside_the_claim_asks_the_negative():
    # "say it is not zero-sum?" claims the negative, which "it is not a zero-sum game" affirms
    s = "Research shows ferry trade is not a zero-sum game."
    assert verdict("does the piece say ferry trade is not zero-sum?", s) == "yes"
    assert verdict("isn't ferry trade zero-sum?", s) == "no"  # a negative opening asks the plain claim
    assert verdict("is ferry trade zero-sum or not?", s) == "no"  # "or not" offers both


def test_a_sentence_silent_on_the_denied_detail_is_no_other_view():
    from candkit import cands as _c, query as _qq
    from rag.yesno import pick_yes_no
    q = "was the ferry lease renewed in november?"
    a = _c("a", ["The ports renewed the ferry lease on December 13."], [0.8])
    b = _c("b", ["The ports have renewed the ferry lease every five years."], [0.78])
    for c in a + b:
        c.overlap = 0.8
    _, why, lead, differ = pick_yes_no(_qq(q, intent="yes_no"), a + b)
    assert lead == "No — " and not differ and why == ["evidence"]


def test_a_numbered_part_no_passage_writes_is_an_unknown_name():
    """"What does article 3 say?" over passages that never write "article 3": an unknown name, so abstain."""
    from rag.abstain import Unknown, abstain_reason, Evidence
    from rag.parts import unwritten_parts

    passages = [type("P", (), {"text": "The revised agreement narrows the scope of cooperation."})()]
    unknown = unwritten_parts(Unknown([], [], []), "what exactly does article 3 of the agreement say", passages)
    assert unknown.entities == ["article 3"]
    assert abstain_reason(Evidence(unknown, 0.0, 1.0, 1.0, 0.6)) == "unknown_entity"
    written = [type("P", (), {"text": "Article 3 sets out the terms of\nexchange."})()]
    kept = Unknown([], [], [])
    assert unwritten_parts(kept, "what does Article 3 say?", written) is kept
    assert unwritten_parts(kept, "which articles say it was renewed?", passages) is kept


def test_what_could_be_is_no_other_view_of_what_is():
    """"Does the pact include X?": a sentence on what cooperation *can* achieve in X does not contradict
    "the pact excludes X", so the answer is a plain no, not "the articles differ"."""
    from rag.yesno import merely_possible

    assert merely_possible("does the new pact include ports?", "The pact excludes ports.",
                           "Working together, both sides can advance ports.")
    assert not merely_possible("does the new pact include ports?", "The pact excludes ports.", "The pact covers ports.")
    assert not merely_possible("could the pact include ports?", "The pact excludes ports.", "It can advance ports.")


def test_why_something_became_a_long_contest_is_a_difficulty_asked_about():
    from rag.whyask import asks_difficulty
    assert asks_difficulty("why did renewing the lease turn into such a drawn out fight?")
    assert asks_difficulty("why were the ferry talks so protracted?") and asks_difficulty("why was it such a slog?")
    assert not asks_difficulty("why did the dockers fight the plan?")  # a fight waged, no long contest


def test_whats_the_word_for_is_answered_by_the_sentence_giving_a_term():
    # "what's the word for X?" asks for a term; the sentence giving one sets it apart: quoted, a hyphenated coinage,
    # or a glossary label, none of which general word frequency flags as rare (``coins_word``)
    from rag.reasons import names_term
    from rag.wants import asks_word_used
    assert asks_word_used("whats the word for leasing a pier without the land?")
    assert asks_word_used("what's the term for boats that carry both cars and people")
    assert asks_word_used("what do people call it when two ports share one pier?")
    assert asks_word_used("what's the buzzword for the mayor's plan?")
    assert not asks_word_used("what's the name of the mayor?") and not asks_word_used("what did the mayor call for?")
    assert names_term('The lease embodies the board\u2019s \u201cpier-sharing\u201d of berths.')
    assert names_term("But the past decade saw a surge in port-nationalism.")
    assert names_term("Shared Berths: the practice of two ports leasing one pier.")
    assert not names_term("The two towns renewed the lease in May.")
    assert not names_term('The mayor said "we will renew the lease once the board has met again."')


def test_a_verb_making_its_subject_the_cause_gives_a_reason():
    # "why are they so nervous about X?": the sentence whose subject raised the worry ("smuggling has heightened the
    # port's concerns") gives its cause; one that only names the worry ("amid concerns") is weaker
    from rag.reasons import reason_strength
    assert reason_strength("Smuggling on the ferries has heightened the port’s concerns about the pier.") == 1.0
    assert reason_strength("The leak prompted a review of the lease.") == 1.0
    assert reason_strength("Amid concerns, the dock closed.") < 1.0
    assert reason_strength("The ferry raised its fares.") == 0.0  # raising a price is no worry raised


def test_what_is_still_allowed_asks_for_the_bound_like_what_is_it_limited_to():
    # once the rest is shut, "what are they still allowed to do?" is answered by the sentence stating the bound
    # ("focuses exclusively on X"), not by one restating the topic in the question's words
    from rag.wants import asks_limit
    assert asks_limit("so what kind of work are the two ports still allowed to do together under the new lease?")
    assert asks_limit("what are the towns still ok to share?")
    assert not asks_limit("are the towns allowed to share the pier?") and not asks_limit("what is still open?")


def test_how_are_they_supposed_to_asks_for_an_explanation_like_how_do_they():
    # "how are they supposed to stop leaks?" asks for the means as "how do they stop leaks?" does: a why-shaped
    # answer whose sentence gives the means ("screening to prevent leaks"), not a fact restating the topic
    from rag.intent import intent_of
    assert intent_of("how are the ports supposed to stop smuggling before it slips out?") == "why"
    assert intent_of("how were the crews meant to check the cargo?") == "why"
    assert intent_of("how should the towns share the pier?") == "why"
    assert intent_of("how are the two port pieces different?") == "compare"
    assert intent_of("big picture, how are the two ports getting along these days?") == "overview"
    assert intent_of("how many berths are there?") != "why"


def test_a_time_set_before_a_colon_is_no_glossary_label():
    from rag.reasons import names_term
    assert names_term("Shared Berths: the practice of two ports leasing one pier.")
    assert not names_term("In May: the lease ran out.") and not names_term("After the vote: the towns renewed it.")


def test_how_come_asks_why_something_was_hard_as_why_does():
    from rag.whyask import asks_difficulty
    assert asks_difficulty("how come renewing the lease turned into such a fight?")
    assert asks_difficulty("how come the ferry talks dragged on?") and asks_difficulty("how come the pier is so hard to reach?")
    assert not asks_difficulty("how come the dockers fought the plan?")  # a fight waged, no long contest


def test_why_it_dragged_on_hears_the_sentence_naming_the_obstacles_first_in_the_spread():
    # chosen last, the named difficulty was the sentence a fact's reason (``reason_after``) pushed out of the answer
    from rag.nearness import difficulty_first
    from rag.spread import pick_spread
    from tests.candkit import cands, query
    a = cands("harbour", ["The lease expired in May and got two extensions, reflecting its worth to both towns.",
                          "The obstacles to a new lease are large given debts, fees and distrust of the mayor."], sims=[0.6, 0.5])
    b = cands("island", ["Keeping the lease will require a careful update to address worries about fees.",
                         "The lease was signed again on June 3 after long talks."], sims=[0.56, 0.53])
    cs = [a[0], b[0], b[1], a[1]]
    for c, typed in zip(cs, [1.0, 1.0, 0.0, 1.5]):
        c.typed = typed
    chosen, why = pick_spread(query("why did the lease talks drag on so long?", intent="why"), cs)
    assert chosen[1] is a[1] and why[1] == "spread"  # heard right after the best, not last
    assert difficulty_first(query("why was the lease signed again?", intent="why"), cs, 0.8) is None  # no difficulty asked
