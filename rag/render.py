"""Rendering for the chat page: pure functions from our dataclasses to escaped HTML and plain text.

Everything from the corpus or from a user goes through ``html.escape`` here, before
Gradio sees it, so an article or a question containing ``<script>`` shows as text.
Article metadata comes from ``rag.sources`` (``ArticleInfo``): a missing field is
said to be "not stated", an article without a headline is named by its opening words.

>>> render_user("<b>hi</b>")
'<p>&lt;b&gt;hi&lt;/b&gt;</p>'
"""

from __future__ import annotations

import html
import re

from rag.errors import BadQuestion, ChromaUnavailable
from rag.sources import ArticleInfo, info_from, meta_bits

CAN = ("what the articles in this collection say about the STA: its history, the 2024 renewal, "
       "what it covers and excludes, and the arguments for and against it. Every answer quotes the articles.")
CANNOT = ("anything the articles don't say: news after they were written, other topics, advice or opinions "
          "of its own. It then says so instead of guessing.")
# What a reader is told when something is wrong on our side; the details go to the server log.
NOT_READY = "The library of articles isn't ready yet — please try again later."
UNREACHABLE = "The library of articles can't be reached right now — please try again later."
BROKEN = "Something went wrong while answering. Please try again, or rephrase the question."
STALE = "Some articles were updated after the library was last indexed, so answers may miss the latest changes."
# Passage text shown around the cited sentence(s) in a source card, in characters each side.
CONTEXT_CHARS = 170
esc = html.escape

_MARKER = re.compile(r"\[(\d+)\]")


def public_error(e: Exception) -> str:
    """What the page says for a library error: a question problem as is, anything else in plain words."""
    if isinstance(e, BadQuestion):
        return str(e)
    return UNREACHABLE if isinstance(e, ChromaUnavailable) else NOT_READY


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


def _marked(text: str, spans: list[tuple[int, int]], lo: int, hi: int, mark_id: str = "") -> str:
    """``text[lo:hi]`` escaped, with ``spans`` in ``<mark>`` (the first one carrying ``mark_id``)."""
    parts, pos = [], lo
    for s, e in spans:
        s, e = max(s, pos), min(e, hi)
        if s >= e:
            continue
        attr = f' class="cited" id="{mark_id}"' if mark_id else ""
        mark_id = ""
        parts.append(esc(text[pos:s]))
        parts.append(f"<mark{attr}>{esc(text[s:e])}</mark>")
        pos = e
    parts.append(esc(text[pos:hi]))
    return "".join(parts)


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
    body = ("… " if lo > 0 else "") + _marked(text, quotes, lo, hi).strip() + (" …" if hi < len(text) else "")
    paras = [p.strip().replace("\n", " ") for p in body.split("\n\n") if p.strip()]
    return "".join(f"<p>{p}</p>" for p in paras)


def _link(url: str, label: str, cls: str = "") -> str:
    c = f' class="{cls}"' if cls else ""
    return f'<a{c} href="{esc(url, quote=True)}" target="_blank" rel="noopener noreferrer">{label}</a>'


def render_headline(info: ArticleInfo, linked: bool = True) -> str:
    """The headline (linked to the original when its address is known), or the opening words, marked."""
    head = esc(info.headline)
    if linked and info.link:
        head = _link(info.link, head)
    if info.untitled:
        head += ' <span class="no-headline">no headline; opening words</span>'
    return head


def render_meta(info: ArticleInfo, with_link: bool = True) -> str:
    """Outlet · date · authors (each "not stated" when so) · the link, or that there is none."""
    bits = [esc(b) for b in meta_bits(info)]
    if with_link:
        bits.append(_link(info.link, "original article ↗", "src-link") if info.link else "link not stated")
    return " · ".join(bits)


def read_href(c) -> str:
    """``#read:doc:s-e,…``: the article and the cited sentences' offsets in its body (the page's JS opens it)."""
    spans = [] if c.start is None else [f"{c.start + s}-{c.start + e}" for s, e in c.quotes]
    return f"#read:{c.doc_id}:{','.join(spans)}"


def _group(citations) -> list[tuple[str, list]]:
    """Citations grouped by article, in order of first citation."""
    groups: dict[str, list] = {}
    for c in citations:
        groups.setdefault(c.doc_id, []).append(c)
    return list(groups.items())


def render_sources(ans, uid: str, infos: dict[str, ArticleInfo]) -> str:
    """The evidence grouped by article: a header per article, then its numbered passages."""
    groups = _group(ans.citations)
    differ = ans.disagree and len(groups) > 1
    label = "Source" if len(ans.citations) == 1 else f"Sources · {len(groups)} article" + ("s" if len(groups) > 1 else "")
    out = [f'<div class="sources{" differ" if differ else ""}"><div class="sources-h">{label}</div>']
    if differ:
        out.append('<p class="differ-note">These articles do not agree on this: compare what each one says.</p>')
    for doc_id, cites in groups:
        info = infos.get(doc_id) or info_from(vars(cites[0]))
        out.append(f'<div class="src-group"><div class="src-doc"><span class="src-title">{render_headline(info)}</span>'
                   f'<div class="src-meta">{render_meta(info)}</div></div>')
        for c in cites:
            kind = '<span class="src-kind">article details</span> ' if c.kind == "metadata" else ""
            out.append(f'<div class="src" id="src-{uid}-{c.n}"><span class="src-n">{c.n}</span>'
                       f'<blockquote class="src-text">{kind}{render_passage(c.text, c.quotes)}</blockquote>'
                       f'<a class="read-link" href="{read_href(c)}">Read the whole article'
                       f'{" at this passage" if c.start is not None else ""}</a></div>')
        out.append("</div>")
    out.append("</div>")
    return "".join(out)


ACTIONS = ('<div class="actions"><button type="button" class="act copy-answer">Copy answer</button>'
           '<span class="fb"><button type="button" class="act fb-up" title="This answer helped">Helpful</button>'
           '<button type="button" class="act fb-down" title="This answer did not help">Not helpful</button></span>'
           '<span class="fb-reasons" hidden><span class="fb-q">What was wrong? (optional)</span>'
           '<button type="button" class="act fb-reason r-wrong">Wrong</button>'
           '<button type="button" class="act fb-reason r-not-cited">Not supported by the sources</button>'
           '<button type="button" class="act fb-reason r-missing">Something missing</button></span></div>')


def render_answer(ans, uid: str, words: int | None = None, hide_notice: str = "",
                  infos: dict[str, ArticleInfo] | None = None) -> str:
    """The whole assistant message. ``words`` cuts the answer for streaming (sources come last).

    No blank lines inside, so even a Markdown renderer would treat it as one HTML block.
    """
    text = ans.answer
    partial = words is not None and words < len(text.split(" "))
    if partial:
        text = " ".join(text.split(" ")[:words])
    ns = {c.n for c in ans.citations}
    cls = "ans abstained" if ans.abstained else "ans"
    out = [f'<div class="{cls}" id="ans-{uid}">']
    notice = ans.notice.replace(hide_notice, "").strip() if hide_notice else ans.notice
    if notice:
        out.append(f'<p class="notice">{esc(notice)}</p>')
    if ans.rewritten_question:
        out.append(f'<p class="rewrite">Understood as: “{esc(ans.rewritten_question)}”</p>')
    if ans.abstained:
        out.append('<p class="abstain-tag">Not in the articles</p>')
    elif ans.disagree and len({c.doc_id for c in ans.citations}) > 1:
        out.append('<p class="differ-tag">The articles differ</p>')
    out.append(render_text(text, uid, ns))
    if partial:
        out.append('<span class="cursor">▍</span>')
    else:
        if ans.citations:
            out.append(render_sources(ans, uid, infos or {}))
        out.append(ACTIONS + f'<pre class="copy-text">{esc(format_answer(ans, infos))}</pre>')
    out.append("</div>")
    return "".join(out).replace("\n", "&#10;")


def render_error(message: str) -> str:
    return (f'<div class="ans error"><p class="abstain-tag">Cannot answer yet</p>'
            f"<p>{esc(message)}</p></div>")


def render_status(message: str, level: str) -> str:
    """The banner over the chat: empty when all is well."""
    if not message:
        return ""
    icon = "⚠️" if level == "error" else "ℹ️"
    return f'<div class="banner banner-{level}" role="status">{icon} {esc(message)}</div>'


def render_about(infos: list[ArticleInfo]) -> str:
    if infos:
        items = "".join(f'<li><span class="doc-title">{render_headline(i, linked=False)}</span>'
                        f'<span class="doc-meta">{render_meta(i, with_link=False)}</span></li>' for i in infos)
        docs = f"<p>It answers only from these {len(infos)} articles:</p><ol class=\"docs\">{items}</ol>"
    else:
        docs = "<p>The list of articles appears here once the library is ready.</p>"
    return (f'<div class="about">{docs}<p><b>It can answer</b> {esc(CAN)}</p>'
            f"<p><b>It cannot answer</b> {esc(CANNOT)}</p>"
            "<p>Answers are sentences copied from the articles, not written by an AI model; "
            "check each one against its numbered source.</p></div>")


_PARA = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")


def render_article(article, spans: list[tuple[int, int]], rid: str = "0") -> str:
    """The whole cleaned article for the reader: metadata, any note on it, and the body with the
    cited sentence(s) highlighted (the first one is ``#cited-<rid>``, for scrolling to it)."""
    info, mark_id = article.info, f"cited-{rid}"
    spans = sorted((s, e) for s, e in spans if 0 <= s < e <= len(article.body))
    out = [f'<div class="reader" id="reader-{esc(rid)}"><p class="reader-nav">'
           '<a class="reader-back" href="#">← Back to the answer</a></p>'
           f'<div class="reader-head"><h2 class="reader-title">{render_headline(info)}</h2>'
           f'<p class="reader-meta">{render_meta(info)}</p>']
    if info.note:
        out.append(f'<details class="reader-note"><summary>About these details</summary><p>{esc(info.note)}</p></details>')
    out.append('</div><div class="reader-body">')
    first = True
    for m in _PARA.finditer(article.body):
        para, lo, hi = m.group(0), m.start(), m.end()
        inner = _marked(article.body, spans, lo, hi, mark_id if first else "")
        first = first and inner.count("<mark") == 0
        if para.startswith("#"):
            out.append(f"<h3>{esc(para.lstrip('#').strip())}</h3>")
        elif para.startswith("- "):
            out.append(f"<ul><li>{inner.replace('- ', '', 1)}</li></ul>")
        else:
            out.append(f"<p>{inner}</p>")
    out.append("</div></div>")
    return "".join(out).replace("\n", " ")


def render_missing_article(rid: str = "0", message: str = "That article is not in the library any more.") -> str:
    return f'<div class="reader" id="reader-{esc(rid)}"><p>{esc(message)}</p></div>'


def format_answer(ans, infos: dict[str, ArticleInfo] | None = None) -> str:
    """Plain text: the answer with its ``[n]``, then each numbered source with its details and quotes.

    Used by ``rag ask``, the ``/chat`` API and the page's "Copy answer".
    """
    out = [ans.answer]
    if ans.notice:
        out.insert(0, f"Note: {ans.notice}")
    if ans.citations:
        out.append("\nSources:")
        for c in ans.citations:
            info = (infos or {}).get(c.doc_id) or info_from(vars(c))
            head = info.headline + (" (no headline; opening words)" if info.untitled and info.opening else "")
            out.append(f"[{c.n}] {head} — " + " · ".join(meta_bits(info) + [info.link or "link not stated"]))
            for s, e in c.quotes:
                out.append(f"    “{c.text[s:e]}”")
    return "\n".join(out)


answer_text = format_answer  # the ``/chat`` endpoint's name for it
