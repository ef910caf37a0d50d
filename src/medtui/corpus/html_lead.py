"""An article's lead paragraph that trafilatura leaves out: a standfirst held in a ``<div>``.

Why it is lost: trafilatura's main pass takes the text of ``<p>``, headings, lists,
quotes and tables inside the container it chose; text held directly by a ``<div>`` (no
``<p>`` inside) is taken only when the container has too little ``<p>`` text
(``trafilatura.main_extractor._extract``: ``div`` joins the potential tags only then).
Sites that print a summary or standfirst between the headline and the body as bare
text in a ``<div class="...summary">``, ``<div class="...__quote">`` or ``<div
class="standfirst">`` lose it, and with it often the one sentence that says what the
news is (found on the article-extraction benchmark's pages and a press-release page of
the dev set; the class name plays no part in trafilatura's choice).

The kind, as recovered here: after the page's first ``<h1>`` and before the first
paragraph trafilatura kept, a ``<div>`` whose only children are inline elements, holding
a sentence of at least :data:`MIN_WORDS` words that ends as sentences end, and not
inside a caption, figure, byline, share bar, advert or teaser block. Such a block is
put back before the article's first paragraph. Anything else (dates, bylines, photo
captions, share prompts, scripts) is left out as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

MIN_WORDS = 15
"""A standfirst is a sentence; shorter bare-div text is a date, byline or label."""
MAX_WALK = 250
"""Paragraph-like elements looked at after the headline before giving up (bounds the
cost per page)."""
KEY_CHARS = 40
"""Characters of a kept paragraph used to find it in the page."""
BODY_KEYS = 3
"""How many of the first kept paragraphs (of four words or more) are looked for."""
MIN_KEY_CHARS = 12
"""An element with less text than this is not taken for a kept paragraph."""

_INLINE = frozenset({"a", "b", "i", "em", "strong", "span", "br", "sup", "sub", "abbr", "small", "u",
                     "mark", "cite", "q", "time"})
_NOT_PROSE = frozenset({"figure", "figcaption", "aside", "nav", "footer", "form", "script", "style",
                        "noscript", "template", "button", "select"})
_FURNITURE = re.compile(
    r"caption|credit|photo|image|img|media|figure|video|gallery|cover|byline|author|share|social|"
    r"\bad\b|ads\b|advert|dfp|promo|related|newsletter|subscribe|comment|breadcrumb|tags?\b|"
    r"meta\b|date|time",
    re.I,
)
_LOOKED_AT = frozenset({"p", "div", "li", "td", "blockquote", "h2", "h3"})
"""Elements that may hold a kept paragraph or a standfirst."""
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _following(start: Any, tags: frozenset[str]) -> Iterator[Any]:
    """The elements named in ``tags`` after ``start`` in document order (not its own
    descendants); lxml filters the tags, so other elements cost nothing."""
    node = start
    while node is not None:
        for sib in node.itersiblings():
            yield from sib.iter(*tags)
        node = node.getparent()


def _is_bare_text_div(el: Any) -> bool:
    return el.tag == "div" and all(isinstance(c.tag, str) and c.tag in _INLINE for c in el)


def _furniture_around(el: Any, stop: Any) -> bool:
    """Whether ``el`` or an ancestor below ``stop`` is a caption, byline, share bar and the like."""
    node = el
    while node is not None and node is not stop:
        if node.tag in _NOT_PROSE:
            return True
        if _FURNITURE.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
        node = node.getparent()
    return False


def _in_article(cand: Any, paragraph: Any) -> bool:
    """Whether ``cand`` shares a container below ``<body>`` with the article's first kept
    ``paragraph``, and is no caption, byline or the like inside it."""
    above = list(paragraph.iterancestors())  # held, so lxml keeps one proxy per element
    common = next((x for x in cand.iterancestors() if any(x is a for a in above)), None)
    if common is None or common.tag in ("body", "html"):
        return False
    return not _furniture_around(cand, common)


def lead_paragraphs(tree: Any, lines: list[str], title: str | None = None) -> list[str]:
    """``lines`` (trafilatura's kept paragraphs of the page ``tree``, an lxml tree, not
    changed) with any standfirst of the kind above put back before the first paragraph.

    Returns ``lines`` itself when there is nothing to add."""
    if tree is None or not lines:
        return lines
    head = next(tree.iter("h1"), None)
    if head is None:
        return lines
    skip = {_norm(title or ""), _norm(" ".join(head.itertext()))}
    first = next((n for n, ln in enumerate(lines) if _norm(ln) not in skip), None)
    if first is None:
        return lines
    body_keys: list[str] = []
    for line in lines[first:]:
        if len(line.split()) >= 4:
            body_keys.append(_norm(line)[:KEY_CHARS])
            if len(body_keys) == BODY_KEYS:
                break
    if not body_keys:
        return lines
    found: list[tuple[Any, str]] = []
    kept: str | None = None
    for n, el in enumerate(_following(head, _LOOKED_AT)):
        if n >= MAX_WALK:
            return lines
        tag = el.tag
        if tag == "div" and not _is_bare_text_div(el):
            continue
        key = _norm(_text_head(el))[:KEY_CHARS]
        if len(key) >= MIN_KEY_CHARS and any(k.startswith(key) or key.startswith(k) for k in body_keys):
            return _put_back(lines, first, [t for cand, t in found if _in_article(cand, el)])
        if tag == "div":
            text = " ".join(" ".join(el.itertext()).split())
            if len(text.split()) >= MIN_WORDS and _SENTENCE_END.search(text):
                kept = kept if kept is not None else " ".join(_norm(ln) for ln in lines)
                if key not in kept:
                    found.append((el, text))
    return lines


_HEAD_CHARS = 200


def _text_head(el: Any) -> str:
    """The start of ``el``'s text: enough for its key, without joining a long paragraph whole."""
    parts: list[str] = []
    size = 0
    for piece in el.itertext():
        parts.append(piece)
        size += len(piece)
        if size >= _HEAD_CHARS and len(" ".join(" ".join(parts).split())) > KEY_CHARS:
            break
    return " ".join(parts)


def _put_back(lines: list[str], first: int, leads: list[str]) -> list[str]:
    leads = list(dict.fromkeys(leads))  # a page may print its standfirst twice (mobile, desktop)
    if not leads:
        return lines
    return [*lines[:first], *leads, *lines[first:]]
