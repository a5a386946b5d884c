from pathlib import Path

import pytest

from rag.cleaning import clean_article, parse_date, slugify, strip_markup
from rag.corpus import dump, load_corpus

from conftest import CORPUS, SEEDS


def seed(prefix: str) -> str:
    return next(SEEDS.glob(prefix + "_*.txt")).read_text(encoding="utf-8")


def test_date_stamps_and_read_full_line():
    doc = clean_article(seed("000"))
    assert "April 21, 2026" not in doc.body and "Read the Full" not in doc.body
    assert doc.url == "https://www.csis.org/analysis/us-china-science-and-technology-cooperation-agreement-not-yet-obsolete"
    assert doc.outlet == "csis.org"
    assert doc.date == ""  # page stamps are not the article's date
    assert doc.authors == []  # never invent an author


def test_link_stubs_keep_words_and_note_gives_metadata():
    doc = clean_article(seed("003"))
    assert "[renewal](#)" not in doc.body and "The renewal of the US-China" in doc.body
    assert "**" not in doc.body and "Note: This article" not in doc.body
    assert (doc.title, doc.outlet, doc.authors, doc.date) == (
        "Renewed US-China science pact advances cooperation, despite tech wars", "South China Morning Post",
        ["Marina Zhang"], "2024-12-20")


def test_responsible_statecraft_chrome_and_appended_articles_removed():
    doc = clean_article(seed("002"))
    body = doc.body
    assert doc.title == "Why can't we just let American & Chinese scientists get along?"
    assert body.count(doc.title) == 0  # the duplicated headline is gone
    for junk in ("Follow us on social", "ASEAN", "snapback", "Ukraine is mired", "keep reading", "Newsletter",
                 "Subscribe", "Public domain", "Top photo credit", "LATEST"):
        assert junk not in body, junk
    assert body.rstrip().endswith("will not require Sino-U.S. cooperation.")
    assert doc.outlet == "" and doc.authors == [] and doc.date == ""


def test_byline_from_excerpt_sentence():
    doc = clean_article(seed("001"))
    assert doc.authors == ["Jing Qian", "Brendan Kelly"]
    assert doc.outlet == "ChinaFile/Foreign Policy"


def test_untitled_article_keeps_empty_metadata():
    doc = clean_article(seed("004"))
    assert (doc.title, doc.outlet, doc.authors, doc.date, doc.url) == ("", "", [], "", "")
    assert doc.id == "in-december-2024-the-united-states"


def test_overrides_win():
    doc = clean_article(seed("002"), {"outlet": "Responsible Statecraft", "id": "rs"})
    assert doc.outlet == "Responsible Statecraft" and doc.id == "rs"


@pytest.mark.parametrize("prefix,overrides", [("000", {}), ("001", {}), ("002", {"outlet": "Responsible Statecraft"}),
                                              ("003", {}), ("004", {})])
def test_checked_in_corpus_matches_the_cleaner(prefix, overrides):
    doc = clean_article(seed(prefix), overrides)
    assert (CORPUS / f"{doc.id}.md").read_text(encoding="utf-8") == dump(doc)


def test_checked_in_corpus_loads_cleanly():
    res = load_corpus(CORPUS)
    assert len(res.documents) == 5 and res.skipped == []


def test_helpers():
    assert strip_markup("[a b](http://x) and **c**") == "a b and c"
    assert parse_date("Dec. 13, 2024") == "2024-12-13" and parse_date("13/12/24") == ""
    assert slugify("The U.S. plan") == "us-plan"
