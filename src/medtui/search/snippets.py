"""Snippets: about 200 characters of a story around the words a query matched.

No whoosh import here: words are found by the index's own analysis
(:func:`medtui.search.analysis.analyze`), so a snippet highlights exactly the
words the search matched (a folded ``Zürich``, a hyphenated ``non-invasive``, the
characters of a CJK bigram), and :func:`match_spans` (for highlighting a whole
article body in the UI) is plain Python.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from medtui.hanfold import fold_han
from medtui.search.analysis import analyze, is_cjk

_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

SNIPPET_CHARS = 200
CONTEXT_BEFORE = 40
ELLIPSIS = "…"
MAX_SCAN_CHARS = 200_000
"""Only the first this many characters of a story are scanned for matches."""
SCAN_STEPS = (1_000, 4_000, 16_000, MAX_SCAN_CHARS)
"""A story is scanned in growing steps, its lead first, and the rest is not read once
every query term matched, or some matched and the lead is read (analysing whole long
stories for ten hits was a third of a query's time; most hits match in the first
paragraph). A step ends at a space when there is one in the next :data:`SNAP_CHARS`."""
LEAD_CHARS = 4_000
"""The lead: the snippet's window is the best one within it when a word matched there."""
SNAP_CHARS = 100


@dataclass
class Snippet:
    """A plain-text excerpt, the spans in it to highlight, and the words that matched."""

    text: str
    highlights: list[tuple[int, int]] = field(default_factory=list)
    words: set[str] = field(default_factory=set)


def find_matches(
    text: str, terms: Collection[str], limit: int = MAX_SCAN_CHARS, start: int = 0
) -> list[tuple[int, int, str]]:
    """``(start, end, term)`` for every word of ``text`` whose index term is in ``terms``.

    ``text`` is analysed as the index analysed it, so "medicine" in the text matches
    the index term "medicin" and "Zürich" the term "zurich" exactly as the search did.
    Overlapping CJK bigrams that matched are merged into one span.
    """
    if not terms or not text:
        return []
    matches: list[tuple[int, int, str]] = []
    for term, _pos, begin, end in analyze(text, limit=min(limit, MAX_SCAN_CHARS), start=start):
        if term not in terms:
            continue
        if matches and begin < matches[-1][1]:  # a piece of the same word, or a CJK overlap
            last = matches[-1]
            if end > last[1]:
                matches[-1] = (last[0], end, last[2])
            continue
        matches.append((begin, end, term))
    return matches


def _scan(
    text: str, terms: Collection[str], groups: Sequence[Collection[str]] | None = None
) -> list[tuple[int, int, str]]:
    """The matches of ``text``'s first :data:`SCAN_STEPS` steps, up to the first step after
    which every query word matched (a term of each of ``groups``; by default each term
    is a group), or a word matched and the lead (:data:`LEAD_CHARS`) is read."""
    matches: list[tuple[int, int, str]] = []
    begin = 0
    if groups is None:
        wanted = len(set(terms))
    else:
        owner = {term: n for n, group in enumerate(groups) for term in group}
        wanted = len(groups)
    for step in SCAN_STEPS:
        if begin >= len(text):
            break
        end = min(step, len(text))
        if end < len(text):
            space = text.find(" ", end, end + SNAP_CHARS)
            end = space if space != -1 else end
        matches += find_matches(text, terms, end, begin)
        found = {m[2] for m in matches} if groups is None else {owner.get(m[2]) for m in matches}
        if matches and (end >= LEAD_CHARS or len(found) >= wanted):
            break
        begin = end
    return matches


def _best_window(matches: list[tuple[int, int, str]], length: int) -> tuple[int, int]:
    """The ~200-char window holding the most distinct matched terms (then the most matches)."""
    best = (-1, -1)
    best_start = 0
    j = 0
    for i, (start, _end, _term) in enumerate(matches):
        ws = max(0, start - CONTEXT_BEFORE)
        j = max(j, i)
        while j + 1 < len(matches) and matches[j + 1][1] <= ws + SNIPPET_CHARS:
            j += 1
        inside = matches[i : j + 1]
        score = (len({m[2] for m in inside}), len(inside))
        if score > best:
            best, best_start = score, ws
    ws = best_start
    return ws, min(length, ws + SNIPPET_CHARS)


def _snap(text: str, ws: int, we: int, first: int, last: int) -> tuple[int, int]:
    """Move the window edges to word boundaries without cutting off matches first..last."""
    if ws <= CONTEXT_BEFORE // 2:
        ws = 0
    elif not text[ws - 1].isspace():
        space = text.find(" ", ws, first)
        if space != -1:
            ws = space + 1
    if we < len(text) and not text[we].isspace():
        space = text.rfind(" ", last, we)
        if space != -1:
            we = space
    return ws, we


def build_snippet(
    text: str, terms: Collection[str], groups: Sequence[Collection[str]] | None = None
) -> Snippet:
    """The snippet of ``text`` for a query whose index terms are ``terms``.

    ``groups``: the terms by query word (an expanded prefix's words are one group):
    the lead is read until a term of each group matched (default: each term alone).

    Whitespace runs become one space and control characters are dropped while
    the spans are computed, so the spans are valid on the returned text as is.
    Without any match the snippet is the start of the text. The lead is read first
    (see :data:`SCAN_STEPS`): a match there gives the best window within the lead.
    """
    matches = _scan(text, terms, groups) if terms else []
    if matches:
        ws, we = _best_window(matches, len(text))
        inside = [m for m in matches if m[0] >= ws and m[1] <= we]
        ws, we = _snap(text, ws, we, inside[0][0], inside[-1][1])
    else:
        ws, we = _snap(text, 0, min(len(text), SNIPPET_CHARS), 0, 0)
        inside = []
    out: list[str] = []
    where: dict[int, int] = {}
    for pos in range(ws, we):
        char = text[pos]
        if char.isspace():
            if out and out[-1] != " ":
                out.append(" ")
            where[pos] = len(out) - 1 if out else 0
            continue
        if char < " " or "\x7f" <= char <= "\x9f" or char in _BIDI:
            where[pos] = len(out)
            continue
        where[pos] = len(out)
        out.append(char)
    body = "".join(out).rstrip()
    lead = f"{ELLIPSIS} " if ws > 0 and body else ""
    tail = f" {ELLIPSIS}" if we < len(text) and body else ""
    spans: list[tuple[int, int]] = []
    for start, end, _term in inside:
        a, b = where[start] + len(lead), where[end - 1] + 1 + len(lead)
        if not spans or a >= spans[-1][1]:
            spans.append((a, b))
    words = {text[s:e].lower() for s, e, _t in matches}
    return Snippet(lead + body + tail, spans, words)


def _word_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not unique:
        return None
    alternatives = []
    for w in unique:
        # A CJK run has no spaces: its words are found inside longer runs.
        before = "" if is_cjk(w[0]) else r"(?<!\w)"
        after = "" if is_cjk(w[-1]) else r"(?!\w)"
        alternatives.append(f"{before}{re.escape(w)}{after}")
    return re.compile("|".join(alternatives), re.IGNORECASE)


def iter_spans(text: str, words: Iterable[str]) -> Iterator[tuple[int, int]]:
    """Spans of whole-word, case-insensitive occurrences of ``words`` in ``text``.

    Han characters are compared in their simplified form (:func:`fold_han` keeps
    the length, so the spans are the text's own).
    """
    words = list(words)
    if any(is_cjk(ch) for w in words for ch in w):
        words = [fold_han(w) for w in words]
        text = fold_han(text)
    pattern = _word_pattern(words)
    if pattern is None:
        return
    for m in pattern.finditer(text):
        yield m.start(), m.end()


def match_spans(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Where to highlight ``SearchResult.terms`` in an article body (for the UI).

    ``words`` are the surface words a search matched (lower case); the body is
    searched for them as whole words, ignoring case.
    """
    return list(iter_spans(text, words))
