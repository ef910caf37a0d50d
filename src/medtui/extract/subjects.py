"""The subject of an act written without a name: "The company partnered with A and B".

A release names its issuer once and then writes "the company", "the X-based company",
"the university", "it", "its", "we": "In September, the company partnered with A and B to
acquire ..." is the issuer's pact with A and with B, not a pact of A with B; "The company
counts A, B and C as partners, and recently entered into a collaboration with D" is the
issuer's collaboration with D (A, B and C are named in another clause). Found in 2,000
random releases of the 25k (session 6: 10 of 334 events paired the act's objects with each
other or with another clause's names for want of this subject; the session 5 trial's
commonest error, 5 of 20).

The reference stands at the start of the sentence (after an opening phrase such as "In
October 2024," that names no institution) as the subject of a verb ("the company
partnered", "It also signed", "The company's partnership with", "Its partnerships with"),
and the act's other parties follow its "with". The issuer is the institution the story
mentions most before the sentence (a headline mention counts twice), of the kind the
noun says ("the university": a university); "the company" may also be an issuer of no
known kind, and "it", "its", "we", "our" are the issuer whatever its kind. "We" and "our"
inside a quotation belong to the speaker: a sentence that names who said it is left to the
other rules. The nouns and their kinds are data (``subject_nouns`` in ``data/events.yaml``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache

from medtui.extract.event_words import event_words
from medtui.extract.mentions import Span
from medtui.extract.parties import mention_counts

# An opening phrase before the subject: "In October 2024, ", "Most recently, " (a comma
# within 60 characters of the sentence's start, or "Additionally"-like words).
_OPENING = r"(?:[^,\n]{1,60},\s+|(?:also|additionally|furthermore|moreover|recently|today|meanwhile)\s+)?"
# "the Mountain View, California-based company": a place joined to "based" before the noun.
_BASED = r"(?:(?:[A-Z][\w.'\u2019]*,?\s+){0,3}[\w.'\u2019]*-based\s+)?"
# What may follow the reference for it to be the subject: a verb or an adverb (lower case),
# or the possessive of a nominal act; not "and X", ", together with X", "of", "to".
_AFTER = r"(?=(?:['\u2019]s\s+|\s+(?!(?:and|or|of|to|that|which|who|with|in|for|at|as)\b)[a-z]))"


@lru_cache(maxsize=1)
def _reference() -> re.Pattern[str]:
    nouns = "|".join(re.escape(n) for n in sorted(event_words().subject_nouns, key=len, reverse=True))
    return re.compile(
        rf"\W*{_OPENING}(?:(?i:the)\s+{_BASED}(?P<noun>(?i:{nouns}))|(?P<pronoun>It|Its|We|Our|it|its|we|our))"
        rf"{_AFTER}")


_SAID = re.compile(r"\b(?:said|says|added|adds|stated|states|noted|notes|explained|commented|according to)\b")
_QUOTE = re.compile("[\"\u201c\u201d]")
_WITH = re.compile(r"\bwith\b")
_BETWEEN = re.compile(r"\b(?:between|among|amongst)\b")
# Where the clause of a second verb starts: "counts A as partners, and recently entered ...".
_SECOND_CLAUSE = re.compile(r",\s+and\s+")


def referred_subject(text: str, spans: list[Span], start: int, end: int, act_at: int, act_end: int,
                     counts: Counter[str], kinds: dict[str, str], lead: str | None = None) -> str | None:
    """The issuer a sentence text[start:end] refers to as the subject of its act (trigger at
    text[act_at:act_end]), when it names the subject so (see the module docstring), else
    None. ``spans`` sorted by start; ``counts``: mentions of each institution before the
    sentence (or in the story, when none before); ``kinds``: each institution's kind;
    ``lead``: the headline's first institution, taken before the most mentioned."""
    m = _reference().match(text, start, act_end)
    if m is None or m.end() > act_at or not counts:
        return None
    first = bisect_left(spans, start, key=lambda s: s.start)
    before = [s for s in spans[first:bisect_left(spans, act_at, lo=first, key=lambda s: s.start)]]
    if any(s.start < m.end() for s in before):
        return None  # "In partnership with X, the company ...": the opening names a party
    if before and _SECOND_CLAUSE.search(text, before[-1].end, act_at) is None:
        return None  # "The company announced that X signed ...": X is the act's subject
    after = next((s.start for s in spans[first:] if s.start >= act_at), end)
    if _WITH.search(text, act_at, after) is None or _BETWEEN.search(text, act_at, after):
        return None  # "a collaboration between A and B": the parties follow the act
    pronoun = m.group("pronoun")
    if pronoun and pronoun.lower() in ("we", "our") and (_SAID.search(text, act_at, end)
                                                         or _QUOTE.search(text, start, act_at)):
        return None  # a quotation's "we" is its speaker's institution
    ranked = [k for k, _ in counts.most_common()]
    if lead is not None and lead in counts:  # the headline's first institution: the issuer of most releases
        ranked.remove(lead)
        ranked.insert(0, lead)
    if pronoun:
        return ranked[0]
    wanted = event_words().subject_nouns[m.group("noun").lower()]
    if wanted == "company" and kinds.get(ranked[0], "other") == "other":
        return ranked[0]  # the issuer, of no known kind
    return next((k for k in ranked if kinds.get(k) == wanted), None)


def objects_after(spans: list[Span], parties: list[str], act_at: int, subject: str) -> list[str]:
    """The parties among ``parties`` named after the act's trigger (at ``act_at``), other
    than ``subject``, in order."""
    after = [s.key for s in spans if s.start >= act_at and s.key in parties and s.key != subject]
    return list(dict.fromkeys(after))


def subject_pairs(text: str, spans: list[Span], title_spans: list[Span], start: int, end: int,
                  act_at: int, act_end: int, parties: list[str], kinds: dict[str, str]) -> list[list[str]] | None:
    """The (issuer, party) pairs of a sentence text[start:end] whose act (trigger at
    text[act_at:act_end]) has a subject written without a name, one per party named after
    the act; None when the sentence names its subject, or refers to none of the story's
    institutions, or names no party after the act."""
    first = bisect_left(spans, start, key=lambda s: s.start)
    counts = mention_counts(spans[:first], title_spans) or mention_counts(spans, title_spans)
    lead = min(title_spans, key=lambda s: s.start).key if title_spans else None
    subject = referred_subject(text, spans, start, end, act_at, act_end, counts, kinds, lead)
    if subject is None:
        return None
    objects = objects_after(spans[first:], parties, act_at, subject)
    return [[subject, k] for k in objects] or None


def lone_subject(text: str, spans: list[Span], parties: list[str], start: int, act_at: int) -> str | None:
    """The one party named before the act at ``act_at`` when all the others come after its
    "with" ("X partnered with A, B and C"), else None. A reader writes such a list as X's
    pact with each (as ../shared/gold does: pairs only), not as one pact of four. "A
    partnership between A and B" names its parties after the act: the subject before it
    only announces it."""
    first = bisect_left(spans, start, key=lambda s: s.start)
    at = bisect_left(spans, act_at, lo=first, key=lambda s: s.start)
    before = {s.key for s in spans[first:at] if s.key in parties}
    after = next((s.start for s in spans[at:] if s.key in parties), None)
    if len(before) != 1 or after is None or _WITH_ONLY.search(text, act_at, after) is None:
        return None
    return next(iter(before))


_WITH_ONLY = re.compile(r"\bwith\b(?!.*\bbetween\b)", re.S)


# Between two names of one list after "with": ", ", " and ", ", and ", " & ", a bracketed
# short form or ticker before it ("A (AB), B and C").
_LIST_GAP = re.compile(r"(?:\s*\([^()]{0,40}\))?(?:,\s+(?:and\s+(?:the\s+)?)?|\s+(?:and|&)\s+(?:the\s+)?)")


_LAST_GAP = re.compile(r"\band\b|&")


def objects_only(text: str, spans: list[Span], start: int, end: int, act_at: int, parties: list[str]) -> bool:
    """Whether every party of a sentence text[start:end] is one list of names after its
    act's "with" ("... has worked in close partnership with A, B and C for 25 years"), no
    institution named before the act nor after the list: the act's subject is unnamed, and
    the names are its partners, not partners of each other (found in 2,000 random releases,
    session 6: 6 of 334 events paired such co-objects; the subject was an unknown name, a
    heading or "the collaboration")."""
    first = bisect_left(spans, start, key=lambda s: s.start)
    inside = [s for s in spans[first:bisect_left(spans, end, lo=first, key=lambda s: s.start)]
              if s.key in parties]
    if len({s.key for s in inside}) < 2 or inside[0].start < act_at:
        return False
    if _WITH.search(text, act_at, inside[0].start) is None or _BETWEEN.search(text, act_at, inside[0].start):
        return False
    gaps = [_LIST_GAP.fullmatch(text, a.end, b.start) for a, b in zip(inside, inside[1:], strict=False)]
    # A list ends "and C" ("with A, B": B opens the next clause, "with X, Y's team ...").
    return all(gaps) and _LAST_GAP.search(text, inside[-2].end, inside[-1].start) is not None


def first_named(spans: list[Span], start: int, end: int, other_than: list[str]) -> str | None:
    """The first institution mentioned in text[start:end] that is not in ``other_than``."""
    first = bisect_left(spans, start, key=lambda s: s.start)
    for s in spans[first:bisect_left(spans, end, lo=first, key=lambda s: s.start)]:
        if s.key not in other_than:
            return s.key
    return None


def named_after(spans: list[Span], key: str, start: int, end: int) -> bool:
    """Whether institution ``key`` is mentioned in text[start:end] (spans sorted by start)."""
    first = bisect_left(spans, start, key=lambda s: s.start)
    return any(s.key == key for s in spans[first:bisect_left(spans, end, lo=first, key=lambda s: s.start)])


# A person as the subject of the act's clause: the sentence opens with "He"/"She" (after a
# short opening phrase: "Additionally, he ..."), or the clause holding the act does ("...,
# where she leads the X in partnership with Y"). A biography's "He also collaborates with A
# and B" or "She is a partner with C" tells what a person does, not a pact of institutions
# (events need an institution as subject). Read in 6,000 random releases (session 6): 3 such
# events, each judged wrong; none in the dev set's gold.
_PERSON_OPENS = re.compile(r"\W*(?:[\w-]+(?:\s+[\w-]+){0,2},\s+)?(?:he|she)\s", re.IGNORECASE)
_PERSON_CLAUSE = re.compile(r"\b(?:where|while|and|as|when)\s+(?:he|she)\s[^,;:\"\u201c\u201d]*$", re.IGNORECASE)


def person_subject(sentence: str, trigger_at: int) -> bool:
    """Whether the clause that holds the act at ``trigger_at`` (an offset into
    ``sentence``) has a person pronoun ("he", "she") as its subject."""
    head = sentence[:trigger_at]
    return _PERSON_OPENS.match(head) is not None or _PERSON_CLAUSE.search(head) is not None


# A trademark notice: "X and Y are trademarks of Z and have been licensed for use by W",
# "... used under license". Legal text at a release's foot, no pact (read in 400 releases of
# the 25k that hold such notices: the one event made from them was a notice's licence).
_TRADEMARK_NOTICE = re.compile(r"\b(?:trade|service)\s?marks?\b.*\b(?:licen[cs]ed\s+for\s+use|used\s+under\s+"
                               r"licen[cs]e|licen[cs]ed\s+to)\b", re.IGNORECASE)


def not_an_act(sentence: str, trigger_at: int) -> bool:
    """Whether the act at ``trigger_at`` in ``sentence`` is no institution's act: a person's
    (:func:`person_subject`) or a trademark notice's licence."""
    return person_subject(sentence, trigger_at) or _TRADEMARK_NOTICE.search(sentence) is not None
