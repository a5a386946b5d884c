"""The chat page's parts, without a server: rendering, escaping, login parsing, the service."""

import doctest

import pytest

import ui
from rag.errors import RagError
from rag.schema import Answer, Citation

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
    assert "Untitled article (d)" in html and "outlet not stated" in html and "date not stated" in html


def test_abstention_and_error_are_worded_for_people():
    ans = _answer(abstained=True, citations=[], answer="The articles don't say.\n- Article A\n- Article B")
    html = ui.render_answer(ans, "u3")
    assert "Not in the articles" in html and "<ul><li>Article A</li><li>Article B</li></ul>" in html
    err = ui.render_error(f"No index for model 'minilm'. Run: rag ingest {EVIL}")
    assert "Run: rag ingest" in err and "<script" not in err


def test_render_passage_trims_long_passages_at_words():
    text = "word " * 200 + "The cited sentence. " + "tail " * 200
    s = text.index("The cited")
    out = ui.render_passage(text, [(s, s + len("The cited sentence."))], context=40)
    assert out.startswith("<p>… word") and out.endswith("tail …</p>") and "<mark>The cited sentence.</mark>" in out
    assert len(out) < 200


def test_about_lists_articles_escaped():
    html = ui.render_about([{"doc_id": "x", "title": EVIL, "outlet": "O", "date": "2024-01-01"}])
    assert "<script" not in html and "O · 2024-01-01" in html and "cannot answer" in html


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
