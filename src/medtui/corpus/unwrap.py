"""Hard-wrapped paragraphs joined back, so that a sentence is one line again.

Plain text and Markdown are often written with lines broken at 70-80 columns inside a
paragraph (blog posts in Markdown, e-mailed releases). In Markdown such a line break is
no break at all (CommonMark: a "soft line break" renders as a space), but every later
step of medtui works on lines: a sentence split over two lines is two half sentences
to the event finder, and a Markdown link whose text wraps is left unstripped. Found in
the dev set's Markdown posts (several wrapped at 64-80 columns); in 25,000 newswire
releases almost none is wrapped, so there this step must do nothing.

Joining every line of a paragraph also joins what is not prose (list items, table rows,
headings, addresses, datelines, signature blocks), which cost precision when it was
tried. So a line is joined to the one before only where the break surely falls inside
a sentence:

- the line before is long (:data:`MIN_WRAPPED_CHARS`: a wrapped line fills most of the
  width), does not end as a sentence or clause ends (``. ! ? : ;``, a closing quote),
  has no Markdown hard break (two trailing spaces or a backslash), and is no heading,
  list item, table row, quote or fence line, and has no column gap (a table row);
- the line is not blank, no list item, heading, table row, quote, fence, HTML line,
  Markdown link definition or field ("Contact: ...");
- and it starts in lower case, with a digit or an opening bracket, or the line before
  ends in a word or mark that cannot end a sentence (a comma, "and", "of", "the", a
  link text still open: ``[The Riverside``), or the paragraph is already known to be
  wrapped (the line before was joined too) and it starts with a capital ("...with
  Northgate" / "Hospital"). A capital after the first line of a paragraph is not
  enough: that is a headline followed by its first paragraph as often as a wrap.

Lines inside fenced code blocks are left as they are.
"""

from __future__ import annotations

import re

MIN_WRAPPED_CHARS = 45
"""A line shorter than this is a line of its own (a title, an address, a signature), not a
wrapped one: wrapping at 64-80 columns leaves lines of 50 characters or more but where
a long word was carried over (measured on the dev set's wrapped posts)."""

_BLOCK_START = re.compile(
    r"^\s{0,3}(?:#{1,6}\s|[-*+\u2022\u25aa\u25cf\u00b7\u2023\u2043\u25e6\u2013\u2014]\s|\d{1,3}[.)]\s|>|\||`{3}|~{3}|<[A-Za-z/!]|"
    r"(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$|\[[^\]]{1,200}\]:\s|[A-Za-z_][\w-]{0,30}:(?:\s|$))"
)
"""Lines that start a block of their own: a heading, list item, quote, table row, fence,
HTML, rule, Markdown link definition ("[ref]: https://..."), or a field ("date: ...")."""
_SENTENCE_END = re.compile(r"[.!?:;\u3002\uff01\uff1f][\"'\u201d\u2019)\]*_]*$")
_COLUMN_GAP = re.compile(r"\S(?: {3,}|\t)\S")
_FENCE = re.compile(r"^\s{0,3}(?:`{3}|~{3})")
_CONTINUES_AFTER = re.compile(
    r"(?:[,(\[&]|\b(?:and|or|but|nor|of|the|a|an|to|in|into|for|with|by|on|at|from|as|"
    r"that|which|who|whose|its|their|our|his|her|this|these|those|than|between|among|including|"
    r"such|via|per|is|are|was|were|be|been|has|have|had|will|would|can|could|may|your))$",
    re.I,
)
_STARTS_CONTINUING = re.compile(r"^[a-z0-9(\[\u00df-\u00ff]")


def unwrap_lines(lines: list[str]) -> list[str]:
    """``lines`` with every hard-wrapped line joined to the line it continues (see the
    module docstring); other lines are returned as they are, blank lines kept."""
    out: list[str] = []
    last = ""  # the previous physical line (the paragraph so far is out[-1])
    inside = False  # the previous physical line was itself joined: a wrapped paragraph
    fenced = False
    for line in lines:
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and out and _continues(last, line, inside):
            out[-1] = out[-1].rstrip() + " " + line.strip()
            last, inside = line, True
            continue
        out.append(line)
        last, inside = line, False
    return out


def _continues(before: str, line: str, inside: bool = False) -> bool:
    """Whether ``line`` continues the sentence that the physical line ``before`` wraps;
    ``inside``: ``before`` was itself joined to the line above it."""
    text = before.strip()
    after = line.strip()
    if len(text) < MIN_WRAPPED_CHARS or not after or before.endswith(("  ", "\\")):
        return False
    if _SENTENCE_END.search(text) or _BLOCK_START.match(before) or _BLOCK_START.match(line):
        return False
    if _COLUMN_GAP.search(text) or _COLUMN_GAP.search(after):
        return False
    return bool(_STARTS_CONTINUING.match(after) or _CONTINUES_AFTER.search(text)
                or text.count("[") > text.count("]") or inside and after[0].isupper())
