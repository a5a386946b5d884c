"""The chat page, live: `rag serve` subprocesses driven by Debian's Chromium and by gradio_client.

Three servers start once for the module, in parallel:

- ``main``: the real corpus, indexed with the real bundled MiniLM (``real_index_dir``);
- ``hostile``: a temp corpus with an article whose title, outlet and body carry
  ``<script>`` / ``<img onerror>`` payloads, indexed with the ``hash`` test embedder;
- ``broken``: no index at all, behind a login (``RAG_AUTH=@file``).

Set RAG_UPDATE_SCREENSHOT=1 to also write the README's docs/chat.png.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import ROOT, write_tiny_corpus

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]
PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
HOSTILE_TITLE = f"Zebra labs {PAYLOAD} report"
HOSTILE_OUTLET = '<b onmouseover="window.__pwned=3">Evil Outlet</b>'
HOSTILE_URL = 'https://example.org/zebra?q="><script>window.__pwned=4</script>&x=1'
LOGIN = ("ann", "s3cret:pass")
# Read at import: the autouse `isolated` fixture clears RAG_* before each test runs.
UPDATE_SCREENSHOT = os.environ.get("RAG_UPDATE_SCREENSHOT") == "1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, name: str, workdir: Path, env: dict):
        self.name, self.port, self.workdir = name, _free_port(), workdir
        self.url = f"http://127.0.0.1:{self.port}/"
        self.feedback = workdir / "feedback.jsonl"
        self.log = workdir / "serve.log"
        base = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
        base.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", GRADIO_ANALYTICS_ENABLED="False",
                    ANONYMIZED_TELEMETRY="False", TOKENIZERS_PARALLELISM="false",
                    RAG_FEEDBACK_PATH=str(self.feedback), RAG_MODELS_DIR=os.environ.get("RAG_TEST_MODELS_DIR", str(workdir / "models")),
                    GRADIO_TEMP_DIR=str(workdir / "gradio-tmp"))
        base.update(env)
        # cwd is a temp dir, so nothing (e.g. Gradio's .gradio/) lands in the repo.
        self.proc = subprocess.Popen([sys.executable, "-m", "rag", "serve", "--port", str(self.port)],
                                     cwd=workdir, env=base, stdout=self.log.open("w"), stderr=subprocess.STDOUT)

    def wait(self, timeout: float = 90) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if "Serving the chat on" in self.log.read_text(errors="replace"):
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} server did not start:\n{self.log.read_text(errors='replace')}")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def _hostile_corpus(path: Path) -> Path:
    body = (f"Zebra labs study quantum zebra stripes in Antarctica. {PAYLOAD} The quantum zebra project has 40 "
            "researchers and began in 2021. Its director said the stripes <b>store</b> heat & light. ")
    from rag.corpus import save
    from rag.schema import Document

    write_tiny_corpus(path)
    save(Document("zebra-labs", HOSTILE_TITLE, HOSTILE_OUTLET, ["<i>Mallory</i>"], "2024-05-06", HOSTILE_URL, body * 2),
         path, overwrite=True)
    return path


@pytest.fixture(scope="module")
def servers(request, tmp_path_factory):
    from rag.config import Config
    from rag.ingest import ingest

    root = tmp_path_factory.mktemp("ui-servers")
    hostile_corpus = _hostile_corpus(root / "hostile-corpus")
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
    ctx = browser.new_context(viewport={"width": 1280, "height": 1000})
    pg = ctx.new_page()
    pg.set_default_timeout(30_000)
    pg.requests_seen = []
    pg.on("request", lambda r: pg.requests_seen.append(r.url))
    yield pg
    ctx.close()


def open_chat(page, server) -> None:
    page.goto(server.url, wait_until="domcontentloaded")
    page.wait_for_selector("#question textarea")


def ask(page, question: str, n_answers: int) -> None:
    """Type a question, send it, and wait until the n-th answer has finished streaming."""
    page.fill("#question textarea", question)
    page.click("#send")
    wait_answers(page, n_answers)


def wait_answers(page, n: int) -> None:
    """Until the n-th answer is in and done streaming (no placeholder, no cursor)."""
    page.wait_for_function(
        """n => { const a = document.querySelectorAll('#chat .bot-row .ans');
                  return a.length >= n && !a[n - 1].classList.contains('pending')
                         && !a[n - 1].querySelector('.cursor'); }""",
        arg=n)


def assert_loopback_only(page) -> None:
    hosts = {urlparse(u).hostname for u in page.requests_seen if not u.startswith(("data:", "blob:", "about:"))}
    assert hosts and hosts <= {"127.0.0.1", "localhost"}, hosts


def assert_not_pwned(page) -> None:
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#chat img, #about img, #chat script, #about script, #chat b[onmouseover]").count() == 0


# --- browser ----------------------------------------------------------------------

@pytest.mark.browser
def test_streamed_answer_with_linked_source_highlight_followup_feedback(page, servers, tmp_path):
    main = servers["main"]
    open_chat(page, main)
    # Record whether a partial (streaming) frame was ever rendered.
    page.evaluate("""() => { window.__frames = 0; new MutationObserver(() => {
        if (document.querySelector('#chat .cursor')) window.__frames++; })
        .observe(document.body, {subtree: true, childList: true, characterData: true}); }""")
    ask(page, "When was the STA first signed?", 1)
    assert page.evaluate("window.__frames") > 0, "the answer did not stream"
    ans = page.locator("#chat .bot-row .ans").first
    cite = ans.locator("a.cite").first
    assert cite.is_visible() and cite.inner_text() == "[1]"
    card = ans.locator(".src").first
    assert "Renewed US-China science pact advances cooperation" in card.locator(".src-title").inner_text()
    assert "South China Morning Post" in card.locator(".src-meta").inner_text()
    mark = card.locator("mark").first
    assert mark.is_visible() and "1979" in mark.inner_text()
    page.screenshot(path=str(tmp_path / "chat.png"), full_page=True)

    # [1] is a link to its card
    href = cite.get_attribute("href")
    assert href.startswith("#src-") and card.get_attribute("id") == href[1:]
    cite.click()
    assert page.evaluate("location.hash") == href and card.is_visible()

    # thumbs up lands in the feedback file with question, answer and citations
    page.locator("#chat .bot-row").first.get_by_role("button", name="Like", exact=True).click()
    deadline = time.monotonic() + 10
    while not main.feedback.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    rec = json.loads(main.feedback.read_text().splitlines()[-1])
    assert rec["rating"] == "up" and rec["question"] == "When was the STA first signed?"
    assert "1979" in rec["answer"] and rec["citations"][0]["doc_id"] == "renewed-us-china-science-pact-advances"

    # follow-up in context, then "New chat" forgets it
    ask(page, "Who signed it?", 2)
    assert "Who signed the STA?" in page.locator("#chat .bot-row .ans").nth(1).locator(".rewrite").inner_text()
    page.click("#new-chat")
    page.wait_for_function("document.querySelectorAll('#chat .bot-row').length == 0")
    ask(page, "Who signed it?", 1)
    assert page.locator("#chat .rewrite").count() == 0
    assert_loopback_only(page)


@pytest.mark.browser
def test_example_question_and_phone_width(browser, servers, tmp_path):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    pg = ctx.new_page()
    pg.set_default_timeout(30_000)
    pg.requests_seen = []
    pg.on("request", lambda r: pg.requests_seen.append(r.url))
    try:
        open_chat(pg, servers["main"])
        pg.get_by_role("button", name="How long was the STA renewed for?").click()
        wait_answers(pg, 1)
        assert pg.locator("#chat .user-row").first.inner_text().strip() == "How long was the STA renewed for?"
        assert pg.locator("#chat .bot-row a.cite").first.is_visible()
        assert pg.locator("#chat .src mark").first.is_visible()
        width = pg.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"horizontal scroll on a phone: {width}"
        pg.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
        assert_loopback_only(pg)
    finally:
        ctx.close()


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
    assert_not_pwned(page)
    assert_loopback_only(page)


@pytest.mark.browser
def test_missing_index_behind_login_says_what_to_run(page, servers):
    broken = servers["broken"]
    page.goto(broken.url, wait_until="domcontentloaded")
    page.wait_for_selector("input[type=password]")
    page.locator("input[type=text]").fill(LOGIN[0])
    page.locator("input[type=password]").fill(LOGIN[1])
    page.get_by_role("button", name="Login").click()
    banner = page.locator("#status .banner-error")
    banner.wait_for()
    assert "Run: rag ingest --model hash" in banner.inner_text()
    ask(page, "When was the STA first signed?", 1)
    assert "Run: rag ingest --model hash" in page.locator("#chat .error").inner_text()
    assert broken.proc.poll() is None  # the server stays up
    assert_loopback_only(page)


@pytest.mark.browser
def test_readme_screenshot(page, servers, tmp_path):
    """A real answer with its sources, for the README (written to docs/chat.png on request)."""
    open_chat(page, servers["main"])
    ask(page, "Who signed the STA in 1979 and when was it renewed?", 1)
    ans = page.locator("#chat .bot-row .ans").first
    assert ans.locator(".src mark").first.is_visible() and ans.locator("a.cite").count() >= 1
    page.mouse.move(0, 0)
    out = tmp_path / "chat.png"
    page.screenshot(path=str(out), full_page=True)
    if UPDATE_SCREENSHOT:
        (ROOT / "docs").mkdir(exist_ok=True)
        shutil.copy(out, ROOT / "docs" / "chat.png")
    assert_loopback_only(page)


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


def test_login_required_and_api_errors_state_the_fix(servers):
    import httpx
    from gradio_client import Client

    url = servers["broken"].url
    assert httpx.get(url + "config").status_code == 401
    r = httpx.post(url + "gradio_api/call/ask", json={"data": ["When was the STA first signed?"]})
    assert r.status_code == 401
    with pytest.raises(Exception):
        Client(url, verbose=False)
    with pytest.raises(Exception, match="Run: rag ingest --model hash"):
        Client(url, auth=LOGIN, verbose=False).predict("When was the STA first signed?", api_name="/ask")


def test_binds_loopback_only(servers):
    import psutil

    addrs = {c.laddr.ip for c in psutil.Process(servers["main"].proc.pid).net_connections(kind="inet")
             if c.status == psutil.CONN_LISTEN}
    assert addrs == {"127.0.0.1"}
