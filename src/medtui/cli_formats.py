"""Text formats of the timeline for ``medtui timeline``: CSV, iCalendar and Markdown.

Document text is sanitized (no control characters or escape sequences) before it
goes into any of them, and each format's own special characters are escaped.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from medtui import __version__
from medtui.corpus.model import Corpus, Event, PartialDate
from medtui.export import party_names
from medtui.textsafe import sanitize, sanitize_line

EVENT_KIND_LABELS = {
    "mou": "MoU",
    "agreement": "Agreement",
    "approval": "Approval",
    "partnership": "Partnership",
    "grant": "Grant",
    "launch": "Launch",
    "meeting": "Meeting",
    "other": "Other",
}
CSV_COLUMNS = ("id", "date", "kind", "parties", "party_names", "story", "story_title", "evidence",
               "sources", "source_stories")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
"""English month names (not the locale's: the file reads the same wherever it is made)."""
Sources = dict[str, list[Event]] | None
"""One event per signing: event id -> every event reporting it (itself first); None: each alone."""


def sources_of(sources: Sources, event: Event) -> list[Event]:
    """The events that report ``event``'s signing (itself first)."""
    return sources.get(event.id, [event]) if sources is not None else [event]


def story_title(corpus: Corpus, event: Event) -> str:
    """The title of the event's story ('' when the story is unknown)."""
    story = corpus.story(event.story)
    return story.title if story is not None else ""


def timeline_csv(corpus: Corpus, events: Sequence[Event], sources: Sources = None) -> str:
    """One CSV row per event (header first); party ids joined by ';', names by '; '.

    ``sources``: how many stories report the signing, and their ids joined by ';'."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in events:
        writer.writerow(
            [
                e.id,
                e.date.iso() if e.date else "",
                e.kind,
                ";".join(e.parties),
                "; ".join(sanitize_line(n) for n in party_names(corpus, e)),
                e.story,
                sanitize_line(story_title(corpus, e)),
                sanitize_line(e.evidence),
                len(sources_of(sources, e)),
                ";".join(s.story for s in sources_of(sources, e)),
            ]
        )
    return out.getvalue()


def _md_cell(text: str) -> str:
    """A Markdown table cell: one line, with ``\\``, ``|`` and HTML brackets escaped."""
    text = sanitize_line(text).replace("\\", "\\\\").replace("|", "\\|")
    return text.replace("<", "&lt;").replace(">", "&gt;")


def timeline_markdown(corpus: Corpus, events: Sequence[Event], sources: Sources = None) -> str:
    """A Markdown table: Date | Kind | Parties | Story | Evidence | Sources (stories reporting it)."""
    lines = ["| Date | Kind | Parties | Story | Evidence | Sources |",
             "| --- | --- | --- | --- | --- | --- |"]
    for e in events:
        cells = [
            e.date.iso() if e.date else "undated",
            EVENT_KIND_LABELS.get(e.kind, e.kind),
            ", ".join(party_names(corpus, e)),
            story_title(corpus, e),
            e.evidence,
            str(len(sources_of(sources, e))),
        ]
        lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def ics_escape(text: str) -> str:
    """Escape an iCalendar TEXT value (RFC 5545 3.3.11): backslash, ';', ',' and newlines."""
    text = sanitize(text).replace("\t", " ")
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\n", "\\n")


def ics_fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character."""
    parts: list[str] = []
    current: list[str] = []
    size = 0
    limit = 75
    for char in line:
        n = len(char.encode("utf-8"))
        if size + n > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, 74  # continuation lines start with a space
        current.append(char)
        size += n
    parts.append("".join(current))
    return "\r\n ".join(parts)


def period_days(value: PartialDate) -> tuple[date, date]:
    """The days a partial date stands for, as (first day, the day after the last): a day,
    a whole month or a whole year.

    iCalendar's DTEND of an all-day event is its non-inclusive end (RFC 5545, 3.6.1 and
    3.8.2.2), and a DURATION cannot say "a month" (3.3.6 has days and weeks only): so a
    month is DTSTART;VALUE=DATE of its 1st and DTEND of the next month's 1st.
    """
    if value.month is None:
        return date(value.year, 1, 1), date(value.year + 1, 1, 1)
    if value.day is None:
        start = date(value.year, value.month, 1)
        return start, (start + timedelta(days=31)).replace(day=1)
    start = date(value.year, value.month, value.day)
    return start, start + timedelta(days=1)


def _dtstamp() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return when.strftime("%Y%m%dT%H%M%SZ")


def event_uid(event: Event) -> str:
    """A UID that stays the same when the same event is exported again."""
    key = "|".join([event.kind, event.date.iso() if event.date else "", event.evidence,
                    ",".join(sorted(event.parties))])
    return f"{hashlib.sha1(key.encode('utf-8')).hexdigest()[:20]}@medtui"


def timeline_ics(corpus: Corpus, events: Sequence[Event], sources: Sources = None) -> tuple[str, int]:
    """An iCalendar file with one all-day VEVENT per dated event; returns (text, undated).

    A date known only to the month or year spans that whole month or year
    (:func:`period_days`): the calendar shows when it happened no more precisely than
    the story says. The summary ends with the month or year, the description says the
    date was given only so, and ``X-MEDTUI-DATE-PRECISION`` (an RFC 5545 3.8.8.2
    non-standard property) says day, month or year. Undated events cannot be placed in a
    calendar: they are left out and counted.
    """
    stamp = _dtstamp()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//medtui//medtui {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:medtui partnership timeline",
    ]
    skipped = 0
    for e in events:
        if e.date is None:
            skipped += 1
            continue
        start, end = period_days(e.date)
        kind = EVENT_KIND_LABELS.get(e.kind, e.kind)
        summary = f"{kind}: {', '.join(party_names(corpus, e))}"
        if e.date.precision == "month":
            summary += f" ({MONTHS[start.month - 1]} {start.year})"
        elif e.date.precision == "year":
            summary += f" ({start:%Y})"
        description = e.evidence
        title = story_title(corpus, e)
        if title:
            description += f"\n\nStory: {title}"
        if e.date.precision != "day":
            description += (f"\nDate given only as {e.date.iso()}: the event spans the whole "
                            f"{e.date.precision}.")
        others = sources_of(sources, e)[1:]
        if others:
            description += f"\nAlso reported in {len(others)} other stor{'y' if len(others) == 1 else 'ies'}: "
            description += "; ".join(story_title(corpus, s) or s.story for s in others)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event_uid(e)}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{end:%Y%m%d}",
            f"X-MEDTUI-DATE-PRECISION:{e.date.precision}",
            f"SUMMARY:{ics_escape(summary)}",
            f"DESCRIPTION:{ics_escape(description)}",
            f"CATEGORIES:{ics_escape(kind)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(ics_fold(line) + "\r\n" for line in lines), skipped
