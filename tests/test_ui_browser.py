"""The chat page, live: `rag serve` subprocesses driven by Debian's Chromium and by gradio_client.

Three servers start once for the module, in parallel:

- ``main``: the real corpus, indexed with the real bundled MiniLM (``real_index_dir``);
- ``hostile``: a temp corpus with an article whose title, outlet and body carry
  ``<script>`` / ``<img onerror>`` payloads, indexed with the ``hash`` test embedder;
- ``broken``: no index at all, behind a login (``RAG_AUTH=@file``).

Each reader path runs at desktop (1280×900) and phone (375×812) size. Set
RAG_UPDATE_SCREENSHOT=1 (``make screenshots``) to also write the README's screenshots into docs/.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from pagekit import (
    CHROMIUM, CHROMIUM_ARGS, HOSTILE_OUTLET, HOSTILE_TITLE, HOSTILE_URL, LOGIN, PAYLOAD, UPDATE_SCREENSHOT, VIEWPORTS,
    Server, hostile_corpus_dir, ask, assert_loopback_only, assert_not_pwned, in_viewport, nested_scrollers, new_page,
    open_chat, wait_for_file_line,
)
from rag.render import NOT_READY

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def servers(request, tmp_path_factory):
    from rag.config import Config
    from rag.ingest import ingest

    root = tmp_path_factory.mktemp("ui-servers")
    hostile_corpus = hostile_corpus_dir(root / "hostile-corpus")
    ingest(Config(corpus_dir=hostile_corpus, index_dir=root / "hostile-index", model="hash"), progress=False)
    (root / "auth.txt").write_text(f"# chat logins\n{LOGIN[0]}:{LOGIN[1]}\n", encoding="utf-8")
    for d in ("main", "hostile", "broken"):
        (root / d).mkdir()
    started = {}
    try:
        # The two hash-model servers boot while the real index is (maybe) still being built.
        started["hostile"] = Server("hostile", root / "hostile", {
            "RAG_INDEX_DIR": str(root / "hostile-index"), "RAG_CORPUS_DIR": str(hostile_corpus),
            "RAG_EMBEDDING_MODEL": "hash"})
        started["broken"] = Server("broken", root / "broken", {
            "RAG_INDEX_DIR": str(root / "no-index"), "RAG_CORPUS_DIR": str(hostile_corpus),
            "RAG_EMBEDDING_MODEL": "hash", "RAG_AUTH": f"@{root / 'auth.txt'}"})
        real = request.getfixturevalue("real_index_dir")
        started["main"] = Server("main", root / "main", {
            "RAG_INDEX_DIR": str(real.index_dir), "RAG_CORPUS_DIR": str(real.corpus_dir)})
        for s in started.values():
            s.wait()
        yield started
    finally:
        for s in started.values():
            s.stop()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed: apt-get install -y chromium (or make chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    pg = new_page(browser)
    yield pg
    pg.context.close()


@pytest.fixture(params=list(VIEWPORTS))
def sized_page(browser, request):
    pg = new_page(browser, request.param)
    pg.size = request.param
    yield pg
    pg.context.close()


@pytest.mark.browser
def test_ask_follow_citation_read_article_copy_and_feedback(sized_page, servers):
    """At desktop and phone size: the whole path a reader takes through one answer."""
    page, main = sized_page, servers["main"]
    open_chat(page, main)
    if page.size == "phone":  # the question box and the examples are on the first screen
        for sel in ("#question textarea", "#send", "#examples button >> nth=0", "#examples button >> nth=3"):
            assert in_viewport(page, page.locator(sel)), sel
    # A frame streamed is a cursor put into the page: read from the mutation records, not from the page as it is
    # when the observer's callback runs (on a busy machine that can be after the last frame replaced it)
    page.evaluate("""() => { window.__frames = 0; new MutationObserver(records => {
        const put = records.some(r => [...r.addedNodes].some(n => n.nodeType === 1 &&
            (n.matches('.cursor') || n.querySelector('.cursor'))));
        if (put || document.querySelector('#chat .cursor')) window.__frames++; })
        .observe(document.body, {subtree: true, childList: true, characterData: true}); }""")
    ask(page, "When was the STA first signed?", 1)
    assert page.evaluate("window.__frames") > 0, "the answer did not stream"
    ans = page.locator("#chat .bot-row .ans").first
    group = ans.locator(".src-group").first
    assert "Renewed US-China science pact advances cooperation" in group.locator(".src-title").inner_text()
    assert "South China Morning Post · December 20, 2024 · by Marina Zhang · link not stated" in \
        group.locator(".src-meta").inner_text()
    card = ans.locator(".src").first
    quoted = card.locator("mark").first.inner_text()
    assert "1979" in quoted

    # [1] goes to its card
    cite = ans.locator("a.cite").first
    href = cite.get_attribute("href")
    assert href.startswith("#src-") and card.get_attribute("id") == href[1:]
    cite.click()
    page.wait_for_function("h => location.hash === h", arg=href)
    assert card.is_visible() and in_viewport(page, card)

    # "Read the whole article" opens it in the reader, scrolled to the same sentence, highlighted
    card.locator("a.read-link").click()
    mark = page.locator("#reader mark.cited")
    mark.wait_for()
    assert mark.inner_text() == quoted
    page.wait_for_function("""() => { const r = document.querySelector('#reader mark.cited').getBoundingClientRect();
                                      return r.top >= 0 && r.bottom <= window.innerHeight; }""")
    reader = page.locator("#reader").inner_text()
    assert "Renewed US-China science pact" in reader and "pressing question remains" in reader  # the whole article
    if page.size == "phone":
        assert nested_scrollers(page) == [], "a scrolling box inside the page on a phone"
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"horizontal scroll on a phone: {width}"
    page.locator(".reader-back").click()
    page.wait_for_function("""id => { const r = document.getElementById(id).getBoundingClientRect();
                                     return r.bottom > 0 && r.top < window.innerHeight; }""", arg=href[1:])

    copy_and_rate(page, ans, main, quoted)
    assert_loopback_only(page)


def copy_and_rate(page, ans, server, quoted: str) -> None:
    """Copy the answer (read back from the clipboard), then rate it "Not helpful" with a reason."""
    ans.locator("button.copy-answer").click()
    page.wait_for_function("() => !!window.__staCopied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.evaluate("window.__staCopied")
    assert "1979" in copied and "[1]" in copied and "\nSources:\n[1] Renewed US-China science pact" in copied
    assert f"“{quoted}”" in copied
    page.wait_for_function("document.querySelector('#sta-toast').textContent.includes('copied')")
    # Feedback with a reason: one toast at a time, saved with the reason
    ans.locator("button.fb-down").click()
    ans.locator("button.r-not-cited").click()
    page.wait_for_function("document.querySelector('#sta-toast').textContent.includes('reason was saved')")
    assert page.locator("#sta-toast").count() == 1
    uid = ans.get_attribute("id").removeprefix("ans-")
    rec = wait_for_file_line(server.feedback, lambda r: r["answer_id"] == uid and r["reason"] == "not_cited")
    assert rec["question"] == "When was the STA first signed?" and rec["session"] and rec["rating"] == "down"
    assert rec["citations"][0]["doc_id"] == "renewed-us-china-science-pact-advances"
    # Both clicks are saved; the reason (the later click) is what rag feedback export keeps.
    wait_for_file_line(server.feedback, lambda r: r["answer_id"] == uid and r["reason"] == "")
    from rag import feedback

    lines = [d for d in feedback.to_eval_lines(feedback.read(server.feedback)) if d["feedback"]["answer_id"] == uid]
    assert [d["feedback"]["reason"] for d in lines] == ["not_cited"]


@pytest.mark.browser
def test_followup_new_chat_and_settings_without_paths(page, servers):
    open_chat(page, servers["main"])
    ask(page, "When was the STA first signed?", 1)
    ask(page, "Who signed it?", 2)
    assert "Who signed the STA?" in page.locator("#chat .bot-row .ans").nth(1).locator(".rewrite").inner_text()
    page.click("#new-chat")
    page.wait_for_function("document.querySelectorAll('#chat .bot-row').length == 0")
    ask(page, "Who signed it?", 1)
    assert page.locator("#chat .rewrite").count() == 0
    page.locator("#settings").get_by_text("Settings").click()
    page.get_by_label("Library").wait_for()
    shown = [page.get_by_label("Embedding model").input_value(), page.get_by_label("Library").input_value()]
    assert shown[0].startswith("minilm") and "passages from 5 articles" in shown[1]
    assert not any("/" in v for v in shown)  # no paths, no URLs
    root = str(servers["main"].workdir.parent)
    assert root not in page.locator("body").inner_text() and root not in page.content()


@pytest.mark.browser
def test_multi_source_answer_is_grouped_and_disagreement_marked(page, servers):
    from gradio_client import Client

    q = "How many protocols has the STA enabled?"
    want = Client(servers["main"].url, verbose=False).predict(q, api_name="/ask")
    docs = list(dict.fromkeys(c["doc_id"] for c in want["citations"]))
    assert len(docs) >= 2, "this question's answer cites several articles"
    open_chat(page, servers["main"])
    ask(page, q, 1)
    ans = page.locator("#chat .bot-row .ans").first
    groups = ans.locator(".src-group")
    assert groups.count() == len(docs)  # one group per article, every citation inside its article's group
    for i, d in enumerate(docs):
        ns = [str(c["n"]) for c in want["citations"] if c["doc_id"] == d]
        assert groups.nth(i).locator(".src-n").all_inner_texts() == ns
    differ = want["disagree"]
    assert ans.locator(".differ-tag").count() == int(differ)
    assert ans.locator(".sources.differ .differ-note").count() == int(differ)


@pytest.mark.browser
def test_hostile_question_shows_as_text(page, servers):
    open_chat(page, servers["main"])
    ask(page, f"What is {PAYLOAD} <b>bold</b>?", 1)
    user = page.locator("#chat .user-row").first
    assert PAYLOAD in user.inner_text() and "<b>bold</b>" in user.inner_text()
    assert_not_pwned(page)
    assert_loopback_only(page)


@pytest.mark.browser
def test_hostile_article_shows_as_text(page, servers):
    open_chat(page, servers["hostile"])
    page.wait_for_function("document.querySelector('#about').innerText.includes('Zebra labs')")
    assert HOSTILE_TITLE in page.locator("#about").inner_text()
    ask(page, "How many researchers does the quantum zebra project have?", 1)
    ans = page.locator("#chat .bot-row .ans").first
    text = ans.inner_text()
    assert "40" in text and HOSTILE_TITLE in text and HOSTILE_OUTLET in text
    assert PAYLOAD in ans.locator(".src-text").first.inner_text()
    link = ans.locator(".src-title a").first  # the original article, linked with its URL intact
    assert link.get_attribute("href") == HOSTILE_URL and link.get_attribute("target") == "_blank"
    ans.locator("a.read-link").first.click()
    page.locator("#reader mark.cited").wait_for()
    assert PAYLOAD in page.locator("#reader").inner_text() and HOSTILE_TITLE in page.locator("#reader").inner_text()
    assert_not_pwned(page)
    assert_loopback_only(page)


@pytest.mark.browser
def test_missing_index_gives_a_readable_error(sized_page, servers):
    page, broken = sized_page, servers["broken"]
    page.goto(broken.url, wait_until="domcontentloaded")
    page.wait_for_selector("input[type=password]")
    page.locator("input[type=text]").fill(LOGIN[0])
    page.locator("input[type=password]").fill(LOGIN[1])
    page.get_by_role("button", name="Login").click()
    banner = page.locator("#status .banner-error")
    banner.wait_for()
    assert NOT_READY in banner.inner_text()
    ask(page, "When was the STA first signed?", 1)
    err = page.locator("#chat .error").inner_text()
    assert NOT_READY in err
    body = page.locator("body").inner_text()
    assert "rag ingest" not in body and "Run:" not in body and "/tmp" not in body
    assert "Run: rag ingest --model hash" in broken.log.read_text()  # the operator's detail is in the server log
    assert broken.proc.poll() is None  # the server stays up
    assert_loopback_only(page)


@pytest.mark.browser
@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_readme_screenshots(browser, servers, tmp_path, size):
    """The README's screenshots (docs/chat.png, docs/phone.png, docs/phone-start.png): `make screenshots`."""
    page = new_page(browser, size)
    try:
        open_chat(page, servers["main"])
        page.mouse.move(0, 0)
        shots = {}
        if size == "phone":
            shots["phone-start.png"] = page.screenshot()
        ask(page, "How many protocols has the STA enabled?", 1)
        ans = page.locator("#chat .bot-row .ans").first
        assert ans.locator(".src mark").first.is_visible() and ans.locator("a.cite").count() >= 2
        if size == "desktop":
            ans.locator("a.read-link").first.click()
            page.locator("#reader mark.cited").wait_for()
            page.wait_for_function("""() => { const r = document.querySelector('#reader mark.cited').getBoundingClientRect();
                                              return r.top >= 0 && r.bottom <= window.innerHeight; }""")
            page.evaluate("document.querySelector('#chat .user-row').scrollIntoView({block: 'start'})")
            page.evaluate("window.scrollTo(0, 0)")
            shots["chat.png"] = page.screenshot()
        else:
            page.evaluate("document.querySelector('#chat .sources').scrollIntoView({block: 'start'})")
            shots["phone.png"] = page.screenshot()
        for name, png in shots.items():
            (tmp_path / name).write_bytes(png)
            if UPDATE_SCREENSHOT:
                (ROOT / "docs").mkdir(exist_ok=True)
                shutil.copy(tmp_path / name, ROOT / "docs" / name)
        assert_loopback_only(page)
    finally:
        page.context.close()


# --- API ------------------------------------------------------------------------

def test_api_chat_text(servers):
    from gradio_client import Client

    out = Client(servers["main"].url, verbose=False).predict("When was the STA first signed?", api_name="/chat")
    assert "1979" in out and "[1]" in out and "Sources:" in out and "Renewed US-China science pact" in out


def test_api_ask_matches_rag_ask_json(servers, real_pipeline):
    from gradio_client import Client

    q = "How long was the STA renewed for?"
    got = Client(servers["main"].url, verbose=False).predict(q, api_name="/ask")
    want = real_pipeline.ask(q).to_dict()
    want.pop("debug")
    assert set(got) == set(want)
    for k in ("timings_ms",):
        got.pop(k), want.pop(k)
    assert got == json.loads(json.dumps(want))


def test_login_required_and_api_errors_are_public(servers):
    import httpx
    from gradio_client import Client

    url = servers["broken"].url
    assert httpx.get(url + "config").status_code == 401
    r = httpx.post(url + "gradio_api/call/ask", json={"data": ["When was the STA first signed?"]})
    assert r.status_code == 401
    with pytest.raises(Exception):
        Client(url, verbose=False)
    with pytest.raises(Exception, match="isn't ready yet"):
        Client(url, auth=LOGIN, verbose=False).predict("When was the STA first signed?", api_name="/ask")
    assert "Run: rag ingest --model hash" in servers["broken"].log.read_text()


def test_binds_loopback_only(servers):
    import psutil

    addrs = {c.laddr.ip for c in psutil.Process(servers["main"].proc.pid).net_connections(kind="inet")
             if c.status == psutil.CONN_LISTEN}
    assert addrs == {"127.0.0.1"}
