"""Defuse absurdly deep HTML before it reaches the parser.

HTML parsers check "is there an open <p> in scope?" for every block element they open,
walking the stack of open elements, so 100,000 nested ``<div>`` take minutes to parse
(quadratic time), and every later walk over the tree is as deep. Browsers cap the depth
of the tree (Blink at 512); so does medtui: tags nested deeper than
:data:`MAX_HTML_DEPTH` are removed before parsing. Their text is kept, only their
nesting is lost, and the document gets a warning saying so.
"""

from __future__ import annotations

import re

MAX_HTML_DEPTH = 512
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


def limit_html_depth(html: str) -> tuple[str, list[str]]:
    """``html`` with the tags below depth MAX_HTML_DEPTH removed, and a warning if any were.

    The depth is counted approximately (from start and end tags, without the parser's
    error recovery), which is enough to tell real pages (depth < 100) from hostile ones.
    """
    if html.count("<") <= MAX_HTML_DEPTH:
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
