"""One institution named twice among an event's parties.

"Harbor Light" and "Harbor Light Foundation", "Tide Group" and "Coastal Tide Group":
a story that writes a name shorter once (a cut name, or the name without its head word)
makes two parties of one institution, and an event of an institution with itself. Found in
the session 5 trial of 2,000 random releases (self-pairs judged wrong).
"""

from __future__ import annotations

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
