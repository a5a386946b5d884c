"""The chat page: wires the pipeline into a Gradio chat (``rag serve`` or ``python ui.py``).

Answers carry ``[n]`` markers and a source list under each answer. The chat is
exposed on the API as ``/chat`` for ``gradio_client``.
"""

from __future__ import annotations

import html
import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from rag.config import Config, load_config  # noqa: E402
from rag.errors import RagError  # noqa: E402


def render_markdown(ans) -> str:
    """Answer plus a numbered source list; every corpus/user string is HTML-escaped."""
    esc = html.escape
    out = []
    if ans.notice:
        out.append(f"*{esc(ans.notice)}*\n")
    out.append(esc(ans.answer))
    if ans.citations:
        out.append("\n**Sources**")
        for c in ans.citations:
            title = esc(c.title or "(untitled article)")
            link = f"[{title}]({esc(c.url)})" if c.url else title
            meta = " · ".join(esc(x) for x in (c.outlet, c.date) if x)
            out.append(f"\n[{c.n}] {link}" + (f" · {meta}" if meta else ""))
            for s, e in c.quotes:
                out.append(f"> {esc(c.text[s:e])}")
    return "\n".join(out)


def build_app(cfg: Config, pipeline=None):
    import gradio as gr

    state = {"pipe": pipeline, "error": ""}

    def get_pipe():
        if state["pipe"] is None:
            from rag.pipeline import Pipeline

            state["pipe"] = Pipeline(cfg)
        return state["pipe"]

    def chat(message, history):
        try:
            ans = get_pipe().ask(message)
        except RagError as e:
            return f"⚠️ {html.escape(str(e))}"
        return render_markdown(ans)

    demo = gr.ChatInterface(chat, api_name="chat", title="Ask about the U.S.–China Science and Technology Agreement",
                            description="Answers quote the articles, with numbered sources.",
                            examples=["When was the STA first signed?", "What changed in the 2024 renewal?"])
    return demo


def serve(cfg: Config | None = None) -> None:
    cfg = cfg or load_config()
    try:
        from rag.pipeline import Pipeline

        pipe = Pipeline(cfg)
    except RagError as e:
        raise SystemExit(f"error: {e}")
    app = build_app(cfg, pipe)
    print(f"Serving the chat on http://{cfg.host}:{cfg.port}", flush=True)
    app.launch(server_name=cfg.host, server_port=cfg.port, share=False, show_error=False)


if __name__ == "__main__":
    serve()
