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
# A gathering that happened: its noun, then in the same clause "took place", "was held",
# "concluded", "celebrated"; or "concluded/held/hosted/attended (its) ... <noun>". Found verb
# first (plain searches), the noun looked for around each verb.
_HAPPENED_WORDS = ("took place", "held", "concluded", "celebrated", "ran", "hosted", "attended")
_NOUN_BEFORE = re.compile(r"\b" + _GATHERING + r"\b[^.;]{0,120}$", re.I)
_NOUN_AFTER = re.compile(r"\s+(?:its\s+|the\s+|a\s+)?(?:[\w-]+\s+){0,4}?" + _GATHERING + r"\b", re.I)
_VERB_BEFORE_NOUN = frozenset({"concluded", "held", "hosted", "attended"})
_DAY_OF = re.compile(
    r"\b(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[Yy]esterday)"
    r"(?:\s+(?:night|morning|afternoon|evening))?['\u2019]s\s+(?:[\w-]+\s+)?" + _GATHERING + r"\b")
_DAY_NUMBER = re.compile(r"\d{1,2}\b")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "esterday")
_RANGE_AFTER = re.compile(r"\s*(?:-|\u2013|to|until|through|and)\s*\d{1,2}\b")


def story_occasion(text: str, story_date: PartialDate | None) -> PartialDate | None:
    """The date of the gathering the story reports from (see the module docstring), or None."""
    if story_date is None or story_date.month is None:
        return None
    # Two scans of the whole story; sentences are split only around a match (rare).
    hits: list[tuple[int, str | None]] = []
    if any(day in text for day in _DAYS):  # plain searches first: the patterns are slow to scan with
        hits += [(m.start(), m.group("day")) for m in _DAY_OF.finditer(text)]
    for verb in _HAPPENED_WORDS:
        at = text.find(verb)
        while at >= 0:
            stop = at + len(verb)
            if (at == 0 or not text[at - 1].isalnum()) and (stop == len(text) or not text[stop].isalnum()):
                before = _NOUN_BEFORE.search(text, max(0, at - 140), at)
                if before is not None:
                    hits.append((before.start(), None))
                elif verb in _VERB_BEFORE_NOUN and _NOUN_AFTER.match(text, stop) is not None:
                    hits.append((at, None))
            at = text.find(verb, stop)
    if not hits:
        return None
    bounds = split_sentences(text)
    for at, day in sorted(hits):
        end = next((b for a, b in bounds if a <= at < b), len(text))
        # From the gathering on: never a dateline before it.
        found = resolve_relative(day, story_date) if day else _date_in(text[at:end], story_date)
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
