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
