"""Abstention inputs on an invented vocabulary: which question words are unknown, and which count questions are
refused before any evidence is read."""

from rag.abstain import Evidence, Unknown, abstain_reason, closing_act, manner_act, unknown_terms
from rag.asksfor import asks_specifics
from rag.namewords import body_name
from rag.answering import refused_unread
from rag.asked import count_target, counted_things
from rag.query import COMPARE_CUES, Query, asked_thing
from rag.text import terms
from lexkit import StemLexicon, query_of


_KNOWN = {"treati": 10.0, "sign": 10.0, "year": 1.0}


def _Lexicon(**more: float) -> StemLexicon:
    return StemLexicon({**_KNOWN, **more})


def _q(text: str) -> Query:
    return query_of(text)


def test_unknown_words_are_split_by_kind_and_carry_their_share_of_the_question():
    u = unknown_terms(_q("when was the treaty signed in 2031 with zorblat"), _Lexicon())
    assert u.entities == ["2031"] and u.rare == ["zorblat"] and u.everyday == []
    assert abs(u.share - 1 / 3) < 1e-9  # (5 + 5) / (10 + 10 + 5 + 5)


def test_a_rare_unknown_word_carrying_much_of_the_question_is_not_a_refusal_by_itself():
    u = unknown_terms(_q("the zorblat treaty"), _Lexicon())
    assert u.rare == ["zorblat"] and u.share > 0.3
    assert abstain_reason(Evidence(u, u.share, 0.5, 0.3, 0.5)) == ""  # a close sentence holds the rest
    assert abstain_reason(Evidence(u, u.share, 0.05, 0.03, 0.3)) == "weak_evidence"  # nothing close holds it


def test_a_city_typed_in_lower_case_is_an_unknown_name_not_an_everyday_word():
    # "paris" is as common in English as "deal", but it names a place: the articles never mentioning it cannot answer
    u = unknown_terms(_q("was the paris treaty signed"), _Lexicon())
    assert u.entities == ["pari"] and u.everyday == []
    assert abstain_reason(Evidence(u, u.share, 1.0, 0.6, 0.5)) == "unknown_entity"


def test_place_names_come_from_the_tz_database_without_its_everyday_words():
    from rag.places import is_place

    assert is_place("paris") and is_place("tokyo") and is_place("japan")
    # "Pacific/Midway" is the Midway Islands, "Antarctica/Casey" a station, "America/North_Dakota/Center" a county's
    assert not is_place("midway") and not is_place("casey") and not is_place("center") and not is_place("deal")


def _count(text: str) -> Query:
    return Query(asked=text, resolved=text, text=text, terms=terms(text), count_target=count_target(text),
                 counted=counted_things(text))


def test_a_count_of_a_thing_the_articles_never_name_is_refused_on_sight():
    lex = _Lexicon()
    assert refused_unread(_count("how many zorblats signed the treaty?"), lex) == "count_of_unknown"
    assert refused_unread(_count("how many treaties or zorblats were signed?"), lex) == "count_of_unknown"


def test_a_verb_or_shorthand_after_how_many_is_not_a_thing_counted():
    lex = _Lexicon()
    assert refused_unread(_count("how many treaties zorbled last year?"), lex) == ""  # the second word is a verb
    assert refused_unread(_count("how many yrs did the treaty run?"), lex) == ""  # "yrs" is years
    assert refused_unread(_count("how much did the treaty zorble?"), lex) == ""  # nothing is counted


def test_an_ordinal_the_articles_never_use_is_a_number_they_never_mention():
    u = unknown_terms(_q("was the treaty signed in its third year"), _Lexicon())
    assert u.entities == ["third"] and u.everyday == []
    assert unknown_terms(_q("was the treaty signed"), _Lexicon()).entities == []


def test_a_paraphrase_sharing_few_words_with_a_close_sentence_is_answered_but_one_sharing_none_is_weak():
    # "when did the harbour accord come into force?" against "the pact took effect in May": 'harbour' alone is shared
    assert abstain_reason(Evidence(Unknown([], [], []), 0.0, 0.15, 0.15, 0.4)) == ""
    assert abstain_reason(Evidence(Unknown([], [], []), 0.0, 0.05, 0.05, 0.4)) == "weak_evidence"
    assert abstain_reason(Evidence(Unknown([], [], []), 0.0, 0.05, 0.05, 0.5)) == ""  # close in meaning


def test_a_question_naming_one_of_the_articles_needs_a_less_close_sentence_to_be_answered():
    # "which ferries does the Harbour Gazette piece count as vital?" against "vital links (e.g. the night ferry)":
    # the article it names vouches for the topic, so a sentence as close as 0.4 answers it; unnamed, it stays weak
    assert abstain_reason(Evidence(Unknown([], [], []), 0.0, 0.05, 0.05, 0.41, named_doc=True)) == ""
    assert abstain_reason(Evidence(Unknown([], [], []), 0.0, 0.05, 0.05, 0.41)) == "weak_evidence"
    assert abstain_reason(Evidence(Unknown([], [], []), 0.0, 0.05, 0.05, 0.35, named_doc=True)) == "weak_evidence"


def test_a_question_insisting_on_one_specific_instance_needs_a_strong_best_sentence():
    # "which specific berths were closed?" against "the port runs many berths": on topic, but no berth is named
    assert asks_specifics("which specific berths were closed?") and asks_specifics("does it specifically ban ferries?")
    assert asks_specifics("what was the very first ferry?") and not asks_specifics("what was the first ferry?")
    assert not asks_specifics("what's the worry exactly?")  # asks to have a point put plainly, not for an instance
    weak = Evidence(Unknown([], [], []), 0.0, 0.4, 0.3, 0.6, precise=True, score=0.5)
    strong = Evidence(Unknown([], [], []), 0.0, 0.4, 0.3, 0.6, precise=True, score=0.65)
    assert abstain_reason(weak) == "vague_evidence" and abstain_reason(strong) == ""
    assert abstain_reason(Evidence(Unknown([], [], []), 0.0, 0.4, 0.3, 0.6, score=0.5)) == ""  # no detail insisted on


def test_far_in_meaning_is_off_topic_unless_a_fifth_of_the_question_is_held_by_a_close_sentence():
    assert abstain_reason(Evidence(Unknown([], [], []), 0.0, 0.3, 0.22, 0.27)) == ""
    assert abstain_reason(Evidence(Unknown([], [], []), 0.0, 0.3, 0.15, 0.27)) == "off_topic"
    assert abstain_reason(Evidence(Unknown([], [], []), 0.0, 0.9, 0.9, 0.15)) == "off_topic"  # below the hard floor


def test_two_rare_unknown_words_in_a_row_are_a_name_even_in_lower_case():
    u = unknown_terms(_q("did orvel zibrandt sign the treaty"), _Lexicon())
    assert sorted(u.entities) == ["orvel", "zibrandt"] and u.rare == []
    assert abstain_reason(Evidence(u, u.share, 0.5, 0.5, 0.6)) == "unknown_entity"


def test_one_rare_unknown_word_stays_a_possible_paraphrase():
    u = unknown_terms(_q("was the zorblat treaty signed"), _Lexicon())
    assert u.entities == [] and u.rare == ["zorblat"]


def test_a_lower_case_acronym_is_a_name_but_an_everyday_word_or_contraction_is_not():
    u = unknown_terms(_q("did the fbi sign the treaty"), _Lexicon())
    assert u.entities == ["fbi"]
    u = unknown_terms(_q("wasnt the treaty deal signed"), _Lexicon())
    assert u.entities == [] and sorted(u.everyday) == ["deal", "wasnt"]


def test_another_name_of_a_country_the_articles_name_is_not_an_unknown_name():
    def Knows():
        return _Lexicon(us=2.0)

    for q in ("did the usa sign the treaty", "Did the USA sign the treaty?", "did america sign the treaty"):
        assert unknown_terms(_q(q), Knows()).entities == [], q
    assert unknown_terms(_q("did the usa sign the treaty"), _Lexicon()).entities == ["usa"]  # a corpus without it


def test_a_thing_asked_for_at_the_end_of_a_clause_must_be_one_the_articles_name():
    lex = _Lexicon()
    assert refused_unread(_q("if a ferry breaks the treaty, what's the fine?"), lex) == "asked_thing_unknown"
    assert refused_unread(_q("what's the treaty?"), lex) == ""  # a thing the articles name
    assert refused_unread(_q("what's the point?"), lex) == ""  # a kind of answer, not a thing to be named
    assert refused_unread(_q("what's the worry exactly?"), lex) == ""  # the noun does not end the clause


def test_two_letters_after_the_are_a_body_initials_unless_they_name_an_article():
    u = unknown_terms(_q("did the eu sign the treaty"), _Lexicon())
    assert u.entities == ["eu"] and abstain_reason(Evidence(u, u.share, 0.5, 0.5, 0.6)) == "unknown_entity"
    assert unknown_terms(_q("is the treaty ok, says the op-ed"), _Lexicon()).entities == []  # a word, a compound
    text = "what does the hr piece say about the treaty"  # "hr" is how the reader names one of the articles
    q = Query(asked=text, resolved=text, text=text, terms=terms(text), naming={"hr"})
    assert unknown_terms(q, _Lexicon()).entities == []


def test_the_initials_naming_an_article_are_no_unknown_name_in_capitals():
    q = _q("was the treaty signed, per the HW piece?")
    assert unknown_terms(q, _Lexicon()).entities == ["hw"]  # initials nobody said were an article's
    q.naming = {"hw", "piec"}
    assert unknown_terms(q, _Lexicon()).entities == []  # "the HW piece": the collection holds that name


def test_a_word_naming_a_body_in_lower_case_is_a_name_the_articles_must_mention():
    def q(text):
        return Query(asked=text, resolved=text, text=text, terms=terms(text), bodies=body_name(text))

    u = unknown_terms(q("did the justice department sign the treaty"), _Lexicon())
    assert u.entities == ["justic"] and abstain_reason(Evidence(u, u.share, 0.5, 0.5, 0.6)) == "unknown_entity"
    assert unknown_terms(q("did the funding agency sign the treaty"), _Lexicon()).entities == []  # what it does
    assert unknown_terms(q("which agency signed the treaty"), _Lexicon()).entities == []  # no name at all


def test_a_word_naming_an_institute_in_lower_case_is_a_name_the_articles_must_mention():
    # "was anything about confucius institutes in the treaty": which institutes, as "Confucius Institutes" in capitals
    def q(text):
        return Query(asked=text, resolved=text, text=text, terms=terms(text), bodies=body_name(text))

    u = unknown_terms(q("was anything about zorblat institutes in the treaty"), _Lexicon())
    assert u.entities == ["zorblat"] and abstain_reason(Evidence(u, u.share, 0.5, 0.5, 0.6)) == "unknown_entity"
    assert unknown_terms(q("did prestigious universities sign the treaty"), _Lexicon()).entities == []  # a qualifier


def test_a_closing_who_asks_the_doer_of_an_act_the_articles_must_name():
    def q(text):
        return Query(asked=text, resolved=text, text=text, terms=terms(text), asked_act=closing_act(text))

    lex = _Lexicon()
    assert refused_unread(q("how are treaty disputes settled - like, who arbitrates?"), lex) == "asked_act_unknown"
    assert refused_unread(q("how was the treaty made - like, who signed?"), lex) == ""  # an act the articles name
    assert refused_unread(q("who arbitrates treaty disputes?"), lex) == ""  # not the clause's closing word
    # a clause of occasion after the verb leaves the act all that is asked, as at the clause's end
    assert refused_unread(q("under the treaty, who arbitrates when ports disagree?"), lex) == "asked_act_unknown"
    assert refused_unread(q("under the treaty, who signed when ports disagreed?"), lex) == ""
    # ...and so does the object the act is done to, after a "like" that puts the clause as an example
    assert refused_unread(q("how do treaty disputes work, like who arbitrates the quarrels?"), lex) == "asked_act_unknown"
    assert refused_unread(q("how was the treaty made, like who signed the text?"), lex) == ""
    # ...but writing the articles themselves is told by their bylines, not by the words of their bodies
    written = q("who wrote the piece?")
    written.about_articles = True
    assert written.asked_act and refused_unread(written, lex) == ""


def test_how_did_x_react_to_the_y_asks_the_manner_of_an_act_the_articles_must_name():
    def q(text):
        return Query(asked=text, resolved=text, text=text, terms=terms(text), asked_act=manner_act(text, COMPARE_CUES))

    lex = _Lexicon()
    assert refused_unread(q("how did ordinary people react to the treaty?"), lex) == "asked_act_unknown"
    assert refused_unread(q("how did the ministry react publicly to the treaty?"), lex) == "asked_act_unknown"
    assert refused_unread(q("how did the ministries sign with the other side?"), lex) == ""  # an act the articles name
    # "try to protect" asks about protecting; "compare with" asks a comparison, a form no sentence need name
    assert refused_unread(q("how did they try to protect the treaty?"), lex) == ""
    assert refused_unread(q("how did the treaty changes compare with the old ones?"), lex) == ""

def test_a_role_the_articles_never_mention_has_no_holder_they_can_name():
    from rag.persons import asked_role

    def q(text):
        return Query(asked=text, resolved=text, text=text, terms=terms(text), person=True, qtype="name",
                     asked_thing=asked_role(text))

    lex = _Lexicon()
    # "who was the port's ferry minister?": no article mentions a minister, so none names one (a bio line naming
    # the writer's own post is no answer)
    assert refused_unread(q("who was the treaty port's ferry minister when it was signed?"), lex) == "asked_thing_unknown"

    def Knows():
        return _Lexicon(presid=3.0)

    assert refused_unread(q("who was the president that signed the treaty?"), Knows()) == ""  # a role they mention


def test_a_things_name_asked_for_needs_a_close_sentence_giving_a_name_the_question_lacks():
    from rag.asksfor import asks_name_of, gives_name

    q = "what's the name of the berth clause the port added in 2015?"
    assert asks_name_of(q) and not asks_name_of("what's the name for sharing berths?")  # the articles' word for it
    assert not gives_name("In 2015 the port added a new clause on berths.", q)  # tells of the clause, names none
    assert gives_name("In 2015 the port added the Harbor Berth Rule.", q)
    assert gives_name('The port calls it “berth pooling”.', q)  # a term the sentence quotes
    u = Unknown([], [], [])
    assert abstain_reason(Evidence(u, 0.0, 0.5, 0.5, 0.6, named=False)) == "no_name_given"
    assert abstain_reason(Evidence(u, 0.0, 0.5, 0.5, 0.6)) == ""


def test_names_asked_outright_need_a_leading_sentence_that_gives_one():
    from rag.asksfor import asks_names

    assert asks_names("which captains warned the ferry would sink? names please")
    assert not asks_names("which two mayors put their names on the treaty?")  # the names signed, not asked for
    from rag.answering import select
    from rag.lexicon import Lexicon
    from rag.schema import Passage

    texts = ["Prominent captains warned that the old ferry would sink in a storm.", "The ferry sails from the harbour."]
    ps = [Passage(chunk_id=f"d{i}:0", doc_id=f"d{i}", text=t, start=0, end=len(t), sentences=[(0, len(t))], title="",
                  outlet="", authors=[], date="", url="", kind="body", score=1.0) for i, t in enumerate(texts)]
    lex = Lexicon.build(ps, [""] * len(ps))
    text = "which captains warned the ferry would sink? names please"
    q = Query(asked=text, resolved=text, text=text, terms=terms(text), intent="list", qtype="name", names=True)
    for p in ps:
        p.sims = {0: 0.6}
    assert select(q, ps, lex).reason == "no_name_given"  # the leader tells what the captains warned, not who they are
    q.names = False
    assert not select(q, ps, lex).abstained  # without the request, the group may answer "which captains…?"


def test_a_yes_no_question_naming_a_word_no_dictionary_lists_is_not_affirmed_or_denied():
    from dataclasses import replace

    from rag.abstain import unjudgeable

    u = unknown_terms(_q("was the zorblat treaty signed"), _Lexicon())
    assert u.unlisted == ["zorblat"]  # a name typed in lower case, as far as any dictionary can tell
    yes_no = replace(_q("was the zorblat treaty signed"), intent="yes_no")
    assert unjudgeable(yes_no, u) and not unjudgeable(replace(yes_no, intent="fact"), u)
    assert abstain_reason(Evidence(u, u.share, 0.5, 0.3, 0.6, judged=not unjudgeable(yes_no, u))) == "unknown_in_yes_no"
    listed = unknown_terms(_q("was the treaty backdated in the 70s"), _Lexicon())  # a dictionary word; a decade
    assert listed.unlisted == [] and not unjudgeable(replace(yes_no, intent="yes_no"), listed)


def test_a_yes_no_question_asking_whether_a_text_tells_of_a_thing_it_never_names_is_not_answered():
    from dataclasses import replace

    from rag.abstain import unjudgeable
    from rag.scope import asked_mention

    text = "does the treaty piece mention fishing quotas?"
    q = replace(_q(text), intent="yes_no", mentions=terms(asked_mention(text)))
    u = unknown_terms(q, _Lexicon())
    assert "fish" in u.everyday + u.rare and unjudgeable(q, u)  # an everyday word, but the very thing asked about
    plain = replace(_q("was the treaty signed fishing for votes"), intent="yes_no")  # no "mention": a paraphrase, maybe
    assert not unjudgeable(plain, unknown_terms(plain, _Lexicon()))


def test_a_slip_of_a_far_commoner_word_is_no_lower_case_acronym():
    u = unknown_terms(_q("how manny treaties were signed"), _Lexicon())  # "manny": "many" with a letter doubled
    assert u.entities == [] and "manni" in u.everyday
    assert unknown_terms(_q("did the nato sign the treaty"), _Lexicon()).entities == ["nato"]  # initials stay a name


def test_a_count_of_a_known_plural_qualified_by_an_unknown_word_counts_the_plural():
    lex = _Lexicon()
    assert refused_unread(_count("how many zorblat treaties did they sign?"), lex) == ""  # treaties, of a kind
    assert refused_unread(_count("how many zorblats signed the treaty?"), lex) == "count_of_unknown"
    assert refused_unread(_count("how many treaty zorblats were signed?"), lex) == "count_of_unknown"


def _thing(text: str, about_articles: bool = False) -> Query:
    return Query(asked=text, resolved=text, text=text, terms=terms(text), asked_thing=asked_thing(text),
                 about_articles=about_articles)


def test_a_body_asked_for_before_a_verb_and_its_object_must_be_one_the_articles_name():
    lex = _Lexicon()
    assert refused_unread(_thing("which harbour ministry handles the treaty on their end"), lex) == "asked_thing_unknown"
    assert refused_unread(_thing("which harbour ministry is in charge of the treaty?"), lex) == "asked_thing_unknown"
    # an outlet asked of the articles themselves is read from their bylines, which the bodies never name
    assert refused_unread(_thing("which outlets published the treaty piece?", about_articles=True), lex) == ""


def test_a_year_inside_the_span_the_articles_tell_of_is_no_unknown_name():
    from rag.abstain import within_told_years

    def _Years():
        return StemLexicon({**_KNOWN, "1979": 3.0, "2024": 3.0})

    u = unknown_terms(_q("did the treaty lapse in 2023?"), _Years())
    assert "2023" not in u.entities and within_told_years("2023", _Years().known)
    assert unknown_terms(_q("did the treaty lapse in 2031?"), _Years()).entities == ["2031"]  # after their story


def test_a_hyphenated_count_word_is_known_by_its_parts():
    # the lexicon holds "treaty", never "treaty-to-treaty": terms split at hyphens, so the compound whole is no unknown thing
    lex = _Lexicon()
    assert count_target("how many treaty-to-treaty side deals came of it?") == {"treati", "side"}
    assert refused_unread(_count("how many treaty-to-treaty side deals came of it?"), lex) == ""
    assert refused_unread(_count("how many zorblat-to-zorblat deals were signed?"), lex) == "count_of_unknown"


def test_a_word_the_articles_never_use_in_the_asked_thing_is_vouched_for_by_a_very_close_sentence():
    from types import SimpleNamespace as Q

    from rag.abstain import VOUCHED_SIM, unjudgeable

    ask = Q(intent="yes_no", about_articles=False, mentions=["poach", "talent"])  # "does it talk about poaching talent?"
    u = Unknown([], ["poach"], [])
    assert unjudgeable(ask, u, 0.5)  # a sentence only on the topic: "poaching" may be the very thing missing
    assert not unjudgeable(ask, u, VOUCHED_SIM + 0.05)  # "recruiting engineers" this close is the same thing told
    name = Unknown([], ["zorblat"], [], unlisted=["zorblat"])
    named = Q(intent="yes_no", about_articles=False, mentions=["zorblat"])
    assert unjudgeable(named, name, 0.9)  # a name no dictionary lists ("tiktok"): never vouched for


def test_a_noun_before_a_comparison_verb_is_no_act_whose_manner_is_asked():
    """"how does the harbour piece's take on the fee compare with…": "take" is a noun of the subject, and the
    comparison's own verb comes later; reading "take" as the act asked refused h29-068-like questions outright."""
    from rag.abstain import manner_act
    assert manner_act("how does the harbour take on the fee compare with the ferry column?", {"compar"}) == ""
    assert manner_act("how did the ministry react to the renewal?", {"compar"}) == "react"


def test_a_sanction_asked_after_what_must_be_one_the_articles_name():
    # is_sanction: "what penalties does X face…" asks for the penalty itself; a sentence on the rule names none
    lex = _Lexicon()

    def _wh(text: str) -> Query:
        return query_of(text, asked_thing=asked_thing(text))

    assert refused_unread(_wh("what penalties does a ferry face if it breaks the treaty?"), lex) == "asked_thing_unknown"
    assert refused_unread(_wh("what punishment would a signer get for breaking the treaty?"), lex) == "asked_thing_unknown"
    assert refused_unread(_wh("what penalties does a ferry face?"), _Lexicon(penalti=3.0)) == ""  # the articles name one
    assert refused_unread(_wh("what problems does the treaty face?"), lex) == ""  # an abstract kind, told of in other words


def test_a_sum_of_money_asked_after_what_must_be_one_the_articles_name():
    lex = _Lexicon()
    q = "what fees does a ferry pay under the treaty?"
    assert refused_unread(query_of(q, asked_thing=asked_thing(q)), lex) == "asked_thing_unknown"
    assert refused_unread(query_of(q, asked_thing=asked_thing(q)), _Lexicon(fee=2.0)) == ""  # the articles name fees


def test_the_other_spelling_of_a_listed_word_is_no_lower_case_acronym():
    """The dictionary lists "sceptical" and "labour"; "skeptical" and "labor" are the same words, not initials."""
    from rag.abstain import lower_acronym
    from rag.spelling import english_word
    for word in ("skeptical", "labor", "analyze", "theater", "traveled"):
        assert english_word(word) and not lower_acronym(word), word
    assert lower_acronym("nato") and not english_word("nato")


def test_named_articles_compared_on_how_things_stand_are_on_topic_down_to_the_hard_floor():
    """"How does the A piece's outlook compare with the B piece's?": the two articles it names vouch for its topic,
    though its one other word ("outlook") is far from every sentence; below the hard floor it is still off topic."""
    far = Evidence(Unknown([], [], ["outlook"]), 0.5, 0.3, 0.13, 0.27)
    assert abstain_reason(far) == "off_topic"
    far.standing = True
    assert abstain_reason(far) == ""
    far.sim = 0.15
    assert abstain_reason(far) == "off_topic"
