"""Take the article out of a page: drop menus, breadcrumbs, link lists and footers.

Works on lines (plain text, Markdown, or HTML already turned into lines by
:mod:`medtui.corpus.html`). What the page says about itself (publisher, source URL,
title) is kept as metadata. The article's own lists and quotes stay: a run of lines
is only dropped as a menu when it looks like one (short link-like items, many in a row).

A line that ends an article ("###", "Forward-Looking Statements", "The post ... appeared
first on", a copyright line) ends only the item it closes: in a bulletin or listing,
reading goes on at the next item, which starts at a break the page marked between items
or at a heading of a level that already opened an item (not an "About" or "Contacts"
heading: those are the release's tail). In 24,677 wire releases no document has such an
item after its end line, so there the whole rest goes, as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ARTICLE_BREAK = "\ue000"
"""A line holding only this separates articles that the page itself marked apart."""

# Possessive and bounded, so that a line of "[a](" repeated takes linear time, not cubic.
_MD_IMAGE = re.compile(r"!\[[^\[\]]*+\]\([^)]{0,2048}+\)")
_MD_LINK = re.compile(r"\[([^\[\]]*+)\]\((\s*+[^)\s]{1,2048}+)[^)]{0,512}+\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w))")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_BULLET = re.compile(r"^(\s*)(?:[-*+]|\d{1,3}[.)])\s+(?=\S)")
_BULLET = re.compile(r"^\s*[\u2022\u25aa\u25cf\u00b7\u2023\u2043\u25e6\u2013*-]\s*")
_HTML_TAG = re.compile(r"</?(?:br|p|div|span|b|i|em|strong|u|sup|sub|a)\b[^<>]{0,1024}>", re.I)

_TEMPLATE_TAG = re.compile(r"\{\{[<%][^{}]{0,4000}?[%>]\}\}|\{%[^{}]{0,1000}?%\}|\{\{[^{}]{0,300}?\}\}")
"""Static-site template directives left in a post's source: Hugo shortcodes
("{{< figure ... >}}", "{{% note %}}"), Liquid tags ("{% include x.html %}") and output
tags ("{{ site.baseurl }}"). The generator replaces them; they are never the article's words."""

_PUBLISHED_ON = re.compile(r"^Published on (.+?)\s*\((https?://[^)\s]+)\)\s*$", re.I)
_SOURCE_URL = re.compile(
    r"^(?:Source URL|Original URL|Canonical URL|Source link|Permalink|"
    r"View source version on [^:]+)\s*:\s*(https?://\S+)\s*$",
    re.I,
)
_SOURCE_LINK_TEXT = re.compile(r"^(?:original|source|original/source)\b.*(?:release|article|story|source)?", re.I)
_BREADCRUMB = re.compile(r"^(?:Home|Homepage|Start|Main page)\s*(?:>|»|›|/|\||::|→)\s*(.+)$", re.I)
_FOOTNOTE_LINK = re.compile(r"^\s*\[\d+\]\s*(?:https?://|www\.)\S*\s*$")
_URL_ONLY = re.compile(r"^\s*(?:[\w .:/-]{0,40}[-:]\s*)?(?:https?://|www\.)\S+\s*$", re.I)

# A line that starts one of these ends the article: all that follows is syndication or
# site furniture. These are shapes shared by many sites, not facts of any one page.
_ARTICLE_END = re.compile(
    r"^(?:/?Public Release\.|This material from the originating organi[sz]ation|"
    r"The post .{3,300} appeared first on|View (?:the )?(?:source version|original|in full) |"
    r"Originally published (?:at|on|by)|This (?:article|story|content) (?:was|is) "
    r"(?:originally )?(?:published|syndicated|provided)|Links$|Share this (?:article|story|page)|"
    r"Related (?:articles|stories|news|posts|content)\s*:?$|Tags?\s*:|"
    r"(?:©|\(c\)|Copyright\b).{0,120}(?:rights reserved)?\s*$|Disclaimer\s*:|"
    r"[\w &.-]{2,40} is (?:powered|brought to you) by\b|This (?:post|article|release|content) "
    r"(?:contains|is) sponsored|Forward[- ]Looking Statements?\s*:?$|Certain statements in this "
    r"(?:article|press release|release|communication)|Safe Harbor Statement)",
    re.I,
)
_TAIL_HEADING = re.compile(
    r"^\W*(?:about\b|(?:media |press |investor )?contacts?\b|media\b|press\b|investors?\b|forward|"
    r"safe harbou?r|disclaimer|notes?\b|sources?\b|references?\b|for more information)", re.I)
"""A heading of a release's tail (About, contacts, forward-looking statements): never the
start of another item after an end line."""
_FOOTER_LINE = re.compile(
    r"^(?:Pickup\s*-|Reddit Post|Newsramp|Share(?: on| via)?\b|Tweet|Print|Email this|"
    r"Back to top|Follow us|Subscribe|Privacy Policy|Terms (?:of Use|and Conditions)|"
    r"Cookie|All rights reserved|Mobile Version|Full Site Map|Sitemap|Skip to)",
    re.I,
)
_SENTENCE_ENDS = frozenset(".!?:;\u3002\uff01\uff1f\"\u201d\u2019'")
_END_MARK = re.compile(r"^\s*(?:#\s*#\s*#|-\s*30\s*-|ENDS?|\*\s*\*\s*\*\s*END)\s*$")
_ENDS_DATED = re.compile(r"^\s*Ends?\s*/\s*(.*\d{4}.*?)\s*$", re.I)
_LINK_LINE = re.compile(r"^\s*(?:[\w .-]{0,20}-\s*)?(?:!?\[[^\]]*\]\([^)]*\)\s*)+$")
_CONTACT_FIELD = re.compile(
    r"^(?:Company (?:Name|Website|Email|Phone|Address)|Contact (?:Person|Name|Email|Phone)|"
    r"Media Contacts?|Press Contacts?|Website|E-?mail|Phone|Tel|Telephone|Fax|Address|City|"
    r"State|Country)\s*:?", re.I)
_PARAGRAPH_GAP = re.compile(r"(?<=[^\s|])[ \t\u00a0]{3,}(?=[\"\u201c\u2018'(\[\u2022*]?[A-Z])")
_PARAGRAPH_GAP_MIN_CHARS = 300
"""Some wires write a whole release as one long line with its paragraphs apart by runs of
three or more spaces (all 56 releases of one wire, some 2,600 of another in 25,000): such a
run inside a long line is a paragraph break (a short line with wide spaces is a table row)."""
_MENU_WORDS = 6
_MIN_MENU_RUN = 4
_MIN_FURNITURE_RUN = 6
_THIN_TAIL_WORDS = 40


@dataclass
class CleanDoc:
    """The article's lines ("" between paragraphs) and the page's own metadata."""

    lines: list[str]
    title_hint: str | None = None
    publisher: str | None = None
    url: str | None = None
    date_hint: str | None = None
    headings: set[int] = field(default_factory=set)
    """Indexes of lines that were Markdown/HTML level-1 headings."""
    subheadings: dict[str, int] = field(default_factory=dict)
    """The text of Markdown headings of level 2 and lower, and their level."""
    stated_title: str | None = None
    """The title the document states in its own metadata (front matter): it wins over any
    line of the text, and a first line that repeats it is not text."""
    published: str | None = None
    """The publication date the document states in its own metadata (front matter), as
    written: it wins over dates read from the text."""


def publisher_name(publisher: str | None) -> str | None:
    """The publisher as a reader names it: a page whose site name is its address
    ("https://www.example-news.com/") is "example-news.com" (seen among the news pages'
    ``og:site_name``); anything else as it stands."""
    if publisher is None:
        return None
    m = _SITE_ADDRESS.fullmatch(publisher.strip())
    return m.group(1) if m else publisher


_SITE_ADDRESS = re.compile(r"(?:https?://)?(?:www\.)?([\w\-]+(?:\.[\w\-]+)+)/?", re.I)


def _strip_markdown(line: str, doc: CleanDoc) -> str:
    # Each pattern only where its first character occurs: most lines have none of them.
    if "](" in line:
        line = _strip_links(line, doc)
    if "<" in line:
        line = _HTML_TAG.sub(" ", line)
    if "*" in line or "__" in line:
        line = _MD_EMPHASIS.sub("", line)
    return _MD_BULLET.sub(lambda m: m.group(1) + "\u2022 ", line)


def _strip_links(line: str, doc: CleanDoc) -> str:
    """Markdown images dropped and links reduced to their text (the source link noted)."""
    line = _MD_IMAGE.sub("", line)

    def link(m: re.Match[str]) -> str:
        text, target = m.group(1).strip(), m.group(2).strip()
        if doc.url is None and _SOURCE_LINK_TEXT.match(text) and target.startswith("http"):
            doc.url = target
        return text

    return _MD_LINK.sub(link, line)


def is_sentence(line: str) -> bool:
    """Whether a line ends like a sentence (or a clause of a list item): its last character
    other than a space is one of :data:`_SENTENCE_ENDS`. (A regex search for such a
    character and spaces to the end tried every position of the line: a fifth of cleaning.)"""
    return line.rstrip()[-1:] in _SENTENCE_ENDS


def _link_like(line: str) -> bool:
    words = _BULLET.sub("", line).split()
    return 0 < len(words) <= _MENU_WORDS and not is_sentence(line)


def _is_bullet(line: str) -> bool:
    return bool(_BULLET.match(line)) and bool(_BULLET.sub("", line).strip())


def _drop_runs(lines: list[str]) -> list[str]:
    """Drop menu-like runs: bulleted link lists, and long runs of short unpunctuated lines.

    A short leftover after the last dropped run (under ``_THIN_TAIL_WORDS`` words, after
    a substantial article) is page furniture too: a tagline or a site motto.
    """
    keep = [True] * len(lines)
    dropped_at: list[int] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and (lines[j].strip() == "" and j + 1 < len(lines) and
                                  _is_bullet(lines[j + 1]) or _is_bullet(lines[j])):
            j += 1
        bullets = [ln for ln in lines[i:j] if ln.strip()]
        if len(bullets) >= _MIN_MENU_RUN and sum(map(_link_like, bullets)) >= 0.75 * len(bullets):
            for k in range(i, j):
                keep[k] = False
            dropped_at.append(i)
            i = j
            continue
        j = i
        while j < len(lines) and lines[j].strip() and not is_sentence(lines[j]) \
                and len(lines[j].split()) <= 16:
            j += 1
        run = lines[i:j]
        if len(run) >= _MIN_FURNITURE_RUN and sum(len(r.split()) <= _MENU_WORDS for r in run) \
                >= 0.6 * len(run):
            for k in range(i, j):
                keep[k] = False
            dropped_at.append(i)
            i = j
            continue
        i += 1
    if dropped_at:
        last = dropped_at[-1]
        tail = [ln for ln, k in zip(lines[last:], keep[last:], strict=True) if k]
        before = sum(len(ln.split()) for ln, k in zip(lines[:last], keep[:last], strict=True) if k)
        if sum(len(ln.split()) for ln in tail) < _THIN_TAIL_WORDS <= before:
            for k in range(last, len(lines)):
                keep[k] = False
    return [ln for ln, k in zip(lines, keep, strict=True) if k]


def clean_lines(
    text: str,
    *,
    title_hint: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
    date_hint: str | None = None,
) -> CleanDoc:
    """Clean a page's text into article lines plus metadata; see the module docstring."""
    doc = CleanDoc(lines=[], title_hint=title_hint, publisher=publisher, url=url,
                   date_hint=date_hint)
    out: list[str] = []
    if "{" in text:
        text = _TEMPLATE_TAG.sub("", text)
    raw = text.split("\n")
    if "   " in text:
        raw = [part for line in raw for part in _paragraphs(line)]
    item_levels: set[int] = set()  # Markdown heading levels that have opened an item
    ended = False  # an end line closed the item: skip to the next item, if any
    for line in raw:
        line = line.rstrip()
        if line.strip() == ARTICLE_BREAK:
            out.append(ARTICLE_BREAK)
            ended = False
            continue
        heading = _MD_HEADING.match(line)
        if ended:
            if heading is None or len(heading.group(1)) not in item_levels or _TAIL_HEADING.match(heading.group(2)):
                continue
            ended = False
        if _END_MARK.match(line) and _enough_before(out):
            ended = True
            continue
        ends = _ENDS_DATED.match(line)
        if ends and _enough_before(out):
            doc.date_hint = doc.date_hint or ends.group(1)  # "Ends/Tuesday, March 4, 2025"
            ended = True
            continue
        if heading:
            if not _TAIL_HEADING.match(heading.group(2)):
                item_levels.add(len(heading.group(1)))
            line = heading.group(2)
            if len(heading.group(1)) == 1:
                doc.headings.add(len(out))
                if doc.title_hint is None:
                    doc.title_hint = _strip_markdown(line, doc).strip()
            else:
                text = " ".join(_strip_markdown(line, doc).split())
                doc.subheadings.setdefault(text, len(heading.group(1)))
        if re.fullmatch(r"\s*(?:-{3,}|\*{3,}|_{3,}|={3,})\s*", line):
            out.append("")
            continue
        link_only = _LINK_LINE.match(line)
        line = _strip_markdown(line, doc)
        if link_only:
            continue  # a line that is nothing but a link is navigation, not article
        stripped = " ".join(line.split())
        m = _PUBLISHED_ON.match(stripped)
        if m:
            doc.publisher = doc.publisher or m.group(1)
            doc.url = doc.url or m.group(2)
            while out and out[-1].strip() in ("", m.group(1)):
                out.pop()
            continue
        m = _SOURCE_URL.match(stripped)
        if m:
            doc.url = m.group(1) if doc.url is None or "Source URL" in stripped else doc.url
            continue
        m = _BREADCRUMB.match(stripped)
        if m:
            last = re.split(r"\s+(?:>|»|›|/|\||::|→)\s+", m.group(1))[-1].strip()
            if len(last.split()) >= 3:
                doc.title_hint = doc.title_hint or last
            continue
        if _FOOTNOTE_LINK.match(stripped) or _URL_ONLY.match(stripped):
            continue
        if _ARTICLE_END.match(stripped) and _enough_before(out):
            _drop_contact_tail(out)
            ended = True
            continue
        if (_FOOTER_LINE.match(stripped) or _CONTACT_FIELD.match(stripped)) \
                and len(stripped.split()) <= 8:
            continue
        out.append(line if _is_bullet(line) else stripped)
    out = _drop_runs(out)
    doc.lines = _collapse_blanks(out)
    return doc


def _paragraphs(line: str) -> list[str]:
    """A long line cut at its paragraph gaps (see ``_PARAGRAPH_GAP``), blank lines between."""
    if len(line) < _PARAGRAPH_GAP_MIN_CHARS or "   " not in line.strip():
        return [line]
    parts = _PARAGRAPH_GAP.split(line)
    if len(parts) == 1:
        return [line]
    out: list[str] = []
    for part in parts:
        out.extend((part, ""))
    return out[:-1]


_CONTACTISH = re.compile(r"\d|@|\|")


def _drop_contact_tail(lines: list[str]) -> None:
    """Drop address, phone and e-mail lines right above a copyright line: the site's footer."""
    dropped = 0
    while lines and dropped < 4:
        last = lines[-1]
        if not last.strip():
            lines.pop()
            continue
        if is_sentence(last) or _is_bullet(last) or len(last.split()) > 16 or not _CONTACTISH.search(last):
            return
        lines.pop()
        dropped += 1


def _enough_before(lines: list[str]) -> bool:
    return sum(len(ln.split()) for ln in lines) >= 20


def _collapse_blanks(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if not line.strip() and line != ARTICLE_BREAK:
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    while out and out[0] == "":
        out.pop(0)
    return out
