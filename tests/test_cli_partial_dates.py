"""A date known only to the month or the year stays that precise in every timeline format:
an iCalendar event spans the whole month or year; CSV, JSON and Markdown write 2025-12, 2024."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

import medtui.cli as cli
from medtui.cli_formats import period_days
from medtui.corpus.model import Corpus, Document, Event, Institution, PartialDate, Story


def make_corpus() -> Corpus:
    story = Story("s1", "a.txt", "Riverside University and Northgate Hospital agree",
                  "Riverside University and Northgate Hospital agreed to work together.",
                  PartialDate(2025, 12, 9), ["i1", "i2"])
    parties = ["i1", "i2"]
    return Corpus(
        documents=[Document("a.txt")],
        stories=[story],
        institutions=[
            Institution("i1", "Riverside University", [], "university", stories=["s1"]),
            Institution("i2", "Northgate Hospital", [], "hospital", stories=["s1"]),
        ],
        events=[
            Event("e1", "s1", "mou", PartialDate(2025, 12, 9), parties, "They signed an MoU."),
            Event("e2", "s1", "grant", PartialDate(2025, 12), parties, "A grant in December."),
            Event("e3", "s1", "launch", PartialDate(2024), parties, "A launch in 2024."),
            Event("e4", "s1", "agreement", PartialDate(2024, 2), parties, "Signed in February."),
        ],
    )


@pytest.fixture(autouse=True)
def corpus(monkeypatch: pytest.MonkeyPatch) -> Corpus:
    built = make_corpus()
    monkeypatch.setattr(cli, "load", lambda paths: built)
    return built


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def vevents(ics: str) -> dict[str, dict[str, str]]:
    """Each VEVENT's properties by the first word of its summary's kind (MoU, Grant, ...)."""
    lines = ics.replace("\r\n ", "").split("\r\n")
    found: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            found[current["SUMMARY"].split(":")[0]] = current
        elif ":" in line:
            name, value = line.split(":", 1)
            current[name] = value
    return found


@pytest.mark.parametrize(("value", "first", "after_last"), [
    (PartialDate(2025, 12, 9), date(2025, 12, 9), date(2025, 12, 10)),
    (PartialDate(2025, 12, 31), date(2025, 12, 31), date(2026, 1, 1)),
    (PartialDate(2025, 12), date(2025, 12, 1), date(2026, 1, 1)),
    (PartialDate(2024, 2), date(2024, 2, 1), date(2024, 3, 1)),  # a leap year's February
    (PartialDate(2025, 1), date(2025, 1, 1), date(2025, 2, 1)),
    (PartialDate(2024), date(2024, 1, 1), date(2025, 1, 1)),
])
def test_period_days_is_the_whole_day_month_or_year(
    value: PartialDate, first: date, after_last: date,
) -> None:
    assert period_days(value) == (first, after_last)


def test_ics_month_and_year_events_span_their_month_and_year(
    capsys: pytest.CaptureFixture[str],
) -> None:
    events = vevents(run(capsys, "timeline", "--format", "ics"))
    assert set(events) == {"MoU", "Grant", "Launch", "Agreement"}
    mou, grant, launch, agreement = (events[k] for k in ("MoU", "Grant", "Launch", "Agreement"))
    assert (mou["DTSTART;VALUE=DATE"], mou["DTEND;VALUE=DATE"]) == ("20251209", "20251210")
    assert (grant["DTSTART;VALUE=DATE"], grant["DTEND;VALUE=DATE"]) == ("20251201", "20260101")
    assert (launch["DTSTART;VALUE=DATE"], launch["DTEND;VALUE=DATE"]) == ("20240101", "20250101")
    assert (agreement["DTSTART;VALUE=DATE"], agreement["DTEND;VALUE=DATE"]) == ("20240201", "20240301")
    assert [e["X-MEDTUI-DATE-PRECISION"] for e in (mou, grant, launch)] == ["day", "month", "year"]
    assert mou["SUMMARY"] == "MoU: Riverside University\\, Northgate Hospital"  # a day: as it was
    assert grant["SUMMARY"].endswith("Northgate Hospital (December 2025)")
    assert launch["SUMMARY"].endswith("Northgate Hospital (2024)")
    assert "Date given only as 2025-12: the event spans the whole month." in grant["DESCRIPTION"]
    assert "Date given only as 2024: the event spans the whole year." in launch["DESCRIPTION"]
    assert "Date given only" not in mou["DESCRIPTION"]


def test_csv_json_and_markdown_write_the_date_as_precise_as_it_is(
    capsys: pytest.CaptureFixture[str],
) -> None:
    expected = {"e1": "2025-12-09", "e2": "2025-12", "e3": "2024", "e4": "2024-02"}
    rows = csv.DictReader(io.StringIO(run(capsys, "timeline", "--format", "csv")))
    assert {r["id"]: r["date"] for r in rows} == expected
    events = json.loads(run(capsys, "timeline", "--format", "json"))["events"]
    assert {e["id"]: e["date"] for e in events} == expected
    exported = json.loads(run(capsys, "export", "--format", "json"))["events"]
    assert {e["id"]: e["date"] for e in exported} == expected
    table = run(capsys, "timeline", "--format", "md").splitlines()[2:]
    assert sorted(line.split(" | ")[0].strip("| ") for line in table) == sorted(expected.values())
