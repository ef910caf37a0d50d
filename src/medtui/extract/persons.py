"""People a story names, so that a person is never taken for an institution.

Press releases name people in a few fixed shapes: a quote's speaker ("said Jane Roe",
"says Roe"), a title before the name ("Dr. Roe", "CEO Jane Roe", "Chef Roe"), a role in
apposition after it ("Jane Roe, co-founder of ...", "Jane Roe, the firm's CEO"), a
reflexive ("Jane Roe himself"). A name without an institution's head word that the same
story uses in one of those shapes is a person's: a partnership act's subject or object
("partnering with Jane Roe and her team") is then no party. The words are data
(``persons`` in ``data/vocabulary.yaml``). Found in the trial of session 5 (2,000 random
releases): people were the commonest wrong party (speakers, founders, artists, consultants).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from medtui.extract.discover import STOP_LEADING
from medtui.extract.vocabulary import vocabulary

_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f"
# One word of a person's name: "Roe", "McAdams", "O'Hara", "Smith-Jones", "Zoë".
_WORD = rf"[{_UPPER}][{_LOWER}]+(?:['\u2019\-]?[{_UPPER}][{_LOWER}]+)*"
# A full name: two or three words, maybe a middle initial ("Jane Q. Roe").
_FULL = rf"{_WORD}(?:\s+[{_UPPER}]\.)?(?:\s+{_WORD}){{1,2}}"
_END = r"(?=\s*[,.;:!?\u201d\"]|\s*$|\s+(?:and|who|in|at|during|of)\b)"
# After a role before the name, the name ends where lower-case words go on: "Co-founder Jane
# Roe opened ...".
_LOWER_END = r"(?=\s*[,.;:!?\u201d\"]|\s*$|\s+[a-z])"


class _Shapes:
    """The compiled shapes, built once from the vocabulary."""

    def __init__(self) -> None:
        words = vocabulary().persons
        speech = "|".join(sorted(words["speech_verbs"], key=len, reverse=True))
        titles = "|".join(re.escape(t) for t in sorted(words["titles"], key=len, reverse=True))
        roles = "|".join(re.escape(r) for r in sorted(words["roles"], key=len, reverse=True))
        self.spoken = re.compile(rf"\b(?:{speech})\s+({_FULL}|{_WORD}){_END}")
        self.titled = re.compile(rf"(?<![\w.])(?:{titles})\.?\s+({_FULL}|{_WORD})\b")
        # Any word before a full name, its role read from a set (an alternation of every role
        # tried at every word costs ten times more): "co-founder Jane Roe", "Chef Mia Roe".
        # "EDM artist, Jane Roe, ...": a lower-case role and a comma before the name (not an
        # attribution's "President, Acme Gear").
        self.role_before = re.compile(rf"(?<![\w\-])([A-Za-z][\w\-]*|[a-z][\w\-]*,)\s+({_FULL}){_LOWER_END}")
        before_only = words.get("roles_before_name", frozenset())
        self.role_heads = frozenset(r.casefold().split()[-1] for r in words["roles"] | before_only)
        self.role_after = re.compile(
            rf"\b({_FULL}),\s+(?:(?:the|a|an|our|its|their|his|her)\s+)?"
            rf"(?:[\w'\u2019\-]+\s+){{0,2}}?(?i:{roles})\b(?!\s+[{_UPPER}][{_LOWER}])")
        self.role_words = frozenset(w.casefold() for w in words["roles"] | before_only | words["titles"])
        self.alone = self.role_words | {w.casefold().rstrip(".") for w in words["post_nominals"]}
        self.reflexive = re.compile(rf"\b({_FULL})\s+(?:himself|herself)\b")


@lru_cache(maxsize=1)
def _shapes() -> _Shapes:
    return _Shapes()


_BEFORE, _AFTER = 60, 90
"""Characters read before and after a name for the shapes that make it a person's."""


def people(text: str, around: Iterable[str] | None = None) -> set[str]:
    """The names ``text`` uses as people's (see the module docstring): full names and the
    one-word names used alone after a speech verb or a title ("said Roe", "Mr. Roe").

    ``around``: read only near these words (the words of the names in question), which
    is all the shapes need and far cheaper than reading the whole text.
    """
    shapes = _shapes()
    pieces: list[str] = [text]
    if around is not None:
        spans: list[tuple[int, int]] = []
        for word in set(around):
            at = text.find(word)
            while at >= 0:
                spans.append((max(0, at - _BEFORE), at + len(word) + _AFTER))
                at = text.find(word, at + len(word))
        spans.sort()
        merged: list[list[int]] = []
        for a, b in spans:
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        # Each piece starts after a space, so that no name is read from its middle.
        pieces = [text[a if a == 0 else text.find(" ", a, b) + 1 : b] for a, b in merged]
    found: set[str] = set()
    for piece in pieces:
        for pattern in (shapes.spoken, shapes.titled, shapes.role_before, shapes.role_after, shapes.reflexive):
            for m in pattern.finditer(piece):
                if pattern is shapes.role_before:
                    if m.group(1).rstrip(",").casefold() not in shapes.role_heads:
                        continue
                    words = m.group(2).split()
                else:
                    words = m.group(1).split()
                while len(words) > 1 and words[0] in STOP_LEADING:
                    words = words[1:]  # "Yesterday Jane Roe herself": a sentence's opener
                found.add(" ".join(words))
    # "said Acme Co-Founder Jane Roe": a role inside is no part of a person's name
    return {n for n in found if not any(w.casefold() in shapes.role_words for w in n.split())}


_SHAPED = re.compile(rf"(?:[{_UPPER}][\w.]*\s+)?{_WORD}(?:\s+[{_UPPER}]\.)?(?:\s+{_WORD}){{0,2}}(?:\s+of\s+.+)?")


def person_shaped(name: str) -> bool:
    """Whether ``name`` could be a person's (one to three capitalised words, maybe a title
    before or "of" an employer after): the cheap test before :func:`people` reads a story."""
    return _SHAPED.fullmatch(name) is not None


def title_alone(name: str) -> bool:
    """Whether ``name`` is only titles, roles or post-nominals ("Rector", "Sr", "M.D",
    "FACP"): a piece of a person's mention, no name."""
    words = name.replace(",", " ").split()
    return bool(words) and all(w.casefold().rstrip(".") in _shapes().alone for w in words)


def is_person(name: str, names: set[str]) -> bool:
    """Whether ``name`` (a candidate institution without a head word) is one of the people
    ``names`` (from :func:`people`): one of them, the first or last word of one ("Roe",
    "Jane"), a title and one's last word ("Chef Roe"), one of them "of" an employer
    ("Jane Roe of Acme Partners"), or a full name whose last word the story uses alone as a
    person's ("Jane Roe" and "said Roe")."""
    if not names:
        return False
    name = " ".join(name.split())
    if name in names:
        return True
    words = name.split()
    if len(words) == 1:
        return any(name in (n.split()[0], n.split()[-1]) for n in names if " " in n)
    if " of " in name and name.split(" of ", 1)[0] in names:
        return True
    if len(words) <= 3 and words[-1] in names and all(re.fullmatch(_WORD, w) for w in words):
        return True  # "Tom Arden" where the story quotes "said Arden"
    if len(words) == 2 and words[0].rstrip(".").casefold() in _shapes().role_words:
        return any(words[1] == n.split()[-1] for n in names)
    return False
