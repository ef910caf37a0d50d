"""Runs of capitalised words: the stretches of text an institution's name can be read from.

A run is a list of ``(word, start, end)`` tokens: capitalised words (and "3M"-like words)
joined by connectors ("of", "and", "de", ...), broken by punctuation, line breaks (except a
hard wrap right after a connector: "The Anna M. and\nBert K. Lindqvist Trust"), a
sentence's end, a possessive that is not part of a name ("Riverside's"), and a cashtag
("$ACME"). A full stop after an initial or a legal abbreviation ("T.H.", "Corp.") ends
the run only where the next word opens a sentence ("Acme Corp. In 2024 ...") or, after a
legal abbreviation, is no legal word itself ("Acme Corp. Jane Doe said"). Used by
:mod:`medtui.extract.discover`.
"""

from __future__ import annotations

import re

from medtui.extract.vocabulary import vocabulary

CONNECTORS = frozenset({"of", "for", "and", "&", "the", "de", "du", "des", "di", "la", "le", "van", "von", "der"})
# Possessives that are part of names ("People's Government", "Children's Hospital").
NAME_POSSESSIVES = frozenset({"People", "Children", "Women", "King", "Queen", "Men", "Mary", "John"})
ABBREVIATIONS = frozenset({"Inc.", "Ltd.", "Co.", "Corp.", "St.", "Dr.", "Prof.", "Mr.", "Mrs.", "Ms.", "Jr.", "Sr."})
LEGAL = frozenset({"Inc", "Inc.", "Ltd", "Ltd.", "LLC", "Corp", "Corp.", "Co", "Co.", "PLC", "plc", "GmbH",
                   "AG", "SE", "S.A.", "N.V.", "LLP", "L.P.", "Limited", "Pty", "Pte", "Pvt", "Bhd", "Bhd."})
"""Legal forms of companies: one ends a name unless another follows ("Acme Co. Ltd.")."""
_SAINTS = frozenset({"St.", "St", "Saint", "Ste.", "Sainte"})
"""Words before a saint's name: "St. Paul's Hospital" is one name, not St. Paul's hospital
(76 such possessives in the 25k press releases: hospitals, universities, schools, health
systems, and days and roads that have no head word). Not "San"/"Santa": "San Diego's X" is
a city's possessive."""
_HONORIFICS = frozenset({"Dr", "Dr.", "Prof", "Prof.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms."})
"""Titles before a person's name inside a run ("Sir" and "Dame" are left out: "Sir Run Run
Shaw Hospital" is named after one)."""
_LEGAL_ABBREVIATIONS = frozenset({"Inc.", "Ltd.", "Co.", "Corp.", "Bhd."})
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")
_GLUED = re.compile(r"(?<=[a-z])([A-Z][a-z]+)$")
"""A word glued to the next by a lost line break: "AmericaFounded" (the second part an opener)."""

_TOKEN = re.compile(
    r"[A-Z][\w'\u2019\-]*(?:&[A-Z]\w*)*(?:\.(?=\s)|\.[A-Z][\w]*)*|[a-z]+|&|\d+(?:[A-Za-z]\w*)?")
_CAP = r"[A-Z][\w'\u2019\-]*(?:&[A-Z]\w*)*(?:\.[A-Z][\w]*)*\.?"
_CANDIDATE_RUN = re.compile(
    _CAP + r"(?:[ \t]+(?:(?:of|for|on|and|&|the|de|du|des|di|la|le|van|von|der)(?:[ \t]+|[ \t]*\n[ \t]*))*"
    + r"(?:" + _CAP + r"|\d+(?:[A-Za-z]\w*)?))*"
)
_QUOTES_S = ("'", "\u2019", "'s", "\u2019s")

Token = tuple[str, int, int]


def runs(text: str) -> list[list[Token]]:
    """Runs of capitalised tokens joined by connectors, broken by punctuation.

    A cheap regex finds the stretches of capitalised words first, so that the token
    loop only walks those, not every word of the text.
    """
    found: list[list[Token]] = []
    for stretch in _CANDIDATE_RUN.finditer(text):
        if " " not in stretch.group() and "\t" not in stretch.group():
            continue  # one capitalised word alone holds no institution name
        found.extend(_token_runs(text, stretch.start(), stretch.end()))
    return found


def _token_runs(text: str, begin: int, finish: int) -> list[list[Token]]:
    vocab = vocabulary()
    on_heads, openers, places = vocab.on_heads, vocab.openers, vocab.places
    out: list[list[Token]] = []
    current: list[Token] = []
    last_end = -1
    stop_after = False  # the word before ended with an initial's or abbreviation's full stop
    for m in _TOKEN.finditer(text, begin, finish):
        word = m.group()
        at = m.start()
        if at and text[at - 1] == "$":
            if current:  # "$ACME Acme Corp": a cashtag is no part of a name
                out.append(current)
            current, last_end, stop_after = [], m.end(), False
            continue
        # Two words glued by a lost line break: "Institute of AmericaFounded in 1946" (an opener
        # after it), "Partners GroupPartners Group" (the name again): the run ends between them.
        glued = _GLUED.search(word) if word[0].isupper() and not word.istitle() and not word.isupper() else None
        if glued is not None and (glued.group(1) in openers or any(t[0] == glued.group(1) for t in current)):
            word = word[: glued.start(1)]
        else:
            glued = None
        sentence_end = False
        if word[-1] == ".":
            # "T.H." inside a name runs on; "U.S." ends its run as before (a country before a
            # name is not part of it: "U.S. Department of Energy" is the "Department of Energy").
            initials = _INITIALS.match(word) is not None and word.casefold() not in places
            sentence_end = word not in ABBREVIATIONS and len(word) > 2 and not initials
            if sentence_end:
                word = word[:-1]
        gap = text[last_end:at] if last_end >= 0 else " "
        capital = word[0].isupper() or word[0].isdigit() and (current != [] or mixed(word))
        joined = bool(current) and gap.strip() == "" and ("\n" not in gap or gap.count("\n") == 1
                                                          and current[-1][0] in CONNECTORS)
        if joined:
            if stop_after and (word in openers or current[-1][0] in _LEGAL_ABBREVIATIONS and word not in LEGAL):
                joined = False  # "Acme Corp. In 2024", "Quantix X. We": a new sentence
            elif word in _HONORIFICS:
                joined = False  # "University of X and Dr. Jane Roe": a person starts here
            elif word == "on" and not (_bare(current[-1][0]) in on_heads and _on_complement(text, m.end())):
                joined = False  # "on" joins only "Institute on Aging"-like names
        if joined and (capital or word.lower() in CONNECTORS or word == "on"):
            current.append((word, at, at + len(word)))
        else:
            if current:
                out.append(current)
            current = [(word, at, at + len(word))] if word[0].isupper() or mixed(word) else []
        last_end = m.end()
        stop_after = word[-1] == "."
        # A saint's possessive runs on ("St. Vincent's Hospital", "Saint Luke's Health").
        saint = bool(current) and len(current) >= 2 and current[-2][0] in _SAINTS
        possessive = is_possessive(word) and _bare(word) not in NAME_POSSESSIVES and not saint
        if current and (sentence_end or possessive and word[0].isupper() or glued is not None):
            out.append(current)
            current = []
        if glued is not None and glued.group(1) not in openers:
            current = [(glued.group(1), at + glued.start(1), m.end())]
    if current:
        out.append(current)
    return out


_NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w'\u2019\-]*)")


def _on_complement(text: str, at: int) -> bool:
    """Whether the word after "on" (at ``at``) can start a name's complement: capitalised,
    not a day or month ("Council on Foreign Relations", not "Institute on Monday")."""
    m = _NEXT_WORD.match(text, at)
    return m is not None and m.group(1) not in vocabulary().months


def mixed(word: str) -> bool:
    """A word of digits and capitals that can start a name: "3D", "3M", "5G"."""
    return word[0].isdigit() and any(c.isupper() for c in word)


def is_possessive(word: str) -> bool:
    """Ends in ' or 's (straight or curly)."""
    return word.endswith(_QUOTES_S)


def _bare(word: str) -> str:
    """The word without a possessive ending (and a full stop before it)."""
    if not word.endswith(_QUOTES_S):
        return word
    cut = 2 if word.endswith("s") else 1
    return word[:-cut].rstrip(".")


bare = _bare
