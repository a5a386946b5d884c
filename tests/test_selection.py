"""Selection rules on tiny hand-made candidates: each rule alone, with the case it exists for and one it must leave."""

from candkit import cands as _cands
from candkit import query as _q
from rag.answering import best_cover
from rag.compare import pick_compare, rejoinder, second_source
from rag.yesno import asked_detail_next, claim_evidence, leaned_on, pick_yes_no
from rag.neighbours import (antecedent, antecedents, elaboration, listing_after, listing_within, listings_within, reason_after, reason_before,
                            reason_beyond, reason_for_chosen, typed_follower, with_reason)
from rag.evidence import Candidate
from rag.query import asks_gist
from rag.sides import framed_by, pick_sides, sides_of, stance_of_clause, stance_side, unnamed_sides
from rag.status import pick_status, with_status
from rag.spread import closer_in_meaning, closest_in_meaning, pick_gist, pick_spread, same_article, weaker_view
from rag.conflicts import stated_values
from rag.polarity import duty_denied, focus_clause, left_out, verdict
from rag.rules import names_people
from rag.reasons import reason_strength
from rag.schema import Passage
from rag.text import terms


def test_each_side_of_a_versus_question_gets_its_own_sentence():
    q = _q("what do critics vs supporters say", sides=[["critic"], ["support"]], intent="compare")
    cands = _cands("a", ["Critics warn of espionage.", "Supporters point to shared benefits.", "It was signed in 1979."])
    got = pick_sides(q, cands)
    assert [c.text for c in got] == ["Critics warn of espionage.", "Supporters point to shared benefits."]
    assert pick_sides(_q("x", sides=[["nobodi"], ["support"]]), cands)[0].text.startswith("Supporters")


def test_a_side_whose_two_best_sentences_are_close_is_heard_in_both():
    # the port's sentences tie: the one naming its fares and the one telling how the council answered them
    q = _q("what did the port do vs how did the council answer?", sides=[["port"], ["council"]], intent="compare")
    cands = _cands("a", ["The port raised its fares.", "The council lost berths this year.",
                         "After the port levies, the council answered with cheaper tickets.", "The port was busy."],
                   [0.6, 0.6, 0.59, 0.3])
    chosen, why = pick_compare(q, cands)
    assert [c.text for c in chosen][:2] == ["The port raised its fares.", "The council lost berths this year."]
    assert why[2:] == ["side_second"] and chosen[2].text.startswith("After the port")  # far below: "was busy" is not heard


def test_the_side_asked_for_its_reply_is_heard_by_a_sentence_telling_a_reply():
    # "how did the council answer?": "In response, …" tells it in other words (rag.replies), over one only naming it
    q = _q("what did the port do and how did the council answer?", sides=[["port"], ["council"]], intent="compare")
    cands = _cands("a", ["The port raised its fares.", "The council met in the town hall.",
                         "In response, the council cut its own levies."], [0.6, 0.6, 0.5])
    assert [c.text for c in pick_sides(q, cands)] == ["The port raised its fares.", "In response, the council cut its own levies."]
    q = _q("what did the port do and what did the council do?", sides=[["port"], ["council"]], intent="compare")
    assert pick_sides(q, cands)[1].text == "The council met in the town hall."  # no reply asked: the better one


def test_a_side_is_heard_in_a_word_of_its_family_set_against_the_other():
    # "science" in "scientific" (rag.kin), and "opposed to" sets the two apart in one sentence (sides._CONTRAST)
    q = _q("what does science need vs what does security need?", sides=[["scienc"], ["secur"]], intent="compare")
    cands = _cands("a", ["Scientific openness is opposed to the secrecy that security demands.",
                         "Security rules grew tighter.", "Science funding rose."], [0.5, 0.6, 0.6])
    got = [c.text for c in pick_sides(q, cands)]
    assert got == ["Scientific openness is opposed to the secrecy that security demands.", "Security rules grew tighter."]


def test_two_clauses_that_clash_are_two_sides():
    assert sides_of("how does what the port needs clash with what the council wants?") == ["port", "council"]


def test_sides_are_read_around_versus_and_only_there():
    assert sides_of("washington vs beijing: who hit back harder") == ["washington", "beijing"]
    assert sides_of("what did washington do?") == []


def test_a_side_ends_where_the_topic_both_sides_share_begins():
    assert sides_of("the port vs the council on raising fares") == ["the port", "the council"]
    assert sides_of("ferry captains vs dock owners about the new timetable") == ["ferry captains", "dock owners"]


def test_a_side_ending_a_wh_clause_is_its_subject_and_a_side_ends_where_a_clause_begins():
    # "better at" asks about both sides; "when it comes to…" is the topic, a clause of its own
    assert sides_of("what is the port better at vs the council when it comes to ferries?") == ["port", "the council"]
    assert sides_of("the old port vs the council") == ["old port", "the council"]


def test_two_parallel_questions_set_their_subjects_side_by_side():
    assert sides_of("what did the port get vs what the council got?") == ["port", "council"]
    assert sides_of("where is the port busier and where is the council busier?") == ["port", "council"]
    assert sides_of("what is the pact and which mayors signed it?") == []  # "which mayors" asks for the mayors


def test_a_side_is_heard_where_named_on_its_own_not_inside_a_pair():
    cands = _cands("a", ["Port-council talks went on for years.",
                         "The port gained fares, while the council lost berths in the deal."], [0.9, 0.6])
    got = pick_sides(_q("x", sides=[["port"], ["council"]]), cands)
    assert got[0].text.startswith("The port gained")  # names each side apart: heard before the pair


def test_a_sentence_setting_the_sides_apart_has_a_contrast_between_them():
    cands = _cands("a", ["The port's new board was closely modelled on the council's board.",
                         "The port gained fares, while the council lost berths in the deal."], [0.85, 0.6])
    got = pick_sides(_q("x", sides=[["port"], ["council"]]), cands)
    assert got[0].text.startswith("The port gained")  # says something of each; the other names both, says one thing


def test_members_of_a_kind_bring_the_sentence_that_named_the_kind():
    cands = _cands("a", ["Island bakeries have been opening stalls at the ferry pier.",
                         "Bakeries like Crumb, Loaf and Rye have hired bakers from the mainland."])
    assert antecedent(cands[1], cands) is cands[0]  # "Bakeries like…" gives members of the kind just named
    cands = _cands("a", ["The pier opened in May.", "Bakers from the mainland came in June."])
    assert antecedent(cands[1], cands) is None


def test_a_short_side_sentence_naming_only_its_side_brings_the_listing_after_it():
    port = _cands("a", ["Notably, the port plan marks a big change.", "It entails longer hours, lower fares, and a new pier."],
                  [0.7, 0.2])
    council = _cands("b", ["The council kept its old ferry rules for the islands."], [0.6])
    q = _q("how does the port plan differ from the council's?", sides=[["port"], ["council"]], intent="compare")
    got = [c.text for c in pick_compare(q, port + council)[0]]
    assert got[:2] == ["Notably, the port plan marks a big change.", "It entails longer hours, lower fares, and a new pier."]
    # a side sentence that already tells its content is left alone
    port = _cands("a", ["The port plan lengthens hours and lowers fares for every ferry on the island routes this year.",
                        "It entails longer hours, lower fares, and a new pier."], [0.7, 0.2])
    assert len(pick_compare(q, port + council)[0]) == 2


def test_a_time_side_is_heard_in_the_words_for_its_era_and_not_where_the_other_years_named():
    cands = _cands("a", ["In 2024 the port updated its charter, originally drawn up long ago.",
                         "The first charter was the island's founding document.", "The 2024 charter cut ferry fares."],
                   [0.8, 0.5, 0.6])
    got = pick_sides(_q("x", sides=[["origin"], ["2024"]]), cands)
    assert got[0].text.startswith("The first charter")  # "first" names the earlier time; the other dates 2024 against it


def test_an_opening_clause_of_reply_sets_its_side_against_the_main_clauses():
    cands = _cands("a", ["The port and the council traded fares for berths over the years.",
                         "In response to the port's new fees on ferries, the council cut its berth rents."], [0.7, 0.6])
    got = pick_sides(_q("x", sides=[["port"], ["council"]]), cands)
    assert got[0].text.startswith("In response")  # one side's act, the other's reply, each in its own clause
    cands = _cands("a", ["The port and the council traded fares for berths over the years.",
                         "Unlike what was said, the port's fees on ferries matched the council's."], [0.7, 0.6])
    assert pick_sides(_q("x", sides=[["port"], ["council"]]), cands)[0].text.startswith("The port and")


def test_a_place_is_named_as_a_side_by_its_adjective():
    cands = _cands("a", ["Grain prices rose all year.",
                         "Freedonian farmers sold more grain abroad.", "Sylvania raised tariffs on grain."],
                   [0.9, 0.6, 0.6])
    got = pick_sides(_q("x", sides=[["freedonia"], ["sylvania"]]), cands)
    assert [c.text for c in got] == ["Freedonian farmers sold more grain abroad.", "Sylvania raised tariffs on grain."]


def test_a_country_side_is_heard_under_its_other_name():
    cands = _cands("a", ["Trade talks dragged on for a year.", "The U.S. gained new markets for grain.",
                         "China raised tariffs on grain."], [0.9, 0.6, 0.6])
    got = pick_sides(_q("x", sides=[["america"], ["china"]]), cands)
    assert [c.text for c in got] == ["The U.S. gained new markets for grain.", "China raised tariffs on grain."]


def test_a_one_standing_for_the_other_sides_noun_leaves_what_sets_them_apart():
    assert sides_of("how is the 1868 charter different from the 1920 one in scope?") == ["1868", "1920"]
    assert sides_of("how did the mayor-era change to the timetable compare with the council-era one?") == [
        "mayor-era", "council-era"]


def test_sides_keep_only_their_own_words():
    assert unnamed_sides([["old", "timetabl"], ["new", "timetabl"]], set()) == [["old"], ["new"]]
    assert unnamed_sides([["view"], ["harbor", "post"]], {"harbor", "post"}) == []  # an article: read article by article


def test_a_yes_no_question_naming_two_articles_hears_each_of_them():
    q = _q("do the harbor and dock pieces see the ferry as a lifeline?", named_docs={"a", "b"}, intent="yes_no")
    cands = (_cands("a", ["The ferry is a lifeline for the island.", "The ferry runs twice a day."], [0.9, 0.5])
             + _cands("b", ["The ferry is no lifeline but a costly habit."], [0.6]))
    chosen, why, _, _ = pick_yes_no(q, cands)
    assert [c.doc_id for c in chosen] == ["a", "b"] and why[-1] == "named"
    one = _q("does the harbor piece see the ferry as a lifeline?", named_docs={"a"}, intent="yes_no")
    assert [c.doc_id for c in pick_yes_no(one, cands)[0]] == ["a"]  # one article named: only its evidence


def test_a_stance_question_hears_only_its_named_article():
    # "does the harbor piece agree…?" asks that piece's view: another article's sentence closer to the claim is no evidence
    q = _q("does the harbor piece agree night ferries should be excluded?", named_docs={"a"}, intent="yes_no", stance=True)
    cands = (_cands("b", ["The new plan explicitly excludes night ferries."], [0.9])
             + _cands("a", ["Both towns can expand night ferries by working together."], [0.6]))
    chosen, _, lead, _ = pick_yes_no(q, cands)
    assert [c.doc_id for c in chosen] == ["a"] and lead == "No — "


def test_gist_takes_each_named_articles_most_typical_statements():
    q = _q("sum up the csis piece", named_docs={"a"}, gist=True)
    cands = _cands("a", ["Heading without a stop", "Cooperation remains necessary for both sides of the relationship.",
                         "A short one.", "Targeted engagement replaces open exchange in many areas."],
                   sims=[0.99, 0.8, 0.95, 0.7]) + _cands("b", ["Another article says something else entirely."], [0.99])
    got = pick_gist(q, cands)[0]
    assert [c.doc_id for c in got] == ["a", "a"]  # only the named article, headings and fragments skipped
    assert got[0].text.startswith("Cooperation remains")


def test_gist_needs_a_word_asking_for_the_main_point():
    assert asks_gist(["sum", "csis"], {"csis"})
    assert not asks_gist(["csis"], {"csis"})  # "who is CSIS?" is not "sum up CSIS"
    assert not asks_gist(["budget", "csis"], {"csis"})  # a topic word: an ordinary question about that article


def test_a_demonstrative_opening_a_sentence_brings_the_sentence_it_names():
    cands = _cands("a", ["The board set a new fare plan.", "This plan keeps ferries running.", "Thiswise is no word."])
    assert antecedent(cands[1], cands) is cands[0]  # "This plan" is the plan the sentence before set out
    assert antecedent(cands[2], cands) is None


def test_antecedents_follow_a_chain_of_sentences_leaning_back():
    cands = _cands("a", ["The port chose a narrower plan.", "Rather than all routes, it now funds the safe ones.",
                         "This selective plan saves the ferries.", "Tolls rose in 1990."])
    assert antecedents(cands[2], cands) == [cands[0], cands[1]]  # "This plan" leans on a turn leaning on the first
    assert antecedents(cands[2], cands, depth=1) == [cands[1]]
    assert antecedents(cands[3], cands) == []


def test_a_sentence_pointing_back_brings_its_antecedent():
    cands = _cands("a", ["Climate change and pandemics threaten everyone.",
                         "The two powers must work together to address these challenges."])
    assert antecedent(cands[1], cands) is cands[0]
    assert antecedent(cands[0], cands) is None


def test_yes_no_reads_the_clause_about_the_subject():
    sentence = "It covers public health and clean energy; the explicit exclusion of quantum computing"
    assert focus_clause("does it include quantum computing?", sentence) == "the explicit exclusion of quantum computing"
    assert verdict("does it include quantum computing?", sentence) == "no"
    assert verdict("does it include public health?", sentence) == "yes"


def test_yes_no_says_no_to_a_different_number_written_in_words():
    assert stated_values("renewed for ten years") == {"10"}
    q = _q("was it renewed for ten years", intent="yes_no")
    cands = _cands("a", ["It was renewed for another five years."])
    assert pick_yes_no(q, cands)[2] == "No — "


def test_people_named_by_role_answer_who_but_not_the_asked_ones():
    assert names_people("Experts and lawmakers have advocated oversight.", "who pushed for oversight")
    assert not names_people("Lawmakers have advocated oversight.", "what did lawmakers push for")
    # the question's own group, in the plural, does not say which one of them it asks about
    assert not names_people("Harbour senators have advocated a toll.", "which harbour senator pushed for the toll")


def test_a_why_answer_brings_the_reason_that_follows_the_fact():
    cands = _cands("a", ["The new deal covers only basic research, excluding AI.",
                         "This decision aims to prevent the transfer of sensitive technologies.",
                         "Talks ended in Beijing."])
    assert reason_after(cands[0], cands, [cands[0]]) is cands[1]
    assert reason_after(cands[1], cands, [cands[1]]) is None  # it gives a reason itself
    assert reason_after(cands[0], cands, [cands[0], cands[1]]) is None  # already in the answer
    plain = _cands("b", ["The new deal covers only basic research.", "Talks ended in Beijing."])
    assert reason_after(plain[0], plain, [plain[0]]) is None  # what follows gives no reason


def test_a_why_answer_brings_the_reason_after_any_chosen_fact_not_only_the_first():
    lead = _cands("a", ["Because of storms, the harbour now opens later."])
    fact = _cands("b", ["The new timetable drops the night ferry.",
                        "This aims to prevent crossings in poor visibility.",
                        "The pier was painted blue."])
    cands = lead + fact
    found = reason_for_chosen([lead[0], fact[0]], cands, limit=4)
    assert found == (1, fact[1])  # the leading sentence gives a reason itself; the second's follower explains it
    assert reason_for_chosen([lead[0], fact[0]], cands, limit=2) is None  # no room left after the second
    assert reason_for_chosen([lead[0], fact[2]], cands, limit=4) is None  # nothing after the last sentence


def test_a_why_answer_brings_the_cause_set_out_just_before_the_act_asked_about():
    cands = _cands("a", ["Any gain by the island is seen as a loss, because the port fears for its trade.",
                         "The port council has called for ending the ferry deal.",
                         "The pier was painted blue."])
    assert reason_before(cands[1], cands, [cands[1]]) is cands[0]
    assert reason_before(cands[1], cands, [cands[1], cands[0]]) is None  # already in the answer
    assert reason_before(cands[2], cands, [cands[2]]) is None  # what comes before gives no cause linked to it
    linked = _cands("b", ["Fares rose because fuel got dearer.", "The council ended the deal because of the fares."])
    assert reason_before(linked[1], linked, [linked[1]]) is None  # the act is told with its own cause
    first = _cands("c", ["The council has called for ending the ferry deal."])
    assert reason_before(first[0], first, [first[0]]) is None  # nothing before it


def test_a_why_answer_brings_a_passed_over_fact_with_the_reason_that_points_back_to_it():
    other = _cands("a", ["Storms worry the harbour.", "The pier was painted blue.", "Fares rose in May."],
                   sims=[0.9, 0.8, 0.7])
    fact = _cands("b", ["The new timetable drops the night ferry.",
                        "This decision aims to prevent crossings in poor visibility.", "Talks ended in May."],
                  sims=[0.75, 0.1, 0.2], start=1000)
    cands = other + fact
    chosen = other[:3]
    assert reason_beyond(chosen, cands, limit=4, floor=0.6) == (fact[0], fact[1])
    out, why = with_reason(chosen, ["best", "spread", "spread"], fact[0], fact[1], limit=4)
    assert out == [other[0], other[1], fact[0], fact[1]] and why[2:] == ["states_fact", "reason_after"]
    assert reason_beyond(chosen, cands, limit=4, floor=0.8) is None  # the fact is too far down to be heard
    weak = _cands("c", ["The new timetable drops the night ferry.", "This comes amid concerns about fog."],
                  sims=[0.75, 0.1], start=2000)
    assert reason_beyond(chosen, other + weak, limit=4, floor=0.6) is None  # only a worry named, no cause linked
    loose = _cands("d", ["The new timetable drops the night ferry.", "Crews aim to prevent delays in fog."],
                   sims=[0.75, 0.1], start=3000)
    assert reason_beyond(chosen, other + loose, limit=4, floor=0.6) is None  # it does not point back to the fact


def test_a_comparison_heard_from_one_article_adds_the_best_other_article():
    a = _cands("a", ["The pact narrows cooperation to basic research.", "It was renewed for five years."], [0.9, 0.7])
    b = _cands("b", ["Critics say the pact should be cancelled outright."], [0.68])
    far = _cands("c", ["Weather in Beijing was mild."], [0.2])
    q = _q("how do the articles differ on the pact", intent="compare")
    got, why = pick_compare(q, a + b + far)
    assert [c.doc_id for c in got] == ["a", "b"] and why[-1] == "second_source"
    assert second_source(a[:1], a + far) is None  # the only other article does not speak to it
    assert second_source(a[:1] + b, a + b) is None  # already two articles


def test_a_comparison_framed_by_one_named_article_is_read_inside_it():
    a = _cands("a", ["Fares were once set by the port.", "The council now sets fares each spring."], [0.6, 0.5])
    b = _cands("b", ["Ferry fares rose sharply across the region."], [0.9])
    q = _q("per the harbor piece, how did fares change?", intent="compare", named_docs={"a"}, within=True)
    got, why = pick_compare(q, b + a)
    assert [c.text for c in got] == [c.text for c in a] and "second_source" not in why  # both of its own, no other
    open_q = _q("how does the harbor piece compare with the law on fares?", intent="compare", named_docs={"a"})
    assert "b" in {c.doc_id for c in pick_compare(open_q, b + a)[0]}  # set against something else: others heard


def test_an_article_frames_a_question_when_attributed_not_when_compared():
    assert framed_by("in the harbor piece, how did fares change?", {"harbor"})
    assert framed_by("what does the harbor column say is fine to share vs not?", {"harbor"})
    assert framed_by("according to the harbor piece, old vs new fares?", {"harbor"})
    assert framed_by("fares vs berths, how does the harbor article frame the clash?", {"harbor"})  # a verb of portraying
    assert framed_by("how does the harbor piece portray the port?", {"harbor"})
    assert not framed_by("the harbor piece vs the new law on fares", {"harbor"})
    assert not framed_by("how is the harbor article different from the others?", {"harbor"})


def test_a_sentence_opening_with_instead_brings_the_one_it_answers():
    cands = _cands("a", ["The pact does not mandate any cooperation.", "Instead, it sets terms for agencies that cooperate."])
    assert antecedent(cands[1], cands) is cands[0]
    later = _cands("b", ["It chose to act instead."])
    assert antecedent(later[0], later) is None  # "instead" inside a sentence leans on nothing


def test_yes_no_hears_another_article_only_when_it_is_as_close_in_meaning():
    q = _q("does the pact force agencies to work together", intent="yes_no")
    best = _cands("a", ["The pact does not force agencies to work together."], [0.6])
    loose = _cands("b", ["Both powers have a clear duty to work together."], [0.4])
    loose[0].score = best[0].score  # as good a score and as much overlap, but far less close in meaning
    assert pick_yes_no(q, best + loose)[2] == "No — "
    close = _cands("c", ["Both powers have a clear duty to work together."], [0.58])
    close[0].score = best[0].score
    assert pick_yes_no(q, best + close)[2] == "The articles differ — "


def test_a_side_named_by_its_stance_is_heard_in_words_taking_that_stance():
    critics, supporters = stance_side(["critic"]), stance_side(["support", "pact"])
    assert "critic" not in critics and "concern" in critics and "benefit" in supporters
    assert stance_side(["washington"]) == ["washington"]  # not a stance: the side's own words
    q = _q("what do critics vs supporters say about the pact", sides=[critics, supporters], intent="compare")
    cands = _cands("a", ["The pact covers critical technologies.", "Critics fear the pact is a security risk.",
                         "Its benefits for public health are vital."])
    assert [c.text for c in pick_sides(q, cands)] == ["Critics fear the pact is a security risk.",
                                                     "Its benefits for public health are vital."]


def test_a_side_named_by_a_clause_takes_that_stance():
    assert stance_of_clause("the folks who back the ferry plan") == "supporters"
    assert stance_of_clause("those who oppose the ferry plan") == "critics"
    assert stance_of_clause("the harbour board") == ""
    assert "benefit" in stance_side(["folk", "back"], "the folks who back the ferry plan")
    assert stance_side(["harbour", "board"], "the harbour board") == ["harbour", "board"]


def test_a_stance_side_prefers_the_sentence_holding_several_of_its_words():
    supporters = stance_side(["support"])
    q = _q("how do the doubters compare with those who support the ferry", sides=[supporters], intent="compare")
    passing, plain = _cands("a", ["The ferry deal raised fears, though it brought one benefit.",
                                  "Its benefits are vital and valuable for both towns."], sims=[0.6, 0.5])
    assert pick_sides(q, [passing, plain])[0] is plain


def test_an_overview_spells_out_a_short_announcing_sentence():
    a = _cands("a", ["The revision is a major recalibration.",
                     "It narrows the focus to basic research in health and energy and excludes sensitive technologies such as AI.",
                     "Talks ended in Beijing after many rounds of negotiation between the two delegations."])
    assert elaboration([a[0]], a) == (0, a[1])
    assert elaboration([a[2]], a) is None  # long enough to stand alone (and the last sentence)
    assert elaboration([a[0], a[1]], a) is None  # what follows is already in the answer


def test_a_where_question_reads_the_typed_sentence_right_after_a_close_one():
    a = _cands("a", ["The two countries updated their science agreement in a long process.",
                     "The revised pact, finalized in Beijing, narrows cooperation.",
                     "Scientists in both countries welcomed the news."], sims=[0.8, 0.3, 0.5])
    for c in a:
        c.typed = 1.0 if "Beijing" in c.text else 0.0
    q = _q("where was the updated science agreement concluded", qtype="place")
    assert typed_follower(q, a, a[0]) == (a[0], a[1])
    assert typed_follower(q, a, a[1]) is None  # the best already holds a place
    assert typed_follower(_q("what was updated"), a, a[0]) is None  # nothing typed asked for
    far = _cands("b", ["The two countries updated their science agreement.", "It was finalized in Beijing."],
                 sims=[0.8, 0.3])
    far[1].typed = 1.0
    assert typed_follower(q, far + a, a[0]) == (far[0], far[1])  # any close sentence, best first
    story = _cands("c", ["The ferry pact got two short extensions.", "Finally, on May 3, it was renewed."], sims=[0.8, 0.3])
    story[1].typed = 1.0
    assert typed_follower(_q("on what dates were the extensions given", qtype="date"), story, story[0]) is None


def test_who_said_credits_the_writers_of_every_chosen_sentence_that_names_no_one():
    from rag.bylines import attribution

    a = _cands("a", ["Ties with Norway are a quiet success."])
    b = _cands("b", ["The accord was a key step toward calmer relations."])
    a[0].passage.authors, a[0].passage.outlet = ["Ann Lee"], "Harbor Review"
    b[0].passage.authors, b[0].passage.outlet = ["Bo Park", "Cy Ng"], "Daily Ledger"
    a[0].typed, b[0].typed = 1.0, 0.0  # "Norway" is a name: that sentence is not credited to its writer
    q = _q("Who argued the accord was a key step?", qtype="name")
    # the first sentence names its own speaker: crediting Bo Park before it would put Norway in their mouths
    assert attribution(q, [a[0], b[0]]) == ""
    assert attribution(q, [b[0], a[0]]) == "Bo Park and Cy Ng (Daily Ledger) — "
    b[0].typed = 0.5
    assert attribution(q, [b[0], a[0]]) == "Bo Park and Cy Ng (Daily Ledger) — "
    a[0].typed = 0.0
    assert attribution(q, [b[0], a[0]]) == "Bo Park and Cy Ng (Daily Ledger); Ann Lee (Harbor Review) — "
    assert attribution(_q("Who signed the accord?", qtype="name"), [b[0]]) == ""  # not a question about a view


def test_who_said_leads_with_the_sentence_its_credit_belongs_to():
    from rag.bylines import attribution, credited_first

    a = _cands("a", ["Ties with Norway are a quiet success."])
    b = _cands("b", ["The accord was a key step toward calmer relations."])
    b[0].passage.authors, b[0].passage.outlet = ["Bo Park"], "Daily Ledger"
    a[0].typed, b[0].typed = 1.0, 0.0
    q = _q("Who argued the accord was a key step?", qtype="name")
    chosen, why = credited_first(q, [a[0], b[0]], ["best", "adds"])
    assert [c.doc_id for c in chosen] == ["b", "a"] and why == ["adds", "best"]
    assert attribution(q, chosen) == "Bo Park (Daily Ledger) — "
    assert credited_first(_q("Who signed the accord?", qtype="name"), [a[0], b[0]], ["x", "y"])[0][0] is a[0]


def test_a_list_question_reads_the_listing_right_after_a_chosen_sentence():
    cands = _cands("a", ["Foreign bakeries have opened shops in the old town.",
                         "Bakeries like Crumb, Loaf, and Rye now hire local bakers.", "The town hall is old."])
    assert listing_after([cands[0]], cands) == (0, cands[1])
    assert listing_after([cands[2]], cands) is None  # the last sentence: nothing follows
    plain = _cands("b", ["Foreign bakeries have opened shops.", "The shops open early."])
    assert listing_after([plain[0]], plain) is None  # what follows names no members


def test_a_fact_answer_carries_up_to_two_sentences_that_each_add_a_key_term():
    from rag.answering import pick_fact

    cands = _cands("a", ["The harbour fee pays for dredging.", "The harbour fee also funds lighthouses.",
                         "The harbour fee covers pilot boats too.", "The harbour fee rose in spring."])
    for c, s in zip(cands, (0.9, 0.85, 0.82, 0.8)):
        c.score, c.overlap = s, 0.5
    cands[1].passage = cands[2].passage = cands[3].passage = None  # other articles: no sentence "continues" the best
    for i, c in enumerate(cands[1:], 1):
        c.passage = Passage(chunk_id=f"b{i}:0", doc_id=f"b{i}", text=c.text, start=0, end=len(c.text), sentences=[(0, len(c.text))])
        c.start, c.end = 0, len(c.text)
    q = _q("what does the harbour fee pay for dredging lighthouses pilot boats")
    weights = {t: 1.0 for t in terms("dredging lighthouses pilot boats")}
    chosen, why = pick_fact(q, cands, weights)
    assert [c.text for c in chosen] == [c.text for c in cands[:3]] and why == ["best", "adds_terms", "adds_terms"]


def test_a_detail_the_named_article_does_not_state_is_said_to_be_not_stated():
    from rag.bylines import unstated

    card = _cands("rs", ['The article "Harbor notes" was published by Harbor Review.'])
    card[0].passage.kind, card[0].passage.outlet, card[0].passage.title = "metadata", "Harbor Review", "Harbor notes"
    q = _q("who wrote the harbor piece", about_articles=True, asked_field="authors", named_docs={"rs"})
    assert unstated(q, card) == "Not stated — the article names no author. "
    card[0].passage.authors = ["Ann Lee"]
    assert unstated(q, card) == ""  # stated: the card answers
    card[0].passage.authors = []
    assert unstated(_q("who wrote it", about_articles=True, asked_field="authors"), card) == ""  # not the named article
    assert unstated(_q("what's its outlet", about_articles=True, asked_field="outlet", named_docs={"rs"}), card) == ""


def test_a_comparison_of_named_articles_matches_sentences_on_its_topic_not_on_their_names():
    from rag.answering import topic_weights

    w = {"harbor": 2.0, "review": 1.5, "ferri": 3.0}
    q = _q("how does the harbor review differ on ferries", intent="compare", named_docs={"a"}, naming={"harbor", "review"})
    assert topic_weights(q, w) == {"ferri": 3.0}
    assert topic_weights(_q("the harbor review vs?", intent="compare", named_docs={"a"}, naming={"harbor", "review"}),
                         {"harbor": 2.0, "review": 1.5}) == {"harbor": 2.0, "review": 1.5}  # nothing else: keep them
    assert topic_weights(_q("what does the harbor review say on ferries", intent="fact", named_docs={"a"},
                            naming={"harbor", "review"}), w) == w  # only comparisons


def test_a_comparison_hears_a_second_sentence_of_an_article_only_when_it_is_about_as_close():
    a = _cands("a", ["The ferry plan drops night crossings entirely.", "Night crossings were the busiest ferry runs.",
                     "The harbour opened in 1950."], [0.9, 0.85, 0.5])
    b = _cands("b", ["Ferry unions oppose dropping the night crossings."], [0.88])
    got, _ = pick_compare(_q("how do they differ on the ferry plan", intent="compare"), sorted(a + b, key=lambda c: -c.score))
    assert [c.text[:14] for c in got] == ["The ferry plan", "Ferry unions o", "Night crossing"]
    c = _cands("c", ["The ferry plan drops night crossings.", "The ferry plan drops night crossings, sadly."], [0.9, 0.89])
    d = _cands("d", ["Unions want more buses instead."], [0.88])
    assert len(pick_compare(_q("how do they differ", intent="compare"), c + d)[0]) == 2  # a repeat is not heard


def test_an_overview_hears_another_article_before_a_close_second_sentence_of_the_same_one():
    a = _cands("a", ["Ferries link the two islands daily.", "Ferries also carry freight on weekdays.",
                     "Ferries stop in winter storms."], [0.9, 0.84, 0.83])
    b = _cands("b", ["Island trade depends on the crossing.", "The harbour opened in 1950."], [0.75, 0.2])
    got, _ = pick_spread(_q("why do the ferries matter", intent="overview"), sorted(a + b, key=lambda c: -c.score), limit=2)
    assert [c.doc_id for c in got] == ["a", "b"]  # 0.84 x 0.85 < 0.75: the other article's view comes first


def test_an_overview_with_room_left_hears_a_third_sentence_of_the_only_article_heard():
    a = _cands("a", ["Ferries link the two islands daily.", "Ferries also carry freight on weekdays.",
                     "Winter storms are the main worry for ferries."], [0.9, 0.85, 0.8])
    b = _cands("b", ["The harbour opened in 1950."], [0.2])
    cands = sorted(a + b, key=lambda c: -c.score)
    got, why = pick_spread(_q("what is the main worry over the ferries", intent="overview"), cands)
    assert [c.text[:6] for c in got] == ["Ferrie", "Ferrie", "Winter"] and why[-1] == "heard_again"
    got, _ = pick_spread(_q("why do the ferries matter", intent="why"), cands)
    assert len(got) == 2  # not for a why-question: two of an article, so that others are heard


def test_a_why_answer_hears_the_sentence_far_closer_in_meaning_even_if_it_shares_few_words():
    a = _cands("a", ["Ferry fares rose because fuel costs rose.", "Ferry fares rose in the winter too.",
                     "Ferry fares rose for students.", "Operators face a basic squeeze between costs and prices."],
               sims=[0.5, 0.45, 0.44, 0.8])
    for c, sc in zip(a, [0.6, 0.58, 0.57, 0.5]):
        c.score = sc
    q = _q("why is running a ferry so hard", intent="why")
    got, _ = pick_spread(q, a, limit=2)
    assert got[1].text.startswith("Operators")
    assert closest_in_meaning(a[:3], 2) is None  # none stands out: the usual order


def test_a_comparison_of_two_named_articles_quotes_only_those_two():
    a = _cands("a", ["The ferry plan drops night crossings entirely."], [0.9])
    b = _cands("b", ["Ferry unions oppose dropping the night crossings."], [0.85])
    c = _cands("c", ["Ferry fares rose across the region."], [0.88])
    q = _q("how do the A and B pieces differ on the ferry plan", intent="compare", named_docs={"a", "b"})
    assert {x.doc_id for x in pick_compare(q, sorted(a + b + c, key=lambda x: -x.score))[0]} == {"a", "b"}
    q.named_docs = set()
    assert "c" in {x.doc_id for x in pick_compare(q, sorted(a + b + c, key=lambda x: -x.score))[0]}


def test_yes_no_evidence_is_the_near_best_sentence_that_covers_more_of_the_claim():
    cands = _cands("a", ["Since 1990 the ferry pact has been a pillar of harbour life.",
                         "The ferry pact does not require harbour agencies to share boats."], [0.70, 0.60])
    for c, overlap in zip(cands, (0.4, 0.8)):
        c.overlap = overlap
    cands[1].score = 0.97 * cands[0].score  # about as good: the fuller statement of the claim wins
    assert claim_evidence(cands) is cands[1]
    cands[1].score = 0.8 * cands[0].score  # clearly worse: the best stays
    assert claim_evidence(cands) is cands[0]


def test_the_question_terms_are_vouched_for_by_a_sentence_scoring_about_as_well_as_the_leading_one():
    cands = _cands("a", ["They met in Oslo in March.", "The last round of ferry talks settled the fares.",
                         "Ferry fares rose across the region."], [0.60, 0.59, 0.50])
    for c, overlap in zip(cands, (0.0, 0.4, 0.9)):
        c.overlap = overlap
    assert best_cover(cands, cands[0]) == 0.4  # the close second holds the topic; the far third does not count
    cands[1].score = 0.8 * cands[0].score
    assert best_cover(cands, cands[0]) == 0.0


def test_best_cover_is_not_raised_by_a_stated_argument_leading():
    from rag.evidence import W_TYPE
    from rag.reasons import STATED_REASON
    cands = _cands("a", ["The case for the ferry is rooted in isolation.", "Islanders want the ferry kept."], [0.5, 0.5])
    cands[0].typed, cands[0].overlap, cands[1].typed, cands[1].overlap = STATED_REASON, 0.0, 1.0, 0.5
    cands[0].score, cands[1].score = 0.6, 0.6 - W_TYPE * (STATED_REASON - 1.0)  # it leads by its surplus credit only
    assert best_cover(cands, cands[0]) == 0.5


def test_best_cover_hears_the_sentence_a_leader_typed_by_the_question_shape_overtook():
    from rag.evidence import W_TYPE
    # "what does the piece fear it could split the port into?": the leader tells the risk in its own words and leads
    # by its type credit alone; the sentence just below it holds the question's words and vouches for them
    cands = _cands("a", ["It also risks hardening rival camps.", "The picky approach splits the port."], [0.4, 0.4])
    cands[0].typed, cands[0].overlap, cands[1].typed, cands[1].overlap = 1.0, 0.06, 0.0, 0.37
    cands[0].score, cands[1].score = 0.51, 0.51 - W_TYPE + 0.02
    assert best_cover(cands, cands[0], shaped=True) == 0.37
    assert best_cover(cands, cands[0]) == 0.06  # a thing asked (a date, a name): the typed leader's words count alone


def test_yes_no_evidence_of_equal_coverage_prefers_a_statement_to_a_possibility():
    cands = _cands("a", ["It may again get another short ferry permit.", "The ferry pact twice got short permits."],
                   [0.6, 0.58])
    for c in cands:
        c.overlap = 0.5
    cands[1].score = 0.98 * cands[0].score
    assert claim_evidence(cands, "Did the ferry pact get short permits?") is cands[1]
    assert claim_evidence(cands, "Could the ferry pact get short permits?") is cands[0]  # a question of possibility
    cands[1].score = 0.92 * cands[0].score  # further behind: a possibility is still weaker evidence for a fact
    assert claim_evidence(cands, "Did the ferry pact get short permits?") is cands[1]
    cands[1].score = 0.87 * cands[0].score  # a statement of fact is heard further down than a stated count (MODAL_CLOSE)
    assert claim_evidence(cands, "Did the ferry pact get short permits?") is cands[1]
    cands[1].score = 0.8 * cands[0].score
    assert claim_evidence(cands, "Did the ferry pact get short permits?") is cands[0]


def test_yes_no_evidence_for_an_asked_count_prefers_the_near_sentence_stating_more_counts():
    cands = _cands("a", ["Over four decades the ferry pact served the harbour.",
                         "In four decades the ferry pact was renewed every five years."], [0.6, 0.56])
    for c in cands:
        c.overlap = 0.4
    assert claim_evidence(cands, "Was the ferry pact renewed for a whole decade?", counts=True) is cands[1]
    assert claim_evidence(cands, "Was the ferry pact renewed by the harbour?", counts=False) is cands[0]  # no count asked


def test_a_named_article_is_heard_twice_when_its_second_sentence_is_as_good_as_its_first():
    a = _cands("a", ["The rules exclude night ferries and cargo barges.", "Only day routes remain open."], [0.9, 0.85])
    b = _cands("b", ["The rules were renewed in spring.", "They also exclude the island shuttle."], [0.5, 0.48])
    q = _q("which routes does the harbour piece exclude that the dock column does not", intent="compare",
           named_docs={"a", "b"})
    got, _ = pick_compare(q, a + b)
    assert [c.text for c in got if c.doc_id == "b"] == [x.text for x in b]
    weak = _cands("b", ["The rules were renewed in spring.", "Gulls nest on the pier."], [0.5, 0.3])
    got, _ = pick_compare(q, a + weak)
    assert [c.text for c in got if c.doc_id == "b"] == ["The rules were renewed in spring."]


def test_a_comparison_of_named_articles_adds_each_ones_passages_below_the_cut():
    from rag.pipeline import NAMED_EXTRA, named_extra

    def psg(doc, i):
        return Passage(chunk_id=f"{doc}:{i}", doc_id=doc, text="Ferries run.", start=0, end=12, sentences=[(0, 12)],
                       title="", outlet="", authors=[], date="", url="", kind="body")
    pool = [psg("a", 0), psg("b", 0)]
    ranked = pool + [psg("c", 0)] + [psg("b", i) for i in range(1, NAMED_EXTRA + 3)] + [psg("a", 1)]
    got = named_extra(_q("do the harbour piece and the dock column agree", named_docs={"a", "b"}), ranked, pool)
    assert [p.chunk_id for p in got] == [f"b:{i}" for i in range(1, NAMED_EXTRA + 1)] + ["a:1"]


def test_a_named_article_is_heard_whole_down_to_its_last_ranked_passage():
    from rag.pipeline import named_extra

    def psg(doc, i):
        return Passage(chunk_id=f"{doc}:{i}", doc_id=doc, text="Ferries run.", start=0, end=12, sentences=[(0, 12)],
                       title="", outlet="", authors=[], date="", url="", kind="body")
    pool = [psg("a", 0), psg("b", 0)]
    ranked = pool + [psg("b", i) for i in range(1, 11)] + [psg("a", 1)]  # an eleven-passage op-ed, all below the cut
    got = named_extra(_q("do the harbour piece and the dock column clash on fares", named_docs={"a", "b"}), ranked, pool)
    assert "b:10" in {p.chunk_id for p in got} and "a:1" in {p.chunk_id for p in got}


def test_who_said_is_decided_by_the_claim_not_by_a_sentence_naming_someone():
    from rag.answering import _prefer_typed
    from rag.evidence import type_credit

    named, claim = _cands("a", ["The Oslo port closed after the storm.", "Closing the ferry line would hurt trade."],
                          sims=[0.6, 0.55])
    named.typed, claim.typed = 1.0, 0.0
    q = _q("Who warned that closing the ferry line would hurt trade?", qtype="name")
    assert type_credit(q, named) == type_credit(q, claim) == 1.0  # a claim naming no one is its writers'
    assert _prefer_typed([claim, named], q) is claim  # the name does not jump ahead of the claim
    plain = _q("Who closed the port?", qtype="name")
    assert type_credit(plain, named) == 1.0 and type_credit(plain, claim) == 0.0
    assert _prefer_typed([claim, named], plain) is named


def test_a_list_answer_lets_only_a_listing_jump_ahead_for_its_closeness_in_meaning():
    a = _cands("a", ["Harbour fees have become a key battleground.", "These include berth fees, pilot fees and tug fees.",
                     "Dr Ann Lee is a professor of maritime law.", "Fees rose twice last year."],
               sims=[0.4, 0.35, 0.6, 0.3])
    for c, sc, typed in zip(a, [0.65, 0.63, 0.53, 0.6], [1, 1, 0, 0]):
        c.score, c.typed = sc, typed
    q = _q("what three fees does Ann Lee describe?", intent="list")
    got, _ = pick_spread(q, a, limit=2)
    assert [c.text[:5] for c in got] == ["Harbo", "These"]  # the author's note is close in meaning, but lists nothing
    assert closest_in_meaning(a, 2) is a[2]  # other questions still hear the far closer sentence first


def test_what_day_prefers_a_date_down_to_the_day_over_a_month():
    from rag.answering import _prefer_typed
    from rag.scope import asks_day, names_day

    month, plain, day = _cands("a", ["In March 2030 the ferry line was extended.", "The 2030 extension was a big step.",
                                     "On March 9 the ferry line was extended again."])
    assert asks_day("what day in 2030 was the ferry line extended?") and not asks_day("when was it extended?")
    assert names_day(day.text) and not names_day(month.text)
    month.score, plain.score, day.score = 0.60, 0.62, 0.58
    month.typed, plain.typed, day.typed = 0.5, 0.0, 1.0  # a month is only part of the asked day
    q = _q("what day in 2030 was the ferry line extended?", qtype="date")
    assert _prefer_typed([plain, month, day], q) is day


def test_which_writers_made_a_claim_reads_the_card_of_the_article_stating_it():
    from rag.bylines import pick_meta

    card_a, card_b = _cands("a", ["The article was written by Ann Lee."]), _cands("b", ["The article was written by Bo Park."])
    for card in (card_a, card_b):
        card[0].passage.kind = "metadata"
    claim = _cands("b", ["Fuel costs drove the ferry fare rise."])
    q = _q("which writers tied the fare rise to fuel costs?", about_articles=True, asked_field="authors")
    assert pick_meta(q, [card_a[0], claim[0], card_b[0]])[0][0] is card_b[0]
    named = _q("which writers tied the fare rise to fuel costs?", about_articles=True, asked_field="authors",
               named_docs={"a"})
    assert pick_meta(named, [card_a[0], claim[0], card_b[0]])[0][0] is card_a[0]  # the named article's card
    title = _q("what is the title of the piece on fares?", about_articles=True, asked_field="title")
    assert pick_meta(title, [card_a[0], claim[0], card_b[0]])[0][0] is card_a[0]


def test_a_named_article_without_front_matter_is_not_answered_by_another_articles_card():
    from rag.bylines import pick_meta

    card = _cands("a", ["The article was written by Ann Lee."])
    card[0].passage.kind = "metadata"
    body = _cands("c", ["In May the ferry line was extended to the outer islands."])
    q = _q("who wrote the piece on the ferry extension?", about_articles=True, asked_field="authors", named_docs={"c"})
    assert pick_meta(q, [card[0], body[0]]) == ([], [])  # "c" has no card: its writer is not stated
    assert pick_meta(_q("who wrote it?", about_articles=True, asked_field="authors"), [card[0], body[0]])[0] == card


def test_a_gist_of_one_named_article_quotes_four_of_its_statements():
    q = _q("sum up the harbor piece", named_docs={"a"}, gist=True)
    texts = ["The harbor plan doubles the number of night ferries.", "Fares for islanders will stay frozen until 2031.",
             "Critics on the council fear the dock cannot take the extra traffic.",
             "The plan's authors answer that a second pier is already funded.",
             "In the end the writer calls the plan a modest but real gain."]
    cands = _cands("a", texts, sims=[0.9, 0.8, 0.7, 0.6, 0.5])
    assert {c.text for c in pick_gist(q, cands)[0]} == set(texts[:4])  # the answer puts them in reading order


def test_a_gist_prefers_a_point_made_by_correction_and_the_writers_conclusion():
    q = _q("sum up the harbor piece", named_docs={"a"}, gist=True)
    texts = ["The harbor plan doubles the number of night ferries.", "Fares for islanders will stay frozen until 2031.",
             "The new pier is not a luxury but a lifeline for the islands.", "Storm damage closed the old pier for a week.",
             "Both crews will share the winter timetable from next year.",
             "So the council should fund the plan before the next storm season.",
             "Ann Lee is a reporter at the Harbor Times covering the islands."]
    cands = _cands("a", texts, sims=[0.9, 0.88, 0.7, 0.86, 0.8, 0.76, 0.6])
    for c in cands:
        c.passage.authors.append("Ann Lee")
    got = {c.text for c in pick_gist(q, cands)[0]}
    assert texts[2] in got and texts[5] in got  # corrective thesis and conclusion outrank the more typical lines
    assert texts[6] not in closing_texts(cands)  # the closing bio line argues nothing


def test_a_gist_hears_the_sentence_judging_what_its_subject_amounts_to():
    # the verdict ("the plan reflects a careful truce") is less typical of the article than its narration
    texts = ["The harbor plan doubles the number of night ferries.", "Fares for islanders will stay frozen until 2031.",
             "Critics on the council fear the dock cannot take the extra traffic.",
             "The plan's authors answer that a second pier is already funded.",
             "The updated plan reflects a careful truce between the island crews and the council.",
             "Both crews will share the winter timetable from next year.",
             "The next council vote on the timetable is due in the spring."]
    cands = _cands("a", texts, sims=[0.9, 0.88, 0.86, 0.85, 0.7, 0.6, 0.5])
    assert texts[4] in {c.text for c in pick_gist(_q("sum up the harbor piece", named_docs={"a"}, gist=True), cands)[0]}
    ends = _q("what does the harbor piece conclude?", named_docs={"a"}, gist=True)  # the closing lines are asked
    assert texts[4] not in {c.text for c in pick_gist(ends, cands)[0]}


def test_a_verdict_names_what_it_judges():
    from rag.spread import states_verdict
    assert not states_verdict("It reflects a careful truce between the island crews and the council.")
    assert not states_verdict("This represents a critical step for the islands.")  # judges the sentence before it
    assert states_verdict("By sharing the pier on alternate days while keeping the winter fares frozen for the islanders, "
                          "the plan represents a fair split of the harbour.")


def test_a_gist_hears_the_question_its_writer_puts():
    texts = ["The harbor plan doubles the number of night ferries.", "Fares for islanders will stay frozen until 2031.",
             "Critics on the council fear the dock cannot take the extra traffic.",
             "The plan's authors answer that a second pier is already funded.",
             "Yet a hard question remains: can the islands keep their ferries if the council keeps cutting?",
             "Both crews will share the winter timetable from next year.",
             "The next council vote on the timetable is due in the spring."]
    cands = _cands("a", texts, sims=[0.9, 0.88, 0.86, 0.85, 0.7, 0.6, 0.5])
    assert texts[4] in {c.text for c in pick_gist(_q("sum up the harbor piece", named_docs={"a"}, gist=True), cands)[0]}


def closing_texts(cands):
    from rag.spread import closing
    return {c.text for c in cands if c.abs_key in closing(cands)}


def test_yes_no_asking_one_article_keeps_to_it():
    named = _cands("a", ["The old pier is not useless, but rather in repair."], [0.5])
    other = _cands("b", ["The old pier, rebuilt after long talks, reopened to ferries."], [0.6])
    named[0].score, other[0].score = 0.50, 0.49
    named[0].overlap, other[0].overlap = 0.3, 0.4  # the other article covers more of the question's words
    named[0].sim, other[0].sim = 0.45, 0.55
    cands = named + other
    assert claim_evidence(cands, "is the pier useless?") is other[0]  # no article named: coverage decides
    assert claim_evidence(cands, "according to the harbour review, is the pier useless?", {"a"}) is named[0]
    q = _q("according to the harbour review, is the pier useless?", intent="yes_no", named_docs={"a"})
    chosen, _, prefix, disagree = pick_yes_no(q, cands)
    assert chosen == [named[0]] and prefix == "No — " and not disagree  # the other article is not heard


def _section_passage(doc: str, text: str, start: int = 0) -> list[Candidate]:
    """Candidates of a passage whose text has a subheading and bullets (sentences are the bullets' and prose lines)."""
    import re

    spans = [m.span(1) for m in re.finditer(r"(?m)^(?!## )(?:- )?([^\n]+)", text)]
    p = Passage(chunk_id=f"{doc}:{start}", doc_id=doc, text=text, start=start, end=start + len(text), sentences=spans,
                title="", outlet="", authors=[], date="", url="", kind="body")
    return [Candidate(0, p, a, b, text[a:b], set(terms(text[a:b]))) for a, b in spans]


def test_a_bulleted_section_whose_heading_states_the_question_is_the_list():
    from rag.sections import listed_under_heading

    text = ("Harbours changed a lot.\n\n## Main Duties of the Harbour Master\n\n- Pilotage: guiding ships in.\n\n"
            "- Berths: assigning quays.\n\n- Fees: charging each ship.\n\nThe port grew after that.")
    cands = _section_passage("a", text)
    weights = {"main": 1.0, "duti": 2.0, "harbour": 1.0, "master": 1.0}
    got = listed_under_heading(cands[::-1], weights)  # in reading order, whatever the scores
    assert [c.text.split(":")[0] for c in got] == ["Pilotage", "Berths", "Fees"]  # not the prose around it
    assert listed_under_heading(cands, {"ferri": 3.0, "fare": 2.0}) == []  # the heading is not what is asked
    # a list running on into the next passage (which begins mid-list) is followed there
    head = _section_passage("a", text[:text.index("- Berths")])
    tail = _section_passage("a", text[text.index("Berths"):], start=text.index("Berths"))
    assert [c.text.split(":")[0] for c in listed_under_heading(head + tail, weights)] == ["Pilotage", "Berths", "Fees"]


def test_list_questions_fetch_the_passages_of_a_bulleted_section_named_by_their_heading():
    from types import SimpleNamespace

    from rag.layout import by_article, layout, sections_of
    from rag.retrieval import Retriever

    text = "## Main Duties of the Harbour Master\n\n- Pilotage: guiding ships in.\n\n- Berths: assigning quays."
    first = _section_passage("a", text)[0].passage
    after = Passage(chunk_id="a:1", doc_id="a", text="Berths: assigning quays. More prose.", start=text.index("Berths"),
                    end=len(text) + 12, sentences=[], kind="body")
    other = Passage(chunk_id="b:0", doc_id="b", text="Ferries.", start=0, end=8, sentences=[], kind="body")
    passages = [first, after, other]
    docs, body, starts = layout(passages)
    fake = SimpleNamespace(passages=passages, lexicon=SimpleNamespace(idf=lambda t: 1.0), _starts=starts,
                           _sections=sections_of(passages), _body=by_article(docs, body)[0])
    q = _q("what are the main duties of the harbour master?")
    assert [p.chunk_id for p in Retriever.listed_sections(fake, q)] == ["a:0", "a:1"]
    assert Retriever.listed_sections(fake, q, exclude={"a:0"})[0].chunk_id == "a:1"
    assert Retriever.listed_sections(fake, _q("how much do ferries cost?")) == []


def test_an_overview_of_the_one_named_article_quotes_more_than_two_of_its_sentences():
    a = _cands("a", ["Ferries link the two islands daily.", "Fares will double next spring.",
                     "A new pier opens in May.", "Winter storms stop the crossing."], [0.9, 0.85, 0.8, 0.78])
    b = _cands("b", ["The harbour opened in 1950.", "Its crane is the oldest in the region."], [0.2, 0.1])
    cands = sorted(a + b, key=lambda c: -c.score)
    got, _ = pick_spread(_q("sum up the harbour times piece on the ferries", intent="overview", named_docs={"a"}), cands)
    assert [c.doc_id for c in got] == ["a"] * 4
    got, _ = pick_spread(_q("what are the main points on the ferries", intent="overview"), cands, ratio=0.0)
    assert sum(c.doc_id == "a" for c in got) == 2  # no article named: two of each, so that several are heard


def test_a_gist_of_one_article_quotes_three_of_its_statements_and_of_two_articles_two_of_each():
    a = _cands("a", ["Ferries remain the lifeline of the outer islands today.", "Fares must rise to pay for new hulls soon.",
                     "The council should fund a second pier for winter use.", "Storms closed the crossing for a week."],
               sims=[0.9, 0.85, 0.8, 0.7])
    b = _cands("b", ["The harbour crane is the oldest working one in the region.", "Its owners plan to sell it next year."],
               sims=[0.9, 0.8])
    got = pick_gist(_q("sum up the harbour times piece", named_docs={"a"}, gist=True), a + b)[0]
    assert [c.doc_id for c in got] == ["a"] * 3
    got = pick_gist(_q("sum up both pieces", named_docs={"a", "b"}, gist=True), a + b)[0]
    assert [c.doc_id for c in got] == ["a", "a", "b", "b"]


def test_a_person_question_hears_a_titled_name_from_a_little_further_down():
    from rag.answering import TYPED_PREFERENCE, _prefer_typed

    place, person = _cands("a", ["The lease, first granted long ago, was renewed by the harbour board in Oslo.",
                                 "It was first granted by Mayor Ann Berg and the port's chief pilot."])
    place.score, person.score = 1.0, (TYPED_PREFERENCE + 0.77) / 2  # below the usual window, within a person's
    place.typed, person.typed = 0.0, 1.0
    assert _prefer_typed([place, person], _q("who granted the original lease?", qtype="name", person=True)) is person
    assert _prefer_typed([place, person], _q("who granted the original lease?", qtype="name")) is place


def _about(cands: list[Candidate], overlap: float = 0.5) -> list[Candidate]:
    for c in cands:
        c.overlap = overlap  # each shares some of the question's terms
    return cands


def test_yes_no_says_no_when_a_near_sentence_leaves_out_what_is_asked():
    # "night" and "ferri" tell (they weigh at least the question's average); the harbour-wide words do not.
    w = {"night": 2.0, "ferri": 2.0, "permit": 1.0, "cover": 0.5}
    q = _q("does the new permit cover night ferries?", intent="yes_no")
    yes = _about(_cands("a", ["The new permit covers the harbour, its piers and its day routes."], [0.9]))
    out = _about(_cands("a", ["The permit covers day routes, explicitly excluding night ferries."], [0.6], start=500))
    got = pick_yes_no(q, yes + out, w, lambda t: set(terms(t)))
    assert got[2] == "No — " and got[0][0].text.startswith("The permit covers day routes")
    assert pick_yes_no(q, yes + out)[2] == "Yes — "  # without term weights, no exclusion is looked for
    far = _about(_cands("a", ["The permit covers day routes, explicitly excluding night ferries."], [0.4], start=500))
    assert pick_yes_no(q, yes + far, w, lambda t: set(terms(t)))[2] == "Yes — "  # too far from the best to be heard
    asks_out = _q("does the new permit exclude night ferries?", intent="yes_no")
    assert pick_yes_no(asks_out, yes + out, w, lambda t: set(terms(t)))[0][0] is yes[0]  # the plain verdict reads it


def test_left_out_reads_only_what_follows_the_excluding_word():
    w = {"night": 2.0, "ferri": 2.0, "permit": 1.0}
    assert left_out(w, "The permit covers night ferries, excluding barges.", lambda t: set(terms(t))) == set()
    assert left_out(w, "It covers buses; the exclusion of night ferries.", lambda t: set(terms(t))) == {"night", "ferri"}
    assert left_out(w, "It covers night ferries exclusively.", lambda t: set(terms(t))) == set()  # "exclusively" affirms
    # a few rare modifiers ("cutting edge") lift the mean weight over the thing asked about: the median is the bar
    w = {"cut": 2.7, "edg": 2.7, "expand": 2.7, "ferri": 1.8, "night": 1.8, "permit": 0.8}
    assert left_out(w, "It covers day routes, excluding night ferries.", lambda t: set(terms(t))) == {"night", "ferri"}


def test_yes_no_says_no_when_a_near_sentence_denies_the_asked_duty():
    assert duty_denied("does the bakery code force shops to bake at night?", "The code does not mandate any night baking.")
    assert not duty_denied("does the bakery code force shops to bake at night?", "The code requires night baking.")
    assert not duty_denied("does the bakery code cover night baking?", "The code does not require night baking.")
    # a duty put in everyday words: "have to", causative "make … bake"
    assert duty_denied("do shops have to bake at night under the code?", "The code does not mandate any night baking.")
    assert duty_denied("does the bakery code make shops bake at night?", "The code does not mandate any night baking.")
    assert not duty_denied("does the bakery code make baking easier?", "The code does not mandate any night baking.")
    q = _q("does the bakery code force shops to bake at night?", intent="yes_no")
    cands = _about(_cands("a", ["The bakery code has long shaped how shops bake."], [0.9])
                   + _cands("a", ["The bakery code does not mandate any baking at night."], [0.6], start=300))
    assert pick_yes_no(q, cands, {"bakeri": 1.0, "code": 1.0}, lambda t: set(terms(t)))[2] == "No — "


def test_a_near_tie_with_the_best_is_heard_though_it_shares_its_article():
    a = _cands("a", ["Ferries link the two islands daily.", "A new bridge would carry the freight instead."], [0.9, 0.89])
    b = _cands("b", ["Island trade depends on the crossing.", "The harbour opened in 1950."], [0.8, 0.2])
    got, _ = pick_spread(_q("why do the ferries matter", intent="why"), sorted(a + b, key=lambda c: -c.score), limit=2)
    assert [c.doc_id for c in got] == ["a", "a"]  # 0.89 is a tie with 0.9: no 0.85 discount, it beats 0.8
    assert same_article(a[1], a[0], {"a": 1}) == 1.0 and same_article(b[1], a[0], {"a": 1}) == 1.0
    far = _cands("a", ["Ferries stop in winter storms."], [0.8])[0]
    assert same_article(far, a[0], {"a": 1}) == 0.85  # well below the best: the other article's view first


def test_a_named_difficulty_is_heard_though_it_shares_the_best_sentences_article():
    a = _cands("a", ["Ferries need permits to protect the reef.", "The dilemma of telling safe routes from risky ones."],
               [0.9, 0.79])
    b = _cands("b", ["Pilots were hired to avoid the shoals.", "Fares rose to cover fuel."], [0.78, 0.75])
    for c, t in zip(a + b, [1.0, 1.5, 1.0, 1.0]):
        c.typed = t
    got, _ = pick_spread(_q("why is it so hard to pick safe ferry routes", intent="why"),
                         sorted(a + b, key=lambda c: -c.score), limit=2)
    assert got[1].text.startswith("The dilemma")  # typed 1.5 > 1.0: 0.79, not 0.79 * 0.85, beats 0.78
    assert same_article(a[1], a[0], {"a": 1}) == 1.0 and same_article(b[1], a[0], {"b": 1}) == 0.85  # a plain reason: discounted


def test_a_fact_answer_adds_the_sentence_far_closer_in_meaning():
    a = _cands("a", ["Ferry towns on both shores argue about fares.", "The north builds the boats and the south sails them."],
               sims=[0.4, 0.6])
    a[0].score, a[1].score = 0.9, 0.7  # the first holds the question's words, the second its meaning
    q = _q("what is each ferry town good at")
    got, why = closer_in_meaning(q, a, [a[0]], ["best"])
    assert [c.text[:9] for c in got] == ["Ferry tow", "The north"] and why == ["best", "closest"]
    assert closer_in_meaning(_q("when did each ferry town open", qtype="date"), a, [a[0]], ["best"])[0] == [a[0]]
    a[1].score = 0.6  # under 70% of the best: not near enough to be heard
    assert closer_in_meaning(q, a, [a[0]], ["best"])[0] == [a[0]]
    a[1].score, a[1].sim = 0.7, 0.43  # only a little closer in meaning: the words decide
    assert closer_in_meaning(q, a, [a[0]], ["best"])[0] == [a[0]]


def _two_articles(best: str, other: str, typed: tuple[float, float]) -> list[Candidate]:
    cands = _cands("a", [best]) + _cands("b", [other], start=500)
    for c, t in zip(cands, typed):
        c.score, c.overlap, c.typed = 0.8, 0.5, t
    return cands


def test_a_coarser_date_from_another_article_neither_adds_to_the_day_nor_disagrees():
    from rag.answering import pick_fact

    q = _q("on what date was the ferry pact renewed in spring", qtype="date")
    w = {t: 1.0 for t in terms("ferry pact renewed spring")}
    day, month = "The ferry pact was renewed on May 3.", "In May 2021, spring fares rose as the ferry pact was renewed."
    assert pick_fact(q, _two_articles(day, month, (1.0, 0.5)), w)[1] == ["best"]  # "in May 2021" (0.5) after "on May 3"
    other_day = "The ferry pact was renewed on June 9, with spring fares."
    assert pick_fact(q, _two_articles(day, other_day, (1.0, 1.0)), w)[1] == ["best", "disagrees"]  # another day: shown


def test_a_year_is_no_other_length_for_how_long():
    from rag.answering import pick_fact

    q = _q("for how long was the ferry pact renewed", qtype="duration")
    w = {t: 1.0 for t in terms("ferry pact renewed")}
    got = pick_fact(q, _two_articles("The ferry pact was renewed for five years.", "Since 1990 the ferry pact was renewed.",
                                     (1.0, 0.0)), w)
    assert got[1] == ["best"]


def test_a_writers_bio_line_is_not_heard_for_being_close_in_meaning():
    a = _cands("a", ["Ferry towns on both shores argue about fares.", "Ann Lee writes about ferry towns for the Harbor Times."],
               sims=[0.4, 0.6])
    a[0].score, a[1].score = 0.9, 0.7
    a[1].passage.authors = ["Ann Lee"]
    q = _q("what is each ferry town good at")
    assert closer_in_meaning(q, a, [a[0]], ["best"])[0] == [a[0]]  # it names its own writer: a bio line
    a[1].passage.authors = []
    assert closer_in_meaning(q, a, [a[0]], ["best"])[1] == ["best", "closest"]


def test_another_article_is_not_heard_for_a_sentence_weaker_in_meaning_and_in_words():
    a = _cands("a", ["Ferries stop in storms because the piers flood.", "Flooded piers cannot load cars."], [0.7, 0.6])
    b = _cands("b", ["The harbour has ferries and piers."], [0.5])
    a[0].score, a[1].score, b[0].score = 0.9, 0.75, 0.85
    a[0].overlap, a[1].overlap, b[0].overlap = 0.6, 0.4, 0.5
    q = _q("why do the ferries stop", intent="why")
    got, _ = pick_spread(q, sorted(a + b, key=lambda c: -c.score), limit=2)
    assert [c.doc_id for c in got] == ["a", "a"]  # 0.2 farther in meaning and fewer of the words: its article adds nothing
    assert weaker_view(b[0], [a[0]])
    b[0].sim = 0.6  # only a little farther in meaning: another article's view comes first, as before
    got, _ = pick_spread(q, sorted(a + b, key=lambda c: -c.score), limit=2)
    assert [c.doc_id for c in got] == ["a", "b"]


def test_a_question_asking_for_the_conclusion_is_answered_by_the_closing_statements():
    texts = ["The harbor plan doubles the number of night ferries.", "Fares for islanders will stay frozen until 2031.",
             "The new pier is a fine place to watch the boats come in.", "Storm damage closed the old pier for a week.",
             "So the council should fund the plan before the next storm season.",
             "Without it the islands will be cut off every winter."]
    cands = _cands("a", texts, sims=[0.9, 0.88, 0.86, 0.85, 0.6, 0.55]) + _cands("b", ["The dock column calls the plan too costly for the town.",
                                                                                   "It ends by urging a vote on the fares."], [0.9, 0.5])
    q = _q("how do the harbor and dock conclusions compare?", named_docs={"a", "b"}, gist=True)
    got = {c.text for c in pick_gist(q, cands)[0]}
    assert texts[4] in got and texts[5] in got and "It ends by urging a vote on the fares." in got
    plain = _q("sum up the harbor and dock pieces", named_docs={"a", "b"}, gist=True)
    assert texts[5] not in {c.text for c in pick_gist(plain, cands)[0]}  # a summary: the closing counts a little


def test_an_overview_point_brings_the_listing_a_sentence_or_two_after_it():
    cands = _cands("a", ["In 2020 the town revised its harbour plan to meet rising demand.",
                         "The revised plan was agreed in the town hall after long talks.",
                         "It now covers longer hours, lower fares, and a new pier.",
                         "Boats also sail at night, on weekends, and in winter."])
    assert listing_within([cands[0]], cands) == (0, cands[2])  # the listing one sentence further spells the point out
    assert listing_within([cands[2]], cands) is None  # the chosen sentence lists already
    assert listing_within([cands[0], cands[2]], cands) is None  # its listing is in the answer already
    assert listing_within([cands[0]], cands, reach=1) is None  # beyond reach
    far = _cands("b", ["The ferry pact was renewed last spring after a long wait for both towns.", "Nobody objected to it.",
                       "The talks were long.", "It covers fares, piers, and hours."])
    assert listing_within([far[0]], far) is None  # three sentences on: another point's listing


def test_a_list_answer_brings_the_listing_two_sentences_after_its_point():
    from rag.answering import _pick
    cands = _cands("a", ["The new harbour plan adds safeguards for the ferry crews.",
                         "The plan was agreed after long talks in the town hall.",
                         "They cover life jackets, radios, and night lights."], [0.9, 0.3, 0.2])
    q = _q("what safeguards are in the new harbour plan", intent="list")
    chosen, why, _, _ = _pick(q, cands, {t: 1.0 for t in q.terms})
    assert chosen[-1] is cands[2] and why[-1] == "listing_within"


def test_a_comparison_or_untyped_fact_brings_the_listing_that_spells_out_its_point():
    from rag.answering import _with_neighbours
    cands = _cands("a", ["The revised harbour plan narrows the scope of the ferry service.",
                         "It was agreed after long talks in the town hall.",
                         "It now covers the north pier, night sailings, and winter fares."], [0.9, 0.3, 0.2])
    weights = {"harbour": 1.0, "plan": 1.0}
    for q in (_q("how is the old harbour plan different from the new one", intent="compare"),
              _q("what does the harbour plan do these days", intent="fact")):
        chosen, why = _with_neighbours(q, cands, [cands[0]], ["best"], weights)
        assert why[chosen.index(cands[2])] == "listing_within"
        assert cands[1] in chosen  # what the writer put between them is read with them (rag.between, or ``elaboration``)
    dated = _q("when was the harbour plan revised", intent="fact", qtype="date")  # a date asked: the listing adds nothing
    assert _with_neighbours(dated, cands, [cands[0]], ["best"], weights)[0] == [cands[0]]
    assert _with_neighbours(_q("does the harbour plan cover piers", intent="yes_no"), cands, [cands[0]], ["best"],
                            weights)[0] == [cands[0]]


def test_each_article_quoted_brings_the_listing_that_spells_out_its_point():
    harbour = _cands("a", ["The harbour piece says the plan narrows the ferry service.", "Talks were long.",
                           "It now covers the north pier, night sailings, and winter fares."])
    dock = _cands("b", ["The dock column calls the plan a compromise.",
                        "It keeps the south pier, day sailings, and summer fares."], start=500)
    cands = harbour + dock
    assert listings_within([harbour[0], dock[0]], cands) == [harbour[2], dock[1]]  # one for each side, not the first only
    assert listing_within([harbour[0], dock[0]], cands) == (0, harbour[2])
    assert listings_within([harbour[0], harbour[1], dock[1]], cands) == [harbour[2]]  # the dock side lists already
    assert listings_within([harbour[0], harbour[2]], cands) == []  # its listing is in the answer already


def test_an_answer_of_max_spelled_sentences_takes_no_more_spelling_out():
    from rag.answering import MAX_SPELLED, _with_neighbours
    harbour = _cands("a", ["The harbour piece says the plan narrows the ferry service.", "Talks were long.",
                           "It now covers the north pier, night sailings, and winter fares."])
    others = [_cands(d, [f"The {d} column weighs the ferry plan."], start=500)[0] for d in "bcdefgh"]
    q = _q("what does the ferry plan do these days", intent="fact")
    weights = {"ferri": 1.0, "plan": 1.0}
    room = [harbour[0]] + others[:MAX_SPELLED - 2]
    assert _with_neighbours(q, harbour + others, room, ["side"] * len(room), weights)[0][-1] is harbour[2]
    full = [harbour[0]] + others[:MAX_SPELLED - 1]  # a wall of quotes on a phone already: nothing joins it
    assert _with_neighbours(q, harbour + others, full, ["side"] * len(full), weights)[0] == full


def test_a_comparisons_short_sentence_brings_the_one_that_spells_it_out():
    from rag.answering import _with_neighbours
    cands = _cands("a", ["Will the two towns sign the ferry pact?",
                         "After talks last week, both towns are still at the table and expect a deal by May."], [0.9, 0.2])
    q = _q("how did the harbour piece and the dock column see the ferry pact", intent="compare")
    chosen, why = _with_neighbours(q, cands, [cands[0]], ["side"], {"ferri": 1.0, "pact": 1.0})
    assert chosen[-1] is cands[1] and why[-1] == "elaborates"
    fact = _q("will the towns sign the ferry pact", intent="yes_no")  # a verdict's evidence is not spelled out
    assert _with_neighbours(fact, cands, [cands[0]], ["evidence"], {"ferri": 1.0, "pact": 1.0})[0] == [cands[0]]


def test_a_list_announced_by_the_leading_sentence_is_read_in_the_next_one():
    cands = _cands("a", ["The 2020 harbour plan marks a big change.",
                         "The new plan entails longer hours, lower fares, and a new pier.", "The pier opened in May."])
    assert listing_after([cands[0]], cands) == (0, cands[1])  # the leader lists nothing: the list follows it
    other = _cands("b", ["Ferries ran late."])
    assert listing_after([other[0], cands[0]], other + cands) is None  # not the leader: no sign it announces a list
    listed = _cands("c", ["The plan covers piers, fares, and hours.", "The town adds buses, bikes, and trams."])
    assert listing_after([listed[0]], listed) is None  # the leader is the list already


def test_yes_no_hears_a_denial_that_a_close_sentence_leans_on():
    q = _q("does the pact force agencies to share boats", intent="yes_no")
    cands = _cands("a", ["The pact does not mandate anything.", "Instead, it sets terms for agencies that share boats."],
                   [0.3, 0.6])
    for c, overlap in zip(cands, (0.2, 0.8)):
        c.overlap = overlap
    pillar = _cands("c", ["The pact has long been a pillar for agencies that share boats."], [0.7])
    pillar[0].overlap = 0.8
    ranked = [pillar[0], cands[1], cands[0]]  # the best says nothing against; the denial sits before the second
    assert leaned_on(ranked, 0.5) == [cands[0]]
    chosen, why, prefix, _ = pick_yes_no(q, ranked, {t: 1.0 for t in q.terms}, lambda t: set(terms(t)))
    # the sentence leaning on the denial follows it: it says what the pact does instead
    assert prefix == "No — " and chosen == [cands[0], cands[1]] and why == ["denial", "leaning"]
    plain = _cands("b", ["The pact was signed in May.", "It sets terms for agencies that share boats."], [0.3, 0.6])
    assert leaned_on([plain[1], plain[0]], 0.5) == []  # the close sentence leans on nothing


def test_yes_no_evidence_is_followed_by_the_next_sentence_holding_the_asked_detail():
    q = "Was the ferry pact signed in Oslo?"
    w = {"ferri": 1.0, "pact": 1.0, "sign": 1.0, "oslo": 2.0}
    cands = _cands("a", ["In May the ports signed a ferry pact.", "The pact, finalized in Oslo, covers night runs."])
    assert asked_detail_next(q, w, cands[0], cands) is cands[1]
    assert asked_detail_next("Was the ferry pact signed in May?", {"ferri": 1.0, "pact": 1.0, "sign": 1.0, "may": 2.0},
                             cands[0], cands) is None  # the evidence holds the detail itself
    denied = _cands("b", ["In May the ports signed a ferry pact.", "It was not finalized in Oslo."])
    assert asked_detail_next(q, w, denied[0], denied) is None  # the next sentence points the other way


def test_yes_no_coverage_leaves_out_the_participle_naming_the_subject():
    cands = _cands("a", ["The agreement sustains harbour protections.", "These updates reflect harbour theft."], [0.6, 0.58])
    for c, overlap in zip(cands, (0.5, 0.6)):
        c.overlap = overlap
    w = {"updat": 1.0, "protect": 1.0, "harbour": 3.0}  # "updated" holds a fifth of the question's weight
    assert claim_evidence(cands, "Does the updated pact still protect harbours?", set(), w) is cands[0]
    assert claim_evidence(cands, "Was the pact updated to protect harbours?", set(), w) is cands[1]


def test_an_article_that_only_sets_the_scene_is_heard_beside_the_others():
    from rag.spread import heard_from
    a = _cands("a", ["The port hoped for night ferries."], [0.9])
    b = _cands("b", ["The new timetable drops the night ferry."], [0.8])
    asked = _q("why did the harbor piece want night ferries?", intent="why", named_docs={"a"})
    assert {c.doc_id for c in heard_from(asked, a + b)} == {"a"}  # its reasons only
    scene = _q("the harbor piece hoped for night ferries - how does that square with the timetable?", intent="why",
               named_docs={"a"}, scene_named=True)
    assert {c.doc_id for c in heard_from(scene, a + b)} == {"a", "b"}  # what the timetable did is told elsewhere


def test_a_short_claim_brings_the_example_that_spells_it_out():
    from rag.neighbours import example_after
    a = _cands("a", ["The two ports have complementary strengths.",
                     "For example, the north port builds the ferries, while the south port runs them.",
                     "Both ports hope to grow."])
    assert example_after([a[0]], a) == (0, a[1])
    assert example_after([a[1]], a) is None  # nothing after it gives its example
    b = _cands("b", ["The two ports have complementary strengths.", "Both ports hope to grow."])
    assert example_after([b[0]], b) is None  # the next sentence moves on
    long = _cands("c", ["The two ports have long had strengths of their own, and the council has said so in each of "
                        "its yearly reports on the harbour.", "For example, the north port builds ferries."])
    assert example_after([long[0]], long) is None  # a long sentence says enough on its own


def test_a_question_about_what_was_done_marks_down_sentences_of_what_may_be():
    from rag.evidence import _MAY_BE
    from rag.query import asks_done

    assert asks_done("what has the ferry pact achieved so far?") and not asks_done("what could the ferry pact achieve?")
    assert _MAY_BE.search("The pact has the potential to link the ports.") and _MAY_BE.search("It could help.")
    assert not _MAY_BE.search("The pact linked the ports in 1990.")


def test_an_overview_ranks_a_sentence_every_article_could_say_below_an_equally_close_specific_one():
    from rag.evidence import candidates
    from rag.lexicon import Lexicon

    a, b = "The ferry deal matters for the whole region.", "The ferry deal funded forty piers and two docks."
    text = a + " " + b
    p = Passage(chunk_id="d:0", doc_id="d", text=text, start=0, end=len(text), sentences=[(0, len(a)), (len(a) + 1, len(text))],
                title="", outlet="", authors=[], date="", url="", kind="body", sims={0: 0.6, len(a) + 1: 0.6},
                typical={0: 0.2, len(a) + 1: -0.1})
    lex = Lexicon.build([p], [""])
    q = _q("what has the ferry deal done?", intent="overview")
    assert [c.text for c in candidates(q, [p], lex, set(), {t: 1.0 for t in q.terms})][0] == b
    q.intent = "fact"  # only an overview reads how typical a sentence is
    tied = candidates(q, [p], lex, set(), {t: 1.0 for t in q.terms})
    assert tied[0].score == tied[1].score


def test_a_sentences_typicality_is_its_cosine_to_the_collections_centre_above_the_mean():
    import numpy as np

    from rag.typical import centre_of, with_typicality

    vecs = np.array([[1.0, 0.0], [0.6, 0.8], [0.0, 1.0]], dtype=np.float32)
    centre = centre_of(vecs)
    p = Passage(chunk_id="d:0", doc_id="d", text="A b. C d.", start=0, end=9, sentences=[(0, 4), (5, 9)])
    got = with_typicality([p], centre, lambda _: vecs[1:])[0].typical
    assert got[0] > 0 > got[5]  # the middle vector is nearer the centre than the average; an end one is farther
    assert with_typicality([p], centre, lambda _: None)[0].typical == {}  # vectors not at hand: left as it is
    assert with_typicality([p], None, lambda _: vecs[1:]) == [p]


def test_a_list_question_reads_the_sentence_adding_one_more_after_a_chosen_one():
    cands = _cands("a", ["Storms have raised the port's worries about the ferries.",
                         "The silting of the harbour has also deepened doubts about the fares.", "The town hall is old."])
    assert listing_after([cands[0]], cands) == (0, cands[1])  # "has also": one more worry
    added = _cands("b", ["Fares rose in May.", "Additionally, the pier was closed for repairs."])
    assert listing_after([added[0]], added) == (0, added[1])
    plain = _cands("c", ["Storms have raised worries.", "The ferry was repainted blue in June."])
    assert listing_after([plain[0]], plain) is None  # what follows adds nothing to it


def test_a_subheading_naming_the_kind_of_things_asked_for_states_the_list():
    from rag.intent import listed_kind
    from rag.sections import listed_under_heading

    text = ("Harbours changed a lot.\n\n## Main Duties of the Harbour Master\n\n- Pilotage: guiding ships in.\n\n"
            "- Berths: assigning quays.\n\n- Fees: charging each ship.\n\nThe port grew after that.")
    cands = _section_passage("a", text)
    q = "what are the main duties the port lists for how the harbour works today?"
    weights = {"duti": 1.0, "port": 2.0, "harbour": 1.0, "work": 2.0, "today": 2.0}
    assert listed_under_heading(cands, weights) == []  # the heading holds a quarter of the question's weight
    got = listed_under_heading(cands, weights, listed_kind(q))  # but it names the duties asked for
    assert [c.text.split(":")[0] for c in got] == ["Pilotage", "Berths", "Fees"]
    assert listed_under_heading(cands, weights, listed_kind("which fees does the port charge?")) == []


def test_a_place_question_hears_the_sentence_naming_a_place_from_further_down():
    from rag.answering import _prefer_typed

    topic, place = _cands("a", ["Recent versions of the lease, such as the 2010 one, capped the fees.",
                                "The revised lease, finalized in Bergen after long talks, narrows the fees."])
    topic.score, place.score = 1.0, 0.73  # it tells the act in other words than the question's
    topic.typed, place.typed = 0.0, 1.0
    assert _prefer_typed([topic, place], _q("in which city did they wrap up the new version?", qtype="place")) is place
    assert _prefer_typed([topic, place], _q("on what date did they wrap up the new version?", qtype="date")) is topic


def test_a_year_side_is_heard_in_a_sentence_naming_no_other_year():
    cands = _cands("a", ["The 2018 tweak added berths.", "In 2024 the port updated its 1979 charter.",
                         "The 2024 changes cut fares."], [0.5, 0.9, 0.6])
    got = pick_sides(_q("x", sides=[["2018"], ["2024"]]), cands)
    assert [c.text for c in got] == ["The 2018 tweak added berths.", "The 2024 changes cut fares."]


def test_a_side_set_apart_by_the_year_after_its_noun_is_that_year():
    got = sides_of("How did the trump-era update to the pact differ from the changes made in 2024?")
    assert got == ["trump-era", "2024"]  # "update" and "changes" are what both sides are
    assert sides_of("the port vs the council on fares in 2024") == ["the port", "the council"]
def test_a_prose_section_whose_subheading_states_the_question_is_heard():
    from rag.sections import under_named_heading

    text = ("Harbours changed a lot.\n\n## The Harbour Fee Dispute\n\nShips once paid little. "
            "This creates a rift: the owners want low tolls and the council wants upkeep.\n\n"
            "## Key Duties of the Harbour\n\n- Fees: charging each ship.\n\n- Berths: assigning quays.")
    spans = [(0, 23), (53, 76), (77, 153)]
    p = Passage(chunk_id="a:0", doc_id="a", text=text, start=0, end=len(text), sentences=spans, kind="body")
    intro, once, rift = [Candidate(0, p, a, b, text[a:b], set(terms(text[a:b]))) for a, b in spans]
    other = _cands("b", ["Harbour tolls are a clash over money for the quays."])[0]
    weights = {"main": 1.0, "disput": 2.0, "harbour": 1.0, "toll": 2.0}
    # the section's best sentence joins what the scores chose elsewhere (its subheading holds half the question's weight)
    assert under_named_heading([other, rift, once, intro], [other], weights) is rift
    assert under_named_heading([other, rift, once], [other, once], weights) is None  # the section is heard already
    assert under_named_heading([other, rift], [other], {"ferri": 2.0, "toll": 1.0}) is None  # not what is asked
    # a bulleted section is a list, not a section heard by one sentence (``listed_under_heading``)
    items = _section_passage("a", text[text.index("## Key"):], start=text.index("## Key"))
    assert under_named_heading(items, [other], {"duti": 2.0, "harbour": 1.0}) is None


def test_a_passage_opening_mid_section_knows_its_subheading_from_the_article():
    import numpy as np

    from rag.layout import heading_at, subheadings
    from rag.sections import section_heading

    first = Passage("a:0", "a", "Intro.\n\n## The Fee Dispute\n\nShips paid.", 0, 40, [], kind="body")
    card = Passage("a:c", "a", "## Not a heading of the body", -1, -1, [], kind="metadata")
    heads = subheadings([first, card])
    assert heads == {"a": [(8, "The Fee Dispute")]}
    later = Passage("a:1", "a", "This creates a rift.", 41, 61, [], kind="body", section=heading_at(heads["a"], 41))
    assert section_heading(Candidate(0, later, 0, 20, later.text, set())) == "The Fee Dispute"
    assert heading_at(heads["a"], 3) == ""  # before the first subheading


def test_a_titled_section_of_another_article_is_not_heard_when_the_question_names_one():
    from rag.answering import _with_neighbours

    text = "## The Harbour Fee Dispute\n\nThis creates a rift: owners want low tolls and the council wants upkeep."
    p = Passage(chunk_id="a:0", doc_id="a", text=text, start=0, end=len(text), sentences=[(28, len(text))], kind="body")
    rift = Candidate(0, p, 28, len(text), text[28:], set(terms(text[28:])))
    other = _cands("b", ["Harbour tolls are a clash over money for the quays."])[0]
    weights = {"main": 1.0, "disput": 2.0, "harbour": 1.0, "toll": 2.0}
    q = _q("what is the main harbour dispute over tolls?", intent="overview")
    assert _with_neighbours(q, [other, rift], [other], ["best"], weights) == ([other, rift], ["best", "section"])
    named = _q("what is the main harbour dispute over tolls, per the b piece?", intent="overview", named_docs={"b"})
    assert _with_neighbours(named, [other, rift], [other], ["best"], weights) == ([other], ["best"])


def test_a_how_does_it_work_answer_hears_another_article_stating_the_means_its_leader_lacks():
    a = _cands("a", ["The ferry pact has linked the two towns since 1990."], [0.7])
    b = _cands("b", ["It sets the terms for joint ferry routes."], [0.45])
    a[0].score, b[0].score = 0.9, 0.8
    a[0].overlap, b[0].overlap = 0.6, 0.3
    a[0].typed, b[0].typed = 0.0, 1.0  # only b states a means or an arrangement
    q = _q("how does the ferry pact work", intent="why", means=True)
    assert [c.doc_id for c in pick_spread(q, [a[0], b[0]], limit=2)[0]] == ["a", "b"]
    b[0].typed = 0.0  # states nothing of what is asked: the other article's view is weaker
    assert [c.doc_id for c in pick_spread(q, [a[0], b[0]], limit=2)[0]] == ["a"]


def test_a_why_answer_hears_another_article_giving_the_reason_its_leader_lacks():
    # the leader restates the extensions in the question's words; the other article gives them with their grounds
    a = _cands("a", ["Today the ferry pact, twice extended for six months, is due to lapse again."], [0.7])
    b = _cands("b", ["The pact was extended twice, reflecting both towns' wish to keep it."], [0.35])
    a[0].score, b[0].score = 0.6, 0.5
    a[0].overlap, b[0].overlap = 0.56, 0.3
    a[0].typed, b[0].typed = reason_strength(a[0].text), reason_strength(b[0].text)
    q = _q("how come the ferry pact kept getting short extensions?", intent="why")
    assert [c.doc_id for c in pick_spread(q, [a[0], b[0]], limit=2)[0]] == ["a", "b"]


def test_what_the_question_sets_aside_weighs_nothing_in_matching_sentences():
    """ "how could it help science worldwide and not just between the two countries?": a sentence on the two
    countries' agreement speaks of what is set aside; its words (and the connective's own) must not rank it first."""
    from rag.evidence import asked_weights
    from rag.intent import set_aside_text
    from rag.text import terms

    aside = terms(set_aside_text("how could it help science worldwide and not just between the two countries"))
    assert "countri" in aside and "scienc" not in aside
    w = {"help": 3.0, "scienc": 1.0, "two": 1.3, "countri": 1.8}
    assert asked_weights(_q("q", set_aside=aside), w) == {"help": 3.0, "scienc": 1.0, "two": 0.0, "countri": 0.0}
    assert asked_weights(_q("q", set_aside=["countri"]), {"countri": 1.8}) == {"countri": 1.8}  # nothing else: kept
    assert "instead" in terms(set_aside_text("why shrink it instead of renewing it?"))


def test_yes_no_evidence_of_equal_coverage_is_the_sentence_telling_the_act_done_in_the_asked_place():
    # "talks in Oslo" shares only the place word; "finalized in Oslo" tells where the deal was wrapped up
    cands = _cands("a", ["Based on talks in Oslo last week, the two ports are still at the table.",
                         "The ferry pact, finalized in Oslo after long talks, narrows the routes."], [0.60, 0.59])
    for c in cands:
        c.overlap = 0.3
    assert claim_evidence(cands, "was the ferry pact wrapped up in oslo?") is cands[1]
    assert claim_evidence(cands, "was the ferry pact discussed by the ports?") is cands[0]  # no place asked


def test_yes_no_hears_a_sentence_leaving_out_the_thing_the_question_ends_on_though_everyday_words_weigh_more():
    w = {"new": 2.4, "let": 1.4, "work": 2.7, "togeth": 2.7, "barg": 2.1}  # the thing asked weighs below the median
    said = "The new permit covers day ferries, excluding barges and tugs."
    terms_of = lambda t: set(terms(t))  # noqa: E731
    assert left_out(w, said, terms_of) == {"barg"}
    assert left_out(w, "The new permit covers barges, excluding tugs.", terms_of) == set()


def test_yes_no_evidence_sharing_only_incidental_words_gives_way_to_the_near_sentence_closer_in_meaning():
    from rag.yesno import closer_paraphrase
    cands = _cands("a", ["The two ports are still at the table over fares.",
                         "The ferry pact works as a guardrail against a breakdown of contact."], [0.35, 0.42])
    cands[0].score, cands[1].score = 0.60, 0.55
    cands[0].overlap, cands[1].overlap = 0.2, 0.1
    assert closer_paraphrase(cands[0], cands) is cands[1]
    cands[0].overlap = 0.6  # the evidence holds the question's words: it stays
    assert closer_paraphrase(cands[0], cands) is cands[0]
    cands[0].overlap, cands[1].score = 0.2, 0.4  # the closer sentence scores far below: it stays
    assert closer_paraphrase(cands[0], cands) is cands[0]


def test_a_list_question_hears_first_the_sentence_listing_the_asked_kind():
    # "what events…": the sentence listing events ("Events such as…") is the list, though others outscore it
    a = _cands("a", ["The ferries suffered a long decline.", "Events such as the flood, the fire and the strike deepened it."],
               [0.9, 0.8])
    b = _cands("b", ["Ferry fares rose across the region."], [0.85])
    q = _q("what events hurt the ferries", intent="list", listed="event")
    got, _ = pick_spread(q, sorted(a + b, key=lambda c: -c.score), limit=2)
    assert [c.text for c in got] == [a[0].text, a[1].text]
    got, _ = pick_spread(_q("what ports hurt the ferries", intent="list", listed="port"), sorted(a + b, key=lambda c: -c.score),
                         limit=2)
    assert got[1] is b[0]  # no listing of the asked kind: the spread as before


def test_a_listing_of_the_asked_kind_is_heard_below_the_spread_and_by_a_clipped_noun():
    # "which techs…": "technologies such as…" lists that kind, at 0.7 of the best (below the spread's 0.8)
    a = _cands("a", ["The ferries got a new version of the pact.", "Technologies such as radar, sonar and lidar were cut."],
               [0.9, 0.63])
    b = _cands("b", ["Ferry fares rose across the region."], [0.85])
    got, _ = pick_spread(_q("which techs got cut", intent="list", listed="tech"), sorted(a + b, key=lambda c: -c.score), limit=2)
    assert got[1] is a[1]
    low = _cands("a", ["The ferries got a new version of the pact.", "Technologies such as radar, sonar and lidar were cut."],
                 [0.9, 0.5])
    got, _ = pick_spread(_q("which techs got cut", intent="list", listed="tech"), sorted(low + b, key=lambda c: -c.score),
                         limit=2)
    assert got[1] is b[0]  # far below the best: not heard


def test_old_and_new_set_two_times_apart_even_when_the_sides_are_not_read_as_times():
    from types import SimpleNamespace as Q

    from rag.compare import two_times
    from rag.contrast import asks_two_times

    q = "how does the harbor piece describe the old way of running ferries versus the new way"
    assert asks_two_times(q)  # "old" and "new" are two time words
    assert two_times(Q(sides=[["run", "ferri"], ["new", "way"]], two_times=True))
    assert not two_times(Q(sides=[["port"], ["council"]], two_times=False))


def test_a_sentence_spelling_out_initials_the_articles_never_write_holds_them():
    a, b = "The port's own board was modeled after the Oslo Harbor Research Authority.", "Ferry fares rose again."
    text = f"{a} {b}"
    p = Passage(chunk_id="d:0", doc_id="d", text=text, start=0, end=len(text), sentences=[(0, len(a)), (len(a) + 1, len(text))],
                title="", outlet="", authors=[], date="", url="", kind="body", sims={0: 0.4, len(a) + 1: 0.4})
    from rag.evidence import candidates
    from rag.lexicon import Lexicon

    lex = Lexicon.build([p], [""])
    q = _q("the port's own version of the hra, was that copied?")
    cands = candidates(q, [p], lex, set(), {t: lex.idf(t) for t in q.terms})
    assert cands[0].text == a and "hra" in cands[0].terms
    assert "hra" not in [c for c in cands if c.text == b][0].terms


def test_a_dashed_aside_is_no_clause_of_its_own():
    sentence = "But today the pact — which was extended twice last year — is due to lapse yet again."
    assert focus_clause("had the pact been renewed?", sentence) == "But today the pact is due to lapse yet again."
    assert verdict("had the pact been renewed?", sentence) == "no"  # the subject's clause goes on after the aside


def test_a_yes_no_claim_dated_by_an_articles_writing_is_read_in_what_it_says_of_its_present():
    from rag.itsday import as_written
    text = "had the pact already been renewed when the harbour piece was written?"
    assert as_written(text) and not as_written("was the pact renewed?")
    cands = _cands("a", ["Earlier versions of the pact had already added port rules.", "Today the pact is due to lapse."],
                   [0.6, 0.45])
    for c in cands:
        c.overlap = 0.5
    w, terms_of = {t: 1.0 for t in terms(text)}, lambda t: set(terms(t))
    chosen, _, prefix, _ = pick_yes_no(_q(text, intent="yes_no", as_written=True), cands, w, terms_of)
    assert prefix == "No — " and chosen[0].text.startswith("Today")
    chosen, _, prefix, _ = pick_yes_no(_q(text, intent="yes_no"), cands, w, terms_of)
    assert prefix == "Yes — " and chosen[0].text.startswith("Earlier")  # undated: the sentence holding the claim
    far = _cands("a", ["Earlier versions of the pact had already added port rules.", "Today the pact is due to lapse."],
                 [0.6, 0.3])
    for c in far:
        c.overlap = 0.5
    assert pick_yes_no(_q(text, intent="yes_no", as_written=True), far, w, terms_of)[0][0].text.startswith("Earlier")


def test_a_yes_no_question_asking_if_something_is_acceptable_is_denied_by_a_sentence_judging_it_a_mistake():
    text = "does the harbour writer think it's fine to let the feud wreck the ferry pact?"
    cands = _cands("a", ["The feud puts all the benefits of the ferry pact at stake.",
                         "It would be a mistake for the ferry pact to be damaged by the feud."], [0.6, 0.45])
    for c in cands:
        c.overlap = 0.5
    w, terms_of = {t: 1.0 for t in terms(text)}, lambda t: set(terms(t))
    chosen, why, prefix, _ = pick_yes_no(_q(text, intent="yes_no"), cands, w, terms_of)
    assert prefix == "No — " and chosen[0].text.startswith("It would be a mistake") and why == ["denial"]
    plain = "does the harbour writer think the feud could wreck the ferry pact?"  # no judgement asked: the claim decides
    assert pick_yes_no(_q(plain, intent="yes_no"), cands, {t: 1.0 for t in terms(plain)}, terms_of)[0][0] is cands[0]


def test_a_coverage_question_hears_the_articles_outline():
    # "what's the harbour piece covering?": each paragraph's lead in reading order, the side story's too, though
    # the gist's most typical statements (by sim) would leave that paragraph out
    paras = [["The harbour board raised the night ferry fares in May.", "The rise was the first in ten years."],
             ["The new fares apply only to the island routes for now.", "Commuters on the mainland pay as before."],
             ["In a related development, a shipyard in the north has opened a new dock for the ferries.",
              "It employs some forty welders from the town."],
             ["The board says that the fares will be reviewed again next spring."]]
    text, spans = "", []
    for para in paras:
        for s in para:
            spans.append((len(text), len(text) + len(s)))
            text += s + " "
        text = text[:-1] + "\n\n"
    p = Passage(chunk_id="a:0", doc_id="a", text=text, start=0, end=len(text), sentences=spans, title="", outlet="",
                authors=[], date="", url="", kind="body")
    cands = []
    for i, (a, b) in enumerate(spans):
        c = Candidate(0, p, a, b, text[a:b], set(terms(text[a:b])))
        c.sim = c.score = [0.9, 0.88, 0.87, 0.86, 0.3, 0.2, 0.85][i]
        cands.append(c)
    leads = [para[0] for para in paras]
    covering = _q("what's the harbour piece covering?", named_docs={"a"}, gist=True, coverage=True)
    assert [c.text for c in pick_gist(covering, cands)[0]] == leads
    assert leads[2] not in {c.text for c in pick_gist(_q("sum up the harbour piece", named_docs={"a"}, gist=True), cands)[0]}


def test_articles_set_apart_by_their_writing_are_answered_by_where_things_stood_in_each():
    """"Was A written before the vote and B after?": each named article's sentence opening on the time of its writing
    or on the day of the event, though sentences restating the topic outrank them."""
    q = _q("was the harbor piece written before the vote and the dock one after?", intent="compare",
           named_docs={"a", "b"}, written_apart=True)
    a = _cands("a", ["The ferry vote matters for the harbor.", "But today the ferry plan is due to lapse again.",
                     "The harbor has long relied on ferries."], [0.6, 0.2, 0.5])
    b = _cands("b", ["The vote on ferries was long awaited.", "Finally, on May 3, the council passed the ferry plan."],
               [0.55, 0.1], start=1000)
    other = _cands("c", ["Today the ferry plan is popular."], [0.9], start=2000)
    cands = sorted(a + b + other, key=lambda c: -c.score)
    chosen, why = pick_status(q, cands)
    assert [c.text for c in chosen] == ["But today the ferry plan is due to lapse again.",
                                        "Finally, on May 3, the council passed the ferry plan."]
    assert why == ["status", "status"]
    assert pick_status(_q("x", named_docs={"d"}), cands) is None  # no sentence of the named article: compared as before


def test_a_comparison_asking_how_things_stand_hears_each_named_articles_words_of_the_moment():
    """"How does A's outlook differ from B's?": A's "But now…, it is under threat" joins, in place of A's last topic
    sentence; a comparison asking nothing of the kind is left as chosen."""
    q = _q("how does the harbor piece's outlook differ from the dock one?", intent="compare",
           named_docs={"a", "b"}, state=True)
    a = _cands("a", ["The ferry plan brought many benefits.", "But now after ten years, the ferry plan is under threat.",
                     "Ferries carry cars."], [0.6, 0.1, 0.5])
    b = _cands("b", ["The dock plan is popular."], [0.55], start=1000)
    chosen, why = with_status(q, a + b, [a[0], a[2], b[0]], ["side", "side", "side"])
    assert [c.text for c in chosen] == ["The ferry plan brought many benefits.", "The dock plan is popular.",
                                        "But now after ten years, the ferry plan is under threat."]
    assert why[-1] == "status"
    q.state = False
    assert with_status(q, a + b, [a[0]], ["side"]) == ([a[0]], ["side"])


def test_where_things_stood_comes_with_the_writers_judgement_of_it_right_after():
    """"Finally, on May 3, the council passed the plan." -> "This marks a turning point for the port.": the mood asked."""
    q = _q("how does the mood of the harbor piece differ from the dock one?", intent="compare", named_docs={"a", "b"},
           state=True)
    a = _cands("a", ["Finally, on May 3, the council passed the plan.", "This marks a turning point for the port.",
                     "Ferries carry cars."], [0.1, 0.1, 0.6])
    b = _cands("b", ["But today the plan is in doubt.", "Ferries are slow."], [0.1, 0.5], start=1000)
    chosen, _ = with_status(q, a + b, [a[2], b[1]], ["side", "side"])
    assert [c.text for c in chosen][2:] == ["Finally, on May 3, the council passed the plan.",
                                            "This marks a turning point for the port.", "But today the plan is in doubt."]


def test_a_reported_view_backing_the_sentence_before_brings_the_writers_own_view_in_ahead_of_it():
    """"Indeed, critics see every ferry as a risk." backs the writer's "Cutting it risks losing the link between
    towns.": the writer's side joins right ahead; a reported view that backs nothing is left alone."""
    cands = _cands("a", ["Cutting the ferry risks losing the link between towns.",
                         "Indeed, critics see every ferry as a risk to the port.", "Ferries carry cars."])
    chosen, why = rejoinder(None, cands, [cands[1], cands[2]], ["side", "side"])
    assert [c.text[:12] for c in chosen] == ["Cutting the ", "Indeed, crit", "Ferries carr"]
    assert why == ["rejoinder", "side", "side"]
    plain = _cands("b", ["Ferries are slow.", "Critics see every ferry as a risk to the port."])
    assert rejoinder(None, plain, [plain[1]], ["side"]) == ([plain[1]], ["side"])


def test_a_side_wanting_the_thing_gone_is_its_critics():
    """"those who want it gone", "people who want to scrap the plan": critics named by what they want done with it."""
    assert stance_of_clause("those who want it gone") == "critics"
    assert stance_of_clause("the people who want to scrap the ferry plan") == "critics"
    assert "concern" in stance_side(["want", "gone"], "those who want it gone")
    assert stance_of_clause("those who want it renewed") == ""  # wanting it kept names no critic


def test_a_comparison_asking_when_is_led_by_the_sentence_naming_both_days():
    from rag.compare import dated_pair
    q = _q("how does the date they signed the lease compare to when it began?", intent="compare", when=True)
    cands = _cands("a", ["The port signed the lease after long talks.", "The port signed it on May 3, in force from April 1.",
                         "The lease covers ferries."], [0.7, 0.42, 0.3])
    chosen, why = dated_pair(q, cands, cands[:1], ["side"])
    assert chosen[0].text.startswith("The port signed it on May 3") and why[0] == "two_days"
    assert dated_pair(_q("what does the lease cover?", intent="compare"), cands, cands[:1], ["side"])[0] == cands[:1]


def test_the_sentence_stating_a_bound_or_a_rate_leads_when_it_scores_near_the_best():
    from rag.answering import _prefer_typed
    from rag.evidence import bound_asked

    topic, bound = _cands("a", ["Recent versions of the lease raised the fees.",
                                "The updated lease covers cargo ferries exclusively."], sims=[0.5, 0.42])
    topic.typed, bound.typed = 0.0, 1.0
    limited = _q("what kind of boats is the new version of the lease limited to?", intent="fact", limit=True)
    assert bound_asked(limited) and _prefer_typed([topic, bound], limited) is bound
    often = _q("how often is the lease renewed?", intent="fact", rate=True)
    assert bound_asked(often) and _prefer_typed([topic, bound], often) is bound
    plain = _q("what did recent versions of the lease change?", intent="fact")
    assert not bound_asked(plain) and _prefer_typed([topic, bound], plain) is topic
    word = _q("what word does the harbour piece use for the new lease?", intent="fact", word_used=True)
    assert bound_asked(word) and _prefer_typed([topic, bound], word) is bound
    far = _cands("a", ["The updated lease covers cargo ferries exclusively."], sims=[0.3])[0]
    far.typed = 1.0
    assert _prefer_typed([topic, far], limited) is topic  # too far below the best to lead


def test_a_leaned_on_denial_needs_no_word_of_the_question():
    # "does not oblige anyone" shares no word with the question; the sentence leaning on it holds them all
    q = _q("does the pact force agencies to share boats", intent="yes_no")
    cands = _cands("a", ["The pact does not mandate anything.", "Instead, it sets terms for agencies that share boats."],
                   [0.3, 0.6])
    for c, overlap in zip(cands, (0.0, 0.8)):
        c.overlap = overlap
    pillar = _cands("c", ["The pact has long been a pillar for agencies that share boats."], [0.7])
    pillar[0].overlap = 0.8
    chosen, why, prefix, _ = pick_yes_no(q, [pillar[0], cands[1], cands[0]], {t: 1.0 for t in q.terms},
                                         lambda t: set(terms(t)))
    assert prefix == "No — " and chosen == [cands[0], cands[1]] and why == ["denial", "leaning"]


def test_a_question_asking_what_is_left_out_hears_the_near_exclusion():
    from rag.settles import exclusion_told
    q = "does the new permit leave out barges?"
    w = {"new": 1.0, "barg": 1.0}
    cands = _cands("a", ["Barge traffic on the river grew in May.", "The new permit covers ferries, excluding barges."],
                   [0.9, 0.85])
    of = lambda t: set(terms(t))  # noqa: E731
    assert exclusion_told(q, w, cands[0], cands, of) is cands[1]
    chosen, _, prefix, _ = pick_yes_no(_q(q, intent="yes_no"), cands, w, of)
    assert chosen[0] is cands[1] and prefix == "Yes — "
    assert exclusion_told("does the new permit cover barges?", w, cands[0], cands, of) is cands[0]  # asks no exclusion


def test_a_why_answer_hears_the_fact_holding_most_question_words_just_below_the_spread_line():
    other = _cands("a", ["Storms worry the harbour.", "The pier was painted blue."], sims=[0.9, 0.8])
    fact = _cands("b", ["The new timetable drops the night ferry.",
                        "This decision aims to prevent crossings in poor visibility."], sims=[0.58, 0.1], start=1000)
    fact[0].overlap, other[0].overlap = 0.5, 0.3
    cands = other + fact
    assert reason_beyond(other, cands, limit=4, floor=0.6) == (fact[0], fact[1])  # most words, 0.58 >= 0.9 * 0.6
    fact[0].overlap = 0.2
    assert reason_beyond(other, cands, limit=4, floor=0.6) is None  # another sentence holds more of the words


def test_left_out_is_heard_as_excluded_by_the_question_terms():
    """ "what got left out of the deal?": "out" is a stop word and "left" mostly a direction, so the phrasal
    verb is also said plainly as the word writers use, without changing the text read for polarity."""
    from rag.text import left_out_plain, stem
    assert stem("excluded") in [stem(w) for w in left_out_plain("what tech got left out of the new deal?").split()]
    assert left_out_plain("what is left for the port?") == "what is left for the port?"
