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
- a month alone ("In July, X awarded ...", "at the end of last February") is that month of
  the story's year (the year before when that month comes after the story's); a year alone
  before the act ("In 2019, X signed ...", "Since late 2015, X has partnered with Y") is that
  year, unless a relative date stands between them ("in 2023, and last year it signed": last
  year); "since 1930" after the act describes a party's history and dates nothing;
- other relative dates ("two years ago", "previously", "last week") give no date;
- without a dated story, no relative or yearless date is resolved (no date).
Otherwise the event takes the story's date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from medtui.corpus.dates import find_dates, find_yearless, in_year_of
from medtui.corpus.model import PartialDate

# "Founded in March 1998, X signed ...": a date of the institution's history, not of the act.
_HISTORY_DATE = re.compile(
    r"\b(?:founded|established|set up|created|incorporated|opened|built|since)\s+(?:in\s+|on\s+)?$", re.I)
_UNRESOLVED = re.compile(
    r"\b(?:previous|past|next|coming)\s+(?:year|month|week|decade)\b|\b(?:years?|months?|weeks?|days?)\s+ago\b|"
    r"\blast\s+(?:week|decade)\b|\bpreviously\b|\bearlier this\b|\bin the past\b", re.I)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
# A month without day or year, after a word that makes it a time ("in May", not "may").
_MONTH_ALONE = re.compile(
    r"\b(?:in|during|since|of|last|early|late|mid-?)\s+(?:(?:early|late|mid-?)\s*)?(?:last\s+)?"
    r"(?P<month>(?-i:January|February|March|April|May|June|July|August|September|October|November|December))"
    r"\b(?!\s*\d)", re.I)
# A year alone, before the act it dates ("In 2019, X signed", "Since late 2015, X has partnered").
_YEAR_ALONE = re.compile(r"\b(?:in|during|since)\s+(?:(?:early|late|mid-?)\s*)?(?P<year>(?:19|20)\d\d)\b(?![-/]\d)",
                         re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RESOLVABLE = re.compile(
    r"\b(?P<word>today|yesterday|this (?:week|month|year)|last (?:month|year)|"
    r"(?:on |last |this )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b", re.I)


def event_date(sentence: str, story_date: PartialDate | None, act_at: int = 0,
               occasion: Callable[[], PartialDate | None] | None = None) -> PartialDate | None:
    """The date of the act a sentence reports (see the module docstring); ``act_at``: where
    the act's trigger starts in ``sentence`` (a year alone counts only before it);
    ``occasion``: gives the date of the gathering the story reports from (see
    :mod:`medtui.extract.occasion`), which an act the sentence does not date took place at
    (asked only then: most stories never need it)."""
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
    years = [y for y in _YEAR_ALONE.finditer(sentence, 0, act_at)
             if not _HISTORY_DATE.search(sentence[max(0, y.start() - 30) : y.start()])]  # never "founded in 1930"
    # The nearest before the act ("In 2021, X bought Y, and in 2023 it received approval"),
    # unless relative words stand nearer ("submitted in 2023, and last year it signed").
    if years and _RESOLVABLE.search(sentence, years[-1].end(), act_at) is None:
        return PartialDate(int(years[-1].group("year")))
    if _MONTH_ALONE.search(sentence) is not None:
        return month_alone(sentence, story_date)
    relative = _RESOLVABLE.search(sentence)
    if relative is not None:
        resolved = resolve_relative(relative.group("word"), story_date)
        gathering = occasion() if occasion is not None and resolved is not None and resolved.day is None else None
        if gathering is not None and resolved is not None and _within(gathering, resolved):
            return gathering  # "Highlights this year include ...": this year's gathering
        return resolved
    return (occasion() if occasion is not None else None) or story_date


def _within(inner: PartialDate, outer: PartialDate) -> bool:
    """Whether ``inner`` lies in the year (and month, if given) of ``outer``."""
    return inner.year == outer.year and (outer.month is None or inner.month == outer.month)


def month_alone(sentence: str, story_date: PartialDate | None) -> PartialDate | None:
    """The first month named alone in ``sentence`` ("In July", "end of last February"), in the
    story's year or the year before (see the module docstring); None without one or a story date."""
    m = _MONTH_ALONE.search(sentence)
    if m is None or story_date is None:
        return None
    month = _MONTHS.index(m.group("month").lower()) + 1
    after = story_date.month is not None and month > story_date.month
    last_same = "last" in m.group().lower() and month == story_date.month
    return PartialDate(story_date.year - 1 if after or last_same else story_date.year, month)


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
