"""Turn a raw article page (text copied from the web) into a clean ``Document``.

Removes page chrome so it never reaches the index: date stamps of the page,
"Follow us on social", repeated headlines, section labels, photo captions,
Markdown link stubs and emphasis, "Read the Full … Article at: URL" (the URL
moves into ``url``), and everything a page appends after the article
("keep reading" teasers of other stories, newsletter boxes).

Metadata is taken only from what the page states; what it does not state stays
empty. Callers may pass values they know (``overrides``), which win.

>>> doc = clean_article("# Pact renewed\\n\\nJane Roe\\n\\nMarch 3 2024\\n\\n" + "The pact was [renewed](#) today after long talks between the two sides. " * 3)
>>> doc.title, doc.authors, doc.date, "[renewed]" in doc.body
('Pact renewed', ['Jane Roe'], '2024-03-03', False)
"""

from __future__ import annotations

import re
from datetime import datetime

from rag.schema import Document
from rag.text import drop_format_chars

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MON_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_DATE = rf"(?:(?:{_MONTHS}|(?:{_MON_ABBR})\.?)\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}})"
_TIME = r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?"
# "Tue, April 21, 2026": the date bar of a news site, not the article's date.
_STAMP = re.compile(rf"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+({_MONTHS})\s+\d{{1,2}},?\s+\d{{4}}$")
# "December 20 2024", "Published: Dec. 20, 2024, 10:00 AM ET", "Published on 20 December 2024"
_DATE_LINE = re.compile(rf"^(?:(?:Published|Posted|Dated?)(?:\s+on)?:?\s*)?(?P<date>{_DATE}){_TIME}$", re.I)
_READ_FULL = re.compile(r"^Read the Full\s+(?P<outlet>.*?)\s*Article at:?\s*(?P<url>https?://\S+)?\s*$", re.I)
_URL = re.compile(r"^(?P<label>(?:URL|Link|Original(?: article)?|Source URL):\s*)?(?P<url>https?://\S+)$", re.I)
_URL_IN = re.compile(r"https?://[^\s)\]>]+")
# "Note: This article appeared in *Outlet* on DATE.", "Originally published by Outlet.", "Published in Outlet on DATE"
_NOTE = re.compile(r"^(?:Note:\s*)?(?:This (?:article|story|piece|essay|op-ed|commentary|analysis) (?:was )?"
                   r"(?:first |originally )?(?:appeared|published|ran)|(?:Originally |First )?(?:published|appeared))"
                   r"\s+(?:in|by|at|on)\s+\*?(?P<outlet>[^*]+?)\*?(?:\s+on\s+(?P<date>.+?))?\.?$", re.I)
# "Source: Outlet, https://…" (with a link, so a chart's "Source: census data" in the text is left alone)
_SOURCE = re.compile(r"^Source:\s*(?P<rest>.*https?://.*)$", re.I)
_EXCERPT_AUTHORS = re.compile(r"excerpt from (?P<names>[A-Z][\w.\- ]+?(?: and [A-Z][\w.\- ]+?)?)[’']s (?:article|piece|essay)")
_CAPTION = re.compile(r"\((?:Public domain|Photo|Credit|Image|Courtesy|REUTERS|AP|AFP|Getty)[^)]*\)\s*$|^(?:Top )?(?:photo|image) credit:", re.I)
# Markers after which a page shows other stories, newsletters and the like.
_TAIL = re.compile(r"^(?:Top (?:photo|image) credit:|keep reading|LATEST$|Newsletter$|Subscribe now|Related (?:articles|stories)$|Read more:)", re.I)
_CHROME = re.compile(r"^(?:Follow us on social|Share this (?:article|story)|Advertisement|Sign up for .*newsletter.*|Skip to (?:main )?content)$", re.I)
_PERSON = r"(?:(?:Dr|Prof)\.?\s+)?(?:[A-Z]\.|[A-Z][a-z'\-]+)(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'\-]+){1,2}"
_NAME = re.compile(rf"^(?:By\s+)?{_PERSON}$")
# "By Jane Roe and John Doe", "Written by A, B and C", "Authors: A & B", optionally "| March 3, 2024"
_BYLINE = re.compile(rf"^(?:By|Written by|Authors?:)\s+(?P<names>{_PERSON}(?:\s*(?:,|\band\b|&)\s*{_PERSON})*)"
                     rf"(?:\s*[|·•,–—-]\s*(?P<date>{_DATE}){_TIME})?$")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPH = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])")
_BULLET = re.compile(r"^\s*[•·▪‣◦\-*]\s+")
FIELDS = ("title", "outlet", "authors", "date", "url")


def parse_date(text: str) -> str:
    """ISO date for the formats articles use, or "" when unsure.

    >>> parse_date("December 20 2024"), parse_date("Dec. 13, 2024"), parse_date("soon")
    ('2024-12-20', '2024-12-13', '')
    """
    t = re.sub(r"^Published:?\s*", "", text.strip()).replace(".", "").replace(",", "")
    t = re.sub(r"\s+", " ", t).replace("Sept ", "Sep ")
    for fmt in ("%B %d %Y", "%b %d %Y", "%Y-%m-%d", "%d %B %Y"):
        try:
            return datetime.strptime(t, fmt).date().isoformat()
        except ValueError:
            pass
    return ""


def strip_markup(line: str) -> str:
    """Drop Markdown links (keep their words) and emphasis markers.

    >>> strip_markup("The [renewal](#) of **critical** tech, *really*")
    'The renewal of critical tech, really'
    """
    line = _LINK.sub(r"\1", line)
    line = _EMPH.sub(lambda m: m.group(2) or m.group(3), line)
    return line


def slugify(text: str, words: int = 6) -> str:
    """Stable, readable doc id from a headline.

    >>> slugify("Why can't we just let American & Chinese scientists get along?")
    'why-cant-we-just-let-american'
    """
    t = text.lower().replace("’", "").replace("'", "").replace("u.s.", "us")
    toks = re.findall(r"[a-z0-9]+", t)
    if toks and toks[0] in {"the", "a", "an"}:
        toks = toks[1:]
    return "-".join(toks[:words]) or "article"


def _is_long(line: str) -> bool:
    return len(line.split()) >= 25


def _is_heading(line: str) -> bool:
    # A short line without closing punctuation inside the body is a subheading.
    return len(line.split()) <= 12 and not re.search(r"[.!?:;\"”)]$", line)


def _names(text: str) -> list[str]:
    """ "Jane Roe, John Doe and Ann Lee" -> three names (titles like "Dr" kept as written)."""
    return [n.strip() for n in re.split(r",|\band\b|&", re.sub(r"^By\s+", "", text)) if n.strip()]


def _set(meta: dict, key: str, value) -> None:
    """The first statement of a field wins (a page repeats its byline or date further down)."""
    if value and not meta[key]:
        meta[key] = value


def _note_metadata(line: str, meta: dict) -> bool:
    """Read a metadata line found anywhere on the page; True when the line is consumed."""
    m = _NOTE.match(strip_markup(line))
    if m:
        where = m.group("outlet").strip()
        if _URL_IN.fullmatch(where):
            _set(meta, "url", where)
        else:
            _set(meta, "outlet", where)
        _set(meta, "date", parse_date(m.group("date") or ""))
        return True
    m = _SOURCE.match(line)
    if m:
        url = _URL_IN.search(m.group("rest")).group(0)
        _set(meta, "url", url)
        name = re.sub(r"[\[\]()<>,;:|–—-]+", " ", _LINK.sub(r"\1", m.group("rest")).replace(url, ""))
        if name.strip() and len(name.split()) <= 8:
            _set(meta, "outlet", " ".join(name.split()))
        return True
    m = _URL.match(line)
    if m and m.group("label"):  # "URL: https://…" anywhere; a bare link only in the header (pass 2)
        _set(meta, "url", m.group("url"))
        return True
    return False


def _metadata_and_chrome(lines: list[str], meta: dict) -> list[str]:
    """Pass 1: take lines that state metadata or are pure page chrome out, anywhere on the page."""
    kept: list[str] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        m = _READ_FULL.match(ln)
        if m:
            _set(meta, "outlet", m.group("outlet").strip())
            url = m.group("url")
            if not url and i + 1 < len(lines) and _URL.match(lines[i + 1]):
                url = _URL.match(lines[i + 1]).group("url")
                i += 1
            _set(meta, "url", url or "")
        elif _note_metadata(ln, meta):
            pass
        elif not (_STAMP.match(ln) or _CHROME.match(ln) or (_CAPTION.search(ln) and not _is_long(ln))):
            kept.append(ln)
        i += 1
    return kept


def _read_header(header: list[str], meta: dict) -> list[str]:
    """Pass 2: headline, date line, co-publishers and byline from the lines before the first paragraph.

    Returns the standfirst (a long line that is article text, kept in the body).
    """
    dek: list[str] = []
    for ln in header:
        if not ln:
            continue
        plain = strip_markup(ln)
        by = _BYLINE.match(plain)
        date = _DATE_LINE.match(plain)
        if plain.startswith("#") and not meta["title"]:
            meta["title"] = plain.lstrip("#").strip()
        elif plain == meta["title"]:
            continue  # the page repeats its headline
        elif date:
            _set(meta, "date", parse_date(date.group("date")))
        elif _URL.match(plain):
            _set(meta, "url", _URL.match(plain).group("url"))
        elif by:
            _set(meta, "authors", _names(by.group("names")))
            _set(meta, "date", parse_date(by.group("date") or ""))
        elif "/" in plain and len(plain.split()) <= 6 and not meta["outlet"]:
            meta["outlet"] = plain  # "ChinaFile/Foreign Policy": co-publishers
        elif meta["title"] and _NAME.match(plain) and not meta["authors"]:
            meta["authors"] = _names(plain)
        elif not meta["title"] and len(plain.split()) >= 4:
            meta["title"] = plain.lstrip("#").strip()
        elif len(plain.split()) >= 8:
            dek.append(plain)  # a standfirst: article text, keep it
        # else: a section label ("Asia-Pacific") or similar chrome
    return dek


def _cut_tail(body_lines: list[str]) -> list[str]:
    """Pass 3: cut what the page appends after the article (teasers, newsletter boxes, a last label)."""
    for j, ln in enumerate(body_lines):
        if _TAIL.match(ln):
            body_lines = body_lines[:j]
            break
    while body_lines and (not body_lines[-1] or (_is_heading(body_lines[-1]) and len(body_lines[-1].split()) <= 4)):
        body_lines.pop()
    return body_lines


def _paragraphs(lines: list[str], title: str) -> str:
    """Body text: one paragraph per line, bullets as ``- ``, subheadings as ``## ``, markup dropped."""
    paragraphs: list[str] = []
    for ln in lines:
        if not ln:
            continue
        ln = strip_markup(ln)
        ln = _BULLET.sub("- ", ln) if _BULLET.match(ln) else ln
        if ln == title:
            continue
        if _is_heading(ln) and not ln.startswith("- "):
            ln = "## " + ln.lstrip("#").strip()
        paragraphs.append(ln)
    return "\n\n".join(paragraphs)


def _document(meta: dict, overrides: dict, body: str) -> Document:
    """The ``Document``, with the caller's values winning and dates in ISO form."""
    if not meta["authors"]:
        m = _EXCERPT_AUTHORS.search(body)
        if m:
            meta["authors"] = [n.strip() for n in m.group("names").split(" and ")]
    meta.update(overrides)
    if isinstance(meta.get("authors"), str):
        meta["authors"] = [a.strip() for a in meta["authors"].split(",") if a.strip()]
    if meta.get("date") and not re.match(r"^\d{4}-\d{2}-\d{2}$", meta["date"]):
        meta["date"] = parse_date(meta["date"])
    doc_id = overrides.get("id") or slugify(meta["title"] or re.sub(r"^#+\s*", "", body))
    return Document(id=doc_id, title=meta["title"], outlet=meta["outlet"], authors=list(meta["authors"]),
                    date=meta["date"], url=meta["url"], body=body, metadata_note=meta.get("metadata_note", ""))


def clean_article(raw: str, overrides: dict | None = None) -> Document:
    """Clean one raw article page. ``overrides`` (id, title, outlet, authors, date, url, metadata_note) win."""
    overrides = {k: v for k, v in (overrides or {}).items() if v not in (None, "", [])}
    # invisible format characters (zero-width space, bidi marks, BOM, soft hyphen) go, never becoming spaces
    text = drop_format_chars(raw).replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    meta: dict = {"title": "", "outlet": "", "authors": [], "date": "", "url": ""}
    kept = _metadata_and_chrome([ln.strip() for ln in text.split("\n")], meta)
    first_para = next((j for j, ln in enumerate(kept) if _is_long(ln)), len(kept))
    dek = _read_header(kept[:first_para], meta)
    body = _paragraphs(dek + _cut_tail(kept[first_para:]), meta["title"])
    return _document(meta, overrides, body)
