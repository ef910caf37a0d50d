"""Event dates from an act's sentence (medtui.extract.when.event_date)."""

from __future__ import annotations

import pytest

from medtui.corpus.dates import PartialDate
from medtui.extract.when import event_date

STORY = PartialDate(2025, 3, 4)


@pytest.mark.parametrize(("sentence", "trigger", "expected"), [
    # A year alone before the act dates it.
    ("In 2019, Riverside University signed an agreement with Northgate Hospital.", "signed",
     PartialDate(2019)),
    # ... unless a nearer relative date stands between them: that one dates the act.
    ("Riverside University first applied in 2023, and last year it signed a memorandum with "
     "Northgate Hospital.", "signed", PartialDate(2024)),
    ("Riverside University opened in 2021 and this month signed an agreement with Northgate Hospital.",
     "signed", PartialDate(2025, 3)),
    # A year after the act describes history, not the act.
    ("Riverside University, founded in 1930, signed an agreement with Northgate Hospital.", "signed",
     STORY),
])
def test_year_alone_and_nearer_relative_dates(sentence: str, trigger: str, expected: PartialDate) -> None:
    assert event_date(sentence, STORY, act_at=sentence.index(trigger)) == expected
