"""Explicit dates in text, as precise as the text allows.

Only dates that are written out count: ISO dates, "11 March 2025", "11th of March 2025",
"March 11, 2025", "Mar. 11 2025", "13/03/2025", "2025年3月11日", "March 2025". A numeric
date is read in the order its own document proves: "15/4/2025" anywhere in it makes
"2/5/2025" the 2nd of May (see :func:`numeric_order`); with no proof either way it gives
only its year, which it states whatever the order. An impossible date ("31 February 2025")
is no date at all rather than a wrong or truncated one.
Relative words ("today", "last year") never become dates, and nothing here looks at
a file's time or the clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from medtui.corpus.model import PartialDate

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    # Spanish, French and German month names appear in wire copy too.
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12, "janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    "januar": 1, "februar": 2, "märz": 3, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
}
_MONTH = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("ymd", re.compile(r"(?<![\d/.-])" + _YEAR + r"([-/.])(?P<m>[01]?\d)\2(?P<d>[0-3]?\d)(?![\d/.-]|:\d)")),
    ("cjk", re.compile(_YEAR + r"\s*年\s*(?P<m>[01]?\d)\s*月(?:\s*(?P<d>[0-3]?\d)\s*日)?")),
    ("dmy", re.compile(r"(?<![\w])" + _DAY + r"(?:\s+de|\s+of)?[\s\-]+" + _MONTH
                       + r"(?:\s+de(?:l)?)?,?[\s\-]+" + _YEAR + r"(?!\d)", re.I)),
    ("mdy", re.compile(r"(?<![\w])" + _MONTH + r"\s+" + _DAY + r"(?:\s*,\s*|\s+)" + _YEAR + r"(?!\d)", re.I)),
    ("numeric", re.compile(r"(?<![\d/.])(?P<a>[0-3]?\d)([/.])(?P<b>[0-3]?\d)\2" + _YEAR + r"(?![\d/.])")),
    ("my", re.compile(r"(?<![\w])" + _MONTH + r",?\s+" + _YEAR + r"(?!\d)", re.I)),
]
_NUMERIC = 4


@dataclass(frozen=True)
class DateMatch:
    """A date found in text, with where it was found."""

    date: PartialDate
    start: int
    end: int


def _valid(year: int, month: int | None, day: int | None) -> PartialDate | None:
    import calendar

    if not 1900 <= year <= 2100:
        return None
    if month is None:
        return PartialDate(year)
    if not 1 <= month <= 12:
        return None
    if day is None:
        return PartialDate(year, month)
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return PartialDate(year, month, day)


DAY_FIRST = "dmy"
MONTH_FIRST = "mdy"


def _from_match(kind: str, m: re.Match[str], order: str | None = None) -> PartialDate | None:
    year = int(m.group("year"))
    if kind in ("ymd", "cjk"):
        day = m.group("d")
        return _valid(year, int(m.group("m")), int(day) if day else None)
    if kind == "numeric":
        a, b = int(m.group("a")), int(m.group("b"))
        if a > 12 >= b or (order == DAY_FIRST and a <= 12 and b <= 12):
            return _valid(year, b, a)
        if b > 12 >= a or a == b or (order == MONTH_FIRST and a <= 12 and b <= 12):
            return _valid(year, a, b)
        if a <= 12 and b <= 12 and _valid(year, 1, 1):
            return PartialDate(year)  # 03/04/2025 with nothing to tell the order: its year
        return None
    month = MONTHS.get(m.group("mon").lower().rstrip("."))
    if month is None:
        return None
    if kind == "my":
        if not m.group("mon")[0].isupper():
            return None  # "may 2025" in running text is the verb more often than the month
        return _valid(year, month, None)
    return _valid(year, month, int(m.group("day")))


def numeric_order(text: str) -> str | None:
    """The order of day and month that numeric dates in ``text`` prove: DAY_FIRST when one
    has a first number over 12 ("15/4/2025"), MONTH_FIRST when one has a second number over
    12 ("4/15/2025"), None when none does or when they contradict each other.

    A document writes its dates one way: a date it proves in one place reads the others.
    """
    orders = set()
    for m in _PATTERNS[_NUMERIC][1].finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if a > 12 >= b:
            orders.add(DAY_FIRST)
        elif b > 12 >= a:
            orders.add(MONTH_FIRST)
    return orders.pop() if len(orders) == 1 else None


def find_dates(text: str, order: str | None = None) -> list[DateMatch]:
    """Every explicit date in ``text``, in order of position, overlaps resolved to the longest.

    ``order``: how to read numeric dates whose day and month could be either (see
    :func:`numeric_order`); without it such a date gives only its year."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in taken):
                continue
            # A written date that is invalid ("31 February 2025") or ambiguous keeps its
            # span, so that no shorter pattern turns part of it into a wrong date.
            taken.append((m.start(), m.end()))
            date = _from_match(kind, m, order)
            if date is not None:
                found.append(DateMatch(date, m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def first_date(text: str, order: str | None = None) -> PartialDate | None:
    """The first explicit date in ``text``, or None."""
    dates = find_dates(text, order)
    return dates[0].date if dates else None


_YEARLESS = [
    re.compile(r"(?<![\w])" + _MONTH + r"\s+" + _DAY + r"(?![\w:])(?!,?\s*(?:19|20)\d{2})", re.I),
    re.compile(r"(?<![\w])" + _DAY + r"(?:\s+of)?\s+" + _MONTH + r"(?![\w])(?!,?\s*(?:19|20)\d{2})", re.I),
]


def find_yearless(text: str) -> list[tuple[int, int, int]]:
    """(month, day, position) of dates written without a year: "March 4", "4 March".

    Only a capitalised month counts ("may 4" is not May). The year must come from elsewhere
    (see :func:`in_year_of`); nothing here guesses it.
    """
    found: list[tuple[int, int, int]] = []
    for pattern in _YEARLESS:
        for m in pattern.finditer(text):
            month = MONTHS.get(m.group("mon").lower().rstrip("."))
            day = int(m.group("day"))
            if month and m.group("mon")[0].isupper() and 1 <= day <= 31:
                found.append((month, day, m.start()))
    return sorted(found, key=lambda f: f[2])


def in_year_of(month: int, day: int, reference: PartialDate) -> PartialDate | None:
    """A yearless date placed in the year of ``reference`` (a story's date), or the year
    before when it would fall after the reference ("On December 20" in a January story)."""
    year = reference.year
    if reference.month is not None and (month, day) > (reference.month, reference.day or 31):
        year -= 1
    return _valid(year, month, day)


_YEAR_LINE = re.compile(r"^\s*(?:year\s+)?((?:19|20)\d{2})\s*$", re.I)
_DATE_LINE_WORDS = 8


def year_heading(line: str) -> int | None:
    """The year if ``line`` is nothing but a year (a listing page's year heading)."""
    m = _YEAR_LINE.match(line)
    return int(m.group(1)) if m else None


_LABEL_BEFORE = re.compile(
    r"(?P<label>first published|published|posted|released|issued|dated?|last updated|updated|"
    r"last modified|modified|last revised|revised|received|accepted|submitted|reviewed|edited)"
    r"(?:\s+(?:on|at))?\s*[:\-\u2013]?\s*(?:\w+day,?\s*)?$", re.I)
_NOT_PUBLISHED = frozenset({"last updated", "updated", "last modified", "modified", "last revised",
                            "revised", "received", "accepted", "submitted", "reviewed", "edited"})
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?!\w)|\b\d{1,2}\s*[ap]\.?m\.?(?!\w)", re.I)
_LABELLED_LINE_WORDS = 30


def date_line(line: str, order: str | None = None) -> PartialDate | None:
    """The publication date if ``line`` is a short line that is mainly dates ("18 June 2024
    | News", "Updated: 14 March 2025, 9:05 am · Published: 3 March 2025").

    Labelled dates: "Published", "Posted", "Released", "Issued" win; a date labelled
    "Updated", "Last modified", "Revised", "Received", "Accepted" or "Submitted" is never
    the publication date (journal pages and news sites state those beside it).
    """
    found = read_date_line(line, order)
    return found[0] if found else None


def read_date_line(line: str, order: str | None = None) -> tuple[PartialDate | None] | None:
    """``(publication date,)`` if ``line`` is a date line (see :func:`date_line`), with None
    inside when its only dates are not the publication date ("Updated: 14 March 2025");
    None when the line is no date line."""
    n_words = len(line.split())
    if n_words > _LABELLED_LINE_WORDS:
        return None
    dates = find_dates(line, order)
    if not dates:
        return None
    labels: list[str | None] = []
    rest, prev = [], 0
    for d in dates:
        m = _LABEL_BEFORE.search(line, prev, d.start)
        labels.append(m.group("label").casefold() if m else None)
        rest.append(line[prev : m.start() if m else d.start])
        prev = d.end
    if n_words > _DATE_LINE_WORDS and not any(labels):
        return None
    rest.append(line[prev:])
    rest_text = _TIME.sub(" ", " ".join(rest))
    # Han/Kana/Hangul text has no spaces: every two characters count as a word.
    cjk = len(_CJK_CHARS.findall(rest_text))
    words = re.findall(r"[^\W\d_]+", _CJK_CHARS.sub(" ", rest_text))
    if len(words) + cjk / 2 > 4:
        return None
    published = [d for d, label in zip(dates, labels, strict=True)
                 if label is not None and label not in _NOT_PUBLISHED]
    if published:
        return (published[0].date,)
    plain = [d for d, label in zip(dates, labels, strict=True) if label is None]
    return (plain[0].date if plain else None,)


def not_published_label(text_before: str) -> bool:
    """Whether ``text_before`` a date ends in a label that says it is not the publication
    date ("Updated:", "Last modified on", "Received")."""
    m = _LABEL_BEFORE.search(text_before)
    return m is not None and m.group("label").casefold() in _NOT_PUBLISHED


_CJK_CHARS = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
