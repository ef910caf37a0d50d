"""The partnership timeline: events in the contract's order, and grouped by month.

Order (the contract's): by date, a partial date after the full dates it
contains (2024-06-18, then 2024-06, then 2024-07-02, ..., then 2024), undated
events last. Events with the same date keep the corpus order, so the output is
stable from run to run.
"""

from __future__ import annotations

from collections.abc import Iterable

from medtui.corpus.model import Corpus, Event, PartialDate, date_sort_key

UNDATED = "Undated"


def ordered_events(corpus: Corpus, events: Iterable[Event] | None = None) -> list[Event]:
    """``events`` (default: all of the corpus's) sorted in timeline order."""
    chosen = corpus.events if events is None else events
    return sorted(chosen, key=lambda e: date_sort_key(e.date))


def group_label(value: PartialDate | None) -> str:
    """The group an event date falls in: ``YYYY-MM`` (day or month dates), ``YYYY`` or Undated."""
    if value is None:
        return UNDATED
    if value.month is None:
        return f"{value.year:04d}"
    return f"{value.year:04d}-{value.month:02d}"


def grouped_events(
    corpus: Corpus, events: Iterable[Event] | None = None
) -> list[tuple[str, list[Event]]]:
    """Timeline-ordered events in groups: one per month, a year's year-only dates after
    its months, and "Undated" last; each group in timeline order."""
    groups: list[tuple[str, list[Event]]] = []
    for event in ordered_events(corpus, events):
        label = group_label(event.date)
        if groups and groups[-1][0] == label:
            groups[-1][1].append(event)
        else:
            groups.append((label, [event]))
    return groups


def contains(outer: PartialDate, inner: PartialDate) -> bool:
    """True when ``inner`` lies within ``outer`` (2024-06 contains 2024-06-18 and itself)."""
    return outer.year == inner.year and (
        outer.month is None or (outer.month == inner.month
                                and (outer.day is None or outer.day == inner.day)))


def dates_agree(a: PartialDate | None, b: PartialDate | None) -> bool:
    """The same day, or a partial date that contains the other; undated agrees with nothing
    (two undated events give no sign of being the same signing)."""
    return a is not None and b is not None and (contains(a, b) or contains(b, a))


def signings(events: Iterable[Event]) -> list[list[Event]]:
    """The events grouped one group per real-world signing, in the order of first appearance.

    Events are one signing when they have the same kind, the same parties (as curated)
    and dates that agree (:func:`dates_agree`), and come from different stories: the
    same release on two wires, the partner's own release, a follow-up report. Each
    group's first event is the one with the most precise date (the first such in
    ``events``' order); one event per story: a story that reports two signings on one
    day means two. A partial date that agrees with two signings (June, when there were
    signings on June 18 and June 20) joins neither. Events with one party are never
    merged: on the 25k press releases they were mostly different approvals by one
    regulator in the same month.
    """
    ordered = list(events)
    position = {id(e): n for n, e in enumerate(ordered)}
    precision = {"day": 0, "month": 1, "year": 2}
    by_parties: dict[tuple[str, frozenset[str]], list[list[Event]]] = {}
    groups: list[list[Event]] = []
    for event in sorted(ordered, key=lambda e: (precision[e.date.precision] if e.date else 3,
                                                position[id(e)])):
        bucket = by_parties.setdefault((event.kind, frozenset(event.parties)), [])
        agree = [g for g in bucket if len(set(event.parties)) >= 2
                 and dates_agree(g[0].date, event.date)]
        home = agree[0] if len(agree) == 1 else None  # a month that holds two signings: neither
        if home is None or any(m.story == event.story for m in home):
            bucket.append([event])
            groups.append(bucket[-1])
        else:
            home.append(event)
    for group in groups:
        group[1:] = sorted(group[1:], key=lambda e: position[id(e)])
    return sorted(groups, key=lambda g: min(position[id(e)] for e in g))


def one_per_signing(
    corpus: Corpus, events: Iterable[Event] | None = None
) -> tuple[list[Event], dict[str, list[Event]]]:
    """One event per signing in timeline order, and for each its sources (itself first).

    Every event returned is a key of the sources map; a signing reported once has one source.
    """
    groups = signings(corpus.events if events is None else events)
    sources = {g[0].id: g for g in groups}
    return ordered_events(corpus, [g[0] for g in groups]), sources
