"""The chat page: wires the pipeline into a Gradio chat (``rag serve`` or ``python ui.py``).

Each answer streams in with ``[n]`` markers that link to numbered source cards
under it (headline · outlet · date · link, and the passage with the cited
sentence highlighted). Thumbs up/down go to ``cfg.feedback_path`` through
``rag.feedback``. Two API endpoints serve ``gradio_client``: ``/chat`` (text in,
answer text with sources out) and ``/ask`` (the ``rag ask --json`` object).

Everything from the corpus or from a user is HTML-escaped here, before Gradio
sees it; the chat also renders with Markdown off and Gradio's sanitizer on, so
an article or a question containing ``<script>`` shows as text.

>>> render_user("<b>hi</b>")
'<p>&lt;b&gt;hi&lt;/b&gt;</p>'
"""

import html
import ipaddress
import os
import re
import threading
import time
import traceback
import uuid
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from rag import feedback  # noqa: E402
from rag.config import Config, load_config  # noqa: E402
from rag.errors import RagError  # noqa: E402
from rag.followup import Turn  # noqa: E402

TITLE = "Ask about the U.S.–China Science and Technology Agreement"
EXAMPLES = [
    "When was the STA first signed?",
    "How long was the STA renewed for?",
    "What does the renewed agreement exclude?",
    "What is Military-Civil Fusion?",
]
CAN = ("what the articles in this collection say about the STA: its history, the 2024 renewal, "
       "what it covers and excludes, and the arguments for and against it. Every answer quotes the articles.")
CANNOT = ("anything the articles don't say: news after they were written, other topics, advice or opinions "
          "of its own. It then says so instead of guessing.")
# The reader's own system fonts: nothing to download, and native on every platform
# (Liberation Sans on Debian, Segoe UI on Windows, San Francisco on Apple, Roboto on Android).
FONTS = ["-apple-system", "BlinkMacSystemFont", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "Liberation Sans",
         "sans-serif"]
# Passages shown around the cited sentence(s) in a source card, in characters each side.
CONTEXT_CHARS = 170
esc = html.escape


# --- login --------------------------------------------------------------------

def parse_auth(spec: str) -> list[tuple[str, str]] | None:
    """``RAG_AUTH``: ``user:password``, or ``@/path`` to a file of such lines (``#`` comments allowed).

    >>> parse_auth("ann:s3cret:with:colons")
    [('ann', 's3cret:with:colons')]
    >>> parse_auth("") is None
    True
    """
    spec = (spec or "").strip()
    if not spec:
        return None
    where, lines = "RAG_AUTH", [spec]
    if spec.startswith("@"):
        path = Path(spec[1:]).expanduser()
        where = str(path)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as e:
            raise RagError(f"Cannot read the login file {path} ({e.strerror}). "
                           "Set RAG_AUTH=user:password or RAG_AUTH=@/path/to/file with user:password lines") from None
    pairs = []
    for i, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        user, sep, pw = line.partition(":")
        if not sep or not user.strip() or not pw:
            at = f"{where} line {i}" if spec.startswith("@") else where
            raise RagError(f"{at}: expected user:password (got {'an empty password' if sep else 'no colon'})")
        pairs.append((user.strip(), pw))
    if not pairs:
        raise RagError(f"{where} has no user:password lines")
    return pairs


def is_loopback(host: str) -> bool:
    """Whether binding ``host`` keeps the page on this machine.

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# --- rendering: pure functions from our dataclasses to escaped HTML ---------------

_MARKER = re.compile(r"\[(\d+)\]")


def _inline(text: str, uid: str, ns: set[int]) -> str:
    """Escape ``text`` and turn each ``[n]`` of a known citation into a link to its card."""
    out, pos = [], 0
    for m in _MARKER.finditer(text):
        n = int(m.group(1))
        if n not in ns:
            continue
        out.append(esc(text[pos:m.start()]))
        out.append(f'<a class="cite" href="#src-{uid}-{n}" title="Source {n}">[{n}]</a>')
        pos = m.end()
    out.append(esc(text[pos:]))
    return "".join(out)


def render_text(text: str, uid: str = "", ns: set[int] | None = None) -> str:
    """Paragraphs, ``- `` lists and ``[n]`` links; no Markdown, no raw HTML.

    >>> render_text("A <b> [1]\\n- x & y", "u1", {1})
    '<p>A &lt;b&gt; <a class="cite" href="#src-u1-1" title="Source 1">[1]</a></p><ul><li>x &amp; y</li></ul>'
    """
    ns = ns or set()
    out, items = [], []
    for line in text.splitlines():
        if line.startswith("- "):
            items.append(f"<li>{_inline(line[2:], uid, ns)}</li>")
            continue
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if line.strip():
            out.append(f"<p>{_inline(line, uid, ns)}</p>")
    if items:
        out.append("<ul>" + "".join(items) + "</ul>")
    return "".join(out)


def render_user(question: str) -> str:
    return f"<p>{esc(question)}</p>"


def _snap(text: str, i: int, forward: bool) -> int:
    """Move a cut point to the nearest whitespace so no word is split."""
    if i <= 0 or i >= len(text):
        return max(0, min(i, len(text)))
    j = text.find(" ", i) if forward else text.rfind(" ", 0, i)
    return (len(text) if j < 0 else j) if forward else (0 if j < 0 else j + 1)


def render_passage(text: str, quotes: list[tuple[int, int]], context: int = CONTEXT_CHARS) -> str:
    """The cited sentence(s) in ``<mark>``, with some of the passage around them.

    >>> render_passage("One <i>. Two.\\n\\nThree.", [(9, 13)])
    '<p>One &lt;i&gt;. <mark>Two.</mark></p><p>Three.</p>'
    """
    quotes = sorted((s, e) for s, e in quotes if 0 <= s < e <= len(text))
    if not quotes:
        lo, hi = 0, min(len(text), 2 * context)
    else:
        lo, hi = max(0, quotes[0][0] - context), min(len(text), quotes[-1][1] + context)
    lo, hi = _snap(text, lo, forward=False), _snap(text, hi, forward=True)
    parts, pos = [], lo
    for s, e in quotes:
        s, e = max(s, pos), e
        if s >= e:
            continue
        parts.append(esc(text[pos:s]))
        parts.append(f"<mark>{esc(text[s:e])}</mark>")
        pos = e
    parts.append(esc(text[pos:hi]))
    body = ("… " if lo > 0 else "") + "".join(parts).strip() + (" …" if hi < len(text) else "")
    paras = [p.strip().replace("\n", " ") for p in body.split("\n\n") if p.strip()]
    return "".join(f"<p>{p}</p>" for p in paras)


def doc_label(title: str, doc_id: str = "") -> str:
    """A headline to show: the title, else a readable form of the article id."""
    if title:
        return title
    return f"Untitled article ({doc_id})" if doc_id else "Untitled article"


def _meta_line(outlet: str, date: str, authors: list[str]) -> str:
    bits = [esc(outlet) if outlet else "outlet not stated", esc(date) if date else "date not stated"]
    if authors:
        bits.append("by " + esc(", ".join(authors)))
    return " · ".join(bits)


def render_source(c, uid: str) -> str:
    """One source card: number, headline (linked when the URL is known), meta line, passage."""
    title = esc(doc_label(c.title, c.doc_id))
    url = c.url if c.url.startswith(("https://", "http://")) else ""
    head = (f'<a href="{esc(url, quote=True)}" target="_blank" rel="noopener noreferrer">{title}</a>'
            if url else title)
    link = (f' · <a class="src-link" href="{esc(url, quote=True)}" target="_blank" rel="noopener noreferrer">'
            f'original article ↗</a>' if url else " · link not available")
    kind = ('<span class="src-kind">article details</span> ' if c.kind == "metadata" else "")
    return (f'<div class="src" id="src-{uid}-{c.n}"><div class="src-head"><span class="src-n">{c.n}</span>'
            f'<span class="src-title">{head}</span></div>'
            f'<div class="src-meta">{_meta_line(c.outlet, c.date, c.authors)}{link}</div>'
            f'<blockquote class="src-text">{kind}{render_passage(c.text, c.quotes)}</blockquote></div>')


def render_answer(ans, uid: str, words: int | None = None, hide_notice: str = "") -> str:
    """The whole assistant message. ``words`` cuts the answer for streaming (sources come last).

    No blank lines inside, so even a Markdown renderer would treat it as one HTML block.
    """
    text = ans.answer
    partial = words is not None and words < len(text.split(" "))
    if partial:
        text = " ".join(text.split(" ")[:words])
    ns = {c.n for c in ans.citations}
    cls = "ans abstained" if ans.abstained else "ans"
    out = [f'<div class="{cls}">']
    notice = ans.notice.replace(hide_notice, "").strip() if hide_notice else ans.notice
    if notice:
        out.append(f'<p class="notice">{esc(notice)}</p>')
    if ans.rewritten_question:
        out.append(f'<p class="rewrite">Understood as: “{esc(ans.rewritten_question)}”</p>')
    if ans.abstained:
        out.append('<p class="abstain-tag">Not in the articles</p>')
    out.append(render_text(text, uid, ns))
    if partial:
        out.append('<span class="cursor">▍</span>')
    elif ans.citations:
        label = "Source" if len(ans.citations) == 1 else "Sources"
        out.append(f'<div class="sources"><div class="sources-h">{label}</div>'
                   + "".join(render_source(c, uid) for c in ans.citations) + "</div>")
    out.append("</div>")
    return "".join(out)


def render_error(message: str) -> str:
    return (f'<div class="ans error"><p class="abstain-tag">Cannot answer yet</p>'
            f"<p>{esc(message)}</p></div>")


def render_status(message: str, level: str) -> str:
    """The banner over the chat: empty when all is well."""
    if not message:
        return ""
    icon = "⚠️" if level == "error" else "ℹ️"
    return f'<div class="banner banner-{level}" role="status">{icon} {esc(message)}</div>'


def render_about(documents: list[dict]) -> str:
    if documents:
        items = "".join(
            f'<li><span class="doc-title">{esc(doc_label(d.get("title", ""), d.get("doc_id", "")))}</span>'
            f'<span class="doc-meta">{_meta_line(d.get("outlet", ""), d.get("date", ""), [])}</span></li>'
            for d in documents)
        docs = f"<p>It answers only from these {len(documents)} articles:</p><ol class=\"docs\">{items}</ol>"
    else:
        docs = "<p>The article list appears once the index is built.</p>"
    return (f'<div class="about">{docs}<p><b>It can answer</b> {esc(CAN)}</p>'
            f"<p><b>It cannot answer</b> {esc(CANNOT)}</p>"
            "<p>Answers are sentences copied from the articles, not written by an AI model; "
            "check each one against its numbered source.</p></div>")


def answer_text(ans) -> str:
    """Plain text for the ``/chat`` endpoint: the answer, then numbered sources with quotes."""
    from rag.cli import format_answer

    return format_answer(ans)


# --- the service: pipeline loading, asking, feedback (no Gradio here) ------------

class ChatService:
    """Loads the pipeline once (retrying after an error, e.g. once ``rag ingest`` has run)."""

    def __init__(self, cfg: Config, pipeline=None):
        self.cfg = cfg
        self._pipe = pipeline
        self._embedder = pipeline.embedder if pipeline is not None else None
        self._lock = threading.Lock()
        self.error = ""

    def pipeline(self):
        if self._pipe is not None:
            return self._pipe
        with self._lock:
            if self._pipe is None:
                from rag.pipeline import Pipeline

                try:
                    if self._embedder is None:
                        from rag.models import load_embedder

                        self._embedder = load_embedder(self.cfg)  # kept, so a retry does not reload the model
                    self._pipe = Pipeline(self.cfg, embedder=self._embedder)
                    self.error = ""
                except RagError as e:
                    self.error = str(e)
                    raise
        return self._pipe

    def status(self) -> tuple[str, str]:
        """(message, level) for the banner: the load error, the stale-index notice, or ("", "")."""
        try:
            pipe = self.pipeline()
        except RagError as e:
            return str(e), "error"
        return (pipe.stale_notice, "info") if pipe.stale_notice else ("", "")

    def stale_notice(self) -> str:
        return self._pipe.stale_notice if self._pipe is not None else ""

    def documents(self) -> list[dict]:
        try:
            return self.pipeline().documents
        except RagError:
            return []

    def settings(self) -> dict:
        cfg = self.cfg
        where = cfg.chroma_url or str(Path(cfg.index_dir).resolve())
        d = {"model": cfg.model, "index": where, "k": cfg.k}
        if self._pipe is not None:
            info = self._pipe.info
            d["model"] = f"{cfg.model} ({info.dim} dimensions)"
            d["index"] = f"{where} · collection {info.name} · {info.chunks} passages · built {info.built_at or '?'}"
        return d

    def ask(self, question: str, turns: list[Turn] | None = None, k: int | None = None):
        return self.pipeline().ask(question, history=turns or [], k=k)

    def record_feedback(self, answer: dict, rating: str, session: str = "", answer_id: str = "") -> None:
        # The path comes from the configuration only: nothing a user types becomes a file path.
        feedback.append(self.cfg.feedback_path, feedback.make_record(answer, rating, session, answer_id))


def turn_of(ans) -> Turn:
    """What the follow-up rewriter needs from an answer: its question and what it cited."""
    cited = [{"title": c.title, "outlet": c.outlet, "doc_id": c.doc_id} for c in ans.citations]
    return Turn(ans.rewritten_question or ans.question, cited)


def public_dict(ans) -> dict:
    """The ``rag ask --json`` object."""
    d = ans.to_dict()
    d.pop("debug", None)
    return d


# --- the page -------------------------------------------------------------------

SEARCHING = '<div class="ans pending"><p class="notice">Searching the articles…</p></div>'
# Answers can be longer than the chat window: keep the question in view and let
# the answer stream in below it, rather than following the text to the bottom.
SCROLL_TO_QUESTION = """() => { setTimeout(() => {
  const rows = document.querySelectorAll('#chat .message-row.user-row');
  const last = rows[rows.length - 1];
  const answers = document.querySelectorAll('#chat .bot-row .ans');
  const ans = answers[answers.length - 1];
  const done = !!ans && !ans.classList.contains('pending') && !ans.querySelector('.cursor');
  // Once when a question appears, once when its answer is complete (only then is the
  // chat tall enough to scroll that far); never while the reader scrolls otherwise.
  const key = rows.length + (done ? ':done' : '');
  if (!last || window.__staScrolled === key) { if (!last) window.__staScrolled = ''; return; }
  window.__staScrolled = key;
  let box = last.parentElement;
  while (box && !/(auto|scroll)/.test(getComputedStyle(box).overflowY)) box = box.parentElement;
  if (box) box.scrollTop += last.getBoundingClientRect().top - box.getBoundingClientRect().top;
}, 60); }"""

CSS = """
.gradio-container { max-width: 1180px !important; margin: 0 auto !important; }
#hdr h1 { font-size: 1.45rem; margin: .2rem 0 .1rem; line-height: 1.25; }
#hdr p { margin: 0; color: var(--body-text-color-subdued); font-size: .95rem; }
.banner { border-radius: 8px; padding: .6rem .8rem; font-size: .92rem; line-height: 1.45; }
.banner-error { background: #fef2f2; border: 1px solid #fca5a5; color: #7f1d1d; }
.banner-info { background: #fffbeb; border: 1px solid #fcd34d; color: #78350f; }
#chat .ans p, #chat .ans ul { margin: 0 0 .55em; line-height: 1.55; }
#chat .ans ul { padding-left: 1.2em; }
#chat a.cite { text-decoration: none; font-weight: 600; font-size: .78em; vertical-align: super; line-height: 0;
  padding: 0 .28em; margin-left: .1em; border-radius: 4px; background: #dbeafe; color: #1e40af; }
#chat a.cite:hover { background: #bfdbfe; }
#chat .notice, #chat .rewrite { font-size: .85em; color: var(--body-text-color-subdued); font-style: italic; }
#chat .abstain-tag { display: inline-block; font-size: .75em; font-weight: 600; letter-spacing: .03em;
  text-transform: uppercase; padding: .1em .5em; border-radius: 4px; background: #fef3c7; color: #92400e; }
#chat .error .abstain-tag { background: #fee2e2; color: #991b1b; }
#chat .sources { margin-top: .7em; border-top: 1px solid var(--border-color-primary); padding-top: .5em; }
#chat .sources-h { font-size: .75em; font-weight: 600; text-transform: uppercase; letter-spacing: .05em;
  color: var(--body-text-color-subdued); margin-bottom: .3em; }
#chat .src { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: .55em .75em;
  margin: .45em 0; background: var(--background-fill-primary); scroll-margin-top: 1em; }
#chat .src:target { outline: 2px solid #3b82f6; outline-offset: 1px; }
#chat .src-head { display: flex; gap: .5em; align-items: baseline; font-weight: 600; line-height: 1.35; }
#chat .src-n { flex: none; font-size: .75em; min-width: 1.6em; text-align: center; border-radius: 4px;
  background: #dbeafe; color: #1e40af; padding: .05em .3em; }
#chat .src-meta { font-size: .82em; color: var(--body-text-color-subdued); margin: .15em 0 0 2.1em; }
#chat .src-text { margin: .45em 0 .1em; padding: .1em 0 .1em .7em; border-left: 3px solid #cbd5e1;
  font-size: .9em; line-height: 1.5; color: var(--body-text-color); overflow-wrap: anywhere; }
#chat .src-kind { font-size: .75em; font-weight: 600; color: var(--body-text-color-subdued); }
#chat mark { background: #fde68a; color: inherit; padding: .05em .1em; border-radius: 2px; }
.dark #chat mark { background: #854d0e; color: #fff; }
.dark #chat a.cite, .dark #chat .src-n { background: #1e3a8a; color: #dbeafe; }
#chat .cursor { opacity: .6; }
#examples button { font-size: .85rem !important; font-weight: 500; }
.ex-label { font-size: .85rem; color: var(--body-text-color-subdued); margin: .2rem 0 -.3rem; }
#chat .src-text p { margin: 0 0 .4em; }
#chat .src-text p:last-child { margin-bottom: 0; }
.about { font-size: .9rem; line-height: 1.5; }
.about p { margin: 0 0 .6em; }
.about ol.docs { padding-left: 1.3em; margin: 0 0 .8em; }
.about ol.docs li { margin-bottom: .45em; }
.about .doc-title { display: block; font-weight: 600; }
.about .doc-meta { display: block; font-size: .85em; color: var(--body-text-color-subdued); }
#chat, #chat * { overflow-wrap: anywhere; }
@media (max-width: 640px) {
  .gradio-container { padding: 0 6px !important; }
  #hdr h1 { font-size: 1.15rem; }
}
"""


def build_app(cfg: Config, service: ChatService | None = None):
    # No `from __future__ import annotations` in this module: Gradio reads these
    # handlers' annotations (gr.LikeData, str, dict) at definition time.
    import gradio as gr

    service = service or ChatService(cfg)

    def respond(message, history, turns, records, k):
        """Show the question at once, then stream its answer. ``turns`` feeds the follow-up rewriter."""
        message = (message or "").strip()
        if not message:
            yield gr.skip(), gr.skip(), gr.skip(), gr.skip()
            return
        history = list(history or []) + [{"role": "user", "content": render_user(message)},
                                         {"role": "assistant", "content": SEARCHING}]
        yield history, "", turns, records  # clear the box once; later frames leave what the user types next
        try:
            ans = service.ask(message, [Turn(q, c) for q, c in turns], int(k) if k else None)
        except RagError as e:
            history[-1] = {"role": "assistant", "content": render_error(str(e))}
            yield history, gr.skip(), turns, records
            return
        except Exception:  # a bug, not a user mistake: say so on the page and keep the session usable
            traceback.print_exc()
            history[-1] = {"role": "assistant", "content": render_error(
                "Something went wrong while answering; the server log has the details. Try again or rephrase.")}
            yield history, gr.skip(), turns, records
            return
        uid = uuid.uuid4().hex[:8]
        stale = service.stale_notice()
        n_words = len(ans.answer.split(" "))
        step = max(1, n_words // 12)  # about a dozen frames, whatever the length
        for w in range(step, n_words, step):
            history[-1] = {"role": "assistant", "content": render_answer(ans, uid, words=w, hide_notice=stale)}
            yield history, gr.skip(), turns, records
            time.sleep(0.03)
        history[-1] = {"role": "assistant", "content": render_answer(ans, uid, hide_notice=stale)}
        t = turn_of(ans)
        turns = turns + [(t.question, t.cited)]
        records = {**records, len(history) - 1: {"id": uid, "answer": public_dict(ans)}}
        yield history, gr.skip(), turns, records

    def on_like(records, data: gr.LikeData, request: gr.Request):
        idx = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
        rec = records.get(idx)
        if rec is None:
            return
        # Clicking a lit thumb again withdraws the rating: Gradio then sends an empty value.
        rating = "up" if data.liked is True else "down" if data.liked is False else (str(data.liked) or "withdrawn")
        service.record_feedback(rec["answer"], rating, session=getattr(request, "session_hash", "") or "",
                                answer_id=rec["id"])
        gr.Info("Thanks! Your feedback was saved.")

    def new_chat():
        return [], "", [], {}

    def page_state():
        msg, level = service.status()
        s = service.settings()
        banner = render_status(msg, level)
        return banner, render_about(service.documents()), s["model"], s["index"]

    # API endpoints (typed: gr.api derives their schema from the annotations).
    def chat(message: str) -> str:
        """Answer one question; returns the answer text with numbered sources and quotes."""
        try:
            return answer_text(service.ask(message))
        except RagError as e:
            raise gr.Error(str(e)) from None

    def ask(question: str, k: int = 0) -> dict:
        """Answer one question; returns the same object as `rag ask --json`."""
        try:
            return public_dict(service.ask(question, k=k or None))
        except RagError as e:
            raise gr.Error(str(e)) from None

    status0, about0, model0, index0 = page_state()

    def page_state_update():
        banner, *rest = page_state()
        return gr.update(value=banner, visible=bool(banner)), *rest

    with gr.Blocks(title="STA chatbot · cited answers", analytics_enabled=False) as demo:
        turns = gr.State([])  # [(question, cited dicts)] for rag.followup
        records = gr.State({})  # chat message index -> {"id", "answer" dict}, for thumbs up/down
        gr.HTML(f'<div id="hdr"><h1>{esc(TITLE)}</h1><p>Answers quote a small collection of news and analysis '
                "articles, with numbered sources you can check. When the articles don't say, it tells you.</p></div>")
        status = gr.HTML(status0, elem_id="status", visible=bool(status0))
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=300):
                chatbot = gr.Chatbot(
                    elem_id="chat", label="Chat", show_label=False, height="calc(100vh - 280px)", min_height=360,
                    render_markdown=False, sanitize_html=True, latex_delimiters=[], allow_tags=False,
                    buttons=[], feedback_options=("Like", "Dislike"), layout="panel", autoscroll=False,
                    placeholder="<p style='text-align:center;opacity:.75'>"
                                "Ask a question, or pick an example below.</p>")
                with gr.Row(equal_height=True):
                    box = gr.Textbox(placeholder="Ask about the STA, e.g. When was it first signed?", show_label=False,
                                     lines=1, max_lines=4, scale=5, min_width=160, elem_id="question", submit_btn=False,
                                     autofocus=True, container=False)
                    send = gr.Button("Ask", variant="primary", scale=1, min_width=70, elem_id="send")
                gr.HTML('<div class="ex-label">Try an example:</div>')
                with gr.Row(elem_id="examples"):
                    ex_buttons = [gr.Button(q, size="sm", variant="secondary", min_width=120) for q in EXAMPLES]
                clear = gr.Button("New chat", size="sm", variant="secondary", elem_id="new-chat")
            with gr.Column(scale=2, min_width=260):
                with gr.Accordion("About this chatbot", open=True, elem_id="about-panel"):
                    about = gr.HTML(about0, elem_id="about")
                with gr.Accordion("Settings", open=False, elem_id="settings"):
                    k = gr.Slider(1, 10, value=cfg.k, step=1, label="Passages to search per question",
                                  info="More passages can find more, but may quote less relevant text.")
                    model = gr.Textbox(model0, label="Embedding model", interactive=False,
                                       info="Changing it needs a new index: rag ingest --model NAME, "
                                            "then rag serve --model NAME.")
                    index = gr.Textbox(index0, label="Index", interactive=False, lines=2)

        # One listener for Enter and the Ask button: with trigger_mode="once" a second
        # question waits in the box until the answer being streamed is complete.
        gr.on([box.submit, send.click], respond, inputs=[box, chatbot, turns, records, k],
              outputs=[chatbot, box, turns, records], api_visibility="private", trigger_mode="once")
        for b, q in zip(ex_buttons, EXAMPLES):
            (b.click(lambda q=q: q, outputs=box, api_visibility="private", queue=False)
             .then(None, js="() => document.querySelector('#send').click()"))
        chatbot.change(None, js=SCROLL_TO_QUESTION)
        clear.click(new_chat, outputs=[chatbot, box, turns, records], api_visibility="private", queue=False)
        # The chat's own trash icon clears the messages; forget the conversation with them.
        chatbot.clear(new_chat, outputs=[chatbot, box, turns, records], api_visibility="private", queue=False)
        chatbot.like(on_like, inputs=[records], api_visibility="private")
        demo.load(page_state_update, outputs=[status, about, model, index], api_visibility="private")
        gr.api(chat, api_name="chat")
        gr.api(ask, api_name="ask")
    return demo


def launch_kwargs(cfg: Config) -> dict:
    import gradio as gr

    theme = gr.themes.Default(primary_hue="blue", neutral_hue="slate",
                              font=FONTS, font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "Consolas",
                                                     "Liberation Mono", "monospace"])
    return dict(server_name=cfg.host, server_port=cfg.port, share=False, show_error=False, ssr_mode=False,
                auth=parse_auth(cfg.auth), auth_message="Sign in to ask about the STA articles.",
                footer_links=["api"], theme=theme, css=CSS, quiet=True, pwa=False, mcp_server=False)


def serve(cfg: Config | None = None) -> None:
    """Start the page. Never exits on a missing or mismatched index: the page shows the fix."""
    cfg = cfg or load_config()
    kwargs = launch_kwargs(cfg)  # a bad RAG_AUTH fails here, before the model loads
    if not is_loopback(cfg.host) and not kwargs["auth"]:
        print(f"warning: serving on {cfg.host} without a login; anyone who can reach this port can use it. "
              "Set RAG_AUTH=user:password (or --auth) to require one.", flush=True)
    service = ChatService(cfg)
    msg, level = service.status()
    if level == "error":
        print(f"error: {msg}\n(the page will show this until it is fixed)", flush=True)
    app = build_app(cfg, service)
    app.queue(default_concurrency_limit=4)
    try:
        app.launch(prevent_thread_lock=True, **kwargs)
    except OSError as e:
        if "empty port" in str(e):
            raise RagError(f"Port {cfg.port} on {cfg.host} is already in use. Pick another with --port "
                           "(or RAG_PORT)") from None
        raise RagError(f"Cannot serve on {cfg.host}:{cfg.port} ({e}). Check --host and --port") from None
    print(f"Serving the chat on http://{cfg.host}:{cfg.port}", flush=True)
    try:
        app.block_thread()
    except KeyboardInterrupt:
        pass
    finally:
        app.close()


if __name__ == "__main__":
    serve()
