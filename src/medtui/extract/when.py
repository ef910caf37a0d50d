"""When an event happened, from its sentence and the story's date.

Rules (the reading issue's date rules, applied to an act's sentence):
- a full date in the sentence is the event's ("signed on 4 July 2024"), unless it dates the
  institution's history ("founded in March 1998");
- a date without a year takes the story's year ("signed on 4 July"; the year before when
  that day would fall after the story's date);
- "today" is the story's date; "yesterday" the day before; a weekday ("on Monday") the last
  such day on or before the story's date; "this week" only the story's month, "this month"
  the story's month, "this year" the story's year, "last month" the month before, "last year"
  the year before: only as precise as the words allow;
- other relative dates ("two years ago", "previously", "last week") give no date;
- without a dated story, no relative or yearless date is resolved (no date).
Otherwise the event takes the story's date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from medtui.corpus.dates import find_dates, find_yearless, in_year_of
from medtui.corpus.model import PartialDate

# "Founded in March 1998, X signed ...": a date of the institution's history, not of the act.
_HISTORY_DATE = re.compile(
    r"\b(?:founded|established|set up|created|incorporated|opened|built|since)\s+(?:in\s+|on\s+)?$", re.I)
_UNRESOLVED = re.compile(
    r"\b(?:previous|past|next|coming)\s+(?:year|month|week|decade)\b|\b(?:years?|months?|weeks?|days?)\s+ago\b|"
    r"\blast\s+(?:week|decade)\b|\bpreviously\b|\bearlier this\b|\bin the past\b|"
    r"\bsince\s+(?:19|20)\d\d\b", re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RESOLVABLE = re.compile(
    r"\b(?P<word>today|yesterday|this (?:week|month|year)|last (?:month|year)|"
    r"(?:on |last |this )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b", re.I)


def event_date(sentence: str, story_date: PartialDate | None) -> PartialDate | None:
    """The date of the act a sentence reports (see the module docstring)."""
    dates = [d for d in find_dates(sentence)
             if not _HISTORY_DATE.search(sentence[max(0, d.start - 30) : d.start])]
    if dates:
        return dates[0].date
    if _UNRESOLVED.search(sentence):
        return None
    yearless = find_yearless(sentence)
    if yearless:
        month, day, _ = yearless[0]
        return in_year_of(month, day, story_date) if story_date is not None else None
    relative = _RESOLVABLE.search(sentence)
    if relative is not None:
        return resolve_relative(relative.group("word"), story_date)
    return story_date


def resolve_relative(words: str, story_date: PartialDate | None) -> PartialDate | None:
    """A relative date ("yesterday", "on Monday", "this week") against the story's date,
    only as precise as both allow; None without a story date."""
    if story_date is None:
        return None
    w = " ".join(words.lower().split())
    if w.endswith("year"):
        return PartialDate(story_date.year - 1) if w.startswith("last") else PartialDate(story_date.year)
    if w == "last month":
        if story_date.month is None:
            return None
        year, month = (story_date.year, story_date.month - 1) if story_date.month > 1 else (story_date.year - 1, 12)
        return PartialDate(year, month)
    if w in ("this month", "this week"):
        return PartialDate(story_date.year, story_date.month)
    if story_date.day is None or w == "today":
        return story_date  # a story dated only by its month (or year): no more precise than that
    day = date(story_date.year, story_date.month or 1, story_date.day)
    if w == "yesterday":
        day -= timedelta(days=1)
    else:
        weekday = _WEEKDAYS.index(w.split()[-1])
        back = (day.weekday() - weekday) % 7
        if w.startswith("last") and back == 0:
            back = 7
        day -= timedelta(days=back)
    return PartialDate(day.year, day.month, day.day)
