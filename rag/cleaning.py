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
# "Tue, April 21, 2026": the date bar of a news site, not the article's date.
_STAMP = re.compile(rf"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+({_MONTHS})\s+\d{{1,2}},?\s+\d{{4}}$")
_DATE_LINE = re.compile(rf"^(?:Published:?\s*)?(({_MONTHS}|(?:{_MON_ABBR})\.?)\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\s+({_MONTHS})\s+\d{{4}})$")
_READ_FULL = re.compile(r"^Read the Full\s+(?P<outlet>.*?)\s*Article at:?\s*(?P<url>https?://\S+)?\s*$", re.I)
_URL = re.compile(r"^https?://\S+$")
_NOTE = re.compile(r"^Note:\s*This article (?:first )?appeared in\s+\*?(?P<outlet>[^*]+?)\*?\s+on\s+(?P<date>.+?)\.?$", re.I)
_EXCERPT_AUTHORS = re.compile(r"excerpt from (?P<names>[A-Z][\w.\- ]+?(?: and [A-Z][\w.\- ]+?)?)[’']s (?:article|piece|essay)")
_CAPTION = re.compile(r"\((?:Public domain|Photo|Credit|Image|Courtesy|REUTERS|AP|AFP|Getty)[^)]*\)\s*$|^(?:Top )?(?:photo|image) credit:", re.I)
# Markers after which a page shows other stories, newsletters and the like.
_TAIL = re.compile(r"^(?:Top (?:photo|image) credit:|keep reading|LATEST$|Newsletter$|Subscribe now|Related (?:articles|stories)$|Read more:)", re.I)
_CHROME = re.compile(r"^(?:Follow us on social|Share this (?:article|story)|Advertisement|Sign up for .*newsletter.*|Skip to (?:main )?content)$", re.I)
_NAME = re.compile(r"^(?:By\s+)?(?:(?:Dr|Prof)\.?\s+)?[A-Z][a-z'\-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'\-]+){1,2}$")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPH = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])")
_BULLET = re.compile(r"^\s*[•·▪‣◦\-*]\s+")


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


def clean_article(raw: str, overrides: dict | None = None) -> Document:
    """Clean one raw article page. ``overrides`` (id, title, outlet, authors, date, url) win."""
    overrides = {k: v for k, v in (overrides or {}).items() if v not in (None, "", [])}
    # invisible format characters (zero-width space, bidi marks, BOM, soft hyphen) go, never becoming spaces
    text = drop_format_chars(raw).replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    lines = [ln.strip() for ln in text.split("\n")]
    meta: dict = {"title": "", "outlet": "", "authors": [], "date": "", "url": ""}

    # Pass 1: lines that carry metadata or are pure chrome, anywhere on the page.
    kept: list[str] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        m = _READ_FULL.match(ln)
        if m:
            meta["outlet"] = meta["outlet"] or m.group("outlet").strip()
            url = m.group("url")
            if not url and i + 1 < len(lines) and _URL.match(lines[i + 1]):
                url = lines[i + 1]
                i += 1
            meta["url"] = meta["url"] or (url or "")
            i += 1
            continue
        m = _NOTE.match(strip_markup(ln) if False else ln)
        if m:
            meta["outlet"] = meta["outlet"] or m.group("outlet").strip()
            meta["date"] = meta["date"] or parse_date(m.group("date"))
            i += 1
            continue
        if _STAMP.match(ln) or _CHROME.match(ln) or (_CAPTION.search(ln) and not _is_long(ln)):
            i += 1
            continue
        kept.append(ln)
        i += 1

    # Pass 2: the header (everything before the first real paragraph).
    first_para = next((j for j, ln in enumerate(kept) if _is_long(ln)), len(kept))
    header, body_lines = kept[:first_para], kept[first_para:]
    dek: list[str] = []
    for ln in header:
        if not ln:
            continue
        plain = strip_markup(ln)
        if plain.startswith("#") and not meta["title"]:
            meta["title"] = plain.lstrip("#").strip()
        elif plain == meta["title"]:
            continue  # the page repeats its headline
        elif _DATE_LINE.match(plain):
            meta["date"] = meta["date"] or parse_date(plain)
        elif "/" in plain and len(plain.split()) <= 6 and not meta["outlet"]:
            meta["outlet"] = plain  # "ChinaFile/Foreign Policy": co-publishers
        elif meta["title"] and _NAME.match(plain) and not meta["authors"]:
            name = re.sub(r"^By\s+", "", plain)
            meta["authors"] = [n.strip() for n in re.split(r",| and ", name) if n.strip()]
        elif not meta["title"] and len(plain.split()) >= 4:
            meta["title"] = plain.lstrip("#").strip()
        elif len(plain.split()) >= 8:
            dek.append(plain)  # a standfirst: article text, keep it
        # else: a section label ("Asia-Pacific") or similar chrome

    # Pass 3: cut what the page appends after the article.
    for j, ln in enumerate(body_lines):
        if _TAIL.match(ln):
            body_lines = body_lines[:j]
            break
    while body_lines and (not body_lines[-1] or (_is_heading(body_lines[-1]) and len(body_lines[-1].split()) <= 4)):
        body_lines.pop()

    paragraphs: list[str] = []
    for ln in dek + body_lines:
        if not ln:
            continue
        ln = strip_markup(ln)
        ln = _BULLET.sub("- ", ln) if _BULLET.match(ln) else ln
        if ln == meta["title"]:
            continue
        if _is_heading(ln) and not ln.startswith("- "):
            ln = "## " + ln.lstrip("#").strip()
        paragraphs.append(ln)
    body = "\n\n".join(paragraphs)

    if not meta["authors"]:
        m = _EXCERPT_AUTHORS.search(body)
        if m:
            meta["authors"] = [n.strip() for n in m.group("names").split(" and ")]

    meta.update(overrides)
    if isinstance(meta.get("authors"), str):
        meta["authors"] = [a.strip() for a in meta["authors"].split(",") if a.strip()]
    if meta.get("date") and not re.match(r"^\d{4}-\d{2}-\d{2}$", meta["date"]):
        meta["date"] = parse_date(meta["date"])
    first_words = re.sub(r"^#+\s*", "", body)
    doc_id = overrides.get("id") or slugify(meta["title"] or first_words)
    return Document(id=doc_id, title=meta["title"], outlet=meta["outlet"], authors=list(meta["authors"]),
                    date=meta["date"], url=meta["url"], body=body)
