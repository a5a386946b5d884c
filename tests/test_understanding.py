"""Query understanding, spelling and follow-ups: each rule with the input and the expected reading."""

import pytest

from rag.followup import Turn, rewrite
from rag.intent import intent_of, is_more, is_yes_no, main_clause, two_articles_compared
from rag.about_articles import is_about_articles
from rag.asked import question_type
from rag.query import topic_terms
from rag.spelling import Speller

CORPUS_WORDS = {"signed", "agreement", "renewed", "protocols", "valley", "bytedance", "research", "article"}


@pytest.fixture(scope="module")
def speller():
    return Speller(CORPUS_WORDS)


@pytest.mark.parametrize("word", ["deal", "sure", "whole", "part", "won", "actually", "scrap", "alive", "budget",
                                  "politician", "renewal", "mutually", "apart"])
def test_real_english_words_are_never_changed(speller, word):
    assert speller.fix_token(word) is None
    assert speller.correct(f"is the {word} ok?")[1] == {}


@pytest.mark.parametrize("typo,fixed", [("sined", "signed"), ("agreemnt", "agreement"), ("reserch", "research"),
                                        ("artcle", "article"), ("protocalls", "protocols"), ("renewd", "renewed")])
def test_non_words_are_corrected_towards_corpus_or_english(speller, typo, fixed):
    assert speller.fix_token(typo) == fixed


@pytest.mark.parametrize("typo,fixed", [("frist", "first"), ("kimds", "kinds"), ("selking", "selling"),
                                        ("plaon", "plain"), ("tutle", "title"), ("kellly", "kelly")])
def test_among_equally_close_words_the_ordinary_slip_of_typing_wins(typo, fixed):
    # swapped letters, a neighbouring key and a doubled letter are likelier than another wrong or missing letter
    assert Speller({"title", "kelly"}).fix_token(typo) == fixed


@pytest.mark.parametrize("typo,unusual", [("ging", "jing"), ("wory", "work"), ("thoe", "the"), ("etra", "era")])
def test_a_corpus_word_reached_only_by_an_unusual_slip_is_not_the_guess(typo, unusual):
    # a far key or an extra letter to a corpus word ranks after an ordinary slip to any English word: the guess
    # may still be wrong, but a word the articles don't use weighs nothing in the search, where a wrong corpus
    # word sends it elsewhere
    from rag.spelling import slip_class

    fix = Speller({unusual}).fix_token(typo)
    assert fix != unusual and slip_class(typo, fix) <= 1.5


def test_a_corpus_word_spelled_by_ear_beats_an_unusual_slip_to_another_word():
    # "renued" is "renewed" spelled as it sounds (two edits, vowel letters only), not "rented" (one far letter)
    assert Speller({"renewed", "harbour"}).fix_token("renued") == "renewed"
    assert Speller({"article", "critical"}).fix_token("artical") == "article"  # of two-edit corpus words, the one by ear
    assert Speller({"renewed", "signed"}).fix_token("sined") == "signed"  # an ordinary one-edit slip still wins


def test_a_vowel_for_a_vowel_is_likelier_than_a_far_key_but_not_than_a_dropped_letter():
    assert Speller({"many"}).fix_token("meny") == "many"  # not "menu" (a neighbouring key, but not a corpus word)
    assert Speller({"been", "biden"}).fix_token("bien") == "biden"  # a dropped letter before a vowel for a vowel


def test_a_word_of_the_corpus_family_wins_a_tie_and_question_words_follow_the_ordinary_slip(speller):
    assert Speller({"renewed"}).fix_token("rened") == "renew"  # not "rented": the articles say "renewed"
    assert speller.fix_question_word("whee") == "where"  # a dropped letter, not a wrong one ("when")


def test_a_name_english_text_writes_is_not_taken_for_a_slip_two_edits_from_a_corpus_word():
    # "jinping" (wordfreq 2.8) is two edits from "finding": a name the articles lack, not a double slip; a common
    # misspelling one edit away ("goverment", 2.7) is still fixed, as is a rare slip two edits away
    assert Speller({"finding", "government", "agreement"}).fix_token("jinping") is None
    assert Speller({"finding", "government", "agreement"}).fix_token("goverment") == "government"
    assert Speller({"finding", "government", "agreement"}).fix_token("agremnet") == "agreement"


def test_a_possessive_is_corrected_as_its_word(speller):
    assert speller.correct("was the agreemetn's text signed?") == ("was the agreement's text signed?",
                                                                    {"agreemetn": "agreement"})
    assert speller.correct("it isn't signed")[1] == {}


def test_opening_question_word_slips_are_fixed_but_not_inside_the_question(speller):
    assert speller.correct("wen was it sined")[0] == "when was it signed"
    assert speller.correct("what did wen say")[1] == {}  # "wen" is a word (a name) inside a sentence


def test_capitalised_unknown_names_are_only_corrected_towards_corpus_names(speller):
    assert speller.correct("Did Bytedanse hire people?")[1] == {"bytedanse": "bytedance"}
    assert speller.correct("What did Blinkin say?")[1] == {}  # a name the articles lack is left for abstention


@pytest.mark.parametrize("q,intent", [
    ("does the new deal cover AI?", "yes_no"), ("Is it true that it was signed in 1979?", "yes_no"),
    ("was it signed in Beijing or Washington?", "fact"), ("why do some in Washington want to end it?", "why"),
    ("how do the articles differ on the protocols?", "compare"), ("what do critics say about it", "compare"),
    ("what is this agreement and why does it matter?", "why"), ("give me the gist of the 2024 changes", "overview"),
    ("what areas does the agreement cover?", "list"), ("When was it first signed?", "fact"),
    ("how does the agreement protect researchers?", "why"),
    ("which harbour fees does the port report say were cut?", "list"),  # several things, before "does"
    ("what are the key duties of the harbour master?", "list"), ("what three fees does the port charge?", "list"),
    ("what is the key duty of the harbour master?", "fact"),
    ("when the port report came out, was the ferry still running?", "yes_no"),  # the scene is set, then asked
    ("what made the policy stricter?", "why"), ("what's behind the new rules", "why"),
    ("what prompted the renewal", "why"), ("why do critics want it gone?", "why"), ("why do critics and supporters differ?", "compare"),
    ("give me the gist of the essay asking why ferries run late", "overview"),
    ("what's the big-picture argument of the harbour report?", "overview"), ("what is the overall take of the column?", "overview"),
    ("how has ferry service changed over the decades?", "why"),
    ("so what is this harbour ferry agreement, basically?", "overview"),  # the subject, modifiers and all
    ("what is the term of the deal?", "fact"), ("what is the agreement's term?", "fact"),  # one fact of it
    ("in a nutshell, what does the port report conclude?", "overview"),  # the opening asks for a summary
    ("a visitor asked me what this ferry pact is even about, what do i say?", "overview"),  # what-is-it-about, indirect
])
def test_intent(q, intent):
    assert intent_of(main_clause(q)) == intent


@pytest.mark.parametrize("q,qtype", [
    ("When was it signed?", "date"), ("In which year was it signed?", "date"), ("how many protocols?", "number"),
    ("Who signed it?", "name"), ("How long was it renewed for?", "duration"), ("how old was the ferry line?", "duration"),
    ("Is the lab where the research happens in China?", None), ("What does it say about where research happens?", None),
    ("Who is Brendan Kelly?", None),
    ("what must the city pay?", None),  # "city" comes after the verb (rag.intent.AUX): not the asked-for noun
])
def test_question_type_reads_only_the_questions_own_wh_word(q, qtype):
    assert question_type(q) == qtype


@pytest.mark.parametrize("q,meta", [
    ("Who wrote the SCMP piece?", True), ("what's the headline of the csis one", True),
    ("which outlet published the article about Silicon Valley?", True),
    ("What did the authors of the ChinaFile piece argue?", False), ("When was it renewed?", False),
    ("What did Marina Zhang write about the protocols?", False),
    ("how did the harbour piece's authors see the new pier?", False),  # how they see it: its content, not its byline
])
def test_about_the_articles(q, meta):
    assert is_about_articles(q) is meta


def test_yes_no_and_more():
    assert is_yes_no("Does it cover AI?") and not is_yes_no("Why does it cover AI?")
    assert is_more("tell me more") and is_more("ok, go on") and not is_more("tell me more about the budget")


@pytest.mark.parametrize("prev,q,expected", [
    ("What is the STA?", "When was it renewed?", "When was the STA renewed?"),
    ("what is this agreement and why does it matter?", "who signed it?", "who signed the agreement?"),
    ("Does the new deal cover AI?", "what about quantum computing?", "Does the new deal cover quantum computing?"),
    ("Who signed the STA in 1979?", "Which companies hired AI engineers in Silicon Valley?",
     "Which companies hired AI engineers in Silicon Valley?"),  # complete: never merged
    ("When was the STA signed?", "Is it true that AI is excluded from the renewed deal?",
     "Is it true that AI is excluded from the renewed deal?"),
])
def test_follow_ups_are_rewritten_only_on_anaphora_or_ellipsis(prev, q, expected):
    assert rewrite(q, [Turn(prev, [])]).text == expected


@pytest.mark.parametrize("prev,q,expected", [
    ("how many ferries run according to Ann Berg?", "what number does the Bay Times piece give?",
     "how many ferries run according to the Bay Times piece?"),
    ("how many ferries run according to Ann Berg?", "and the Bay Times article?",
     "how many ferries run according to the Bay Times article?"),  # the source replaced, not the last word
    ("how many ferries run?", "what does the Bay Times piece say?", "how many ferries run according to the Bay Times piece?"),
    ("how many ferries run?", "what does the Bay Times piece say about fares?", "what does the Bay Times piece say about fares?"),
])
def test_a_question_naming_only_another_article_asks_the_last_question_of_it(prev, q, expected):
    assert rewrite(q, [Turn(prev, [])]).text == expected



@pytest.mark.parametrize("prev,q,expected", [
    ("what did the US get out of the ferry pact?", "what about the chinese side?", "what did China get out of the ferry pact?"),
    ("what did china get out of the ferry pact?", "and the us?", "what did the US get out of the ferry pact?"),
    ("what did china get out of the ferry pact?", "and what did the us get?", "what did the US get out of the ferry pact?"),
    ("what did the us and china sign?", "what about china?", "what did the us and china sign (china)?"),  # both named
    ("what did china get out of the ferry pact?", "and what did the us sign?", "and what did the us sign?"),  # new verb
])
def test_a_follow_up_naming_the_other_country_asks_the_last_question_of_it(prev, q, expected):
    assert rewrite(q, [Turn(prev, [])]).text == expected

def test_tell_me_more_continues_the_last_topic_without_repeating():
    r = rewrite("tell me more", [Turn("Why was it renewed?", [], [["doc", 10]])])
    assert r.more and r.text == "Why was it renewed?" and r.shown == [["doc", 10]]


def test_words_asking_for_a_comparison_or_a_cause_are_not_topic_terms():
    assert topic_terms(["critic", "vs", "support", "pact"], "compare") == ["critic", "support", "pact"]
    assert topic_terms(["made", "polici", "tougher"], "why") == ["polici", "tougher"]
    assert topic_terms(["made", "polici"], "fact") == ["made", "polici"]  # only the intent's own cue words go
    assert topic_terms(["differ"], "compare") == ["differ"]  # nothing else left: keep what there is


def test_verbs_asking_only_for_a_list_to_be_set_out_are_not_topic_terms():
    # "the pillars the port piece lays out": a sentence saying "laid" is not about the pillars
    from rag.text import terms
    assert topic_terms(terms("list the pillars the harbour piece lays out"), "list") == ["pillar", "harbour"]
    assert topic_terms(["laid", "keel"], "fact") == ["laid", "keel"]  # a fact asked of laying keeps the verb


@pytest.mark.parametrize("q,meta", [
    ("How big was the fund when the harbour report was written?", False),  # "written" only dates the asked thing
    ("the two columns were written years apart — where did the plan stand in each?", False),
    ("Who did the writer of the harbour piece talk to?", False), ("Which report does the harbour piece mention?", False),
    ("When was the harbour piece written?", True), ("Who is the writer of the harbour piece?", True),
])
def test_byline_words_outside_the_asked_part_do_not_make_a_question_about_the_article(q, meta):
    assert is_about_articles(q) is meta


@pytest.mark.parametrize("q,meta", [
    ("how old is the harbour piece?", True), ("how recent are those ferry articles?", True),
    ("how old is the ferry line?", False),  # an age of something else
    ("were fares rising when the harbour piece was written?", False),  # a yes/no question dated by its clause
    ("does the harbour piece say when it was written?", True),  # the clause is what "say" asks about
])
def test_an_articles_age_is_asked_about_the_article_and_a_when_clause_only_dates(q, meta):
    assert is_about_articles(q) is meta


@pytest.mark.parametrize("q,meta", [
    ("which site is the harbour fees one from", True), ("what outlet was the pier piece from?", True),
    ("where did ann lee's article run?", True), ("where did the harbour piece appear?", True),
    ("where did ann lee's ferry run?", False), ("where do the people in the piece come from?", False),
])
def test_the_site_or_place_an_article_is_from_or_ran_in_is_its_outlet(q, meta):
    assert is_about_articles(q) is meta


@pytest.mark.parametrize("q,dated", [
    ("when did the Harbour Post write about the levy?", True), ("when did Ann Lee write about the ferries?", True),
    ("when did the writers cover the strike?", True),
    ("when did the council publish the levy rules?", False),  # the council is no article's writer
    ("when was the levy raised?", False),
])
def test_when_an_articles_writer_wrote_asks_the_articles_date(q, dated):
    from rag.about_articles import writing_date
    from rag.text import terms

    def naming(s):
        return {t for n in ("harbour post", "ann lee") if n in s.lower() for t in terms(n)}
    assert writing_date(q, naming) is dated


def test_an_article_is_named_by_words_of_its_headline_right_before_a_word_for_it():
    from rag.naming import title_reference

    titles = {"a": ["quiet", "harbour", "town"], "b": ["town", "bridg"]}
    assert title_reference("the 'quiet harbour' op-ed and the bridge piece: how do they differ?", titles) == {"a", "b"}
    assert title_reference("what does the harbour-quiet writer argue?", titles) == {"a"}
    assert title_reference("what does the town article say?", titles) == set()  # both titles say "town"
    assert title_reference("is the harbour quiet?", titles) == set()  # no word for an article


def test_an_article_is_named_by_a_description_of_its_headline_after_a_word_for_it():
    from rag.naming import title_reference

    titles = {"a": ["harbour", "ferri", "fare", "doubl"], "b": ["harbour", "bridg", "toll"], "c": ["harbour", "town"]}
    assert title_reference("who wrote the piece on how ferry fares doubled?", titles) == {"a"}
    assert title_reference("what does the op-ed arguing for bridge tolls conclude?", titles) == {"b"}
    assert title_reference("the story about the ferries' doubling fares", titles) == {"a"}  # word families
    assert title_reference("what's the article on the harbour town about?", titles) == set()  # "harbour": every title
    assert title_reference("what did the piece on ferry delays say?", titles) == set()  # one headline word only
    assert title_reference("are ferry fares doubling?", titles) == set()  # no word for an article


def test_the_words_naming_an_article_are_told_apart_from_the_topic():
    from rag.lexicon import Lexicon

    lex = Lexicon(df={}, n=1, vocab=set(), lower_words=set(), expansions={},
                  names={"a": [" harbor review "], "b": [" ann lee ", " lee "]}, titles={"b": ["quiet", "town"]})
    assert lex.naming_terms("how does the harbor review differ from the quiet town op-ed on ferries?", {"a", "b"}) \
        == {"harbor", "review", "quiet", "town", "op", "ed"}  # never "ferri", the topic
    assert lex.naming_terms("what does lee say about ferries?", {"b"}) == {"lee"}
    assert lex.naming_terms("is the quiet town busy?", {"b"}) == set()  # headline words, but no word for an article


def test_a_two_letter_acronym_names_an_article_beside_another_articles_name_or_a_plural_article_noun():
    from rag.lexicon import Lexicon

    names = {"a": [" harbor review ", " hw piece ", " hw author "], "b": [" dock weekly "]}
    lex = Lexicon(df={}, n=1, vocab=set(), lower_words=set(), expansions={}, names=names, titles={})
    assert lex.referenced_docs("do the hw and dock weekly pieces agree on fares?") == {"a", "b"}
    assert lex.referenced_docs("dock weekly vs hw: who wants lower fares?") == {"a", "b"}
    assert lex.referenced_docs("what do the hw articles say?") == {"a"}
    assert lex.naming_terms("do the hw and dock weekly pieces agree?", {"a", "b"}) == {"hw", "dock", "week"}
    assert lex.referenced_docs("how do we hw the boats?") == set()  # alone it is an ordinary token


def test_a_two_letter_acronym_after_per_or_according_to_names_its_article():
    from rag.lexicon import Lexicon

    names = {"a": [" harbor review ", " hw piece ", " hw author "], "b": [" dock weekly "]}
    lex = Lexicon(df={}, n=1, vocab=set(), lower_words=set(), expansions={}, names=names, titles={})
    assert lex.referenced_docs("how old was the ferry, per HW?") == {"a"}  # "per" names a source
    assert lex.referenced_docs("according to hw, who runs the pier?") == {"a"}
    assert lex.naming_terms("how old was the ferry, per HW?", {"a"}) == {"hw"}


def test_a_yes_no_question_setting_two_things_against_each_other_is_a_comparison():
    assert intent_of("would the ferry ban have mattered in fares, vs as a signal?") == "compare"
    assert intent_of("would the ferry ban have mattered in fares?") == "yes_no"


def test_a_yes_no_question_asking_what_one_has_that_another_lacks_is_no_verdict():
    """"does A name any X that B doesn't?" asks what each names; named two articles, it compares them."""
    q = "does the harbour piece name any routes that the dock column doesn't?"
    assert intent_of(q) != "yes_no"
    assert two_articles_compared(intent_of(q), {"a", "b"}, False) == "compare"
    assert intent_of("is there anything that it doesn't cover?") == "yes_no"  # the clause goes on: a verdict asked


def test_an_article_without_a_headline_is_named_by_its_opening_words():
    from rag.lexicon import Lexicon
    from rag.naming import title_reference

    lex = Lexicon(df={}, n=1, vocab=set(), lower_words=set(), expansions={}, names={}, titles={"a": ["quiet", "town"]})
    lex.name_untitled({"b": "In March 2021, the ferry company cut…", "a": "Something else entirely"})
    assert title_reference("what does the march 2021 piece say about fares?", lex.titles) == {"b"}
    assert lex.titles["a"] == ["quiet", "town"]  # a real headline is kept


@pytest.mark.parametrize("prev,q,expected", [
    ("Which bakeries are hiring chefs in Oslo?", "who are they poaching people from?",
     "who are the bakeries poaching people from?"),  # "they": the plural thing the last question asked about
    ("What have Harbor Democrats said about the OBA?", "what do they want done with it?",
     "what do Harbor Democrats want done with it?"),  # plural pronoun, plural antecedent (not "the OBA")
    ("what did harbor democrats say about the oba?", "what do they want done with it?",
     "what do the harbor democrats want done with it?"),  # "say" is a stop word: the run ends on the plural noun
    ("When was the OBA renewed?", "why was it renewed?", "why was the OBA renewed?"),
])
def test_pronouns_agree_in_number_with_what_they_stand_for(prev, q, expected):
    assert rewrite(q, [Turn(prev, [])]).text == expected


def test_she_or_he_is_the_person_named_or_the_writer_of_the_cited_article():
    byline = Turn("Who wrote the harbour piece?", [{"title": "Harbour news", "authors": ["Ann Lee"]}])
    assert rewrite("where does she work?", [byline]).text == "where does Ann Lee work?"
    assert rewrite("what is her view?", [Turn("What did Bo Park say?", [])]).text == "what is Bo Park's view?"
    assert rewrite("where does he work?", [Turn("When was it signed?", [])]).text == "where does he work?"  # no one known


def test_they_after_who_wrote_a_piece_by_several_writers_are_the_writers():
    byline = Turn("who wrote the harbour piece?", [{"title": "Harbour news", "authors": ["Ann Lee", "Bo Park"]}])
    assert rewrite("what are their backgrounds?", [byline]).text == "what are Ann Lee and Bo Park's backgrounds?"
    one = Turn("who wrote the harbour piece?", [{"title": "Harbour news", "authors": ["Ann Lee"]}])
    assert "Ann Lee" not in rewrite("what are their backgrounds?", [one]).text  # one writer is "she" or "he", not "they"
    assert "Ann Lee" not in rewrite("when were they renewed?", [Turn("what did the ports sign?", byline.cited)]).text


def test_they_after_a_who_question_not_about_a_byline_are_the_people_it_asked_for():
    """ "who in the council opposed the toll?" -> "what do they want instead?": they are the opponents, not the
    writers of the cited piece nor "the toll"; the question that asked for them is asked along."""
    last = Turn("who in the council opposed the toll?", [{"title": "Harbour news", "authors": ["Ann Lee", "Bo Park"]}])
    assert rewrite("what do they want instead?", [last]).text == \
        "what do they want instead (who in the council opposed the toll)?"
    assert rewrite("where is she from?", [last]).text == "where is she from (who in the council opposed the toll)?"


def test_a_particle_after_the_subject_closes_its_phrasal_verb():
    """ "what did the 2020 plan leave out of the pact?": "leave out" is the verb, so "it" is the 2020 plan."""
    last = Turn("what did the 2020 plan leave out of the pact?", [])
    assert rewrite("who in the town talked it up?", [last]).text == "who in the town talked the 2020 plan up?"


def test_which_plural_noun_before_a_bare_verb_is_what_they_stand_for():
    """ "which ports trade with Oslo?" -> "what do they sell?": they are the ports ("which" + plural noun + verb),
    not Oslo; a preposition after the noun is no verb ("what areas of trade…" keeps its other reading)."""
    assert rewrite("what do they sell?", [Turn("which ports trade with Oslo?", [])]).text == "what do the ports sell?"


def test_he_or_she_is_a_person_named_in_lower_case_as_the_answer_spells_them():
    """ "what did ann lee sign?" -> "who did she sign it with?": she is Ann Lee (the answer spells the name), not the
    writer of the cited article."""
    last = Turn("what did ann lee sign in 1990?", [{"title": "Harbour news", "authors": ["Bo Park"]}], [],
                "In 1990 the mayor Ann Lee signed the ferry accord.")
    assert rewrite("who did she sign it with?", [last]).text == "who did Ann Lee sign it with?"


def test_what_about_a_thing_owned_by_the_last_questions_thing_keeps_that_thing():
    """ "what about its backers?" after "what do critics think of the pact?": "its" is the pact, so the pact stays in
    the question and the backers are added, not put in its place ("think of the its backers")."""
    assert rewrite("what about its backers?", [Turn("what do critics think of the pact?", [])]).text == \
        "what do critics think of the pact (its backers)?"


def test_and_before_a_full_question_is_no_ellipsis():
    r = rewrite("and who signed it?", [Turn("When was the Oslo-Bergen ferry accord first signed?", [])])
    assert r.text == "and who signed the Oslo-Bergen ferry accord?"
    assert rewrite("and the harbour one?", [Turn("how many ships per the bay piece?", [])]).text == \
        "how many ships per the harbour one?"


def test_which_kind_of_named_agent_is_the_asked_thing():
    from rag.query import asked_thing

    assert asked_thing("which harbour ministry is in charge of the ferries?") == "ministri"  # a ministry, by name
    assert asked_thing("Which global problems do the pieces say need work?") == ""  # not a named agent: may be paraphrased
    assert asked_thing("what four categories of tech does she list?") == ""  # no verb right after the noun
    assert asked_thing("What is the annual budget of the ferry pact?") == "budget"
    # an organization is any named body: the articles name the institute without calling it one
    assert asked_thing("what organization is the harbour pilot from?") == ""


def test_a_noun_between_two_things_is_their_relation_not_a_thing_asked_for():
    from rag.query import asked_thing

    # "the line X draws between A and B" is answered by what sets A apart from B: "line" need not be written
    assert asked_thing("what's the line the port draws between ferries and barges?") == ""
    assert asked_thing("what is the annual toll of the bridge?") == "toll"  # "of": a thing of the bridge


def test_anything_about_x_asks_the_last_question_again_about_x():
    r = rewrite("anything about the ferries too?", [Turn("Does the harbour plan cover buses?", [])])
    assert r.text == "Does the harbour plan cover the ferries?"


def test_she_is_never_the_outlet_the_last_question_named():
    last = Turn("What did the Harbor Daily piece say?", [{"outlet": "Harbor Daily", "authors": ["Ann Lee"]}])
    assert rewrite("what else did she say?", [last]).text == "what else did Ann Lee say?"


def test_a_question_naming_two_articles_compares_them_whatever_its_question_word():
    asked = intent_of("how do the harbour piece and the dock column each describe the ferry rules?")
    assert asked == "why" and two_articles_compared(asked, {"harbour", "dock"}, False) == "compare"
    assert two_articles_compared(asked, {"harbour"}, False) == "why"  # one article: nothing to set beside it
    assert two_articles_compared("yes_no", {"harbour", "dock"}, False) == "yes_no"
    assert two_articles_compared("fact", {"harbour", "dock"}, True) == "fact"  # their bylines, not their views
    assert two_articles_compared("fact", set(), False, sided=True) == "compare"  # "where is X ahead and where is Y?"


def test_an_overview_put_to_each_named_article_is_a_comparison():
    q = "how do the harbour piece and the dock column each sum up the new fares?"
    assert intent_of(q) == "overview" and two_articles_compared("overview", {"harbour", "dock"}, False, q=q) == "compare"
    # one summary of both, or a summary of one article, stays an overview
    assert two_articles_compared("overview", {"harbour", "dock"}, False, q="summarize the harbour and dock pieces") == "overview"
    assert two_articles_compared("overview", {"harbour"}, False, q=q) == "overview"


def test_contrast_with_joins_two_wh_clauses_into_two_sides():
    from rag.sides import clause_sides, sides_of

    q = "how does what the port charges contrast with what the council pays?"
    assert sides_of(q) == ["port", "council"]
    assert clause_sides("what the port charges, in contrast to what the council pays") == ["port", "council"]
    assert clause_sides("how does what the port charges relate to what it pays?") == []  # no second subject set beside it


def test_contracted_wh_words_open_two_side_by_side_clauses():
    """ "what's X good at vs what's Y good at": each contracted clause names its own side (was [])."""
    from rag.sides import sides_of

    assert sides_of("what's the port good at vs what's the council good at, fares wise") == ["port", "council"]
    assert sides_of("where's the port busier vs where's the council busier?") == ["port", "council"]


def test_what_the_articles_call_a_thing_is_their_content_not_their_headline():
    assert not is_about_articles("do the pieces call the harbour plan by the same name?")
    assert not is_about_articles("what do the articles call the ferry levy?")
    assert is_about_articles("what is the dock piece called?") and is_about_articles("what's the name of the harbour article?")


def test_x_and_y_each_sets_two_subjects_side_by_side_as_vs_does():
    from rag.pairs import each_sides

    assert each_sides("how do the port and the council each gain from the ferry?") == ["port", "council"]
    assert each_sides("do the port and the council need each other?") == []  # what binds them, not each in turn
    assert each_sides("how did they each gain?") == []


def test_a_bare_possessive_after_differ_from_makes_the_two_owners_the_sides():
    from rag.sides import sides_of
    from rag.text import terms

    assert [terms(s) for s in sides_of("how did the port's fare rule differ from the council's?")] == [["port"], ["council"]]
    assert [terms(s) for s in sides_of("how did the port's fare rule differ from the council's rule?")] != [["port"], ["council"]]


@pytest.mark.parametrize("q,core", [
    ("When the report came out, were the two ports still talking?", "were the two ports still talking?"),
    ("although it was agreed in May, from which date does it run?", "from which date does it run?"),
    ("When was it signed, and by whom?", "When was it signed, and by whom?"),  # the opening is itself the question
    ("If it lapses, what happens to the labs?", "what happens to the labs?"),
    ("In a nutshell, what does the port report conclude?", "In a nutshell, what does the port report conclude?"),
])
def test_a_scene_setting_opening_clause_does_not_decide_the_questions_shape(q, core):
    assert main_clause(q) == core
    assert intent_of(main_clause("When the report came out, were the two ports still talking?")) == "yes_no"


def test_a_scene_setting_clause_does_not_decide_what_is_asked():
    q = "when the port report came out, was the ferry still running?"
    assert question_type(main_clause(q)) is None and not is_about_articles(main_clause(q))  # the opening clause asks nothing
    assert question_type(main_clause("according to the port report, when did the ferry stop?")) == "date"


def test_a_two_letter_outlet_acronym_names_its_article_before_a_word_for_the_article_or_its_writer():
    from rag.naming import article_names
    from rag.schema import Passage
    p = Passage(chunk_id="a:0", doc_id="a", text="", start=0, end=0, sentences=[], title="", outlet="Harbor Weekly",
                authors=[], date="", url="", kind="body")
    names = article_names(p)
    assert " hw piece " in names and " hw writer " in names and " hw author " in names
    assert " hw " not in names  # alone it is too easily an ordinary token


def test_headline_words_name_an_article_before_story_or_write_up_too():
    from rag.naming import title_reference
    titles = {"a": ["quiet", "harbour", "town"], "b": ["town", "ferri"]}
    assert title_reference("does the quiet harbour story agree with the other one?", titles) == {"a"}
    assert title_reference("what does the quiet harbour write-up say?", titles) == {"a"}
    assert title_reference("what's the whole story?", titles) == set()


@pytest.mark.parametrize("q,cause", [
    ("why did the port close the pier?", True),
    ("what prompted the ferry ban?", True),
    ("how are ferry permits issued in practice?", False),
    ("how did the talks on the pier go?", False),
    ("why would islanders care about the new timetable?", False),
    ("why does the pier matter to the islands?", False),
    ("what was the port trying to achieve with the new fees?", True),  # a purpose is asked
    ("what is the ferry plan meant to accomplish?", True),
    ("what was the aim of the pier rules?", True),
    ("what is the pier's length?", False),
])
def test_a_why_question_asks_for_a_cause_unless_it_asks_how_a_thing_works_or_why_it_matters(q, cause):
    from rag.whyask import asks_cause
    assert asks_cause(q) is cause


@pytest.mark.parametrize("q,summary", [
    ("what is the key message of the harbour times column on fees?", True),
    ("a short summary of the dock weekly report about ferries, please", True),
    ("what does the harbour times piece say about the new fees?", False),
    ("why did the dock weekly column criticise the fees?", False),
    ("give me the short version of what the dock weekly report says", True),  # "the short version": a summary
    ("what does the new version of the permit say?", False),  # a version of a thing is no summary
    ("what's the harbour times column getting at overall", True),  # "getting at": what it means to say, its point
    ("what is the dock weekly report driving at?", True),
    ("what did the crew get at the harbour?", False),
])
def test_a_summary_asked_in_so_many_words_is_recognised_whatever_topic_names_the_article(q, summary):
    from rag.intent import asks_summary
    assert asks_summary(q) is summary


@pytest.mark.parametrize("prev,q,expected", [
    ("does the ferry pact lapse each winter?", "how come?", "how come (does the ferry pact lapse each winter)?"),
    ("what would a strike at the harbour have cost?", "who claimed that?",
     "who claimed that (what would a strike at the harbour have cost)?"),
    ("was the ferry deal extended?", "until when?", "until when (was the ferry deal extended)?"),
    ("when was the ferry deal signed?", "what is a pilot boat?", "what is a pilot boat?"),  # a subject of its own
])
def test_a_fragment_without_a_subject_is_asked_with_the_last_question(prev, q, expected):
    assert rewrite(q, [Turn(prev, [])]).text == expected


def test_then_what_happened_goes_on_from_the_last_answer():
    r = rewrite("so what happened after that?", [Turn("when did the ferry lease run out?", [], [["doc", 40]])])
    assert r.more and r.text == "when did the ferry lease run out?" and r.shown == [["doc", 40]]
    assert not rewrite("what happened to the ferry lease?", [Turn("who owns the port?", [])]).more


@pytest.mark.parametrize("q", ["what happened after that before it was finally signed again?",
                               "so what happened next until they signed it again?"])
def test_a_later_bound_still_goes_on_from_the_last_answer(q):
    """ "…before it was signed again" only bounds how far the story goes."""
    r = rewrite(q, [Turn("when did the ferry lease run out?", [], [["doc", 40]])])
    assert r.more and r.text == "when did the ferry lease run out?"
    assert not rewrite("what happened in the meantime to the ferry crews?", [Turn("when did the lease end?", [])]).more


def test_the_other_one_then_named_is_the_named_article():
    r = rewrite("what about the other one, the dock piece?", [Turn("how many ships per the bay piece?", [])])
    assert r.text == "how many ships per the dock piece?"


FARES = "Fares doubled after the long dock strike."


@pytest.mark.parametrize("q,expected", [
    ("what did that lead to?", "what did that lead to (fares doubled long dock strike)?"),  # only the answer said it
    ("who makes that point?", "who makes that point (fares doubled long dock strike)?"),  # no point named before
    ("how old is that thing?", "how old is that thing (fares doubled long dock strike)?"),  # a placeholder noun
    ("and when was that?", "and when was that (how did the ferry prices move)?"),  # time: the last question's event
])
def test_a_follow_up_about_what_the_answer_said_is_asked_with_its_words(q, expected):
    assert rewrite(q, [Turn("how did the ferry prices move?", [], [], FARES)]).text == expected


def test_without_the_answer_or_with_a_named_antecedent_the_old_readings_stay():
    assert rewrite("who claimed that?", [Turn("how did the ferry prices move?", [])]).text == \
        "who claimed that (how did the ferry prices move)?"  # an older page state: no answer text kept
    moved = Turn("how did the ferry prices move?", [], [], FARES)
    assert "fares" not in rewrite("is it true that the prices fell?", [moved]).text  # a conjunction
    assert "fares" not in rewrite("for how long this time?", [moved]).text  # an adverb of time
    assert "fares" not in rewrite("how much did that move cost?", [moved]).text  # the move was asked about


def test_they_with_no_plural_in_the_last_question_stands_for_what_the_answer_told():
    writer = Turn("did the harbour writer talk to anyone in Oslo?", [], [], "Dock workers in Oslo expect a deal soon.")
    assert rewrite("what did they find out?", [writer]).text == \
        "what did they find out (dock workers oslo expect deal soon)?"
    ports = Turn("which ports shut last winter?", [], [], "Three ports shut.")
    assert "three" not in rewrite("why did they close?", [ports]).text  # "which ports" names a plural


def test_the_heaviest_answer_words_are_kept_in_their_order():
    r = rewrite("what did that lead to?", [Turn("how did the ferry prices move?", [], [], FARES)], weight=len)
    assert r.text.startswith("what did that lead to (fares doubled") and "dock" in r.text


def test_turn_of_keeps_the_quoted_body_text_not_the_byline_card():
    from rag.followup import SAID_CHARS, turn_of
    from rag.schema import Answer, Citation

    card = Citation(1, "d1", "Harbour news", "Bay Times", "", "", "Harbour news was published by Bay Times.", None,
                    None, [(0, 10)], kind="metadata")
    body = Citation(2, "d1", "Harbour news", "Bay Times", "", "", "Intro. " + FARES + " More.", 100, 160,
                    [(7, 7 + len(FARES))])
    t = turn_of(Answer("q?", "a", False, [card, body], "m", {}))
    assert t.said == FARES and t.shown == [["d1", 0], ["d1", 107]]
    long = Citation(1, "d1", "", "", "", "", "x" * 1000, 0, 1000, [(0, 1000)])
    assert len(turn_of(Answer("q?", "a", False, [long], "m", {})).said) == SAID_CHARS


# --- narrowed triggers: a special rule must not fire on an ordinary question it was not meant for ---

def test_a_yes_no_question_about_the_same_thing_in_two_sources_gets_no_verdict():
    """Whether two sources say "the same" is answered by showing each, not by one sentence's Yes/No."""
    from rag.intent import intent_of

    assert intent_of("Do the two harbour reports list the same ports?") == "list"
    assert intent_of("Did the harbour report give a reason for the toll?") == "yes_no"


def test_a_document_that_says_something_is_no_speaker():
    from rag.persons import speaker

    assert speaker("what does the treaty say about ferry tolls?") == ""
    assert speaker("what did the harbour master say about ferry tolls?") == "master"


def test_writers_who_agree_or_sum_up_are_asked_about_their_views_not_their_byline():
    from rag.about_articles import is_about_articles

    assert not is_about_articles("do the ferry writer and the harbour columnist agree on tolls?")
    assert not is_about_articles("how does the author of the harbour piece sum up the toll fight?")
    assert is_about_articles("who is the author of the harbour piece?")


def test_where_things_stand_asks_for_a_state_not_a_place():
    from rag.asked import question_type

    assert question_type("where do the ferry talks stand now?") is None
    assert question_type("where is the harbour talks process heading?") is None
    assert question_type("where were the ferry talks held?") == "place"


def test_a_subject_and_its_verb_or_a_comparison_word_is_no_asked_thing():
    from rag.query import asked_thing

    assert asked_thing("what was the harbour crew aiming for?") == ""
    assert asked_thing("what is the clash between the two ports about?") == ""
    assert asked_thing("what is the annual budget of the harbour?") == "budget"


def test_a_word_asked_for_is_no_thing_the_articles_must_name():
    from rag.query import asked_thing

    assert asked_thing("what's the buzzword for the mayor's ferry policy?") == ""  # the answer is a word the articles use
    assert asked_thing("what is the catchphrase of the harbour campaign?") == ""
    assert asked_thing("what is the nickname of the old pier?") == ""
    assert asked_thing("what is the sword of the harbour guard?") == "sword"  # a thing, not a compound naming a word


@pytest.mark.parametrize("prev,q,expected", [
    # a noun phrase opening with a number, and "get" of a passive, are read as in English
    ("when did the 1990 ferry accord get signed?", "and was it extended?", "and was the 1990 ferry accord extended?"),
    # "those" points at the things asked about; "they" beside it is the people acting
    ("Which ports got dropped from the 2020 plan?", "why did they leave those out?",
     "why did they leave the ports out (Which ports got dropped from the 2020 plan)?"),
    # the object of "what X does…" is the asked thing
    ("what trade does the harbor plan leave out?", "who wants those ones back?", "who wants the trade back?"),
    # "X and Y" is several things: "they"
    ("what do the port and oslo each do best?", "what could they do together?",
     "what could the port and oslo do together?"),
    # "that" before a noun is a determiner: the noun names the thing
    ("was the ferry deal the first after the ports merged?", "when did that merger happen?",
     "when did the merger happen?"),
    # "it" as the subject of a long question still needs its antecedent
    ("what's protectionism?", "what does it want ports to rely less on?",
     "what does the protectionism want ports to rely less on?"),
])
def test_pronouns_and_determiners_stand_for_what_english_says(prev, q, expected):
    assert rewrite(q, [Turn(prev, [])]).text == expected


def test_a_short_question_of_words_the_articles_never_use_is_asked_with_the_last_one_for_what_is_new():
    last = Turn("what's the ferry fee problem?", [], shown=[["doc", 10]])
    known = {"ferri", "fee", "problem"}.__contains__
    r = rewrite("what's the worry exactly?", [last], known=known)
    assert r.text == "what's the worry exactly (what's the ferry fee problem)?" and r.shown == [["doc", 10]]
    assert rewrite("what's the fee exactly?", [last], known=known).text == "what's the fee exactly?"
    assert rewrite("what's the worry exactly?", [last]).text == "what's the worry exactly?"  # no lexicon: as typed


@pytest.mark.parametrize("q,means", [
    ("how does the co-op work if no one has to join?", True), ("how could a new pier help the islands?", True),
    ("how is the fund meant to protect fishermen?", True),
    ("how did the talks end up stalled?", False),  # a course of events
    ("how has the port changed its fees?", False),
    ("how does that square with what the council did?", False),  # a comparison
    ("how does the plan fit with the budget?", False),
])
def test_a_how_question_asks_for_the_working_of_a_thing_not_for_its_story_or_a_comparison(q, means):
    from rag.whyask import asks_means
    assert asks_means(q) is means


@pytest.mark.parametrize("q,meta", [
    ("Where do ferries dock, according to the Harbor Post writer?", False),  # the writer is whose account
    ("what did it cost, per the Harbor Post piece?", False),
    ("The Dock Weekly author hoped for more barges. Is that what the plan did?", False),  # a statement sets the scene
    ("how many maps do harbour clerks publish a year?", False),  # a byline holds no count
    ("who wrote it, according to the byline?", True),
    ("The Dock Weekly ran a piece on barges. Who wrote it?", True),
    ("how many authors wrote the Harbor Post piece?", True),
])
def test_a_writer_named_as_the_source_does_not_ask_for_the_byline(q, meta):
    assert is_about_articles(q) is meta


@pytest.mark.parametrize("q,qtype", [
    ("Where is the port stronger, and where is the dock?", None),  # in what respect, not what place
    ("where does the harbour lead?", None),
    ("where is the ferry terminal?", "place"),
    ("The two reports give counts of berths. How do their numbers differ?", "number"),
    ("how do their dates compare?", "date"),
    ("how do the two reports differ?", None),
])
def test_where_with_a_degree_and_compared_figures(q, qtype):
    assert question_type(q) == qtype


def test_a_statement_before_a_yes_no_question_leaves_it_yes_no():
    from rag.asked import question_sentence

    assert intent_of(main_clause(question_sentence("The harbour report hoped for barges. Did the plan add any?"))) == "yes_no"


@pytest.mark.parametrize("prev,q,expected", [
    # "did that happen": after "did", the word following "that" is the verb, so "that" is a pronoun, not a determiner
    ("when did the ferry pact lapse?", "what year did that happen?", "what year did the ferry pact happen?"),
    ("was the ferry deal the first after the ports merged?", "when did that merger happen?",
     "when did the merger happen?"),  # "that merger happen": a noun, then its verb
])
def test_that_before_the_verb_of_a_did_question_is_a_pronoun(prev, q, expected):
    assert rewrite(q, [Turn(prev, [])]).text == expected


def test_a_when_clause_inside_a_question_asks_no_time():
    fees = Turn("what is the toll plan?", [], [], "Tolls rise for trucks at night.")
    assert rewrite("why does that worry the town when it comes to trucks?", [fees]).text == \
        "why does that worry the town when it comes to trucks (tolls rise night)?"  # "that" is what the answer said
    assert rewrite("and when was that?", [fees]).text == "and when was that (what is the toll plan)?"


def test_it_after_a_question_about_anything_is_what_that_question_found():
    copied = Turn("did the port copy anything from Oslo?", [], [], "The port copied the night ferry timetable.")
    assert rewrite("what was it?", [copied]).text == "what was it (did the port copy anything from Oslo)?"
    plan = Turn("was the night timetable copied from the old port?", [], [], "It was.")
    assert rewrite("when was it drafted?", [plan]).text == "when was the night timetable drafted?"  # a named thing


def test_a_server_builds_the_english_dictionaries_before_its_first_slip(monkeypatch):
    from rag import spelling

    monkeypatch.setattr(spelling, "_english", None)
    t = spelling.warm_in_background()
    t.join(timeout=60)
    assert not t.is_alive() and t.daemon
    assert spelling._english is not None  # built off the request path, once


def test_a_plural_asked_thing_before_a_past_verb_asks_for_a_list():
    assert intent_of("which big harbour events made ferries dearer?") == "list"
    assert intent_of("what old ferry routes got cut last winter?") == "list"
    assert intent_of("what kinds of boats does the port report say are banned?") == "list"  # narrowed by "of"
    assert intent_of("what does the harbour piece conclude?") != "list"  # "does" is no plural noun
    assert intent_of("what happens to the ferry next year?") == "fact"


def test_a_two_digit_year_after_a_time_word_is_read_as_the_year_the_articles_write():
    from rag.text import full_years

    known = {"1988", "2024"}.__contains__
    assert full_years("was the ferry pact signed back in 88?", known) == ("was the ferry pact signed back in 1988?", {"88": "1988"})
    assert full_years("what changed since '24 at the harbour?", known)[0] == "what changed since 2024 at the harbour?"
    assert full_years("did the pact cover ferries in 88 ports?", known)[0] == "did the pact cover ferries in 88 ports?"  # a count
    assert full_years("was it signed in 55?", known)[0] == "was it signed in 55?"  # no such year in the articles
    assert full_years("did 88 ferries sail?", known)[0] == "did 88 ferries sail?"  # no word of time before it


def test_a_question_with_its_own_wh_word_after_and_is_not_spliced_into_the_last_one():
    out = rewrite("and from what date does it count?", [Turn("how long does the renewed pact last?", [])]).text
    assert out == "and from what date does the renewed pact count?"


def test_what_about_after_a_do_question_keeps_its_verb():
    assert rewrite("what about the new one?", [Turn("what did the old plan change?", [])]).text == \
        "what did the old plan change (the new one)?"
    # a do-question that ends in its noun still has that noun replaced
    assert rewrite("what about fares?", [Turn("what does the report say about tolls?", [])]).text == \
        "what does the report say about fares?"


@pytest.mark.parametrize("q,expected", [
    ("why'd they do that", "why'd they do that (what did the ferry board cut)?"),
    ("was it raised again after that?", "was it raised again after that (what did the ferry board cut)?"),
])
def test_that_done_or_followed_in_time_is_the_last_questions_event(q, expected):
    cut = Turn("what did the ferry board cut?", [], [], "The board cut the night fares in May.")
    assert rewrite(q, [cut]).text == expected  # not asked with the answer's words ("night fares may")


def test_a_that_before_its_own_noun_after_a_time_word_is_not_the_event():
    cut = Turn("what did the ferry board cut?", [], [], "The board cut the night fares in May.")
    assert "(what did the ferry board cut)" not in rewrite("what happened after that strike?", [cut]).text


def test_they_after_a_do_question_is_its_subject_not_the_object():
    board = Turn("what did harbor democrats think of the toll?", [])
    assert rewrite("so what did they want done with it", [board]).text == \
        "so what did the harbor democrats want done with it"  # not "the toll", and the verb "think" left out


@pytest.mark.parametrize("q,about", [
    ("what's ann lee's job title?", False),  # her rank, not a headline
    ("what is the official title of the harbor levy?", False),
    ("what's the title of ann lee's piece?", True),
    ("what is the harbor review article titled?", True),
])
def test_a_persons_job_title_is_not_an_articles_headline(q, about):
    assert is_about_articles(q) is about


@pytest.mark.parametrize("q", ["what was the port trying to achieve with the new fees?",
                               "what did the town hope to gain from the ferry deal?",
                               "what was the main goal of the pier rules?"])
def test_a_question_asking_for_a_purpose_is_a_why_question(q):
    from rag.intent import intent_of
    assert intent_of(q) == "why"


def test_a_thing_done_on_purpose_asks_for_the_things_not_a_purpose():
    # "on purpose" (deliberately) tells how the act was done: "which routes did the plan leave out on purpose" asks
    # for the routes, a list, while "what was the purpose of the plan" asks for a purpose
    from rag.intent import intent_of
    from rag.whyask import asks_cause
    assert intent_of("which routes did the new plan leave out on purpose") == "list"
    assert not asks_cause("which routes did the new plan leave out on purpose")
    assert intent_of("what was the purpose of the new plan?") == "why"


def test_the_goals_asked_in_the_plural_still_ask_for_a_list():
    from rag.intent import intent_of
    assert intent_of("what are the main goals of the pier rules?") == "list"


def test_an_article_named_only_in_the_opening_statement_sets_the_scene():
    from rag.asked import points_back, scene_of
    from rag.query import named_in_scene
    port = lambda s: {"port"} if "harbor" in s.lower() else set()
    assert scene_of("The harbor piece hoped for ferries. Is that what the plan did?") == "The harbor piece hoped for ferries."
    assert scene_of("the harbor piece hoped for ferries - how does that square with the plan?") == "the harbor piece hoped for ferries"
    assert scene_of("why did the harbor piece want ferries?") == ""
    assert points_back("how does that stack up against the plan?") and not points_back("does it say that fares rose?")
    assert named_in_scene("The harbor piece hoped for ferries. Is that what the plan did?", port)
    assert not named_in_scene("The plan was late. What does the harbor piece say about that?", port)  # asked of it
    assert not named_in_scene("The harbor piece is long. What does it say about fares?", port)  # nothing pointed back at


def test_a_comparison_of_named_articles_is_embedded_without_their_names():
    from rag.query import meaning_text
    naming = {"harbor", "docksid", "op", "ed"}  # stems, as the lexicon gives them
    assert meaning_text("the harbor op-ed and Dockside's piece - how does each see the ferry?", naming) == \
        "the and piece - how does each see the ferry?"
    assert meaning_text("how do they see the ferry?", naming) == "how do they see the ferry?"  # nothing named


def test_a_why_question_naming_one_article_is_answered_from_it_whole():
    from rag.query import heard_whole
    assert heard_whole("why", {"harbor"}, scene=False, about=False)  # "why, per the harbor piece, …": its reasons
    assert not heard_whole("why", {"harbor"}, scene=True, about=False)  # it only sets the scene: others are heard
    assert not heard_whole("why", {"harbor", "dock"}, scene=False, about=False)  # a comparison's, not one's
    assert not heard_whole("fact", {"harbor"}, scene=False, about=False)
    assert heard_whole("compare", {"harbor", "dock"}, scene=False, about=False)
    assert not heard_whole("compare", {"harbor", "dock"}, scene=False, about=True)  # their bylines are asked


@pytest.mark.parametrize("q,expected", [
    ("what did the port get out of the ferry pact?", "what did the port gain from the ferry pact?"),
    ("so what is the town getting out of it?", "so what is the town gaining from it?"),
    ("how does the port come out ahead from the lease?", "how does the port gain from the lease?"),
    ("how did the port get out of the ferry pact?", "how did the port get out of the ferry pact?"),  # leaving it
])
def test_an_idiom_of_gaining_is_asked_as_the_articles_say_it(q, expected):
    from rag.text import plain_gain
    assert plain_gain(q) == expected



def test_an_or_joining_examples_leaves_a_yes_no_question():
    # "firms like A or B" asks whether any of the examples is mentioned; "in A or B" asks which
    assert intent_of("do the pieces mention ferry firms like acme or zeta?") == "yes_no"
    assert intent_of("do they cover ports such as oslo or bergen?") == "yes_no"
    assert intent_of("was the ferry pact signed in oslo or bergen?") != "yes_no"


def test_a_bare_that_after_a_question_asking_what_a_thing_is_points_at_the_thing_not_its_definition():
    said = "A shift away from total separation toward reducing harbour risks."
    r = rewrite("which council pushed that", [Turn("what's this 'ferry-pooling' thing people mention?", [], said=said)])
    assert "ferry-pooling" in r.text and "separation" not in r.text
    r = rewrite("what did that lead to?", [Turn("how did the fares change?", [], said="Fares doubled after the strike.")])
    assert "doubled" in r.text  # a question asking how something changed: "that" is what its answer said


def test_named_articles_set_apart_by_their_writing_are_compared_not_read_for_bylines():
    """"Was A written before the vote and B after?" asks what each says of the vote, which a byline seldom dates."""
    from rag.lexicon import Lexicon
    from rag.query import understand

    names = {"a": [" harbor review "], "b": [" dock weekly "]}
    lex = Lexicon(df={}, n=1, vocab=set(), lower_words=set(), expansions={}, names=names, titles={},
                  speller=Speller({"harbor", "review", "dock", "weekly", "vote"}))
    text = "was the harbor review piece written before the vote and the dock weekly one after?"
    q = understand(text, text, lex)
    assert q.written_apart and q.intent == "compare" and not q.about_articles and q.named_docs == {"a", "b"}
    one = understand("when was the harbor review piece written?", "when was the harbor review piece written?", lex)
    assert not one.written_apart and one.about_articles


def test_one_article_agreeing_with_a_claim_is_asked_yes_or_no():
    # "does X agree (that)…" asks X's stance on a claim; "agree with B" or two parties agreeing is a comparison
    assert intent_of("does the harbor piece agree fares should rise?") == "yes_no"
    assert intent_of("does the harbor piece agree that the ferry is a lifeline?") == "yes_no"
    assert intent_of("does the harbor piece agree with the dock column?") == "compare"
    assert intent_of("do the harbor piece and the dock column agree?") == "compare"


def test_an_idiom_of_exclusion_is_asked_as_the_articles_say_it():
    from rag.text import plain_excluded
    assert plain_excluded("should night ferries be off the table?") == "should night ferries be excluded?"
    assert plain_excluded("are the docks out of bounds?") == "are the docks excluded?"
    assert plain_excluded("who sat at the table?") == "who sat at the table?"


def test_those_after_a_list_question_are_the_things_the_answer_listed():
    # the question's noun ("ports") names only their kind; the answer named which ones
    last = Turn("which ports were closed last winter?", [], [], "The board closed small ports such as Dover and Hull.")
    assert rewrite("should those have stayed open?", [last]).text == "should Dover and Hull have stayed open?"
    other = Turn("which ports were closed last winter?", [], [], "It kept routes such as Oslo and Bergen.")
    assert rewrite("should those have stayed open?", [other]).text == "should the ports have stayed open?"


def test_a_relational_noun_without_its_complement_is_asked_with_the_last_question():
    """ "the alternative" needs "to X": in a conversation X is the last question's topic (bridging reference)."""
    last = Turn("what did the bay piece say about the toll plan?", [])
    assert rewrite("so what's the alternative they describe?", [last]).text == \
        "so what's the alternative they describe (what did the bay piece say about the toll plan)?"
    assert rewrite("what's the alternative to tolls?", [last]).text == "what's the alternative to tolls?"


def test_a_follow_up_asked_with_a_which_question_carries_the_things_its_answer_listed():
    """ "why did they do that?" after "which ports were shut?" is about the ports the answer named, whose sentence
    may share no word with the question ("shut" / "closed")."""
    last = Turn("which ports were shut?", [], [], "The plan closed small ports such as Dover and Hull. Fares rose.")
    assert rewrite("why did they do that?", [last]).text == "why did they do that (which ports were shut: Dover and Hull)?"
    assert rewrite("why did they do that?", [Turn("when were the ports shut?", [], [], last.said)]).text == \
        "why did they do that (when were the ports shut)?"


def test_a_follow_up_after_asking_whose_claim_something_is_keeps_the_claim():
    """ "so what's it becoming?" after "which piece says the ferry isn't dead?" asks it in that piece's account."""
    last = Turn("which piece says the ferry service isn't dead?", [])
    assert rewrite("so what's it turning into then?", [last]).text == \
        "so what's the ferry service turning into then (which piece says the ferry service isn't dead)?"
    assert rewrite("so what's it turning into then?", [Turn("when did the ferry service start?", [])]).text == \
        "so what's the ferry service turning into then?"


def test_a_dropped_g_is_read_as_the_ing_word():
    """"doin" is common enough in English text to pass as a word, so it was never corrected and became an
    unknown name; a non-word that is an "-ing" word without its g is that word."""
    fixed, fixes = Speller({"companies"}).correct("what are the companies doin there")
    assert fixed == "what are the companies doing there" and fixes == {"doin": "doing"}
    assert Speller({"kevin"}).fix_token("thin") is None  # a word, not "thing"
    assert Speller(set()).fix_token("Jin", name=True) is None


@pytest.mark.parametrize("q, meta", [
    ("which paper ran ann lee's article?", True),  # a paper that runs an article is a newspaper: its outlet
    ("what paper published the pier piece", True),
    ("which paper found the port unsafe?", False),  # a research paper's finding is content
])
def test_a_paper_that_ran_an_article_is_its_outlet(q, meta):
    assert is_about_articles(q) is meta


def test_chat_shorthand_for_please_is_no_topic_word():
    """"quick history of this pact pls": "pls" is "please" typed short, no name the articles lack (it was read as an
    unknown entity and the question refused)."""
    from rag.text import terms
    assert terms("quick history of the ferry pls") == terms("quick history of the ferry plz") == terms("quick history ferry")


def test_what_it_is_then_after_a_denial_asks_what_the_answer_said_it_is_instead():
    # "so what is it then?" after "It does not oblige anyone. Instead, it sets terms…": the "instead" is asked,
    # not the thing "it" stands for (the permit, which every sentence is about)
    said = "The ferry permit does not oblige any port to share boats. Instead, it is a framework setting docking terms."
    out = rewrite("so what is it then?", [Turn("is the ferry permit forcing ports to share boats?", [], said=said)]).text
    assert "framework" in out and out.startswith("so what is it then (")
    plain = rewrite("so what is it then?", [Turn("is the ferry permit forcing ports to share boats?", [],
                                                  said="The ferry permit obliges every port to share boats.")]).text
    assert "framework" not in plain


@pytest.mark.parametrize("q,meta", [
    ("what kinds of tech does the harbour writer group things into", False),  # kinds of a thing: her account
    ("which types of risk does the pier piece's author see?", False),
    ("what kinds of outlets published the pier pieces?", True),  # kinds of outlet: bylines
    ("who is the harbour writer?", True),
])
def test_kinds_of_a_thing_asked_of_a_writer_are_the_content_of_the_piece(q, meta):
    assert is_about_articles(q) is meta


def test_which_x_one_puts_back_the_noun_the_last_question_asked_about():
    """"which swedish one?" after "which danish port was modeled on a swedish one?": "one" is the port; left as it
    was the follow-up named nothing and was refused."""
    last = Turn("which danish port was modeled on a swedish one?")
    assert rewrite("which swedish one?", [last]).text == "which swedish port (which danish port was modeled on a swedish one)?"
    assert rewrite("what about the other one?", [Turn("which port was closed?")]).text != \
        "what about the other port (which port was closed)?"


def test_a_pronoun_after_a_verb_with_an_object_stands_for_the_subject_before_that_verb():
    """"what does it actually do?" after "does the ferry pact force us ports to share?": "it" is the ferry pact; the
    subject used to run on into the verb and its object ("the ferry pact force us")."""
    last = Turn("does the ferry pact force us ports to share boats?")
    assert rewrite("ok then what does it actually do?", [last]).text == "ok then what does the ferry pact actually do?"
    last = Turn("did the ferry pact force the ports to share boats?")
    assert rewrite("when was it signed?", [last]).text == "when was the ferry pact signed?"


def test_an_article_told_by_its_subject_comes_from_its_outlet():
    # "where is the piece on X from?" asks the outlet of the piece about X, as "where is the X piece from?" does
    assert is_about_articles("where is the piece on the history of the harbour ferry from?")
    assert is_about_articles("where was the article about the new pier from")
    assert not is_about_articles("where do the researchers in the article come from?")  # people the article names


def test_a_time_follow_up_after_an_answer_that_dated_the_event_is_asked_with_its_words_not_its_date():
    # "and what year was that?" after an answer whose first sentence gives the year: the answer's words find the
    # event "that" stands for (the first signing), the last question's words find every later signing too
    last = Turn("who first signed the ferry pact?", [], said="First signed in 1962 by mayor Ann Berg and mayor Tor Lund.")
    out = rewrite("and what year was that?", [last]).text
    assert out.startswith("and what year was that (") and "berg" in out and "1962" not in out
    # an answer whose first sentence gives no year (or only a month for "what day?") leaves the old reading
    vague = Turn("who first signed the ferry pact?", [], said="The two mayors signed it. It was renewed in 2020.")
    assert "berg" not in rewrite("and what year was that?", [vague]).text
    assert "1962" not in rewrite("what day was that?", [Turn("when was it signed?", [], said="In May 1962 it was signed.")]).text


def test_seeing_it_differently_or_the_different_writers_ask_for_a_comparison():
    # "differently than X" sets one view against another, and "the different writers" puts the question to each of them:
    # a yes/no answer from one sentence hears one writer only (rag.intent.intent_of)
    from rag.intent import intent_of
    assert intent_of("does the harbour piece see the fares differently than the dock column does?") == "compare"
    assert intent_of("do the different writers think the new fares are fair?") == "compare"
    assert intent_of("how do the two ports charge differently?") == "compare"
    assert intent_of("do the ferries run on different routes?") == "yes_no"  # different things, not different writers
    assert intent_of("did the old board handle the fares differently?") == "yes_no"  # no other party named: a yes or a no


def test_a_view_the_writer_holds_is_asked_of_the_content_not_the_byline():
    from rag.about_articles import is_about_articles

    for verb in ("reckon", "feel", "think"):
        assert not is_about_articles(f"why does the writer {verb} the ferry pact is worth keeping?")
    assert is_about_articles("who is the writer of the ferry piece?")
