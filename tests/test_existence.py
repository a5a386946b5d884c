"""``rag.existence.asked_instance``: the act or thing a yes/no question opening on "any" asks exists at all."""

from types import SimpleNamespace as Q

from rag.abstain import Unknown, unjudgeable
from rag.existence import asked_instance
from rag.text import terms


def test_the_passive_act_done_to_anyone_is_the_thing_asked():
    assert asked_instance("has any ferry captain been arrested for smuggling on a harbour route?") == "arrested"
    assert asked_instance("did anyone get fined under the harbour pact?") == "fined"
    assert asked_instance("were any pilots suspended for it?") == "suspended"


def test_there_any_asks_of_the_noun_not_of_what_places_it():
    assert asked_instance("were there any lawsuits over the ferry pact?") == "lawsuits"
    assert asked_instance("were there any short-term extensions before the renewal?") == "extensions"


def test_an_active_act_a_removal_or_an_object_any_asks_nothing_here():
    assert asked_instance("has anybody warned that a lapse would hurt the ferries?") == ""  # what was said is asked
    assert asked_instance("were any routes kept out of the new pact?") == ""  # an exclusion: the verdict reads it
    assert asked_instance("did the pact get any extensions?") == ""  # "any" of the object, not an opening
    assert asked_instance("were there any new deals?") == ""  # the document's own name: the verdict reads it
    assert asked_instance("did the pact cover ferries?") == ""


def test_an_act_the_articles_never_name_makes_the_question_unjudgeable_unless_a_sentence_is_close():
    q = Q(intent="yes_no", about_articles=False, mentions=terms(asked_instance("has any captain been arrested?")))
    unknown = Unknown([], [], ["arrest"])
    assert unjudgeable(q, unknown, sim=0.4)
    assert not unjudgeable(q, unknown, sim=0.65)  # a sentence this close vouches for it as a paraphrase
    assert not unjudgeable(q, Unknown([], [], []), sim=0.4)  # the articles use the word: the verdict reads them


def test_the_passive_is_found_past_a_subject_placed_by_a_preposition():
    assert asked_instance("has anybody in the harbour town been arrested for smuggling?") == "arrested"
    assert asked_instance("did any of the pilots get suspended?") == "suspended"
