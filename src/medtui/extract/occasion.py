"""The occasion a story reports its acts from: "the summit that took place at the end of
last February", "its delegation to the fair, held from June 17 to 20", "Tuesday night's meeting".

A story published after a gathering often reports what was signed or approved there
without dating each act: the acts took place at the gathering (dev gold: signings at a
two-day forum "at the end of last February" dated February; MoUs of a trade-fair
delegation "from June 17 to 20" dated June; a board's approval at "Tuesday night's
meeting" dated that Tuesday). The occasion is read only from a sentence that holds a
gathering's noun and says it happened (took place, was held, concluded, celebrated) or
names it by its day ("Tuesday night's meeting"), dated before the story and at most
``MAX_DAYS_BEFORE`` days before it. A date range gives its month.
"""

from __future__ import annotations

import re
from datetime import date

from medtui.corpus.dates import find_dates, find_yearless, in_year_of
from medtui.corpus.model import PartialDate
from medtui.extract.sentences import split_sentences
from medtui.extract.when import month_alone, resolve_relative

MAX_DAYS_BEFORE = 62
_GATHERING = (r"(?:event|summit|conference|forum|meeting|delegation|expo|exhibition|fair|show|visit|week|"
              r"festival|session|congress|ceremony|convention|roadshow|mission|assembly|symposium)s?")
_HAPPENED = re.compile(
    r"\b" + _GATHERING + r"\b[^.;]{0,120}?\b(?:took place|was held|were held|(?:has |have )?concluded|"
    r"celebrated|ran)\b|\b(?:concluded|held|hosted|attended)\s+(?:its\s+|the\s+|a\s+)?(?:[\w-]+\s+){0,4}?"
    + _GATHERING + r"\b", re.I)
_DAY_OF = re.compile(
    r"\b(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[Yy]esterday)"
    r"(?:\s+(?:night|morning|afternoon|evening))?['\u2019]s\s+(?:[\w-]+\s+)?" + _GATHERING + r"\b")
_DAY_NUMBER = re.compile(r"\d{1,2}\b")
_RANGE_AFTER = re.compile(r"\s*(?:-|\u2013|to|until|through|and)\s*\d{1,2}\b")
_CUES = ("took place", "was held", "were held", "concluded", "celebrated", "'s ", "\u2019s ", " ran ",
         "held", "hosted", "attended")


def story_occasion(text: str, story_date: PartialDate | None) -> PartialDate | None:
    """The date of the gathering the story reports from (see the module docstring), or None."""
    if story_date is None or story_date.month is None or not any(c in text for c in _CUES):
        return None
    for start, end in split_sentences(text):
        sentence = text[start:end]
        day = _DAY_OF.search(sentence)
        if day is not None:
            found = resolve_relative(day.group("day"), story_date)
        elif (happened := _HAPPENED.search(sentence)) is not None:
            found = _date_in(sentence[happened.start() :], story_date)  # not a dateline before it
        else:
            continue
        if found is not None and _shortly_before(found, story_date):
            return found
    return None


def _date_in(sentence: str, story_date: PartialDate) -> PartialDate | None:
    """The occasion's date a sentence gives: a day, or the month of a range ("from June 17 to 20")."""
    dates = find_dates(sentence)
    if dates:
        d = dates[0]
        ranged = _RANGE_AFTER.match(sentence, d.end) is not None
        return PartialDate(d.date.year, d.date.month) if ranged and d.date.month else d.date
    yearless = find_yearless(sentence)
    if yearless:
        month, day, at = yearless[0]
        number = _DAY_NUMBER.search(sentence, at)
        if number is not None and _RANGE_AFTER.match(sentence, number.end()) is not None:
            first = in_year_of(month, 1, story_date)
            return PartialDate(first.year, month) if first is not None else None
        return in_year_of(month, day, story_date)
    return month_alone(sentence, story_date)


def _shortly_before(found: PartialDate, story_date: PartialDate) -> bool:
    """Whether ``found`` lies before the story's date, at most MAX_DAYS_BEFORE days before."""
    if found.month is None or story_date.month is None:
        return False
    first = date(found.year, found.month, found.day or 1)
    story = date(story_date.year, story_date.month, story_date.day or 28)
    if (found.year, found.month, found.day or 0) >= (story_date.year, story_date.month, story_date.day or 0):
        return False
    return 0 < (story - first).days <= MAX_DAYS_BEFORE
