"""The kind of things a list question asks for (``intent.listed_kind``, ``listkind``): an auxiliary or a verb in -s
is none ("what does X mean?", "which agency runs the port?"), and "what kinds of X" asks for X."""

from rag.intent import listed_kind
from rag.listkind import kind_after_of, same_kind


def test_plural_nouns_name_the_kind():
    assert listed_kind("which areas are open?") == "area"
    assert listed_kind("what are the main pillars the report lists for the port?") == "pillar"
    assert listed_kind("what new berths did the port add?") == "berth"


def test_auxiliaries_and_verbs_name_no_kind():
    assert listed_kind("what does the harbour piece conclude?") == ""
    assert listed_kind("what has the port done?") == ""
    assert listed_kind("which agency runs the port?") == ""
    assert listed_kind("what makes the ferry late?") == ""
    assert listed_kind("which group in congress wants a new pier?") == ""


def test_kinds_of_x_asks_for_x():
    assert listed_kind("what kinds of science do the ports share?") == "scienc"
    assert listed_kind("what types of boats use the pier?") == "boat"
    assert listed_kind("what sorts of safe, cheap cargo is the port limited to?") == "cargo"
    assert kind_after_of(" fish got banned") == "fish"


def test_same_kind_reads_clipped_nouns():
    assert same_kind("technolog", "tech") and same_kind("berth", "berth") and not same_kind("port", "berth")


def test_a_domain_word_stands_for_another_only_when_loose():
    from rag.spread import lists_kind
    said = "The pact now covers areas such as public health, farming and weather."
    assert not lists_kind(said, "field") and lists_kind(said, "field", loose=True)
    assert not lists_kind("Ports such as Oslo and Bergen grew.", "field", loose=True)  # no domain word
