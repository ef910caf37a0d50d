"""Found names that are no institution's name as they stand, made right or dropped.

Issue 10, item 7 ("a clean institution list"), by kind, as seen in the press releases:

- a legal form alone ("Inc.", "LLC"): no name;
- a name doubled by a lost line break ("About Acme Group Acme Group is ..."): two names;
  a heading's short name before the full one ("About Acme Acme Robotics Inc."): the full one;
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

Session 5, on 2,000 random releases (names judged by hand, then counted by kind):

- a possessive at the end ("Acme Labs's"): the name without it;
- a name glued to the next by "The" where a lost break stood ("About Acme Group The Acme
  Group is", "Program The Department of Transit"): the name after "The" (after one word
  alone only where it is a place or recurs after "The": "Centre The Centre for X", session 6);
- "University of X, Y" where Y is a person or a title ("University of X, Jane Roe", "...,
  Dr") or a country ("University of X, Norway"): the university alone;
- one word or a phrase joined by "and" to a head word alone ("Quality and Trust", "Acme
  Associates and Board"): a headline's or a role's words, no name;
- a company joined by "and" to another name where one of them stands alone elsewhere in the
  document ("Acme and Northgate Labs", "Jane Roe and Acme Limited"): two names, less
  the person's;
- a list "A, B and C" with no head word: the items the document also names alone.

Session 6, on 2,000 random releases: a name with a legal form before "and" ("Acme Pipeline
LP and Northgate Corp.", "Acme Limited and The Acme Digital Company"): two names, as a legal
form ends a name.

Cheap by design: each test looks only at the candidate's words, and at the document only
for candidates that have the shape in question (one word, a join, an "and").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from medtui.extract.boundaries import Candidate
from medtui.extract.discover import GENERIC, STOP_LEADING, is_head
from medtui.extract.names import LEGAL_END
from medtui.extract.persons import is_person, people, person_shaped
from medtui.extract.runs import CONNECTORS, LEGAL, NAME_POSSESSIVES, bare, is_possessive
from medtui.extract.vocabulary import is_generic_name, vocabulary

_JOIN = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])|(?<=[a-z]\.)(?=[A-Z])|(?<=[A-Z]\.)(?=[A-Z][A-Za-z])")
"""A lost break inside a word: "ReachAcme", "Inc.Acme", "INC.Acme" (tried only where the rest recurs)."""
_TITLE_LINK = re.compile(r" (?:From|By) (?:the )?(?=[A-Z])")
_CONTRACTION = re.compile(r"['\u2019](?:ve|re|ll|d|m|t)$")
_NOT_NAME_WORD = re.compile(r"(?:ial|ical|ional|ous|ful|ive|edly|ent)ly$|^[A-Z][a-z]+-[a-z]+(?:ing|ed)$")
"""Adverbs ("Financially", "Additionally") and described words ("Award-winning") alone."""
_AND = re.compile(r" (?:and|&) ")
_LEGAL_FOLDED = frozenset(w.rstrip(".").lower() for w in LEGAL)
_GLUED_THE = re.compile(r"(?<=\S)[ \t]+The[ \t]+(?=[A-Z])")
_CAMPUS = re.compile(r"^(.*\bUniversity of [^,]+), ([^,]+)$")
_COMPANY_ENDS = frozenset({"Lab", "Labs", "Group", "Holdings", "Corporation", "Company"}) | LEGAL
"""Last words of companies' names: after "A and" one of these ends a second name, where a
family foundation's ("Jane and Tom Roe Foundation") would not."""
_SHARED_HEADS = frozenset({"Company", "Co", "Co.", "Companies"})
"""Heads a firm's name ends with after "and" ("Roe and Company"): no phrase."""


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
    persons = _People(text)
    for cand in found:
        out.extend(_tidy_one(text, cand, names, persons))
    return out


def _has_head(part: str) -> bool:
    """Two words or more, one of them a head word or a legal form ("Acme Labs", "Acme Inc.")."""
    words = part.split()
    return len(words) > 1 and any(is_head(w) or w in LEGAL for w in words)


def _sub(cand: Candidate, start: int, end: int) -> Candidate:
    """The part of ``cand.name`` from ``start`` to ``end`` (offsets in the name)."""
    return Candidate(cand.start + start, cand.start + end, cand.name[start:end])


class _People:
    """Whether a name is one of the people a document names
    (:func:`medtui.extract.persons.people`, read only near the name's words), asked only when
    a join needs it."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __contains__(self, name: str) -> bool:
        if not person_shaped(name) or _has_head(name):
            return False
        words = name.split()
        around = {w for w in (words[0], words[-1]) if len(w) > 1}
        return is_person(name, people(self.text, around=around))


def _glued_the(text: str, cand: Candidate, names: set[str], persons: _People) -> list[Candidate] | None:
    """"Acme Group The Acme Group", "Transit Program The Department of Transit": the name
    after "The", and the one before it when it is a name too; None when no such join.
    "With The", "of The", "Save The" (a word that leads "The" in names, or one word alone
    before it) are no join."""
    vocab = vocabulary()
    for m in _GLUED_THE.finditer(cand.name):
        left, rest = cand.name[: m.start()], cand.name[m.end() :]
        before = left.split()
        last = before[-1]
        if last in vocab.title_words or last in vocab.openers or last.lower() in CONNECTORS or (
                last in STOP_LEADING):
            continue
        if not (len(before) > 1 or len(last) > 1 and last.isupper() or left in names
                or last in rest.split() or last.casefold() in vocab.places):
            continue  # one word alone: cut only a heading's repeated word or a place ("Centre The Centre for")
        if not (_has_head(rest) or rest in names):
            continue
        out = _tidy_one(text, _sub(cand, m.end(), len(cand.name)), names, persons)
        if left == rest or (_has_head(left) or left in names) and not rest.endswith(" " + left):
            out = _tidy_one(text, _sub(cand, 0, m.start()), names, persons) + out
        return out
    return None


def _campus(text: str, cand: Candidate, names: set[str], persons: _People) -> list[Candidate] | None:
    """"University of X, Y" where Y is no campus: a title or role ("Dr", "Scientific
    Director"), a place of the vocabulary but a city ("Norway", "Ontario";
    "Los Angeles" is a campus), a person the document names
    ("Jane Roe", "Jane"): the university alone. None when Y can be a campus."""
    m = _CAMPUS.match(cand.name)
    if m is None:
        return None
    campus = m.group(2)
    words = campus.split()
    titled = vocabulary().persons.get("titles", frozenset()) | vocabulary().persons.get("roles", frozenset())
    city = campus.casefold() in vocabulary().cities
    if (words[0].rstrip(".") in titled or words[0] in STOP_LEADING or any(w.lower() in titled for w in words)
            or is_generic_name(campus) and not city or campus in persons
            or len(words) == 1 and _first_name(text, campus)):
        return _tidy_one(text, _sub(cand, 0, m.end(1)), names, persons)
    return None


def _first_name(text: str, word: str) -> bool:
    """Whether the document uses ``word`` as a first name: twice or more before the same
    capitalised word that is no head ("Jane Roe ... Jane Roe"), not after another capital
    ("UC Davis Health" is no person's)."""
    seen: dict[str, int] = {}
    for m in re.finditer(rf"(?<![A-Z]\w )(?<![A-Z] )\b{re.escape(word)} ([A-Z][a-z]+)\b", text):
        nxt = m.group(1)
        if not is_head(nxt) and nxt not in GENERIC:
            seen[nxt] = seen.get(nxt, 0) + 1
    return any(n >= 2 for n in seen.values())


def _joined(text: str, cand: Candidate, names: set[str], persons: _People) -> list[Candidate] | None:
    """Names joined by "and" (see the module docstring); None when the "and" is inside one name."""
    name = cand.name
    joins = list(_AND.finditer(name))
    if not joins:
        return None
    m = joins[-1]
    left, right = name[: m.start()], name[m.end() :]
    lw, rw = left.replace(",", " ").split(), right.split()
    if any(not w[0].isupper() and not w[0].isdigit() for w in lw + rw):
        return None  # "Department of Quilts and Paper Crafts": the "and" is inside "of ..."
    if len(rw) == 1 and is_head(rw[0]) and rw[0] not in LEGAL and rw[0] not in _SHARED_HEADS:
        # "Quality and Trust", "Acme Associates and Board": no name ends "and <head>" alone.
        return [] if not (_has_head(left) or left in names) else None
    if "," in left and not any(is_head(w) or w in LEGAL for w in lw + rw):
        # "Quillon, Zorblax and Northgate": a list; the items named alone elsewhere.
        items = [p.strip() for p in left.split(",") if p.strip()] + [right]
        apart = text.replace(name, " " * len(name))
        out = []
        for item in items:
            at = name.find(item)
            if _alone(apart, item, -1) and not is_generic_name(item) and item not in persons and (
                    " " in item or not _common_word(item, text)):
                out.append(_sub(cand, at, at + len(item)))
        if not out and not all(is_generic_name(item) for item in items):
            return None  # "Innovation, Science and Economic Development Canada": one name
        return out
    if len(lw) > 1 and len(rw) > 1 and LEGAL_END.search(left) and (_has_head(right) or right in names):
        # "Acme Pipeline LP and Northgate Corp.": a legal form ends a name, never "and" inside one.
        at = m.end() + (4 if right.startswith("The ") else 0)
        return (_tidy_one(text, _sub(cand, 0, m.start()), names, persons)
                + _tidy_one(text, _sub(cand, at, len(name)), names, persons))
    if m.group() != " and " or "," in left or left == right or right.startswith(left + " ") or (
            is_possessive(rw[0]) and bare(rw[0]) in NAME_POSSESSIVES):
        return None
    # "Jane Roe and Acme Limited": the person is no institution. A full name (two words or
    # more): "Jane and Tom Roe Foundation" names its founders.
    if _has_head(right) and len(lw) > 1 and left in persons:
        return _tidy_one(text, _sub(cand, m.end(), len(name)), names, persons)
    if _has_head(left) and len(rw) > 1 and right in persons:
        return _tidy_one(text, _sub(cand, 0, m.start()), names, persons)
    if rw[-1] not in _COMPANY_ENDS:
        return None
    # Not alone: inside the joined name wherever it recurs, even cut short ("A and B Inc.",
    # "A and B").
    apart = text
    for joined in (name, f"{left} and {rw[0]}", f"{lw[-1]} and {right}"):
        apart = apart.replace(joined, " " * len(joined))
    left_alone = _alone(apart, left, -1) and (len(lw) > 1 or not _common_word(left, text))
    right_alone = _alone(apart, right, -1) and (len(rw) > 1 or not _common_word(right, text))
    if (left_alone or right_alone) and (left_alone or _has_head(left)) and (
            right_alone or _has_head(right)):
        parts = [(_sub(cand, 0, m.start()), lw), (_sub(cand, m.end(), len(name)), rw)]
        # "Roe and Acme Labs": a surname alone is a person's ("said Roe"), no institution.
        return [c for part, words in parts if len(words) > 1 or part.name not in persons
                for c in _tidy_one(text, part, names, persons)]
    return None


def _tidy_one(text: str, cand: Candidate, names: set[str], persons: _People | None = None) -> list[Candidate]:
    persons = _People(text) if persons is None else persons
    name = cand.name
    words = name.split()
    if not words or all(w in LEGAL or w.rstrip(".") in LEGAL for w in words) or is_generic_name(name):
        return []  # "Inc.", "Inc..": a legal form alone; a generic phrase ("mRNA", "Board of Directors")
    if is_possessive(words[-1]) and words[-1][:1].isupper() and bare(words[-1]) not in NAME_POSSESSIVES:
        cut = len(name) - len(words[-1]) + len(bare(words[-1]))
        return _tidy_one(text, _sub(cand, 0, cut), names, persons)  # "Acme Labs's"
    half = len(words) // 2
    if len(words) % 2 == 0 and half and words[:half] == words[half:]:
        second = name.rfind(words[half], len(words[0]))
        first_end = cand.start + len(name[:second].rstrip())
        return [Candidate(cand.start, first_end, name[:second].rstrip()),
                Candidate(cand.start + second, cand.end, name[second:])]
    # "About Acme\nAcme Robotics Inc. is", "ABOUT ACME ROBOTICS Acme Robotics Inc.": a
    # heading's short name (any case, maybe after "ABOUT") before the full one.
    lead = 1 if words[0].isupper() and words[0].title() in STOP_LEADING else 0
    folded = [w.casefold() for w in words]
    for k in range(1, min(5, (len(words) - lead - 1) // 2) + 1):
        if folded[lead : lead + k] == folded[lead + k : lead + 2 * k] and words[lead + 2 * k] not in ("&", "and"):
            second = [m.start() for m in re.finditer(r"\S+", name)][lead + k]
            return _tidy_one(text, _sub(cand, second, len(name)), names, persons)
    for m in _JOIN.finditer(name):
        before, rest = name[: m.start()], name[m.start() :]
        legal_before = bool(before.split()) and bare(before.split()[-1]).rstrip(".").lower() in _LEGAL_FOLDED
        if legal_before or rest.rstrip(".") in before or (
                " " in rest and _alone(text, rest, cand.start + m.start())):
            return _tidy_one(text, Candidate(cand.start + m.start(), cand.end, rest), names, persons)
    link = _TITLE_LINK.search(name)
    if link is not None and link.start() > 0 and " " in name[link.end() :]:
        rest = name[link.end() :]
        return _tidy_one(text, Candidate(cand.start + link.end(), cand.end, rest), names, persons)
    for rule in (_glued_the, _campus, _joined):
        mended = rule(text, cand, names, persons)
        if mended is not None:
            return mended
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
