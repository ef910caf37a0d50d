"""What a query asks of events, beyond the stories it finds: their kinds and their dates.

The search finds stories (a story matches ``kind:mou`` when it reports a MoU, ``date:2025``
when it is dated 2025); the timeline shows events, so the app keeps only the events the
query's own terms ask for: a MoU search that lists a story's launch too, or a 2025 search
that lists a story's 2023 agreement first, reads as a wrong filter (the trials of sessions
5 and 6).
"""

from __future__ import annotations

import re
from datetime import datetime

from medtui.corpus.model import PartialDate
from medtui.search.query import _OPERATORS, parse_partial_date
from medtui.search.schema import period

_KIND_TERM = re.compile(r'"[^"]*"|(?<![\w.])(-|NOT\s+)?kind:(\([^()]*\)|[\w-]+(?:\s*,\s*[\w-]+)*)', re.IGNORECASE)
_DATE_TERM = re.compile(
    r'"[^"]*"|(?<![\w.])(-|NOT\s+)?date:(?:\[\s*([^\]]*?)\s+to\s+([^\]]*?)\s*\]|([<>]=?)?([\d./-]+))',
    re.IGNORECASE)
_OR = re.compile(r'"[^"]*"|\bOR\b')

Period = tuple[datetime | None, datetime | None]
"""First and last instant asked (None: open on that side)."""


def kinds_asked(query: str) -> set[str]:
    """The event kinds a query's ``kind:`` terms ask for (``kind:mou``, ``kind:mou,grant``,
    ``kind:(mou OR grant)``), lower case; empty when it has none. Negated terms
    (``-kind:x``, ``NOT kind:x``) ask for none, and quoted text is no term."""
    kinds: set[str] = set()
    for m in _KIND_TERM.finditer(query):
        if m.group(2) is None or m.group(1):
            continue
        words = re.split(r"[\s,()]+", m.group(2))
        kinds.update(w.lower() for w in words if w and w.upper() not in _OPERATORS)
    return kinds


def periods_asked(query: str) -> list[Period]:
    """The periods a query's ``date:`` terms ask for, each as (first, last) instant:
    ``date:2025``, ``date:2025-03``, ``date:[2025-01 to 2025-03]``, ``date:>2024``,
    ``date:<=2025-03``. Empty when it has none, when a term is negated, or when the query
    holds an ``OR`` (then which term an event must meet is not plain: none is applied)."""
    if any(m.group() == "OR" for m in _OR.finditer(query)):
        return []
    periods: list[Period] = []
    for m in _DATE_TERM.finditer(query):
        if m.group(0).startswith('"'):
            continue
        if m.group(1):
            return []
        if m.group(5) is not None:
            value = parse_partial_date(m.group(5))
            if value is None:
                continue
            first, last = period(value)
            op = m.group(4) or ""
            periods.append({"": (first, last), ">": (last, None), ">=": (first, None),
                            "<": (None, first), "<=": (None, last)}[op])
        else:
            low, high = (parse_partial_date(g) if g else None for g in (m.group(2), m.group(3)))
            periods.append((period(low)[0] if low else None, period(high)[1] if high else None))
    return periods


def event_in_periods(date: PartialDate | None, periods: list[Period]) -> bool:
    """Whether an event dated ``date`` may lie in every period: an undated event may (its
    story matched the dates), a dated one when its own day, month or year overlaps each."""
    if date is None or not periods:
        return True
    first, last = period(date)
    return all((low is None or last >= low) and (high is None or first <= high) for low, high in periods)
