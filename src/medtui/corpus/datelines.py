"""Datelines: the date a wire or newsroom states at the head of its story's text.

A dateline opens the lead paragraph: "ROSWELL, GA, May 8, 2024 --", "(11 March 2025, Hong
Kong)", "(NewMediaWire) - March 06, 2025 - NEW ORLEANS —", "2025年3月11日，". It is the
story's own date. A date inside a sentence ("On March 4, 2025, the company...") says when
something happened and is no dateline.

Where a dateline may be: in the first :data:`DATELINE_PARAGRAPHS` paragraphs of the text
(wires often lead with a subtitle). Bullet items (a release's "highlights") and list
headings ("Research Highlights:") never hold a dateline and do not count. A dateline that
names its wire ("(NEWMEDIAWIRE)", "– PRISM MediaWire", "/PRNewswire/") may come later,
after highlights, an embargo line or several subtitles, up to the first long paragraph of
prose: the wire's name is proof enough that this is the release's own dateline. Kinds
measured on a 2,000-file sample of newswire releases (issue 9).
"""

from __future__ import annotations

import re

from medtui.corpus.dates import find_dates, not_published_label
from medtui.corpus.model import PartialDate

DATELINE_PARAGRAPHS = 3
"""Paragraphs (not counting bullet items and list headings) a plain dateline may be in."""
WIRE_DATELINE_PARAGRAPHS = 12
"""Paragraphs a dateline that names its wire may be in, before the first long paragraph."""
LEAD_WORDS = 30
"""A paragraph this long is the lead: no dateline is looked for after it."""

_DATELINE_CHARS = 250
_DATELINE_END = re.compile(
    r"\s*\.(?:\s|$)|[^.]{0,40}?(?:--|\s[-\u2013\u2014|/]\s|[\u2013\u2014)/|:]|\s*$)")
_PLACE_JOINERS = frozenset({"and", "de", "del", "la", "of", "the", "et", "y", "am", "on"})
_BULLET = re.compile(r"^\s*(?:[\u2022\u25aa\u25cf\u25e6*\u2013-]|\d{1,2}[.)])\s")
_LIST_HEADING = re.compile(r"^[^.!?]{1,60}:\s*$")
# The wire's name right after the date: " (NEWMEDIAWIRE) -", " – PRISM MediaWire (", " /PRNewswire/ --",
# a wire's name between slashes (" /24-7PressRelease/ --").
_WIRE_AFTER = re.compile(
    r"^\s*(?:(?:\(|[-\u2013\u2014/]\s*)[^()\n.]{0,30}?wire\b|/[^/\s][^/\n]{1,40}/\s*-)", re.I)
# A wire's name before the date, opening the paragraph: "(NewMediaWire) - ".
_WIRE_BEFORE = re.compile(r"^\s*\(?[^()\n]{0,30}?wire\)?\s*[-\u2013\u2014/,]\s*$", re.I)
# A bracketed wire's name and a dash just before the date, the date and a dash after it.
_WIRE_JUST_BEFORE = re.compile(r"\([^()\n]{0,30}wire\)\s*[-\u2013\u2014]\s*$", re.I)
_DASH_AFTER = re.compile(r"^\s*[-\u2013\u2014]")
# An upper-case place and its separator ending the text before a wire-named date, after a
# subtitle run into the dateline: "... at the Museum GLENDALE, CA - ".
_PLACE_BEFORE = re.compile(
    r"(?:^|\s)(?:[A-Z][A-Z.'\u2019&-]+\s+)*[A-Z][A-Z.'\u2019&-]+"
    r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?\s*[-\u2013\u2014,]\s*$")
# The label of an event's details: "DATE: Tuesday, August 13, 2024", "When: ..." (not
# "Release Date:", the release's own date).
_EVENT_LABEL = re.compile(r"^\W*(?:dates?|when|time|days?|deadline|schedule|where)\s*:\s*(?:\w+day,?\s*)?$", re.I)
# A full CJK date opening the paragraph, then a comma: "2025年3月11日，", "北京，2025年3月11日，".
_CJK_COMMA = re.compile(r"^\s*[，、,]")
_CJK_BEFORE = re.compile(r"^[\s(\uff08\u3010\[]*(?:[^\s，。,.]{1,10}[，,\s]\s*)?$")


def is_bullet(line: str) -> bool:
    """Whether ``line`` is a list item ("• ...", "* ...", "- ...", "1. ...")."""
    return _BULLET.match(line) is not None


def dateline(text: str, order: str | None = None) -> PartialDate | None:
    """The date of a dateline at the very start of ``text``, or None.

    ``order``: how numeric dates read (see :func:`medtui.corpus.dates.numeric_order`)."""
    found = _dateline(text, order)
    return found[0] if found else None


def _dateline(text: str, order: str | None) -> tuple[PartialDate, bool] | None:
    """(date, names its wire) of a dateline at the start of ``text``, or None."""
    head = text[:_DATELINE_CHARS]
    dates = find_dates(head, order)
    if not dates:
        return None
    first = dates[0]
    before = head[: first.start]
    after = head[first.end : first.end + 60]
    if not_published_label(before) or _EVENT_LABEL.search(before):
        return None
    wire = bool(_WIRE_AFTER.match(after) or _WIRE_BEFORE.match(before))
    if first.date.day is not None and "年" in head[first.start : first.end] and _CJK_COMMA.match(after):
        # "2025年3月11日，...": Chinese releases open with their date and a comma.
        return (first.date, False) if _CJK_BEFORE.match(before) else None
    if wire and _WIRE_AFTER.match(after) and _PLACE_BEFORE.search(before):
        return first.date, True  # "GLENDALE, CA - March 29, 2026 (NEWMEDIAWIRE) -" after a subtitle
    if _WIRE_JUST_BEFORE.search(before) and _DASH_AFTER.match(after):
        return first.date, True  # "... a subtitle (NewMediaWire) - August 14, 2025 - Glendale, CA —"
    if len(before.split()) > 12 or re.search(r"[.!?]\s+[A-Z]?[a-z]+\s+[a-z]", before):
        return None
    # A dateline is set apart: by place names before it, by a dash, slash, bar or bracket
    # after it. "On March 4, 2025, the company..." and "appointed in January 2023." are
    # dates in a sentence, which say when something happened, not when it was published.
    if any(w not in _PLACE_JOINERS for w in re.findall(r"\b[a-z]{2,}\b", re.sub(r"\([^)]*\)", "", before))):
        return None
    if after.strip() and not _DATELINE_END.match(after):
        return None
    return first.date, wire


def first_dateline(paragraphs: list[str], order: str | None = None) -> PartialDate | None:
    """The dateline of a story's text given as its ``paragraphs`` (lines), or None: in one of
    its first :data:`DATELINE_PARAGRAPHS` paragraphs, or, naming its wire, before the lead."""
    counted = 0
    for para in [p for p in paragraphs if p.strip()][:WIRE_DATELINE_PARAGRAPHS]:
        if is_bullet(para) or _LIST_HEADING.match(para):
            continue
        found = _dateline(para, order)
        counted += 1
        if found is not None and (counted <= DATELINE_PARAGRAPHS or found[1]):
            return found[0]
        if counted >= DATELINE_PARAGRAPHS and len(para.split()) >= LEAD_WORDS:
            return None  # past the lead: a later date belongs to the text
    return None


_WIRE_NAMED = re.compile(
    r"\((?P<bracketed>(?-i:[A-Z0-9])[^()\n]{0,30}?wire)\)"
    r"|(?<![^\s])/(?P<slashed>[A-Za-z0-9][\w.\-]{1,30}(?: [\w.\-]+){0,2})/\s*[-\u2013\u2014]", re.I)
WIRE_HEAD = 600
"""Characters of a story's head read for the name of the wire that carried it."""


def wire_name(text: str) -> str | None:
    """The wire a release's head names as its carrier, as written: "(NEWMEDIAWIRE)",
    "DETROIT\u2013(BUSINESS WIRE)\u2013", " /PRNewswire/ --", " /24-7PressRelease/ --" (the
    datelines above); None when its first :data:`WIRE_HEAD` characters name none. It is the
    release's publisher when the document states no other (most wire releases in Markdown)."""
    m = _WIRE_NAMED.search(text, 0, WIRE_HEAD)
    if m is None:
        return None
    return (m.group("bracketed") or m.group("slashed")).strip()
