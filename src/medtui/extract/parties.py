"""The pieces of a story an event is read from, and parties a sentence names without a name.

Pieces: sentences, cut further at a second act joined by ", while" or ";" ("The first MoU
was signed by A and B, while the second is between C and D"), and at list bullets
("* A, signed with B"; "1. A and B"). An item of a list whose lead-in (ending ":") reports
signings is an event of the lead-in's kind even when the item holds no verb.

Parties without a name: "the University", "the Company", "the hospital" are the story's
institution of that kind mentioned most; "we", "our" are the story's issuer (the
institution it mentions most); "the two institutions", "both parties", "the partners"
are the parties of the headline's act, else the story's two institutions mentioned most;
"a partnership with four medical colleges" are the institutions the next sentence names,
when it names exactly that many.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from typing import NamedTuple

from medtui.extract.mentions import Span
from medtui.extract.sentences import split_sentences

# "; and C" ends a list ("A, of X; B, of Y; and C"), no second act.
_CLAUSE = re.compile(r",?\s+(?:while|whereas)\s+(?=\w)|;\s+(?!and\b|or\b)")
_BULLET = re.compile(r"(?:^|\s)(?:[*\u2022\u25e6\u25aa\u2023-]|\d{1,3}[.)])\s+(?=[A-Z\"\u201c])")
# What every _BULLET match holds (a marker, or a number's last digit and its stop, then a
# space), led by a character class, which the regex engine scans for quickly (unlike
# _BULLET's "start or a space"): where the bullets of a text can be.
_MAYBE_BULLET = (re.compile(r"[*\u2022\u25e6\u25aa\u2023-]\s"), re.compile(r"\d[.)]\s"))
_MARKER = re.compile(r"\s*(?:\d{1,3}[.)]|[*\u2022\u25e6\u25aa-])\s*")
_LEAD_IN = re.compile(
    r"\b(?:sign(?:ed|ing)|inked|concluded|following|include[sd]?|were)\b[^:]{0,200}:\s*$|"
    r"\b(?:mous?|memorand(?:um|a)|agreements?|partnerships?|contracts?)\b[^:]{0,200}:\s*$", re.I)


class Piece(NamedTuple):
    """Characters [start, end) of a story read as one unit; ``item``: a list item."""

    start: int
    end: int
    item: bool = False
    lead_in: bool = False


def pieces(text: str) -> list[Piece]:
    """Sentences cut at second acts and list bullets (see the module docstring)."""
    out: list[Piece] = []
    marker = False
    # Most stories hold no bullet or second act anywhere: one scan each spares the per-sentence ones.
    # A bullet a sentence holds is also one of the whole text's (or starts at the space before
    # the sentence): only sentences holding such a start are read for bullets.
    bullet_starts = sorted(m.start() for maybe in _MAYBE_BULLET for m in maybe.finditer(text))
    any_clause = ";" in text or "while" in text or "whereas" in text
    for start, end in split_sentences(text):
        if _MARKER.fullmatch(text, start, end):
            marker = True  # "1." split off by the sentence splitter: the next sentence is an item
            continue
        near = bisect_left(bullet_starts, start - 1)
        # From the character before the sentence: a bullet that starts its line starts it.
        bullets = ([m for m in _BULLET.finditer(text, max(0, start - 1), end) if m.end() < end]
                   if near < len(bullet_starts) and bullet_starts[near] < end else [])
        led = bool(bullets) and bullets[0].start() <= start  # a line that starts with a bullet
        listed, marker = marker or led, False
        if led:
            start, bullets = bullets[0].end(), bullets[1:]
        bounds = [start, *[x for m in bullets for x in (m.start(), m.end())], end]
        for n in range(0, len(bounds), 2):
            a, b = bounds[n], bounds[n + 1]
            sub = a
            maybe = any_clause and (text.find(";", a, b) >= 0 or text.find("whi", a, b) >= 0
                                    or text.find("whereas", a, b) >= 0)
            for m in _CLAUSE.finditer(text, a, b) if maybe else ():
                if text.count("(", sub, m.start()) > text.count(")", sub, m.start()):
                    continue  # "X (CSE: ACMX; OTC: ACMXF)": inside brackets
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
                    title_parties: list[str], named: int = 0, story: Counter[str] | None = None,
                    partners: tuple[str, ...] = (), partner_at: int | None = None) -> list[str]:
    """Story institutions a sentence names by description only (see the module docstring).

    ``counts``: mentions of each institution before the sentence; ``kinds``: their kinds;
    ``named``: how many parties the sentence names ("the two ..." only fill a sentence that
    names none). ``story``: mentions in the whole story, for a "we" no institution before
    the sentence can be (a blog post's "We began our partnership with X" names its issuer
    later): the one mentioned most besides ``partners``, the parties the sentence names.
    ``partner_at``: where the sentence first names its one party; "the company" after a
    company the sentence names is that company ("X stock, consider this: The company
    recently received ..."), no other.
    """
    found: list[str] = []
    ranked = [k for k, _ in counts.most_common()]
    for m in _DEFINITE.finditer(sentence):
        kind = _KIND_OF[m.group(1).lower()]
        if partner_at is not None and partner_at < m.start() and any(kinds.get(k) == kind for k in partners):
            continue  # its antecedent is the party named before it
        match = next((k for k in ranked if kinds.get(k) == kind), None)
        if match is not None and match not in found:
            found.append(match)
    if not named and _BOTH.search(sentence):
        for k in title_parties if len(title_parties) >= 2 else ranked[:2]:
            if k not in found:
                found.append(k)
    we = ranked[:1] if ranked else [k for k, _ in (story or Counter()).most_common() if k not in partners][:1]
    if we and _WE.search(sentence) and we[0] not in found:
        found.append(we[0])
    return found


def mention_counts(spans: list[Span], title_spans: list[Span]) -> Counter[str]:
    """How often each institution is mentioned in a story (a headline mention counts twice)."""
    counts: Counter[str] = Counter(s.key for s in spans)
    counts.update(s.key for s in title_spans)
    counts.update(s.key for s in title_spans)
    return counts


_NUMBERS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
# "with four Historically Black Medical Colleges (HBMCs)", "between three regional hospitals".
_COUNTED = re.compile(
    r"\b(?:with|between|among)\s+(?:the\s+)?(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"[2-9]|1[0-2])\s+(?:[\w-]+\s+){0,5}?[\w-]+s\b", re.I)
# Where the next sentence ends (not after an initial: "Washington, D.C.; ...").
_NEXT_END = re.compile(r"(?<![A-Z])[.!?](?=\s+[A-Z\"\u201c]|\s*$)|\n[ \t]*\n")


def counted_partners(text: str, spans: list[Span], act_at: int, end: int, party: str) -> list[str]:
    """The partners an act describes by number only ("signed with four colleges") when the
    sentence after it (from ``end``) names exactly that many institutions besides ``party``;
    [] otherwise. ``act_at``: where the act's trigger starts; spans sorted by start."""
    m = _COUNTED.search(text, act_at, min(end, act_at + 120))
    if m is None:
        return []
    word = m.group("n").lower()
    count = _NUMBERS[word] if word in _NUMBERS else int(word)
    stop = _NEXT_END.search(text, end + 1)
    until = stop.end() if stop else len(text)
    first = bisect_left(spans, end, key=lambda sp: sp.start)
    named = list(dict.fromkeys(sp.key for sp in spans[first:] if sp.end <= until and sp.key != party))
    return named if len(named) == count else []
