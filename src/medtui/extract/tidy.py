"""Found names that are no institution's name as they stand, made right or dropped.

Issue 10, item 7 ("a clean institution list"), by kind, as seen in the press releases:

- a legal form alone ("Inc.", "LLC"): no name;
- a name doubled by a lost line break ("About Acme Group Acme Group is ..."): two names;
- text glued before a name by a lost break ("Market ReachAcme Foods", "Acme Inc.Acme Inc"):
  the name is what follows the join, when the document also gives it on its own;
- a document's title ("Guidance Statement From the Acme Heart Society"): the name after
  "From"/"By";
- two parties joined by "and" ("Acme Bank and Riverside College"): split when each part has
  two words or more, is a name (found as one, or with its own head or legal form) and the
  document names it on its own elsewhere (unlike "Institute of Archives and Library Studies",
  or a first name: "Jane and John Doe Foundation");
- one ordinary word ("Two", "Boys", "Water"): a number word, a sentence opener, or a word the
  document also writes in lower case, is no name.

Cheap by design: each test looks only at the candidate's words, and at the document only
for candidates that have the shape in question (one word, a join, an "and").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from medtui.extract.boundaries import Candidate
from medtui.extract.discover import is_head
from medtui.extract.runs import LEGAL, bare
from medtui.extract.vocabulary import is_generic_name, vocabulary

_JOIN = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])|(?<=[a-z]\.)(?=[A-Z])|(?<=[A-Z]\.)(?=[A-Z][A-Za-z])")
"""A lost break inside a word: "ReachAcme", "Inc.Acme", "INC.Acme" (tried only where the rest recurs)."""
_TITLE_LINK = re.compile(r" (?:From|By) (?:the )?(?=[A-Z])")
_CONTRACTION = re.compile(r"['\u2019](?:ve|re|ll|d|m|t)$")
_NOT_NAME_WORD = re.compile(r"(?:ial|ical|ional|ous|ful|ive|edly|ent)ly$|^[A-Z][a-z]+-[a-z]+(?:ing|ed)$")
"""Adverbs ("Financially", "Additionally") and described words ("Award-winning") alone."""
_AND = re.compile(r" (?:and|&) ")
_LEGAL_FOLDED = frozenset(w.rstrip(".").lower() for w in LEGAL)


def _alone(text: str, part: str, skip: int) -> bool:
    """Whether ``part`` occurs in ``text`` as a whole name somewhere other than at ``skip``:
    not inside a longer run of capitalised words, nor glued to other letters."""
    at = text.find(part)
    while at >= 0:
        end = at + len(part)
        before = text[max(0, at - 2) : at]
        after = text[end : end + 2]
        if at != skip and not (before[-1:].isalnum() or after[:1].isalnum()) and not (
                before[:1].isupper() and before[-1:] == " ") and not (
                after[:1] == " " and after[1:2].isupper()):
            return True
        at = text.find(part, at + 1)
    return False


def _named(part: str, names: set[str]) -> bool:
    """Whether ``part`` is a complete name: found as one in the document, or with its own
    head word or legal form ("Riverside College", "Acme Inc.")."""
    return part in names or any(is_head(w) or w in LEGAL for w in part.split()[1:])


def _common_word(word: str, text: str) -> bool:
    """A one-word name that is an ordinary word: a number word or opener of the vocabulary,
    or a word the document also writes in lower case ("Water" and "water")."""
    vocab = vocabulary()
    plain = bare(word)
    if plain in vocab.number_words or plain in vocab.openers or plain in vocab.title_words:
        return True
    if _CONTRACTION.search(plain) or _NOT_NAME_WORD.search(plain):
        return True  # "I've", "We're"; "Financially", "Award-winning"
    if not (plain[:1].isupper() and plain[1:].islower() and plain.isalpha()):
        return False  # "AcmeCo", "ACME", "Acme.ai": shaped as names
    lower = plain.lower()
    # "Tractors" and "tractor"; a plain find, not a pattern per word (extraction is CPU-bound).
    return _as_word(text, lower) or (lower.endswith("s") and not lower.endswith("ss")
                                     and _as_word(text, lower[:-1]))


def _as_word(text: str, word: str) -> bool:
    """Whether ``word`` occurs in ``text`` as a whole word (not in an address or a longer word)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before, after = text[at - 1 : at] if at else "", text[end : end + 2]
        if not (before.isalnum() or before in "./@-_" and before) and not (
                after[:1].isalnum() or after[:1] in "-_" and after[:1]
                or after[:1] == "." and after[1:2].isalnum()):
            return True
        at = text.find(word, at + 1)
    return False


def tidy(text: str, found: Iterable[Candidate], names: set[str] | None = None) -> list[Candidate]:
    """``found`` (names in ``text``) with the kinds above mended or dropped; ``names``: every
    name found in the document (default: those of ``found``)."""
    found = list(found)
    names = {c.name for c in found} if names is None else names
    out: list[Candidate] = []
    for cand in found:
        out.extend(_tidy_one(text, cand, names))
    return out


def _tidy_one(text: str, cand: Candidate, names: set[str]) -> list[Candidate]:
    name = cand.name
    words = name.split()
    if not words or all(w in LEGAL or w.rstrip(".") in LEGAL for w in words) or is_generic_name(name):
        return []  # "Inc.", "Inc..": a legal form alone; a generic phrase ("mRNA", "Board of Directors")
    half = len(words) // 2
    if len(words) % 2 == 0 and half and words[:half] == words[half:]:
        second = name.rfind(words[half], len(words[0]))
        first_end = cand.start + len(name[:second].rstrip())
        return [Candidate(cand.start, first_end, name[:second].rstrip()),
                Candidate(cand.start + second, cand.end, name[second:])]
    for m in _JOIN.finditer(name):
        before, rest = name[: m.start()], name[m.start() :]
        legal_before = bool(before.split()) and bare(before.split()[-1]).rstrip(".").lower() in _LEGAL_FOLDED
        if legal_before or rest.rstrip(".") in before or (
                " " in rest and _alone(text, rest, cand.start + m.start())):
            return _tidy_one(text, Candidate(cand.start + m.start(), cand.end, rest), names)
    link = _TITLE_LINK.search(name)
    if link is not None and link.start() > 0 and " " in name[link.end() :]:
        rest = name[link.end() :]
        return _tidy_one(text, Candidate(cand.start + link.end(), cand.end, rest), names)
    if len(words) == 1:
        return [] if _common_word(name, text) else [cand]
    if len(words) == 2 and words[0].endswith(("ed", "ing")) and is_head(words[1]) and (
            words[1] not in LEGAL and _common_word(words[0], text)):
        return []  # "Featured Company", "Building Trust": a participle before a head
    for m in _AND.finditer(name):
        left, right = name[: m.start()], name[m.end() :]
        if " " in left and " " in right and _named(left, names) and _named(right, names) and _alone(
                text, left, cand.start) and _alone(text, right, cand.start + m.end()):
            return [Candidate(cand.start, cand.start + len(left), left),
                    Candidate(cand.start + m.end(), cand.end, right)]
    return [cand]
