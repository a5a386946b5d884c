"""A question naming an article's writer asks about the byline only when the writer is who is asked for; the writer's
impression, wording or job, and what lies "behind" something other than the article, are the articles' content
(``about_articles.writer_holds_other``, ``persons.asks_job``). Also: a byline's date asked by its noun
(``sources.asked_field``) and a list's noun before a participle (``query.asked_thing``)."""

import pytest

from rag.about_articles import is_about_articles, writer_holds_other
from rag.persons import writer_as_person
from rag.query import asked_thing
from rag.sources import asked_field


@pytest.mark.parametrize("q", [
    "what was the harbour writer's impression from the talks in Oslo?",  # a possession of the writer
    "what is the harbour author's main worry?",
    "what word does the harbour writer use for the new berths?",  # the writer as subject of another verb
    "what example does the author of the harbour piece give of joint work?",
    "what did the harbour writer make of the vote?",
    "what's the idea behind using the levy as a brake in the harbour piece",  # "behind" something else
    "what's the reasoning behind the toll in the harbour article?",
])
def test_a_writers_account_or_what_lies_behind_a_thing_is_content(q):
    assert not is_about_articles(q)


@pytest.mark.parametrize("q", [
    "who wrote the harbour piece?",
    "who is the author of the harbour piece?",
    "what's the harbour author's name?",
    "when was the harbour author's article published?",
    "who's behind the harbour piece?",
    "where does the harbour writer work?",  # asked of the person by name upstream, or "not stated" for no author
    "who did the harbour writer meet in Oslo?",  # a person asked for: the byline's one person is the writer
    "who are the authors of the piece saying the port is safe?",  # "are" is no auxiliary of another verb
])
def test_the_writer_asked_for_stays_a_byline_question(q):
    assert is_about_articles(q)


def test_writer_holds_other_reads_the_writer_not_the_article():
    assert writer_holds_other("what term does the author of the harbour piece use?")
    assert not writer_holds_other("what term does the harbour piece use?")  # no writer named
    assert not writer_holds_other("what's the harbour author's full name?")


@pytest.mark.parametrize("q,expected", [
    ("what's the Bay Times author's job title?", "what's Ann Lee's job title?"),
    ("what does the author of the Bay Times piece do for a living", "what does Ann Lee do for a living"),
    ("what does the Bay Times writer do?", "what does Ann Lee do?"),
    ("what is the Bay Times writer's occupation?", "what is Ann Lee's occupation?"),
    ("what does the Bay Times writer think the port will do?", "what does the Bay Times writer think the port will do?"),
    ("what's the Bay Times writer's position on the levy?", "what's the Bay Times writer's position on the levy?"),
])
def test_a_writers_job_is_asked_of_the_writer_by_name(q, expected):
    assert writer_as_person(q, lambda s: ["Ann Lee"] if "bay times" in s.lower() else []) == expected


def test_a_bylines_date_asked_by_its_noun():
    assert asked_field("what's the date on the harbour article?", None) == "date"
    assert asked_field("what's the publication date of the harbour piece?", None) == "date"
    assert asked_field("what's the title of the harbour piece?", None) == "title"


@pytest.mark.parametrize("q,expected", [
    ("what are the key berths listed in the harbour piece?", "berth"),  # the noun, not its participle
    ("what are the fees charged in the harbour piece?", "fee"),
    ("what is the top speed of the ferry?", "speed"),  # a noun in -ed after no plural stays the noun
])
def test_a_participle_after_a_plural_noun_leaves_the_noun_asked(q, expected):
    assert asked_thing(q) == expected
