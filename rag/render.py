"""Rendering for the chat page: pure functions from our dataclasses to escaped HTML.

Everything from the corpus or from a user goes through ``html.escape`` here, before
Gradio sees it, so an article or a question containing ``<script>`` shows as text.

>>> render_user("<b>hi</b>")
'<p>&lt;b&gt;hi&lt;/b&gt;</p>'
"""

import html
import re

CAN = ("what the articles in this collection say about the STA: its history, the 2024 renewal, "
       "what it covers and excludes, and the arguments for and against it. Every answer quotes the articles.")
CANNOT = ("anything the articles don't say: news after they were written, other topics, advice or opinions "
          "of its own. It then says so instead of guessing.")
# Passage text shown around the cited sentence(s) in a source card, in characters each side.
CONTEXT_CHARS = 170
esc = html.escape

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


def format_answer(ans) -> str:
    """Plain text: the answer, then numbered sources with their quotes (``rag ask`` and the ``/chat`` API)."""
    out = [ans.answer]
    if ans.notice:
        out.insert(0, f"Note: {ans.notice}")
    if ans.citations:
        out.append("\nSources:")
        for c in ans.citations:
            meta = " · ".join(x for x in (c.title or "(untitled article)", c.outlet, c.date, c.url) if x)
            out.append(f"[{c.n}] {meta}")
            for s, e in c.quotes:
                out.append(f"    “{c.text[s:e]}”")
    return "\n".join(out)


answer_text = format_answer  # the ``/chat`` endpoint's name for it
