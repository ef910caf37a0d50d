"""One institution named twice among an event's parties.

"Harbor Light" and "Harbor Light Foundation", "Tide Group" and "Coastal Tide Group":
a story that writes a name shorter once (a cut name, or the name without its head word)
makes two parties of one institution, and an event of an institution with itself. Found in
the session 5 trial of 2,000 random releases (self-pairs judged wrong).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from medtui.extract.discover import HEADS
from medtui.extract.mentions import Span

_CONNECTING = frozenset({"of", "for", "at", "and", "the", "de", "in", "on", "&"})
_HEADS_FOLDED = frozenset(h.casefold().rstrip(".") for h in HEADS)


def surfaces_by_key(spans: Iterable[Span]) -> dict[str, set[str]]:
    """Each entity key's surfaces, case-folded, spaces collapsed."""
    surfaces: dict[str, set[str]] = {}
    for sp in spans:
        surfaces.setdefault(sp.key, set()).add(" ".join(sp.surface.casefold().split()))
    return surfaces


def once_each(parties: list[str], surfaces: dict[str, set[str]]) -> list[str]:
    """``parties`` without those that another party's name contains written shorter
    (see :func:`within`), order kept."""
    if len(parties) < 2:
        return parties
    return [p for p in parties if not any(
        q != p and within(surfaces.get(p, set()), surfaces.get(q, set())) for q in parties)]


def within(short: set[str], longer: set[str]) -> bool:
    """Whether a name in ``short`` (two or more words) is a name in ``longer`` written
    shorter: without one or two words before it ("Coastal Tide Group"), but not an "of"
    phrase ("Hospital of X School of Medicine" is not the school), or without a head word or
    legal form after it ("Harbor Light Foundation"; "University of X Cancer Center" is not
    the university)."""
    for a in short:
        if len(a.split()) < 2:
            continue
        for b in longer:
            if b.endswith(" " + a):
                extra = b[: -len(a) - 1].split()
                if len(extra) <= 2 and extra[-1] not in _CONNECTING:
                    return True
            elif b.startswith(a + " ") and all(w.rstrip(".,") in _HEADS_FOLDED for w in b[len(a) + 1 :].split()):
                return True
    return False


# What may stand between two names of one company: a SPAC's series number ("Gull Acquisition
# Corp. II, to be renamed ..."), a legal form the name left out, its tickers or a short note in
# brackets, then "doing business as", "d/b/a", "formerly (known as)", "f/k/a", "now known
# as", "(to be) renamed", "trading as" or the opening of a defined short name ("X Ltd.
# (CSE: XX) ("Xco" or the "Company")"). Read in the 25k press releases (session 6):
# "formerly" joins two names of one company in some 450 releases, "doing business as" /
# "d/b/a" / "dba" in about 100; each made an event of a company with itself.
_ONE_COMPANY_GAP = re.compile(
    r"(?:\s+(?-i:[IVX]{1,4})\b)?(?:,?\s+(?:Inc|LLC|Ltd|Corp|Co|PLC|Limited|AG|GmbH|S\.A)\b)?[\s,.]*"
    r"(?:\([^()]{1,60}\)[\s,]*){0,3}(?:"
    r"\(?\s*(?:(?:now|currently|also|which will be|to be|since)\s+)?"
    r"(?:doing business as|d/b/a|dba|formerly(?:\s+(?:known as|called|named))?|f/k/a|fka|"
    r"known as|renamed|previously known as|trading as|operating as)\s*:?\s*(?:the\s+)?[\"\u201c]?"
    r"|\((?:[^()\"\u201c]{0,40}[,;]\s*)?(?:the\s+)?[\"\u201c])\s*",
    re.IGNORECASE)
# "Gull Acquisition Corp. I (GAC), a SPAC led by a fund's team, which will be renamed Gull
# Acquisition Corp IV": the appositive names no one the text finds, and the name after
# "which will be renamed" is the first one's (a SPAC's deal, session 6 sample).
_RENAMED_AFTER = re.compile(r"[^.;]*,\s+(?:which|that)\s+(?:will|would|is\s+to)\s+be\s+renamed\s+[\"\u201c]?",
                            re.IGNORECASE)
_GAP_MAX_CHARS = 160


def one_company_links(text: str, spans: list[Span]) -> set[frozenset[str]]:
    """Pairs of entity keys that ``text`` writes as two names of one company: a name, then
    (after tickers) "doing business as", "formerly", "to be renamed", "f/k/a" or a defined
    short name in quotes, then the other name. ``spans`` are sorted by start."""
    links: set[frozenset[str]] = set()
    for a, b in zip(spans, spans[1:], strict=False):
        if a.key != b.key and 0 <= b.start - a.end <= _GAP_MAX_CHARS and (
                _ONE_COMPANY_GAP.fullmatch(text, a.end, b.start) or _RENAMED_AFTER.fullmatch(text, a.end, b.start)):
            links.add(frozenset((a.key, b.key)))
    return links


def unlinked(parties: list[str], links: set[frozenset[str]]) -> list[str]:
    """``parties`` without any that an earlier party is linked to (one company twice)."""
    kept: list[str] = []
    for p in parties:
        if not any(frozenset((q, p)) in links for q in kept):
            kept.append(p)
    return kept
