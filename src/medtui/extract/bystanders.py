"""Institutions a sentence names only to say what a party belongs to.

"Expanse Works, the gaming division of Harbor Holdings Inc., announced a partnership with
Tallis": Harbor Holdings is named to say whose division Expanse Works is; the partnership is
Expanse Works' and Tallis'. The same holds for "an affiliate of Y", "a joint venture between
Y and Z", "part of Y", "a Y national laboratory", "a Y company", and the owner before
"Y's subsidiary X" or "Y subsidiary X", the owner before "its subsidiary X" where the unit
is the act's subject ("Y announced that its subsidiary X signed ..."), and "As a division of
Y, X ..." opening a sentence; also the name a merger's result will bear ("the combined
company X"). A reader of the release writes the act between the
parties, not their owners. The nouns are data (``part_nouns`` in ``data/events.yaml``).
Found in the session 5 trial of 2,000 random releases, where owners named in such
appositives were the commonest bystander made a party.
"""

from __future__ import annotations

import re
from functools import lru_cache

from medtui.extract.event_words import event_words

# Words an appositive may hold before its noun ("a leading insurance firm and an affiliate
# of Y"): no preposition that would start the act's own slot.
_FILLER = r"(?:(?!(?:with|by|to|from|announced|announces|signed|said)\b)[\w'\u2019.&()\-]+,?\s+){0,14}?"
# After a party's name and a comma (or a bracket): "..., part of the Y", "(a unit of Y)"; or
# opening the sentence: "As a division of Y, X's collaboration with Z ...".
_OPEN = r"(?:,|\(|(?<![\w,])(?-i:As)\s)\s*(?:also\s+)?"
# A Title Case run: the owner named before the noun ("a Department of Tides national laboratory").
_RUN = r"(?:[A-Z][\w.&'\u2019\-]*)(?:\s+(?:[A-Z][\w.&'\u2019\-]*|of|and|for|the|&))*"
# Where an "of" slot ends: a semicolon, or a comma before a lower-case word that goes on with
# the sentence (", announced", ", to support"), not ", and" or ", LLC"; brackets inside it
# ("Y, LLC (\u201cY\u201d)") are part of it. A slot opened by a bracket ends where it closes.
_SLOT_END = re.compile(r";|,\s+(?!and\b|or\b|the\b)(?=[a-z])|[.!?](?=\s+[A-Z]|\s*$)")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    nouns = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in
                     sorted(event_words().part_nouns, key=len, reverse=True))
    of_slot = re.compile(rf"{_OPEN}{_FILLER}(?i:{nouns})\s+(?:of|between|within|owned\s+by)\s+")
    before_noun = re.compile(rf"{_OPEN}(?:a|an|the)\s+({_RUN})\s+(?:[a-z][\w\-]*\s+){{0,2}}(?i:{nouns})\b"
                             rf"(?!\s+(?:of|between|within|for|with|to|and)\b)")
    # "Y (OTC: YYY) Subsidiary X Signs ...": a headline's owner before its ticker.
    owner_of = re.compile(r"(?:\s*\([^()]{1,30}\))?(?:['\u2019]s)?\s+(?:(?i:wholly[- ]owned)\s+)?"
                          r"(?:subsidiary|division|unit|affiliate|Subsidiary|Division|Unit|Affiliate)\b,?\s+(?=[A-Z])")
    return of_slot, before_noun, owner_of


# "X announced that its wholly owned subsidiary Y signed ...", "X and its subsidiary, Y, have
# partnered with Z": the unit is the act's subject, its owner named before it no party.
_ITS_UNIT = re.compile(r"\b(?:its|their)\s+(?:wholly[- ]owned\s+|majority[- ]owned\s+)?(?:subsidiary|"
                       r"subsidiaries|division|unit|affiliate|operating company)\b,?\s+(?=[A-Z0-9])")


# The name a merger's result will bear: "will result in the combined company X", "the
# combined company would remain listed under the name X" (a SPAC's deal, read in 6,000 random
# releases, session 6: 2 events made the future name a third party). X is no party.
_RESULT_NAME = re.compile(r"\b(?i:combined|merged|resulting)\s+(?i:company|entity|group)\s*,?\s*"
                          r"(?:(?i:to\s+be|will\s+be|"
                          r"would\s+be)\s+)?(?:(?i:re)?named\s+|called\s+|known\s+as\s+)?[\"\u201c]?(?=[A-Z])"
                          r"|\bunder\s+the\s+(?:new\s+)?name\s+[\"\u201c]?(?=[A-Z])")
# Where that name ends: after its defined short name in brackets ("X ("PubCo")"), or at a
# comma or a word that goes on with the sentence.
_RESULT_END = re.compile(r"[,;]|\)|\s(?:and|or|with|to|which|that|will|would|is|was|becoming|being)\s")


def owner_slots(text: str, start: int, end: int, act_at: int | None = None) -> list[tuple[int, int]]:
    """The stretches of text[start:end] that name owners of a party (see the module
    docstring), as (start, end) offsets into ``text``. The owner before "'s subsidiary X"
    is the stretch ending where that phrase starts (its name ends there). Before the act's
    trigger (at ``act_at``), "its subsidiary X" makes the stretch before it the owner's: the
    subject of the sentence is the unit (found in 2,000 random releases, session 6: parent
    and unit paired in 5 of 334 events)."""
    of_slot, before_noun, owner_of = _patterns()
    slots: list[tuple[int, int]] = []
    unit = _ITS_UNIT.search(text, start, act_at) if act_at is not None else None
    if unit is not None:
        slots.append((start, unit.start()))
    for m in of_slot.finditer(text, start, end):
        if text[m.start()] == "(":
            close = text.find(")", m.end(), end)
            stop_at = close if close >= 0 else end
        else:
            stop = _SLOT_END.search(text, m.end(), end)
            stop_at = stop.start() if stop else end
        slots.append((m.end(), stop_at))
    for m in before_noun.finditer(text, start, end):
        slots.append((m.start(1), m.end(1)))
    for m in owner_of.finditer(text, start, end):
        slots.append((m.start(), m.start()))  # a party's span ending exactly here
    for m in _RESULT_NAME.finditer(text, start, end):
        stop = _RESULT_END.search(text, m.end(), end)
        slots.append((m.end(), stop.end() if stop else end))
    return slots


def in_slot(slots: list[tuple[int, int]], span_start: int, span_end: int) -> bool:
    """Whether a name at text[span_start:span_end] stands in one of ``slots``."""
    for a, b in slots:
        if a == b:
            if span_end == a:
                return True
        elif a <= span_start and span_end <= b:
            return True
    return False


# Between a party's name and a description of it written as a name: ", a Lakeland Native
# Corporation", ", Inc., a Delaware Corporation", ", your premier full-service Design Agency";
# not a phrase that names another ("a startup backed by Y").
_DESCRIPTION = re.compile(r"(?:,?\s+(?:Inc|LLC|Ltd|Corp|Co|PLC)\.?)?(?:\s*\([^()]{0,40}\))*,\s+"
                          r"(?:a|an|your|our)\s+(?:(?!(?:by|of|from|with|for|in|at|to|and|or)\s)[a-z][\w'\u2019\-]*\s+){0,4}")


def describes(text: str, name_end: int, start: int) -> bool:
    """Whether a name at text[start:] is an appositive describing the name that ends at
    ``name_end`` ("Harbor Regional Corporation, Inc., a Lakeland Native Corporation that
    ..."): a description, no second party (found in 2,000 random releases, session 6: 3 of
    334 events)."""
    return _DESCRIPTION.fullmatch(text, name_end, start) is not None
