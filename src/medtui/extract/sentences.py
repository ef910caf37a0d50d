"""Split text into sentences, without breaking at "Prof.", "Inc.", "U.S." or "No. 1"."""

from __future__ import annotations

import re

_ABBREV = re.compile(
    r"\b(?:Prof|Dr|Mr|Mrs|Ms|St|Inc|Ltd|Co|Corp|No|Nos|Vol|vs|etc|e\.g|i\.e|Jr|Sr|Dept|Univ|"
    r"Gov|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|est|[A-Z])\.$"
)
_BOUNDARY = re.compile(
    r"(?<=[.!?\u3002])[\"\u201d']?\s+(?=[\"\u201c'(\[]?[A-Z0-9\u4e00-\u9fff])|\n+"
    # Chinese text has no space after a full stop (or after the closing quote that follows it).
    r"|(?<=[\u3002\uff01\uff1f])(?=[^\s\u300d\u201d])|(?<=[\u3002\uff01\uff1f][\u300d\u201d])(?=\S)"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences in ``text``."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.start()
        while end > start and text[end - 1].isspace():
            end -= 1
        # Only the piece's last characters can be an abbreviation: searching the whole
        # piece would be quadratic on "A. B. C. ..." (a piece grows at each "continue").
        if m.group().strip() == "" and "\n" not in m.group() and \
                _ABBREV.search(text, max(start, end - 12), end):
            continue
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return [(a + (len(text[a:b]) - len(text[a:b].lstrip())), b) for a, b in spans]
