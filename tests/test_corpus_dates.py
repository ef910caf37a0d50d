"""Dates written in text: every documented format, datelines, and what must not be a date."""

from __future__ import annotations

import pytest

from medtui.corpus.dates import date_line, find_dates, first_date, numeric_order, year_heading
from medtui.corpus.model import PartialDate


def iso(text: str) -> list[str]:
    return [d.date.iso() for d in find_dates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-11", "2025-03-11"),
        ("2025/03/04", "2025-03-04"),
        ("2025.03.04", "2025-03-04"),
        ("2025-3-4", "2025-03-04"),
        ("11 March 2025", "2025-03-11"),
        ("11th of March 2025", "2025-03-11"),
        ("4th March, 2025", "2025-03-04"),
        ("March 11, 2025", "2025-03-11"),
        ("March 4th, 2025", "2025-03-04"),
        ("October 03 , 2025", "2025-10-03"),
        ("March 11 2025", "2025-03-11"),
        ("Mar. 11 2025", "2025-03-11"),
        ("Sept. 5, 2024", "2024-09-05"),
        ("4 Mar 2025", "2025-03-04"),
        ("13/03/2025", "2025-03-13"),
        ("03/13/2025", "2025-03-13"),
        ("2025年3月11日", "2025-03-11"),
        ("2025 年 3 月 11 日", "2025-03-11"),
        ("2025年3月", "2025-03"),
        ("March 2025", "2025-03"),
        ("15 de marzo de 2025", "2025-03-15"),
        ("Tuesday, 4 March 2025", "2025-03-04"),
        ("2025-03-04T10:00:00+08:00", "2025-03-04"),
        ("29 February 2024", "2024-02-29"),
    ],
)
def test_written_formats(text: str, expected: str) -> None:
    assert iso(text) == [expected]
    assert iso(f"It was signed on {text} in Hong Kong.") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "31 February 2025",  # impossible day: not even the month survives
        "February 30, 2025",
        "29 Feb 2025",
        "2025-13-01",
        "today",
        "yesterday",
        "last year",
        "next month",
        "two years ago",
        "in may 2025 the board",  # the verb, not the month
        "20250304",
        "Room 2025",
        "1 March 1850",  # outside the years a news page speaks of
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []
    assert first_date(text) is None


def test_positions_and_order() -> None:
    text = "Signed on 2 April 2025 after talks began in March 2024."
    found = find_dates(text)
    assert [d.date.iso() for d in found] == ["2025-04-02", "2024-03"]
    assert text[found[0].start : found[0].end] == "2 April 2025"
    assert text[found[1].start : found[1].end] == "March 2024"


def test_precision() -> None:
    day, month = first_date("11 March 2025"), first_date("March 2025")
    assert day is not None and day.precision == "day"
    assert month is not None and month.precision == "month"
    assert PartialDate(2025).precision == "year"
    assert PartialDate(2025, 3).iso() == "2025-03"
    assert PartialDate.parse_iso("2025-03-11") == PartialDate(2025, 3, 11)


def test_partial_dates_sort_after_the_days_they_contain() -> None:
    dates = [PartialDate(2025), PartialDate(2025, 4, 2), PartialDate(2025, 3), PartialDate(2025, 3, 11)]
    ordered = sorted(dates, key=PartialDate.sort_key)
    assert [d.iso() for d in ordered] == ["2025-03-11", "2025-03", "2025-04-02", "2025"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("24 February 2025 | News", "2025-02-24"),
        ("2025-03-11", "2025-03-11"),
        ("Tuesday, 4 March 2025, 6:15pm", "2025-03-04"),
        ("Published: 04 Mar 2025 10:30 HKT", "2025-03-04"),
        ("Posted on March 4, 2025 by Newsroom", "2025-03-04"),
        ("(11 March 2025, Hong Kong)", "2025-03-11"),
    ],
)
def test_date_lines(line: str, expected: str) -> None:
    found = date_line(line)
    assert found is not None and found.iso() == expected


@pytest.mark.parametrize(
    "line",
    [
        "The two universities signed the agreement on 4 March 2025 after a long review of the plans.",
        "News",
        "today",
    ],
)
def test_not_date_lines(line: str) -> None:
    assert date_line(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [("2025", 2025), ("  2024 ", 2024), ("Year 2023", 2023)],
)
def test_year_headings(line: str, expected: int) -> None:
    assert year_heading(line) == expected


@pytest.mark.parametrize("line", ["2025 Annual Report", "In 2025", "12025", "3025", "Page 2"])
def test_not_year_headings(line: str) -> None:
    assert year_heading(line) is None


def test_yearless_dates_and_their_year() -> None:
    from medtui.corpus.dates import find_yearless, in_year_of

    assert find_yearless("The Government today (March 4) announced") == [(3, 4, 22)]
    assert [f[:2] for f in find_yearless("signed on 4th of March and on Dec. 20")] == [(3, 4), (12, 20)]
    assert find_yearless("March 4, 2025") == []  # that one has its year
    assert find_yearless("in may 4 ways") == []
    assert in_year_of(3, 4, PartialDate(2025, 3, 10)) == PartialDate(2025, 3, 4)
    assert in_year_of(12, 20, PartialDate(2025, 1, 5)) == PartialDate(2024, 12, 20)
    assert in_year_of(3, 4, PartialDate(2025)) == PartialDate(2025, 3, 4)
    assert in_year_of(2, 30, PartialDate(2025, 3, 1)) is None


@pytest.mark.parametrize("text", ["03/04/2025", "4.3.2025", "signed on 03/04/2025 in Riverside"])
def test_an_ambiguous_numeric_date_gives_its_year(text: str) -> None:
    assert iso(text) == ["2025"]


@pytest.mark.parametrize(
    ("text", "order"),
    [("15/4/2025 and 2/5/2025", "dmy"), ("4/15/2025 and 5/2/2025", "mdy"), ("2/5/2025", None),
     ("15/4/2025 and 4/15/2025", None), ("2025-04-15 and 11 March 2025", None)],
)
def test_numeric_order_is_what_the_document_proves(text: str, order: str | None) -> None:
    assert numeric_order(text) == order


def test_a_proven_order_reads_the_ambiguous_dates() -> None:
    assert [d.date.iso() for d in find_dates("2/5/2025", numeric_order("15/4/2025"))] == ["2025-05-02"]
    assert [d.date.iso() for d in find_dates("2/5/2025", numeric_order("4/15/2025"))] == ["2025-02-05"]
    assert [d.date.iso() for d in find_dates("31/4/2025", "mdy")] == []  # impossible either way


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Received: 16 December 2024 | Accepted: 20 December 2024 | Published: 2 January 2025", "2025-01-02"),
        ("Updated: 14 March 2025, 9:05 am \u00b7 Published: 3 March 2025", "2025-03-03"),
        ("Last modified 20 May 2024 - First published 2 May 2024", "2024-05-02"),
        ("Posted: 7 June 2023 | Revised: 9 June 2023", "2023-06-07"),
        ("Submitted 1 Feb 2022; accepted 3 Mar 2022; published online 10 Mar 2022", "2022-03-10"),
    ],
)
def test_published_wins_over_updated_received_accepted(line: str, expected: str) -> None:
    found = date_line(line)
    assert found is not None and found.iso() == expected


@pytest.mark.parametrize("line", ["Updated: 14 March 2025", "Last updated on Friday, 14 March 2025, 10:00",
                                  "Received 16 December 2024"])
def test_a_date_labelled_updated_or_received_alone_is_no_publication_date(line: str) -> None:
    assert date_line(line) is None
