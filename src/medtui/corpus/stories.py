"""Split a cleaned page into stories, each with a title, a date and its text.

A page is one story unless it shows the shape of a listing: a label line repeated
before every item ("Press Releases", "News"), several level-1 headings, articles the
HTML marked apart, or consecutive teaser paragraphs that each define the same
institution afresh ("... University (ABC) ..." in every paragraph, the name ending in an
institution head word from :mod:`medtui.extract.discover`), as listing pages do and
single articles don't. A listing's year heading ("2025") dates its items.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from medtui.corpus.bulletins import split_bulletin
from medtui.corpus.clean import ARTICLE_BREAK, CleanDoc, is_sentence
from medtui.corpus.datelines import first_dateline, is_bullet
from medtui.corpus.dates import (
    first_date,
    numeric_order,
    read_date_line,
    year_heading,
)
from medtui.corpus.model import PartialDate
from medtui.extract.discover import HEADS
from medtui.extract.sentences import split_sentences

TITLE_MAX_WORDS = 30
SHORT_TITLE_CHARS = 100
_DEFINITION = re.compile(r"\(([A-Z][A-Za-z.&]*[A-Z][A-Za-z.&]*)\)")
_BYLINE = re.compile(r"^\s*By\s+[A-Z][\w.,'\u2019-]+(?:\s+[\w.,'\u2019-]+){0,8}\s*$")
_PAGER_WORDS = 8
TEASER_SHARE = 0.6
TEASER_MAX_WORDS = 120
ABOUT_BLOCK = re.compile(r"^\s*About\s+(?:the\s+|us\b)?[A-Z0-9]")
"""The start of an issuer's "About X" block, the boilerplate that closes a press release."""
_LABEL = re.compile(r"^[^\W\d_][^\W\d_ &'\u2019-]*(?:[ &'\u2019-]+[^\W\d_]+)*$")


@dataclass
class RawStory:
    """A story before extraction: title, text, and date when the text gives one."""

    title: str
    text: str
    date: PartialDate | None


def shorten(text: str, limit: int = SHORT_TITLE_CHARS) -> str:
    """The first sentence of ``text``, cut on a word boundary to ``limit`` characters."""
    text = text.strip()
    spans = split_sentences(text[:limit * 4])  # abbreviations ("Inc.", "Calif.") end no sentence
    first = text[spans[0][0]:spans[0][1]] if spans else text
    if len(first) <= limit:
        return first.rstrip(".")
    cut = first[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "\u2026"


def _title_like(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= TITLE_MAX_WORDS and not line.rstrip().endswith((".", ":", ";", ","))


def split_stories(doc: CleanDoc) -> list[RawStory]:
    """The stories on a cleaned page (at least one when the page has any text)."""
    lines = doc.lines
    if not any(ln.strip() and ln != ARTICLE_BREAK for ln in lines):
        return []
    order = numeric_order("\n".join(lines))  # how this document writes 2/5/2025
    for splitter in (_split_marked, split_bulletin, _split_labels, _split_headings, _split_teasers):
        groups = splitter(doc)
        with_text = [g for g in groups if any(is_sentence(ln) or len(ln.split()) >= 12 for ln in g)]
        if len(with_text) >= len(groups) / 2:
            groups = with_text  # a pager or a page footer left between items is no item
        groups = _join_about_blocks(groups)
        if groups and len(groups) >= 2:
            page_year = _page_year(lines)
            stated = first_date(doc.published) if doc.published else None
            stories = [_listing_item(g, page_year, order, stated) for g in groups]
            return [s for s in stories if s.text or s.title]
    return [_single_story(doc, order)]


def _join_about_blocks(groups: list[list[str]]) -> list[list[str]]:
    """An issuer's "About X" block is part of the release before it, never an item of its own."""
    joined: list[list[str]] = []
    for group in groups:
        first = next((ln for ln in group if ln.strip()), "")
        if joined and ABOUT_BLOCK.match(first):
            joined[-1] = [*joined[-1], "", *group]
        else:
            joined.append(group)
    return joined


def _page_year(lines: list[str]) -> int | None:
    for line in lines[:8]:
        year = year_heading(line)
        if year:
            return year
    return None


def _split_marked(doc: CleanDoc) -> list[list[str]]:
    if ARTICLE_BREAK not in doc.lines:
        return []
    groups: list[list[str]] = [[]]
    for line in doc.lines:
        if line == ARTICLE_BREAK:
            groups.append([])
        else:
            groups[-1].append(line)
    return [g for g in groups if any(is_sentence(ln) for ln in g)]


def _split_labels(doc: CleanDoc) -> list[list[str]]:
    """Items led (or followed) by the same short label line, three times or more."""
    counts = Counter(
        ln.strip().casefold() for ln in doc.lines
        if ln.strip() and len(ln.split()) <= 4 and _LABEL.match(ln.strip())
    )
    labels = {label for label, n in counts.items() if n >= 3}
    if not labels:
        return []
    groups: list[list[str]] = []
    current: list[str] | None = None
    for line in doc.lines:
        if line.strip().casefold() in labels:
            if current:
                groups.append(current)
            current = []
            continue
        if current is not None:
            current.append(line)
        # Lines before the first label are the page's own header: dropped.
    if current:
        groups.append(current)
    groups = [g for g in groups if any(ln.strip() for ln in g)]
    if groups and not any(is_sentence(ln) for ln in groups[-1]) \
            and sum(len(ln.split()) for ln in groups[-1]) <= _PAGER_WORDS:
        groups.pop()  # what follows the last "Read more" is a pager or the page's footer
    # Every item of a real listing says something: most groups hold a sentence.
    with_text = [g for g in groups if any(is_sentence(ln) and len(ln.split()) >= 8 for ln in g)]
    if len(with_text) < 2 or len(with_text) < 0.75 * len(groups):
        return []
    # Trailing labels ("Read more" after each item): then the header lines are item 1.
    first_label = next(i for i, ln in enumerate(doc.lines) if ln.strip().casefold() in labels)
    head = [ln for ln in doc.lines[:first_label] if ln.strip()]
    if any(is_sentence(ln) and len(ln.split()) > 12 for ln in head):
        # Text before the first label: either item 1 of a "Read more" listing of short
        # teasers, or an article's lead followed by repeated sections: then no split.
        if max(sum(len(ln.split()) for ln in g) for g in groups) > TEASER_MAX_WORDS:
            return []
        groups.insert(0, doc.lines[:first_label])
    return groups


def _split_headings(doc: CleanDoc) -> list[list[str]]:
    if len(doc.headings) < 2:
        return []
    groups: list[list[str]] = []
    for i, line in enumerate(doc.lines):
        if i in doc.headings:
            groups.append([line])
        elif groups:
            groups[-1].append(line)
    return [g for g in groups if len([ln for ln in g if ln.strip()]) >= 2]


def _split_teasers(doc: CleanDoc) -> list[list[str]]:
    """Consecutive paragraphs that each define the same short name afresh are teasers."""
    paragraphs = [
        (i, ln) for i, ln in enumerate(doc.lines)
        if len(ln.split()) >= 12 and is_sentence(ln) and not ABOUT_BLOCK.match(ln)
    ]
    defines: dict[str, list[int]] = {}
    for pos, (_, line) in enumerate(paragraphs):
        first_sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z])", line, maxsplit=1)[0]
        for m in _DEFINITION.finditer(first_sentence):
            # A teaser names its subject in full: "Two Or More Capitalised Words (ABBR)".
            named = re.search(r"[A-Z][\w'’-]+(?:\s+(?:of|and|for|the|&)?\s*[A-Z][\w'’-]+)+\s*$",
                              first_sentence[: m.start()])
            if named and any(w in HEADS for w in named.group().split()):
                defines.setdefault(m.group(1), []).append(pos)
    best = max(defines.values(), key=len, default=[])
    if len(best) < 2 or any(b - a > 2 for a, b in zip(best, best[1:], strict=False)):
        return []
    if len(best) < TEASER_SHARE * len(paragraphs):
        return []  # an article that repeats "Name (ABBR)" now and then is still one article
    starts = [paragraphs[p][0] for p in best]
    groups: list[list[str]] = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(doc.lines)
        if n + 1 < len(starts) and _title_like(doc.lines[end - 1]) and end - 1 > start:
            end -= 1  # the line just before the next teaser is that teaser's title
        begin = start - 1 if start > 0 and _title_like(doc.lines[start - 1]) \
            and (n == 0 or start - 1 >= starts[n - 1] + 1) and _is_item_title(doc, start - 1) \
            else start
        groups.append(doc.lines[begin:end])
    return groups


def _is_item_title(doc: CleanDoc, index: int) -> bool:
    line = doc.lines[index]
    return not year_heading(line) and index > 1


def _label_like(line: str) -> bool:
    """A section label or site name rather than a headline: "News", "Health | Education", "新聞稿"."""
    parts = [p for p in re.split(r"\s*[|\u00b7\u2022/>\u00bb\u203a]\s*", line.strip()) if p]
    if not parts or any(len(p.split()) > 2 for p in parts):
        return False
    return len(re.findall(r"[\u3400-\u9fff]", line)) <= 6


def _pick_title(lines: list[str]) -> int | None:
    """Index of the headline among title-like lines: the first that is no mere label."""
    candidates = [i for i, ln in enumerate(lines) if ln.strip() and _title_like(ln)
                  and read_date_line(ln) is None and not year_heading(ln)]
    return next((i for i in candidates if not _label_like(lines[i])), candidates[0] if candidates else None)


_MORE_LINK = re.compile(r"^\W*(?:read|learn|see|find out) more\b\W*$|^\W*(?:continue reading|more|details)\W*$", re.I)


def _listing_item(lines: list[str], page_year: int | None, order: str | None = None,
                  stated: PartialDate | None = None) -> RawStory:
    body = [ln for ln in lines if ln.strip() and not _MORE_LINK.match(ln)]
    date: PartialDate | None = None
    title = ""
    # The item's head: dates, year headings and title-like lines before its text, in any
    # order ("18 Mar 2025" above the headline, or below it).
    n_head = 0
    while n_head < len(body) - 1 and (_title_like(body[n_head]) or read_date_line(body[n_head])):
        n_head += 1
    head, body = body[:n_head], body[n_head:]
    pick = _pick_title(head)
    if pick is not None:
        title = head[pick]
    rest: list[str] = []
    for i, line in enumerate(head):
        read = read_date_line(line, order)
        found = read[0] if read else None
        if read or year_heading(line):
            date = found or date
        elif pick is not None and i > pick and not _label_like(line):
            rest.append(line)  # a subtitle: part of the text
    body = rest + body
    text = "\n\n".join(body)
    if date is None:
        date = first_dateline(body, order)
    if date is None:
        date = _tail_date(body, order)
    if date is None:
        date = stated  # the document's own date dates an item that states none
    if date is None and page_year is not None:
        date = PartialDate(page_year)
    return RawStory(title=title or shorten(text), text=text, date=date)


def _tail_date(body: list[str], order: str | None) -> PartialDate | None:
    """The first date line inside an item's text: roundups and live blogs date an entry
    below its text ("Posted 3 May 2025", an embedded post's "— Name (@name) February 24,
    2026"); later ones date what the entry quotes."""
    for line in body:
        read = read_date_line(line, order) if len(line) < 200 else None
        if read is not None and read[0] is not None:
            return read[0]
    return None


def _single_story(doc: CleanDoc, order: str | None = None) -> RawStory:
    lines = [ln for ln in doc.lines if ln != ARTICLE_BREAK]
    title = ""
    top: int | None = None
    if doc.stated_title:
        # The document states its title: a heading or first line repeating it is no text.
        title = doc.stated_title
        stated = _normalise_title(title)
        top = next((i for i, ln in enumerate(lines[:3]) if _normalise_title(ln) == stated), None)
        lines = lines[top + 1 :] if top is not None else lines
    else:
        hint = _normalise_title(doc.title_hint)
        # The title is the hinted title when the page repeats it near the top, or the
        # first title-like line; the lines above it are the site's header.
        top = next((i for i, ln in enumerate(lines[:12]) if hint and _normalise_title(ln) == hint), None)
        if top is None:
            top = _pick_title(lines[:6])
            if top is not None and any(is_sentence(ln) and len(ln.split()) > 12 for ln in lines[:top]):
                top = None
        if top is not None:
            title = lines[top].strip()
            lines = lines[top + 1 :]
        elif doc.title_hint:
            title = doc.title_hint.strip()
    date: PartialDate | None = None
    body: list[str] = []
    for i, line in enumerate(lines):
        # A date line above the text is metadata, not text; a bullet item is a detail of
        # the text's subject ("* Date: Thursday, July 11, 2024" of an event).
        read = read_date_line(line, order) if i < 6 and not body and not is_bullet(line) else None
        if read is not None:
            date = date or read[0]
            continue
        if i < 6 and not body and _BYLINE.match(line):
            continue
        if line.strip() or body:
            body.append(line)
    text = "\n".join(body).strip()
    stated_date = first_date(doc.published) if doc.published else None
    if stated_date is not None:
        date = stated_date
    if date is None:
        date = first_dateline(body, order)
    if date is None and doc.date_hint:
        date = first_date(doc.date_hint, order)
    return RawStory(title=title or shorten(text), text=text, date=date)


def _normalise_title(value: str | None) -> str:
    if not value:
        return ""
    value = re.split(r"\s+[|\u2013\u2014-]\s+", value)[0] if len(value) > 40 else value
    return " ".join(value.split()).casefold()
