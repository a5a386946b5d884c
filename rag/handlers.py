"""What each event on the chat page does: stream an answer, open an article, record feedback, the API.

``ui.py`` lays the page out and wires these to it; ``ChatService`` (in ``ui.py``) holds the
pipeline. A reader gets plain words when something fails on our side (``rag.render.public_error``);
the operator's detail goes to the server log through ``log_once``.
"""

import json
import sys
import time
import traceback
import uuid

from rag.errors import BadQuestion, RagError
from rag.followup import Turn, turn_of
from rag.page import SEARCHING
from rag.render import (
    BROKEN, STALE, answer_text, public_error, render_about, render_answer, render_article, render_error,
    render_missing_article, render_status, render_user,
)

_logged: set[str] = set()


def log_once(message: str) -> None:
    """Operator detail for the server log (each distinct message once): never shown on the page."""
    if message and message not in _logged:
        _logged.add(message)
        print(f"error: {message}", file=sys.stderr, flush=True)


def public_dict(ans, stale: str = "") -> dict:
    """The ``rag ask --json`` object, without debug signals; ``stale`` (the operator's stale-index
    notice, which names a path) is replaced by the reader's version."""
    d = ans.to_dict()
    d.pop("debug", None)
    if stale and stale in d["notice"]:
        d["notice"] = d["notice"].replace(stale, STALE)
    return d


def _spans(text: str) -> list[tuple[int, int]]:
    """ "120-200,210-260" (from a read link) -> [(120, 200), (210, 260)]; anything malformed is dropped."""
    out = []
    for part in (text or "").split(","):
        a, _, b = part.partition("-")
        if a.isdigit() and b.isdigit():
            out.append((int(a), int(b)))
    return out[:20]


class Handlers:
    """What each event on the page does. State lives in Gradio: ``turns`` (for follow-ups) and
    ``records`` (answer id -> the answer and the earlier questions, for feedback)."""

    def __init__(self, service):
        self.service = service

    def respond(self, message, history, turns, records, k):
        """Show the question at once, then stream its answer."""
        import gradio as gr

        message = (message or "").strip()
        if not message:
            yield gr.skip(), gr.skip(), gr.skip(), gr.skip()
            return
        history = list(history or []) + [{"role": "user", "content": render_user(message)},
                                         {"role": "assistant", "content": SEARCHING}]
        yield history, "", turns, records  # clear the box once; later frames leave what the user types next
        try:
            for ans in self.service.ask_stream(message, [Turn(*t) for t in turns], int(k) if k else None):
                if ans.debug.get("partial"):  # generative mode: verified sentences as the model writes them
                    history[-1] = {"role": "assistant", "content": render_answer(ans, "partial")}
                    yield history, gr.skip(), turns, records
        except Exception as e:  # noqa: BLE001 - the reader gets plain words, the log gets the detail
            if isinstance(e, RagError) and not isinstance(e, BadQuestion):  # a user's mistake is not news for the log
                log_once(str(e))
            else:
                traceback.print_exc()
            history[-1] = {"role": "assistant", "content": render_error(public_error(e) if isinstance(e, RagError)
                                                                        else BROKEN)}
            yield history, gr.skip(), turns, records
            return
        yield from self._stream(ans, history, turns, records)

    def _stream(self, ans, history, turns, records):
        import gradio as gr

        uid, stale, infos = uuid.uuid4().hex[:8], self.service.stale_notice(), self.service.infos()
        n_words = len(ans.answer.split(" "))
        step = max(1, n_words // 12)  # about a dozen frames, whatever the length
        for w in range(step, n_words, step):
            history[-1] = {"role": "assistant", "content": render_answer(ans, uid, words=w, hide_notice=stale)}
            yield history, gr.skip(), turns, records
            time.sleep(0.03)  # pacing for the eye, not synchronisation
        history[-1] = {"role": "assistant", "content": render_answer(ans, uid, hide_notice=stale, infos=infos)}
        t = turn_of(ans)
        earlier = [q for q, *_ in turns]
        turns = turns + [(t.question, t.cited, t.shown, t.said, t.listed)]
        records = {**records, uid: {"answer": public_dict(ans, stale), "history": earlier}}
        yield history, gr.skip(), turns, records

    def bridge(self, payload, records, session):
        """Clicks inside answers, sent by the page script: read an article, or rate an answer."""
        import gradio as gr

        try:
            req = json.loads(payload or "{}")
        except ValueError:
            return gr.skip(), gr.skip(), ""
        if not isinstance(req, dict):
            return gr.skip(), gr.skip(), ""
        if req.get("action") == "read":
            rid = str(int(req["rid"])) if str(req.get("rid", "")).isdigit() else "0"
            try:
                art = self.service.article(str(req.get("doc") or ""))
            except RagError as e:
                log_once(str(e))
                return render_missing_article(rid, public_error(e)), gr.update(visible=True), ""
            html = render_article(art, _spans(str(req.get("spans") or "")), rid) if art else render_missing_article(rid)
            return html, gr.update(visible=True), ""
        if req.get("action") == "feedback":
            seq = int(req["seq"]) if str(req.get("seq", "")).isdigit() else 0
            return gr.skip(), gr.skip(), f"{seq}|{self.feedback(req, records, session, seq)}"
        return gr.skip(), gr.skip(), ""

    def feedback(self, req: dict, records: dict, session: str, seq: int = 0) -> str:
        rec = (records or {}).get(str(req.get("answer") or ""))
        rating = req.get("rating") if req.get("rating") in ("up", "down") else None
        if rec is None or rating is None:
            return "That answer is from an earlier visit; ask again to rate it."
        reason = str(req.get("reason") or "")
        try:
            self.service.record_feedback(rec["answer"], rating, session=session or "", answer_id=str(req["answer"]),
                                         reason=reason, history=rec["history"], seq=seq)
        except OSError as e:
            log_once(f"cannot save feedback to {self.service.cfg.feedback_path}: {e}")
            return "Sorry, your feedback could not be saved."
        if rating == "up":
            return "Thanks! Your feedback was saved."
        return "Thanks — saved. Tell us what was wrong (optional)." if not reason else "Thanks — your reason was saved."

    def page_state(self):
        import gradio as gr

        msg, level = self.service.public_status()
        s = self.service.settings()
        banner = render_status(msg, level)
        return (gr.update(value=banner, visible=bool(banner)), render_about(list(self.service.infos().values())),
                s["model"], s["index"])

    # API endpoints (typed: gr.api derives their schema from the annotations).
    def chat(self, message: str) -> str:
        """Answer one question; returns the answer text with numbered sources and quotes."""
        import gradio as gr

        try:
            return answer_text(self.service.ask(message), self.service.infos())
        except RagError as e:
            log_once(str(e))
            raise gr.Error(public_error(e)) from None

    def ask(self, question: str, k: int = 0) -> dict:
        """Answer one question; returns the same object as `rag ask --json`."""
        import gradio as gr

        try:
            return public_dict(self.service.ask(question, k=k or None), self.service.stale_notice())
        except RagError as e:
            log_once(str(e))
            raise gr.Error(public_error(e)) from None
