"""Defuse absurdly deep HTML before it reaches the parser.

HTML parsers check "is there an open <p> in scope?" for every block element they open,
walking the stack of open elements, so 100,000 nested ``<div>`` take minutes to parse
(quadratic time), and every later walk over the tree is as deep. Browsers cap the depth
of the tree (Blink at 512); so does medtui: tags nested deeper than
:data:`MAX_HTML_DEPTH` are removed before parsing. Their text is kept, only their
nesting is lost, and the document gets a warning saying so. The cap is below libxml2's
own (256 levels without its "huge" option): lxml, which builds the tree trafilatura
reads, stops at that depth and drops the rest of the page, nested text and all.
"""

from __future__ import annotations

import re
from itertools import accumulate
from operator import sub

MAX_HTML_DEPTH = 240
"""Elements nested deeper than this lose their tags (not their text), with a warning."""

# A start or end tag with its attributes (bounded, so a '<' never scans the whole text).
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,63})(?:\s[^<>]{0,4096})?\s*(/?)>")
# Elements that never nest: void elements, and those whose end tag is implied by the
# next sibling (an open <p> or <li> is closed by the next one, not nested in it).
_FLAT = frozenset(
    "area base br col embed hr img input keygen link meta param source track wbr "
    "p li dt dd option optgroup tr td th thead tbody tfoot colgroup caption rb rt rtc rp "
    "html head body".split()
)


# A start tag's name (followed by what _TAG needs after it), or an end tag that surely
# matches _TAG (no attributes), with its "/": what :func:`depth_bound` needs, without
# reading the attributes (most of the markup).
_TAG_START = re.compile(r"<(/[A-Za-z][A-Za-z0-9:-]*(?=\s*>)|[A-Za-z][A-Za-z0-9:-]*(?=[\s/>]))")


class _Steps(dict[str, int]):
    """A tag token of _TAG_START -> its step in :func:`depth_bound`, computed on first sight:
    pages repeat a few dozen tag names, so the steps are looked up in C (``map``)."""

    def __missing__(self, token: str) -> int:
        if token[0] == "/":
            step = -1 if len(token) <= 65 and token[1:].lower() not in _FLAT else 0
        else:
            step = 0 if token.lower() in _FLAT else 1
        if len(self) < _MAX_STEPS:
            self[token] = step
        return step


_MAX_STEPS = 4096
"""Tag tokens remembered (a page of made-up tag names must not grow the table without end)."""
_STEPS = _Steps()


def depth_bound(html: str) -> int:
    """An upper bound of the depth :func:`limit_html_depth` counts, at a fraction of its cost.

    Every start tag that is not of a _FLAT element counts one deeper (also a self-closing
    one, or one _TAG would not match: the bound can only be higher); an end tag counts
    one back up only when _TAG surely reads it as one. The depth after each tag, never
    above the top, is d[i] = max(d[i-1] + step[i], 0) = s[i] - min(0, s[0..i]) for the
    plain running sum s, so two ``accumulate`` passes give it."""
    steps = map(_STEPS.__getitem__, _TAG_START.findall(html))
    sums = list(accumulate(steps, initial=0))
    return max(map(sub, sums, accumulate(sums, min)))


def limit_html_depth(html: str) -> tuple[str, list[str]]:
    """``html`` with the tags below depth MAX_HTML_DEPTH removed, and a warning if any were.

    The depth is counted approximately (from start and end tags, without the parser's
    error recovery), which is enough to tell real pages (depth < 100) from hostile ones.
    A page whose :func:`depth_bound` is within the limit (nearly every real page) is
    returned as it is without the exact count, which cost half of reading a page.
    """
    if html.count("<") <= MAX_HTML_DEPTH or depth_bound(html) <= MAX_HTML_DEPTH:
        return html, []
    depth = 0
    deep: list[tuple[int, int]] = []
    for m in _TAG.finditer(html):
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _FLAT or self_closing:
            continue
        if closing:
            if depth > MAX_HTML_DEPTH:
                deep.append(m.span())
            depth = max(depth - 1, 0)
        else:
            depth += 1
            if depth > MAX_HTML_DEPTH:
                deep.append(m.span())
    if not deep:
        return html, []
    parts: list[str] = []
    last = 0
    for start, end in deep:
        parts.append(html[last:start])
        parts.append(" ")
        last = end
    parts.append(html[last:])
    return "".join(parts), [
        f"HTML nested more than {MAX_HTML_DEPTH} elements deep: the deeper tags were "
        "ignored (their text is kept)"
    ]
