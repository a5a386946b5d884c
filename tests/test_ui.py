"""The chat page's parts, without a server: rendering, escaping, login parsing, the service."""

import doctest
import json
import re

import pytest

import ui
from rag.errors import RagError
from rag.render import render_article
from rag.schema import Answer, Citation
from rag.sources import Article, ArticleInfo

EVIL = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def _answer(**kw) -> Answer:
    text = "Intro. The Pact was first signed in 1979. More text & so on."
    c = Citation(n=1, doc_id="pact", title=f"Pact {EVIL}", outlet=f"<b>{EVIL}</b>", date="2024-01-02",
                 url="javascript:alert(3)", text=f"{text} {EVIL}", start=0, end=len(text), quotes=[(7, 41)],
                 authors=[EVIL])
    d = dict(question=f"When? {EVIL}", answer=f"The Pact was first signed in 1979. [1] {EVIL} [7]", abstained=False,
             citations=[c], model="hash", timings_ms={})
    d.update(kw)
    return Answer(**d)


def test_ui_doctests():
    assert doctest.testmod(ui).failed == 0


def test_render_answer_escapes_everything_and_links_markers():
    html = ui.render_answer(_answer(rewritten_question=f"Was {EVIL}?", notice=EVIL), "u1")
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "javascript:" not in html  # only http(s) URLs become links
    assert html.count("&lt;script&gt;") >= 5
    assert '<a class="cite" href="#src-u1-1"' in html and 'id="src-u1-1"' in html
    assert "[7]" in html and "#src-u1-7" not in html  # a marker with no citation stays text
    assert "<mark>The Pact was first signed in 1979.</mark>" in html
    assert "\n\n" not in html


def test_render_answer_streaming_frames_hold_back_sources():
    ans = _answer()
    partial = ui.render_answer(ans, "u1", words=3)
    assert 'class="cursor"' in partial and 'class="src"' not in partial and "first signed" not in partial
    assert 'class="src"' in ui.render_answer(ans, "u1")


def test_source_card_links_https_and_says_what_is_missing():
    ans = _answer(citations=[Citation(1, "d", "", "", "", "https://example.org/a?x=1&y=\"2\"", "Body.", 0, 5,
                                      [(0, 5)])], answer="Body. [1]")
    html = ui.render_answer(ans, "u2")
    assert 'href="https://example.org/a?x=1&amp;y=&quot;2&quot;"' in html and 'target="_blank"' in html
    assert "outlet not stated" in html and "date not stated" in html and "author not stated" in html
    assert "(no headline stated)" in html and "Untitled" not in html
    # With the library's info, an article without a headline is named by its opening words, marked as such.
    info = ArticleInfo("d", opening="Body words here…")
    html = ui.render_answer(ans, "u2", infos={"d": info})
    assert "“Body words here…”" in html and "no headline; opening words" in html and "Untitled" not in html


def _cite(n, doc, text="Alpha one. Beta two.", quotes=((0, 10),), start=100, **kw):
    return Citation(n, doc, kw.pop("title", f"Title {doc}"), kw.pop("outlet", f"Outlet {doc}"), "2024-12-20", "", text,
                    start, None if start is None else start + len(text), list(quotes), **kw)


def test_sources_grouped_by_article_and_disagreement_marked():
    cites = [_cite(1, "a"), _cite(2, "b", start=0), _cite(3, "a", quotes=[(11, 20)], start=400)]
    ans = _answer(citations=cites, answer="Alpha one. [1] Other. [2] Beta two. [3]", disagree=True)
    html = ui.render_answer(ans, "u5")
    assert html.count('class="src-group"') == 2 and "Sources · 2 articles" in html
    a, b = html.index("Title a"), html.index("Title b")
    assert a < html.index('id="src-u5-1"') < html.index('id="src-u5-3"') < b < html.index('id="src-u5-2"')
    assert "The articles differ" in html and 'class="sources differ"' in html and "do not agree" in html
    assert "December 20, 2024" in html  # a reader's date, not ISO
    # the read links carry the cited sentence's offsets in the article body
    assert 'href="#read:a:100-110"' in html and 'href="#read:a:411-420"' in html and 'href="#read:b:0-10"' in html
    same = ui.render_answer(_answer(citations=cites[:1], answer="Alpha one. [1]", disagree=True), "u6")
    assert "The articles differ" not in same and "differ" not in same.split("<pre")[0].split("sources")[1][:20]
    card = _cite(1, "a", kind="metadata", start=None)
    assert 'href="#read:a:"' in ui.render_answer(_answer(citations=[card], answer="Alpha one. [1]"), "u7")


def test_copy_text_has_numbered_citations_and_sources():
    ans = _answer(citations=[_cite(1, "a"), _cite(2, "b", title="")], answer="Alpha one. [1] Beta two. [2]")
    html = ui.render_answer(ans, "u8", infos={"b": ArticleInfo("b", outlet="Outlet b", opening="Opening words…")})
    import html as h

    copied = h.unescape(html.split('<pre class="copy-text">')[1].split("</pre>")[0].replace("&#10;", "\n"))
    assert copied.startswith("Alpha one. [1] Beta two. [2]\n\nSources:\n[1] Title a — Outlet a · December 20, 2024")
    assert "[2] “Opening words…” (no headline; opening words) — Outlet b" in copied and "    “Alpha one.”" in copied
    assert 'class="act copy-answer"' in html and "r-not-cited" in html


def test_reader_shows_the_whole_article_with_the_cited_sentence_marked():
    body = "## Intro <b>\n\nFirst para. The cited one.\n\n- a bullet\n\nLast & final."
    art = Article(ArticleInfo("x", title=EVIL, note=f"why {EVIL}", opening="First para."), body)
    s = body.index("The cited one.")
    html = render_article(art, [(s, s + len("The cited one."))], "7")
    assert 'id="reader-7"' in html and '<mark class="cited" id="cited-7">The cited one.</mark>' in html
    assert "<h3>Intro &lt;b&gt;</h3>" in html and "<li>a bullet</li>" in html and "Last &amp; final." in html
    assert "<script" not in html and "About these details" in html and "Back to the answer" in html
    assert render_article(art, [(5, 10_000)], "8").count("<mark") == 0  # offsets outside the body are ignored


def test_public_errors_never_show_operator_detail():
    from rag.errors import BadQuestion, ChromaUnavailable, IndexMissing
    from rag.render import NOT_READY, UNREACHABLE, public_error

    assert public_error(IndexMissing("No index in /srv/x. Run: rag ingest")) == NOT_READY
    assert public_error(ChromaUnavailable("Cannot reach http://10.0.0.1:8000")) == UNREACHABLE
    assert public_error(BadQuestion("The question is empty.")) == "The question is empty."
    assert "rag" not in NOT_READY and "/" not in NOT_READY + UNREACHABLE


def test_abstention_and_error_are_worded_for_people():
    ans = _answer(abstained=True, citations=[], answer="The articles don't say.\n- Article A\n- Article B")
    html = ui.render_answer(ans, "u3")
    assert "Not in the articles" in html and "<ul><li>Article A</li><li>Article B</li></ul>" in html
    err = ui.render_error(f"Not ready {EVIL}")
    assert "Not ready" in err and "<script" not in err


def test_render_passage_trims_long_passages_at_words():
    text = "word " * 200 + "The cited sentence. " + "tail " * 200
    s = text.index("The cited")
    out = ui.render_passage(text, [(s, s + len("The cited sentence."))], context=40)
    assert out.startswith("<p>… word") and out.endswith("tail …</p>") and "<mark>The cited sentence.</mark>" in out
    assert len(out) < 200


def test_about_lists_articles_escaped():
    html = ui.render_about([ArticleInfo("x", title=EVIL, outlet="O", date="2024-01-01"),
                            ArticleInfo("y", opening="In December…")])
    assert "<script" not in html and "O · January 1, 2024" in html and "cannot answer" in html
    assert "“In December…” <span class=\"no-headline\">no headline; opening words</span>" in html


def test_parse_auth(tmp_path):
    f = tmp_path / "logins"
    f.write_text("# comment\nann:pw:with:colons\n\n bob : pw2\n")
    assert ui.parse_auth(f"@{f}") == [("ann", "pw:with:colons"), ("bob", " pw2")]
    for bad, msg in [("nocolon", "no colon"), ("ann:", "empty password"), (f"@{tmp_path / 'missing'}", "Cannot read")]:
        with pytest.raises(RagError, match=msg):
            ui.parse_auth(bad)
    f.write_text("# only a comment\n")
    with pytest.raises(RagError, match="no user:password"):
        ui.parse_auth(f"@{f}")


def test_launch_is_loopback_never_shared(monkeypatch):
    from rag.config import load_config

    kw = ui.launch_kwargs(load_config())
    assert kw["server_name"] == "127.0.0.1" and kw["share"] is False and kw["auth"] is None
    monkeypatch.setenv("RAG_AUTH", "ann:pw")
    assert ui.launch_kwargs(load_config())["auth"] == [("ann", "pw")]


def test_cli_serve_rejects_bad_login_before_loading_anything(capsys):
    from rag.cli import main

    assert main(["serve", "--auth", "nocolon"]) == 2
    assert "expected user:password" in capsys.readouterr().err


def test_service_states_the_fix_when_index_missing(hash_cfg):
    svc = ui.ChatService(hash_cfg)
    msg, level = svc.status()
    assert level == "error" and "Run: rag ingest --model hash" in msg
    assert svc.documents() == []
    with pytest.raises(RagError, match="rag ingest"):
        svc.ask("When was the Pact first signed?")


def test_service_answers_follows_up_and_records_feedback(hash_cfg):
    from rag import feedback
    from rag.ingest import ingest

    svc = ui.ChatService(hash_cfg)
    assert svc.status()[1] == "error"
    ingest(hash_cfg, progress=False)  # the page recovers once the index exists, without a restart
    assert svc.status() == ("", "")
    a = svc.ask("When was the Pact first signed?")
    assert not a.abstained and "1979" in a.answer
    b = svc.ask("When was it renewed?", [ui.turn_of(a)])
    assert b.rewritten_question and "Pact" in b.rewritten_question
    svc.record_feedback(ui.public_dict(a), "up", session="s1", answer_id="u1")
    (rec,) = feedback.read(hash_cfg.feedback_path)
    assert rec["rating"] == "up" and rec["answer_id"] == "u1" and rec["citations"][0]["doc_id"] == "pact-history"
    assert "debug" not in ui.public_dict(a)


def test_app_exposes_only_chat_and_ask(hash_cfg):
    from rag.ingest import ingest

    ingest(hash_cfg, progress=False)
    demo = ui.build_app(hash_cfg, ui.ChatService(hash_cfg))
    assert set(demo.get_api_info()["named_endpoints"]) == {"/chat", "/ask"}


def test_page_says_not_ready_in_plain_words_and_logs_the_fix(hash_cfg, capsys, tmp_path):
    from rag import handlers
    from rag.render import NOT_READY, esc

    handlers._logged.clear()  # each distinct message is logged once per process
    svc = ui.ChatService(hash_cfg)
    assert svc.public_status() == (NOT_READY, "error")
    assert "Run: rag ingest --model hash" in capsys.readouterr().err  # the operator's detail: server log only
    h = ui.Handlers(svc)
    frames = list(h.respond("When was the Pact first signed?", [], [], {}, 5))
    last = frames[-1][0][-1]["content"]
    assert esc(NOT_READY) in last and "rag ingest" not in last
    banner, about, model, index = h.page_state()
    assert esc(NOT_READY) in banner["value"] and str(tmp_path) not in about + model + index


def test_settings_and_page_show_no_server_paths(hash_cfg, tmp_path):
    from rag.ingest import ingest

    ingest(hash_cfg, progress=False)
    svc = ui.ChatService(hash_cfg)
    svc.pipeline()
    s = svc.settings()
    assert s["index"].startswith("3 passages from 2 articles") or "passages from 2 articles" in s["index"]
    for v in map(str, s.values()):
        assert str(tmp_path) not in v and "/" not in v and "sta-" not in v  # no path, no collection name


def _ask_via_page(h, question, turns=(), records=None):
    frames = list(h.respond(question, [], list(turns), dict(records or {}), 5))
    history, _, turns, records = frames[-1]
    return history[-1]["content"], turns, records


def test_reader_opens_the_article_at_the_cited_sentence(hash_cfg):
    import re

    from rag.corpus import load_corpus
    from rag.ingest import ingest

    ingest(hash_cfg, progress=False)
    h = ui.Handlers(ui.ChatService(hash_cfg))
    html, _, _ = _ask_via_page(h, "When was the Pact first signed?")
    href = re.search(r'href="(#read:[^"]+)"', html).group(1)
    _, doc, spans = href.split(":")
    reader, panel, toast = h.bridge(json.dumps({"action": "read", "doc": doc, "spans": spans, "rid": 3}), {}, "s")
    assert panel["visible"] is True and toast == "" and 'id="reader-3"' in reader
    body = {d.id: d.body for d in load_corpus(hash_cfg.corpus_dir).documents}[doc]
    s, e = map(int, spans.split(",")[0].split("-"))
    assert f'<mark class="cited" id="cited-3">{body[s:e]}</mark>' in reader and "1979" in body[s:e]
    # The whole article, rebuilt from the index, is the corpus file's body.
    assert h.service.article(doc).body == body
    # An id the library does not hold (or a path) opens nothing; garbage is ignored.
    assert "not in the library" in h.bridge('{"action": "read", "doc": "../../etc/passwd", "rid": 4}', {}, "s")[0]
    assert h.bridge("not json", {}, "s")[2] == "" and h.bridge("[1]", {}, "s")[2] == ""


def test_feedback_with_a_reason_is_recorded_with_the_conversation(hash_cfg):
    from rag import feedback
    from rag.ingest import ingest

    ingest(hash_cfg, progress=False)
    h = ui.Handlers(ui.ChatService(hash_cfg))
    _, turns, records = _ask_via_page(h, "When was the Pact first signed?")
    html, turns, records = _ask_via_page(h, "When was it renewed?", turns, records)
    uid = re.search(r'id="ans-(\w+)"', html).group(1)
    toast = h.bridge(json.dumps({"action": "feedback", "answer": uid, "rating": "down"}), records, "sess")[2]
    assert "saved" in toast
    toast = h.bridge(json.dumps({"action": "feedback", "answer": uid, "rating": "down", "reason": "not_cited"}),
                     records, "sess")[2]
    assert "reason was saved" in toast
    recs = feedback.read(hash_cfg.feedback_path)
    assert [r["reason"] for r in recs] == ["", "not_cited"]
    assert recs[-1]["history"] == ["When was the Pact first signed?"] and recs[-1]["session"] == "sess"
    assert recs[-1]["question"] == "When was it renewed?" and recs[-1]["answer_id"] == uid
    assert "earlier visit" in h.bridge('{"action": "feedback", "answer": "nope", "rating": "up"}', records, "s")[2]


def test_the_page_keeps_what_the_answer_quoted_for_the_next_question(hash_cfg):
    from rag.ingest import ingest

    ingest(hash_cfg, progress=False)
    h = ui.Handlers(ui.ChatService(hash_cfg))
    _, turns, _ = _ask_via_page(h, "When was the Pact first signed?")
    state = json.loads(json.dumps(turns))  # Gradio keeps the state as JSON: it must survive the trip
    (question, cited, shown, said, listed), = state
    assert "1979" in said and len(said) <= 400 and shown and cited and listed == ""  # a date question lists nothing
    assert ui.Turn(*state[0]).said == said  # read back as the follow-up rewriter's Turn
    assert ui.Turn(*state[0][:4]).listed == ""  # a page state kept before turns held their listed things still loads
