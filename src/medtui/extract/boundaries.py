"""Where institution names begin and end when commas, "and" or brackets are inside them.

"University of California, San Diego" (a campus after a comma) and "University of Illinois
at Urbana-Champaign"; "National Heart, Lung, and Blood Institute (NHLBI)" (a name its
acronym spells out, commas and "and" inside). Used by :mod:`medtui.extract.discover`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    """A name found in text."""

    start: int
    end: int
    name: str


@dataclass(frozen=True)
class Definition:
    """"Full Name (SHORT)": the short form is an alias of whatever ends at ``full_end``."""

    full_end: int
    short: str
    short_start: int
    short_end: int


_CAMPUS = re.compile(r"(?:,[ \t]+|[ \t]+at[ \t]+)((?:[A-Z][\w'\u2019\-]*)(?:[ \t]+[A-Z][\w'\u2019\-]*)?)"
                     r"(?=[ \t]+and\b|[ \t]*[,.;:)]|[ \t]+[a-z]|$)")
_UNIVERSITY_OF = re.compile(r"\bUniversity of [A-Z][\w ]*$")
_WORD = re.compile(r"[A-Za-z][\w'\u2019\-]*")
_SKIPPED = frozenset({"and", "of", "for", "the", "de", "on", "in"})


def acronym_start(text: str, full_end: int, short: str) -> int | None:
    """Where the name an acronym spells out starts: "National Heart, Lung, and Blood
    Institute (NHLBI)" (each capital of NHLBI the first letter of a word, read backwards;
    "and", "of", commas and "&" between them), or None when the words do not spell it."""
    letters = [c for c in short if c.isupper()]
    if len(letters) < 3 or len(letters) != sum(c.isalpha() for c in short):
        return None
    begin = max(0, full_end - 40 * len(letters))
    words = list(_WORD.finditer(text, begin, full_end))
    i, start, last = len(letters) - 1, None, full_end
    for w in reversed(words):
        if i < 0:
            break
        if text[w.end() : last].strip(" ,&") != "":
            return None  # other punctuation: the name does not run on past it
        last = w.start()
        if w.group() in _SKIPPED:
            continue
        if w.group()[0] != letters[i]:
            return None
        i, start = i - 1, w.start()
    return start if i < 0 else None


def spelled_out(text: str, found: list[Candidate], defs: list[Definition]) -> list[Candidate]:
    """Names widened to what their acronym spells out (see :func:`acronym_start`)."""
    for d in defs:
        start = acronym_start(text, d.full_end, d.short)
        if start is None:
            continue
        ending = [c for c in found if c.end == d.full_end]
        if ending and start < ending[0].start:
            found = [c for c in found if not start <= c.start < d.full_end]
            found.append(Candidate(start, d.full_end, text[start : d.full_end]))
    return sorted(found, key=lambda c: c.start)


def after_campus(text: str, previous: list[tuple[str, int, int]], run: list[tuple[str, int, int]],
                 is_head: Callable[[str], bool]) -> list[tuple[str, int, int]]:
    """The run without its leading campus ("University of X, San Diego and Y Hospital": the
    run "San Diego and Y Hospital" starts at Y)."""
    words = [t[0] for t in previous]
    if not run or "University" not in words or "of" not in words or text[previous[-1][2] : run[0][1]].strip() != ",":
        return run
    for i, tok in enumerate(run[:4]):
        if tok[0] == "and":
            return run[i + 1 :] if not any(is_head(t[0]) for t in run[:i]) else run
    return run


def campuses(text: str, found: list[Candidate], is_head: Callable[[str], bool]) -> list[Candidate]:
    """"University of X, Y" and "University of X at Y": Y is the campus, part of the name
    ("University of California, San Diego"); a name found right after it starts after it."""
    out: list[Candidate] = []
    for cand in found:
        if out and cand.start < out[-1].end:
            rest = re.match(r"\s*and\s+", text[out[-1].end : cand.end])
            if rest is None:
                continue  # wholly inside the campus name
            start = out[-1].end + rest.end()
            cand = Candidate(start, cand.end, text[start : cand.end])
        if _UNIVERSITY_OF.search(cand.name):
            m = _CAMPUS.match(text, cand.end)
            if m and not any(is_head(w) for w in m.group(1).split()):
                cand = Candidate(cand.start, m.end(1), text[cand.start : m.end(1)])
        out.append(cand)
    return out
