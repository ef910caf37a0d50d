"""What a query asks of events (search/asked.py): kinds and periods from its own terms."""

from __future__ import annotations

from datetime import datetime

from medtui.corpus.model import PartialDate
from medtui.search.asked import event_in_periods, kinds_asked, periods_asked


def test_kinds_asked_by_the_kind_terms_only() -> None:
    assert kinds_asked("kind:mou training") == {"mou"}
    assert kinds_asked("kind:mou,grant") == {"mou", "grant"}
    assert kinds_asked("kind:(mou OR grant)") == {"mou", "grant"}
    assert kinds_asked('-kind:mou "kind:grant" NOT kind:launch') == set()


def test_periods_asked_by_the_date_terms() -> None:
    assert periods_asked("hospital date:2025") == [(datetime(2025, 1, 1), datetime(2025, 12, 31, 23, 59, 59, 999999))]
    (low, high), = periods_asked("date:[2025-01 to 2025-03]")
    assert low == datetime(2025, 1, 1) and high is not None and high.month == 3 and high.day == 31
    (low, high), = periods_asked("date:>2024")
    assert low is not None and low.year == 2024 and high is None  # after the end of 2024
    (low, high), = periods_asked("date:<=2025-03")
    assert low is None and high is not None and (high.year, high.month) == (2025, 3)
    # Negated, quoted, or beside an OR: no period is applied to the events.
    assert periods_asked("-date:2025") == [] and periods_asked('"date:2025"') == []
    assert periods_asked("date:2024 OR date:2025") == []


def test_an_event_is_kept_when_its_own_date_meets_every_period() -> None:
    periods = periods_asked("date:2025")
    assert event_in_periods(PartialDate(2025, 3, 4), periods)
    assert event_in_periods(PartialDate(2025), periods)
    assert not event_in_periods(PartialDate(2023, 11), periods)  # a 2023 event of a 2025 story
    assert event_in_periods(None, periods)  # undated: its story matched the dates
    assert event_in_periods(PartialDate(2023), [])
    assert event_in_periods(PartialDate(2024), periods_asked("date:[2024-12 to 2025-02]"))
    assert not event_in_periods(PartialDate(2024, 11), periods_asked("date:[2024-12 to 2025-02]"))
