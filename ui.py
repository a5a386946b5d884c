"""The chat page: wires the pipeline into a Gradio page (``rag serve`` or ``python ui.py``).

Each answer streams in with ``[n]`` markers that link to numbered source cards,
grouped by article (headline or opening words · outlet · date · authors · link,
and the passage with the cited sentence highlighted). "Read the whole article"
opens the cleaned article in the side panel (below the chat on a phone) at the
cited sentence. Under each answer: "Copy answer" and feedback with an optional
reason, saved through ``rag.feedback``. Two API endpoints serve ``gradio_client``:
``/chat`` (text in, answer text with sources out) and ``/ask`` (the ``rag ask --json``
object).

A reader sees plain words when something is wrong on our side ("The library of
articles isn't ready yet…"); the operator's detail (which command fixes it, paths)
goes to the server log only. Everything from the corpus or from a user is
HTML-escaped by ``rag.render``; the chat also renders with Markdown off and Gradio's
sanitizer on, so an article or a question containing ``<script>`` shows as text.
The page's look and script live in ``rag.page``.

>>> render_user("<b>hi</b>")
'<p>&lt;b&gt;hi&lt;/b&gt;</p>'
"""

import ipaddress
import os
import uuid
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from rag import feedback  # noqa: E402
from rag.config import Config, load_config  # noqa: E402
from rag.errors import RagError  # noqa: E402
from rag.followup import Turn, turn_of  # noqa: E402,F401 (turn_of: re-exported for callers)
from rag.page import (  # noqa: E402
    CHAT_HEIGHT, CHAT_MIN_HEIGHT, CSS, EXAMPLES, FONTS, INTRO, MONO, PAGE_JS, SCROLL_TO_QUESTION, SHOW_TOAST, TITLE,
)
from rag.handlers import Handlers, log_once, public_dict  # noqa: E402,F401 (public_dict: re-exported)
from rag.render import STALE, esc, public_error  # noqa: E402
from rag.render import (  # noqa: E402,F401 (re-exported)
    answer_text, render_about, render_answer, render_error, render_passage, render_user,
)

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


# --- the service: pipeline loading, asking, articles, feedback (no Gradio here) ----

class ChatService:
    """Loads the pipeline once (retrying after an error, e.g. once ``rag ingest`` has run), and
    follows the index to each new generation an ingest publishes (``rag.live``)."""

    def __init__(self, cfg: Config, pipeline=None):
        from rag.live import LivePipeline

        self.cfg = cfg
        self._live = LivePipeline(cfg, pipeline=pipeline)
        self._library = None  # (pipeline, ArticleLibrary): rebuilt when the pipeline is replaced
        from rag.spelling import warm_in_background

        warm_in_background()  # the page's first question with a slip should not wait for the dictionaries

    _pipe = property(lambda self: self._live.current)
    error = property(lambda self: self._live.error)

    def pipeline(self):
        return self._live.get()

    def status(self) -> tuple[str, str]:
        """(message, level) for the operator: the load error, the stale-index notice, or ("", "")."""
        try:
            pipe = self.pipeline()
        except RagError as e:
            return str(e), "error"
        return (pipe.stale_notice, "info") if pipe.stale_notice else ("", "")

    def public_status(self) -> tuple[str, str]:
        """(message, level) for the page's banner, in a reader's words; the detail goes to the log."""
        msg, level = self.status()
        if not msg:
            return "", ""
        log_once(msg)
        if level == "error":
            try:
                self.pipeline()
            except RagError as e:
                return public_error(e), "error"
        return STALE, level

    def stale_notice(self) -> str:
        return self._pipe.stale_notice if self._pipe is not None else ""

    def documents(self) -> list[dict]:
        try:
            return self.pipeline().documents
        except RagError:
            return []

    def library(self):
        """The ``ArticleLibrary`` of the current pipeline (None while the index is missing)."""
        try:
            pipe = self.pipeline()
        except RagError:
            return None
        lib = self._library
        if lib is None or lib[0] is not pipe:
            from rag.sources import ArticleLibrary

            lib = self._library = (pipe, ArticleLibrary(pipe.index, pipe.documents, self.cfg.corpus_dir))
        return lib[1]

    def infos(self) -> dict:
        """doc_id -> ``ArticleInfo`` for every article (headline or opening words, outlet, date, …)."""
        lib = self.library()
        try:
            return lib.infos() if lib is not None else {}
        except RagError as e:  # e.g. the Chroma server went away: cards fall back to the citation's own fields
            log_once(str(e))
            return {}

    def article(self, doc_id: str):
        """The whole cleaned article, or None for an id the library does not hold."""
        lib = self.library()
        return lib.article(doc_id) if lib is not None else None

    def settings(self) -> dict:
        """What the Settings panel shows: no server paths or collection names."""
        d = {"model": self.cfg.model, "index": "not ready yet", "k": self.cfg.k}
        if self._pipe is not None:
            info = self._pipe.info
            d["model"] = f"{self.cfg.model} ({info.dim} dimensions)"
            n_docs = len(self._pipe.documents)
            d["index"] = f"{info.chunks} passages from {n_docs} articles · built {(info.built_at or '?')[:10]}"
        return d

    def ask(self, question: str, turns: list[Turn] | None = None, k: int | None = None):
        return self._live.ask(question, history=turns or [], k=k)

    def ask_stream(self, question: str, turns: list[Turn] | None = None, k: int | None = None):
        """Answers that grow (generative mode); the last one is complete. One answer otherwise."""
        return self._live.ask_stream(question, history=turns or [], k=k)

    def record_feedback(self, answer: dict, rating: str, session: str = "", answer_id: str = "", reason: str = "",
                        history: list[str] | None = None, seq: int = 0) -> None:
        # The path comes from the configuration only: nothing a user types becomes a file path.
        feedback.append(self.cfg.feedback_path, feedback.make_record(answer, rating, session, answer_id, reason=reason,
                                                                     history=history, seq=seq))


# --- the page: layout, then wiring --------------------------------------------------

def _chat_column(cfg: Config) -> dict:
    """Header-side column: the chat, the question box, examples, New chat."""
    import gradio as gr

    c = {"chatbot": gr.Chatbot(
        elem_id="chat", label="Chat", show_label=False, height=CHAT_HEIGHT, min_height=CHAT_MIN_HEIGHT,
        render_markdown=False, sanitize_html=True, latex_delimiters=[], allow_tags=False, buttons=[],
        feedback_options=None, layout="panel", autoscroll=False,
        placeholder="<p style='text-align:center;opacity:.75'>Ask a question, or pick an example below.</p>")}
    with gr.Row(equal_height=True):
        c["box"] = gr.Textbox(placeholder="Ask about the STA, e.g. When was it first signed?", show_label=False,
                              lines=1, max_lines=4, scale=5, min_width=160, elem_id="question", submit_btn=False,
                              autofocus=True, container=False)
        c["send"] = gr.Button("Ask", variant="primary", scale=1, min_width=70, elem_id="send")
    gr.HTML('<div class="ex-label">Try an example:</div>')
    with gr.Row(elem_id="examples"):
        c["examples"] = [gr.Button(q, size="sm", variant="secondary", min_width=120) for q in EXAMPLES]
    c["clear"] = gr.Button("New chat", size="sm", variant="secondary", elem_id="new-chat")
    return c


def _side_column(cfg: Config, first: tuple) -> dict:
    """The reader (hidden until an article is opened), About, and Settings (nothing server-side shown)."""
    import gradio as gr

    _, about0, model0, index0 = first
    c = {}
    with gr.Column(visible=False, elem_id="reader-panel") as c["reader_col"]:
        c["close"] = gr.Button("Close the article", size="sm", variant="secondary", elem_id="reader-close")
        c["reader"] = gr.HTML("", elem_id="reader")
    with gr.Accordion("About this chatbot", open=True, elem_id="about-panel"):
        c["about"] = gr.HTML(about0, elem_id="about")
    with gr.Accordion("Settings", open=False, elem_id="settings"):
        c["k"] = gr.Slider(1, 10, value=cfg.k, step=1, label="Passages to search per question",
                           info="More passages can find more, but may quote less relevant text.")
        c["model"] = gr.Textbox(model0, label="Embedding model", interactive=False)
        c["index"] = gr.Textbox(index0, label="Library", interactive=False)
    return c


def _wire(demo, c: dict, h: Handlers) -> None:
    import gradio as gr

    chat_io = [c["chatbot"], c["box"], c["turns"], c["records"]]
    # One listener for Enter and the Ask button: with trigger_mode="once" a second
    # question waits in the box until the answer being streamed is complete.
    gr.on([c["box"].submit, c["send"].click], h.respond, inputs=[c["box"], c["chatbot"], c["turns"], c["records"], c["k"]],
          outputs=chat_io, api_visibility="private", trigger_mode="once")
    for b, q in zip(c["examples"], EXAMPLES):
        (b.click(lambda q=q: q, outputs=c["box"], api_visibility="private", queue=False)
         .then(None, js="() => document.querySelector('#send').click()"))
    c["chatbot"].change(None, js=SCROLL_TO_QUESTION)
    new_chat = lambda: ([], "", [], {})  # noqa: E731
    c["clear"].click(new_chat, outputs=chat_io, api_visibility="private", queue=False)
    # The chat's own trash icon clears the messages; forget the conversation with them.
    c["chatbot"].clear(new_chat, outputs=chat_io, api_visibility="private", queue=False)
    (c["go"].click(h.bridge, inputs=[c["bridge"], c["records"], c["session"]],
                   outputs=[c["reader"], c["reader_col"], c["toast"]], api_visibility="private", queue=False,
                   trigger_mode="multiple")
     .then(None, js=SHOW_TOAST, inputs=[c["toast"]]))
    c["close"].click(lambda: ("", gr.update(visible=False)), outputs=[c["reader"], c["reader_col"]],
                     api_visibility="private", queue=False)
    demo.load(h.page_state, outputs=[c["status"], c["about"], c["model"], c["index"]], api_visibility="private")
    demo.load(lambda: uuid.uuid4().hex[:12], outputs=c["session"], api_visibility="private", queue=False)
    gr.api(h.chat, api_name="chat")
    gr.api(h.ask, api_name="ask")


def build_app(cfg: Config, service: ChatService | None = None):
    import gradio as gr

    h = Handlers(service or ChatService(cfg))
    first = h.page_state()
    with gr.Blocks(title="STA chatbot · cited answers", analytics_enabled=False) as demo:
        c = {"turns": gr.State([]),  # [(question, cited dicts, shown)] for rag.followup
             "records": gr.State({}),  # answer id -> {"answer", "history"}, for feedback
             "session": gr.State("")}  # groups one visit's ratings (set on load)
        gr.HTML(f'<div id="hdr"><h1>{esc(TITLE)}</h1><p>{esc(INTRO)}</p></div>')
        c["status"] = gr.HTML(first[0]["value"], elem_id="status", visible=first[0]["visible"])
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=300):
                c.update(_chat_column(cfg))
            with gr.Column(scale=2, min_width=260):
                c.update(_side_column(cfg, first))
        # The page script's way to the server (see rag.page): hidden, but in the DOM.
        c["bridge"] = gr.Textbox(elem_id="bridge", elem_classes=["sta-hidden"], show_label=False, container=False)
        c["go"] = gr.Button("bridge", elem_id="bridge-go", elem_classes=["sta-hidden"])
        c["toast"] = gr.Textbox(elem_id="bridge-out", elem_classes=["sta-hidden"], show_label=False, container=False)
        _wire(demo, c, h)
    _api_defaults(demo)
    return demo


def _api_defaults(demo) -> None:
    """A plain HTTP call may leave out an API parameter that has a default (``k`` of ``/ask``):
    Gradio would reject it ("didn't receive enough input values"); the default is filled in instead."""
    check = demo.validate_inputs

    def validate(block_fn, inputs):
        for comp in block_fn.inputs[len(inputs):]:
            if type(comp).__name__ == "Api" and comp.value is not None:
                inputs.append(comp.value)
        check(block_fn, inputs)

    demo.validate_inputs = validate


def launch_kwargs(cfg: Config) -> dict:
    import gradio as gr

    theme = gr.themes.Default(primary_hue="blue", neutral_hue="slate", font=FONTS, font_mono=MONO)
    return dict(server_name=cfg.host, server_port=cfg.port, share=False, show_error=False, ssr_mode=False,
                auth=parse_auth(cfg.auth), auth_message="Sign in to ask about the STA articles.",
                footer_links=["api"], theme=theme, css=CSS, js=PAGE_JS, quiet=True, pwa=False, mcp_server=False)


def serve(cfg: Config | None = None) -> None:
    """Start the page. Never exits on a missing or mismatched index: the page says the library isn't ready."""
    cfg = cfg or load_config()
    kwargs = launch_kwargs(cfg)  # a bad RAG_AUTH fails here, before the model loads
    if not is_loopback(cfg.host) and not kwargs["auth"]:
        print(f"warning: serving on {cfg.host} without a login; anyone who can reach this port can use it. "
              "Set RAG_AUTH=user:password (or --auth) to require one.", flush=True)
    service = ChatService(cfg)
    msg, level = service.status()
    if level == "error":
        print(f"error: {msg}\n(the page tells readers the library isn't ready until it is fixed)", flush=True)
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
