"""The chat page: wires the pipeline into a Gradio chat (``rag serve`` or ``python ui.py``).

Each answer streams in with ``[n]`` markers that link to numbered source cards
under it (headline · outlet · date · link, and the passage with the cited
sentence highlighted). Thumbs up/down go to ``cfg.feedback_path`` through
``rag.feedback``. Two API endpoints serve ``gradio_client``: ``/chat`` (text in,
answer text with sources out) and ``/ask`` (the ``rag ask --json`` object).

Everything from the corpus or from a user is HTML-escaped by ``rag.render``
before Gradio sees it; the chat also renders with Markdown off and Gradio's
sanitizer on, so an article or a question containing ``<script>`` shows as text.

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
from rag.followup import Turn, turn_of  # noqa: E402,F401 (turn_of: re-exported for callers)
from rag.render import (  # noqa: E402  (pure HTML rendering lives in rag/render.py)
    CAN, CANNOT, CONTEXT_CHARS, _MARKER, esc, _inline, _meta_line, _snap, answer_text, doc_label, render_about, render_answer, render_error, render_passage, render_source, render_status, render_text, render_user,
)

TITLE = "Ask about the U.S.–China Science and Technology Agreement"
EXAMPLES = [
    "When was the STA first signed?",
    "How long was the STA renewed for?",
    "What does the renewed agreement exclude?",
    "What is Military-Civil Fusion?",
]
# The reader's own system fonts: nothing to download, and native on every platform
# (Liberation Sans on Debian, Segoe UI on Windows, San Francisco on Apple, Roboto on Android).
FONTS = ["-apple-system", "BlinkMacSystemFont", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "Liberation Sans",
         "sans-serif"]

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

    def ask_stream(self, question: str, turns: list[Turn] | None = None, k: int | None = None):
        """Answers that grow (generative mode); the last one is complete. One answer otherwise."""
        return self.pipeline().ask_stream(question, history=turns or [], k=k)

    def record_feedback(self, answer: dict, rating: str, session: str = "", answer_id: str = "") -> None:
        # The path comes from the configuration only: nothing a user types becomes a file path.
        feedback.append(self.cfg.feedback_path, feedback.make_record(answer, rating, session, answer_id))


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
            for ans in service.ask_stream(message, [Turn(*t) for t in turns], int(k) if k else None):
                if ans.debug.get("partial"):  # generative mode: verified sentences as the model writes them
                    history[-1] = {"role": "assistant", "content": render_answer(ans, "partial")}
                    yield history, gr.skip(), turns, records
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
        turns = turns + [(t.question, t.cited, t.shown)]
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
