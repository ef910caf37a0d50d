"""The pieces of a story an event is read from, and parties a sentence names without a name.

Pieces: sentences, cut further at a second act joined by ", while" or ";" ("The first MoU
was signed by A and B, while the second is between C and D"), and at list bullets
("* A, signed with B"; "1. A and B"). An item of a list whose lead-in (ending ":") reports
signings is an event of the lead-in's kind even when the item holds no verb.

Parties without a name: "the University", "the Company", "the hospital" are the story's
institution of that kind mentioned most; "we", "our" are the story's issuer (the
institution it mentions most); "the two institutions", "both parties", "the partners"
are the parties of the headline's act, else the story's two institutions mentioned most.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from medtui.extract.mentions import Span
from medtui.extract.sentences import split_sentences

_CLAUSE = re.compile(r",?\s+(?:while|whereas)\s+(?=\w)|;\s+")
_BULLET = re.compile(r"(?:^|\s)(?:[*\u2022\u25e6\u25aa\u2023-]|\d{1,3}[.)])\s+(?=[A-Z\"\u201c])")
_MARKER = re.compile(r"\s*(?:\d{1,3}[.)]|[*\u2022\u25e6\u25aa-])\s*")
_LEAD_IN = re.compile(
    r"\b(?:sign(?:ed|ing)|inked|concluded|following|include[sd]?|were)\b[^:]{0,200}:\s*$|"
    r"\b(?:mous?|memorand(?:um|a)|agreements?|partnerships?|contracts?)\b[^:]{0,200}:\s*$", re.I)


@dataclass(frozen=True)
class Piece:
    """Characters [start, end) of a story read as one unit; ``item``: a list item."""

    start: int
    end: int
    item: bool = False
    lead_in: bool = False


def pieces(text: str) -> list[Piece]:
    """Sentences cut at second acts and list bullets (see the module docstring)."""
    out: list[Piece] = []
    marker = False
    for start, end in split_sentences(text):
        if _MARKER.fullmatch(text, start, end):
            marker = True  # "1." split off by the sentence splitter: the next sentence is an item
            continue
        bullets = [m for m in _BULLET.finditer(text, start, end) if m.end() < end]
        led = bool(bullets) and bullets[0].start() <= start  # a line that starts with a bullet
        listed, marker = marker or led, False
        if led:
            start, bullets = bullets[0].end(), bullets[1:]
        bounds = [start, *[x for m in bullets for x in (m.start(), m.end())], end]
        for n in range(0, len(bounds), 2):
            a, b = bounds[n], bounds[n + 1]
            sub = a
            for m in _CLAUSE.finditer(text, a, b):
                if m.start() > sub:
                    out.append(Piece(sub, m.start(), item=n > 0 or listed))
                sub = m.end()
            if b > sub:
                lead = ((n + 2 < len(bounds) or text[sub:b].rstrip().endswith(":"))
                        and _LEAD_IN.search(text, sub, b) is not None)
                out.append(Piece(sub, b, item=n > 0 or listed, lead_in=lead))
    return out


_DEFINITE = re.compile(
    r"\b(?:the|The)\s+(University|Company|Hospital|College|Institute|Foundation|Ministry|"
    r"Government|Agency|Corporation|Bank|Group|university|company|hospital|college|institute|"
    r"foundation|ministry|agency|corporation)\b(?!\s+(?:of|for)\b)(?![\s-]*[A-Z])")
_KIND_OF = {"university": "university", "college": "university", "company": "company",
            "corporation": "company", "bank": "company", "group": "company", "hospital": "hospital",
            "institute": "research", "foundation": "other", "ministry": "government",
            "government": "government", "agency": "government"}
_BOTH = re.compile(r"\b(?:the two (?:institutions|organi[sz]ations|parties|universities|companies|"
                   r"partners|sides)|both (?:parties|institutions|organi[sz]ations|sides|universities|"
                   r"companies)|the partners)\b", re.I)
_WE = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")


def unnamed_parties(sentence: str, counts: Counter[str], kinds: dict[str, str],
                    title_parties: list[str], named: int = 0) -> list[str]:
    """Story institutions a sentence names by description only (see the module docstring).

    ``counts``: mentions of each institution before the sentence; ``kinds``: their kinds;
    ``named``: how many parties the sentence names ("the two ..." only fill a sentence that
    names none).
    """
    found: list[str] = []
    ranked = [k for k, _ in counts.most_common()]
    for m in _DEFINITE.finditer(sentence):
        kind = _KIND_OF[m.group(1).lower()]
        match = next((k for k in ranked if kinds.get(k) == kind), None)
        if match is not None and match not in found:
            found.append(match)
    if not named and _BOTH.search(sentence):
        for k in title_parties if len(title_parties) >= 2 else ranked[:2]:
            if k not in found:
                found.append(k)
    if ranked and _WE.search(sentence) and ranked[0] not in found:
        found.append(ranked[0])
    return found


def mention_counts(spans: list[Span], title_spans: list[Span]) -> Counter[str]:
    """How often each institution is mentioned in a story (a headline mention counts twice)."""
    counts: Counter[str] = Counter(s.key for s in spans)
    counts.update(s.key for s in title_spans)
    counts.update(s.key for s in title_spans)
    return counts
