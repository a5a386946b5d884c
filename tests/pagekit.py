"""Helpers for the browser tests: live `rag serve` subprocesses and Playwright page actions."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

from conftest import write_tiny_corpus

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


def hostile_corpus_dir(path: Path) -> Path:
    body = (f"Zebra labs study quantum zebra stripes in Antarctica. {PAYLOAD} The quantum zebra project has 40 "
            "researchers and began in 2021. Its director said the stripes <b>store</b> heat & light. ")
    from rag.corpus import save
    from rag.schema import Document

    write_tiny_corpus(path)
    save(Document("zebra-labs", HOSTILE_TITLE, HOSTILE_OUTLET, ["<i>Mallory</i>"], "2024-05-06", HOSTILE_URL, body * 2),
         path, overwrite=True)
    return path


VIEWPORTS = {"desktop": dict(viewport={"width": 1280, "height": 900}),
             "phone": dict(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)}


def new_page(browser, size: str = "desktop"):
    ctx = browser.new_context(**VIEWPORTS[size], permissions=["clipboard-read", "clipboard-write"])
    pg = ctx.new_page()
    pg.set_default_timeout(30_000)
    pg.requests_seen = []
    pg.on("request", lambda r: pg.requests_seen.append(r.url))
    return pg



def open_chat(page, server) -> None:
    page.goto(server.url, wait_until="domcontentloaded")
    page.wait_for_selector("#question textarea")
    page.wait_for_function("() => !!window.__staReady")  # the page script is installed


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


def in_viewport(page, locator) -> bool:
    box = locator.bounding_box()
    vp = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + min(box["height"], 40) <= vp["height"]


def nested_scrollers(page) -> list[str]:
    """Elements (other than the page) that scroll their own content vertically."""
    return page.evaluate("""() => [...document.querySelectorAll('body *')].filter(e => {
        const o = getComputedStyle(e).overflowY;
        return (o === 'auto' || o === 'scroll') && e.scrollHeight > e.clientHeight + 2 && e.clientHeight > 0;
      }).map(e => e.tagName + '#' + e.id + '.' + [...e.classList].join('.'))""")


def wait_for_file_line(path: Path, predicate, timeout: float = 30) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists():
            for line in reversed(path.read_text().splitlines()):
                rec = json.loads(line)
                if predicate(rec):
                    return rec
        time.sleep(0.1)
    raise AssertionError(f"no matching record in {path}")


def assert_loopback_only(page) -> None:
    hosts = {urlparse(u).hostname for u in page.requests_seen if not u.startswith(("data:", "blob:", "about:"))}
    assert hosts and hosts <= {"127.0.0.1", "localhost"}, hosts


def assert_not_pwned(page) -> None:
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#chat img, #about img, #chat script, #about script, #chat b[onmouseover], #reader img, "
                        "#reader script").count() == 0


# --- browser ----------------------------------------------------------------------
