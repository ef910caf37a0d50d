"""Names that are the parties of a partnership act, whatever their words.

"Quillcase and 47Bytes Partner With NTSU", "openGlade Announces $1.5M Award from the
Tamsin Charitable Trust", "Verdalis, signed with ForLeaf": many companies and projects
have no institution-shaped word ("University", "Inc.") in their names, but the act names
them as its parties: the capitalised words just before the act (its subject) and just
after its "with", "from", "between" (its object) are names. Headlines capitalise every
word, so there a name also ends at a headline word ("To", "For", "Launches"; see
``title_words`` in ``data/vocabulary.yaml``). A candidate must hold a word that is neither
generic ("University", "Company") nor a title, role, month or sentence opener.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from medtui.extract.act_patterns import NEEDS, WITH_SUBJECT, acts
from medtui.extract.discover import DESCRIBED, GENERIC, HEADS, STOP_LEADING, Candidate
from medtui.extract.event_words import event_words
from medtui.extract.vocabulary import is_generic_name, vocabulary

_TOKEN = re.compile(
    r"[A-Za-z\u00c0-\u024f][\w'\u2019&.\-]*|\d[\w'\u2019&.\-]*|\([^()]{0,40}\)|[,;:]|[^\s\w]")
CONNECTORS = frozenset({"of", "for", "and", "&", "de", "du", "des", "di", "da", "la", "le", "van",
                        "von", "der", "del", "y", "the", "at"})
# "for" and "at" join a name only after its head word ("Center for X", "University of Y at Z").
_AFTER_HEAD_ONLY = frozenset({"for", "at"})
_LEGAL = frozenset({"Inc", "Inc.", "Ltd", "Ltd.", "LLC", "Corp", "Corp.", "Co", "Co.", "PLC", "plc",
                    "GmbH", "AG", "S.A.", "N.V.", "LLP", "L.P.", "SE", "Limited"})
# Before a person's name: "signed by Mr. X", "Gov. Y announced".
_HONORIFICS = frozenset({"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prof", "Prof.", "Gov",
                         "Gov.", "Sen", "Sen.", "Rep", "Rep.", "H.E.", "Sir", "Dame", "Lord", "Lady",
                         "Hon", "Hon.", "Rev", "Rev.", "Mayor", "Minister", "Secretary", "Senator"})
_OPENERS = frozenset({"We", "It", "They", "He", "She", "I", "You", "Our", "Its", "Their", "This",
                      "These", "Those", "That", "There", "Here", "Today", "Now", "Also", "More"})


# Just before a place: "based in", "based out of", "headquartered in" (no act's party follows).
_LOCATED = re.compile(r"\b(?:based|located|headquartered|situated)\s+(?:in|out\s+of|at)\s+(?:the\s+)?$")
_DECADE_OR_CODE = re.compile(r"^(?:\d{2,4}s|[A-Za-z]+-\d+[A-Za-z]?|[A-Z]+-[A-Z]*\d+\w*)$")


class _Tok(NamedTuple):
    """A word of the text, where it is, and the text between it and the word before it."""

    word: str
    start: int
    end: int
    gap: str


MAX_NAME_TOKENS = 8
WINDOW = 160
"""Characters read on either side of an act for its names."""


def _name_like(tok: str) -> bool:
    """A word that can be part of a name: capitalised, camel-cased ("openGlade"), "47Bytes"."""
    if tok[0].isupper():
        return True
    if tok[0].isdigit():
        return any(c.isalpha() for c in tok)
    return tok[0].isalpha() and any(c.isupper() for c in tok[1:])


def _bare(tok: str) -> str:
    tok = tok.rstrip(".,")
    for ending in ("'s", "\u2019s"):
        if tok.endswith(ending):
            return tok[: -len(ending)]
    return tok


def _valid(words: list[str], title: bool) -> bool:
    vocab = vocabulary()
    if not words or len(words) > MAX_NAME_TOKENS:
        return False
    first = words[0]
    if first in _OPENERS or first in vocab.months or first in vocab.roles or first.lower() in CONNECTORS:
        return False
    if title and first in vocab.title_words:
        return False
    proper = [w for w in words if _name_like(w) and _bare(w) not in GENERIC and _bare(w) not in HEADS
              and _bare(w) not in STOP_LEADING and _bare(w) not in vocab.months
              and _bare(w) not in _LEGAL]
    if any(_DECADE_OR_CODE.match(w) for w in words):
        return False  # "2000s", "COVID-19", "Gen-3": a time or a code, not a name
    return bool(proper) and not is_generic_name(" ".join(_bare(w) for w in words))


def _pieces(tokens: list[_Tok]) -> list[list[_Tok]]:
    """A list of names ("A, B, and C"; "A and B") cut into names. An "and" right after a head
    word separates two names ("Anna and Bert Lindqvist Foundation and X"); where no head word
    comes before any "and", every "and" does."""
    out: list[list[_Tok]] = [[]]
    for tok in tokens:
        if tok[0] in (",", ";"):
            out.append([])
        else:
            out[-1].append(tok)
    if _one_name(out):
        return [[t for t in tokens if t[0] not in (",", ";")]]
    result: list[list[_Tok]] = []
    for piece in out:
        ands = [i for i, t in enumerate(piece) if t[0] in ("and", "And", "AND") and not _inside(piece, i)]
        after_head = [i for i in ands if i > 0 and _bare(piece[i - 1][0]) in HEADS]
        cuts = after_head or ands
        start = 0
        for i in [*cuts, len(piece)]:
            result.append(piece[start:i])
            start = i + 1
    return result


def _plain(word: str) -> bool:
    """A capitalised ordinary word ("Lung", "Refugees"): no acronym, digit or inner capital."""
    return word[:1].isupper() and word[1:].islower() and word not in _LEGAL


def _one_name(pieces: list[list[_Tok]]) -> bool:
    """Whether a comma list is one name: "Lakes, Rivers and Coasts Authority",
    "Ministry of Research, Technology and Space", "National Heart, Lung, and Blood
    Institute": single ordinary words between the commas (the first may end "of X"), and
    an "and" in the last part that starts no new name with "The"."""
    if len(pieces) < 2 or any(not p for p in pieces):
        return False
    first, middle, last = pieces[0], pieces[1:-1], pieces[-1]
    if first and first[0].word in ("the", "The"):
        first = first[1:]
    first_ok = len(first) == 1 and _plain(first[0].word) or (
        len(first) >= 3 and first[-2].word == "of" and _plain(first[-1].word)) or (
        len(first) == 2 and _plain(first[-1].word))
    words = [t.word for t in last if not t.word.startswith("(")]
    if "and" not in words or words.index("and") + 1 >= len(words):
        return False
    after_and = words[words.index("and") + 1]
    return bool(first_ok) and all(len(p) == 1 and _plain(p[0].word) for p in middle) and (
        after_and not in ("The", "the") and after_and not in _OPENERS and len(words) <= 4)


def _inside(piece: list[_Tok], i: int) -> bool:
    """Whether the "and" at ``i`` is inside one name: "Institute of Startup and
    Entrepreneurship Development" (a head and "of" before it, no head after it)."""
    words = [_bare(t[0]) for t in piece]
    left, right = words[:i], words[i + 1 :]
    heads = [j for j, w in enumerate(left) if w in HEADS]
    return bool(heads) and any(w in ("of", "for") for w in left[heads[0] :]) and not any(
        w in HEADS for w in right)


def _trim(piece: list[_Tok]) -> list[_Tok]:
    while piece and (piece[0][0] in STOP_LEADING or piece[0][0].lower() in CONNECTORS
                     or "-" in piece[0][0] and DESCRIBED.match(piece[0][0])):  # "US-based X": X
        piece = piece[1:]
    while piece and (piece[-1][0].lower() in CONNECTORS or piece[-1][0] in _LEGAL
                     or piece[-1][0].startswith("(")):
        piece = piece[:-1]
    return piece


def _chunk(tokens: list[_Tok], title: bool, backward: bool = False
           ) -> list[_Tok]:
    """The leading tokens that can belong to a list of names (``backward``: tokens read
    from the act back towards the start of the sentence)."""
    vocab = vocabulary()
    taken: list[_Tok] = []
    skip_to = 0
    for n, tok in enumerate(tokens):
        if n < skip_to:
            continue  # inside an appositive
        word = tok[0]
        if n and "\n" in (tokens[n - 1].gap if backward else tok.gap):
            break  # a line break ends the list (headlines, bullet items)
        if tok.gap.endswith(("$", "#", "@")):
            break  # a cashtag, hashtag or handle: "$ACME Acme Corp partners with ..."
        if word.startswith("("):
            if ":" in word or re.fullmatch(r"\(\s*[A-Z][\w.&\-]{0,12}\s*\)", word):
                taken.append(tok)  # "(NYSE: ACMQ)", "(ASTA)": part of the name's mention
                continue
            break
        if word in (",", ";"):
            nxt = tokens[n + 1][0] if n + 1 < len(tokens) else ""
            if nxt and (_name_like(nxt) or nxt in ("and", "the")) and nxt not in _LEGAL:
                taken.append(tok)
                continue
            if nxt in _LEGAL:
                continue  # "Bright Panel Supply, Inc."
            after = _appositive_end(tokens, n) if not backward and nxt in ("a", "an") else None
            if after is not None:
                taken.append(tok)  # "A, a firm that ..., and B": the list goes on after it
                skip_to = after
                continue
            break
        if word.lower() in CONNECTORS:
            if word in _AFTER_HEAD_ONLY:
                head_before = taken and _bare(taken[-1][0]) in HEADS
                head_after = n + 1 < len(tokens) and _bare(tokens[n + 1][0]) in HEADS
                if not (head_after if backward else head_before):
                    break
            taken.append(tok)
            continue
        if not _name_like(word) and word not in _LEGAL:
            break
        if title and word in vocab.title_words and (taken or backward):
            break
        possessive = _bare(word) != word.rstrip(".,")
        full_stop = word.endswith(".") and word not in _LEGAL and len(word) > 3 and "." not in word[:-1]
        if backward and word in _HONORIFICS:
            return []  # "Gov. Jane Rowe announced ...": a person
        if backward and taken and word.endswith(("-", "\u2013", "\u2014")):
            break  # "Washington,D.C.- Acme Corp, in partnership with": a dateline's dash
        if backward and n + 1 < len(tokens) and tokens[n + 1][0] in ("$", "#", "@"):
            break  # "$ACME Acme Corp partners with": the cashtag is no part of the name
        if taken and (word if backward else taken[-1][0]).endswith(".") and (
                taken[-1][0] if backward else word) in vocab.openers:
            break  # "with Quantix X. We believe": a new sentence after an initial
        if not backward and taken and taken[-1][0] in _DOTTED_LEGAL and word not in _LEGAL:
            break  # "with Acme Labs Inc. Mount Hope Hospital also ...": a new sentence (as runs do)
        if backward and (full_stop or possessive and taken):
            break  # the previous sentence, or another name's possessive
        taken.append(tok)
        if not backward and (possessive or full_stop):
            break  # a possessive ends the name ("City of Larkfield's project"), or the sentence
    return taken


_DOTTED_LEGAL = frozenset({"Inc.", "Ltd.", "Co.", "Corp.", "Bhd."})
"""Legal forms written with a full stop: a capitalised word after one that is no legal form
starts a sentence (the same test as :func:`medtui.extract.runs.runs`)."""

_APPOSITIVE_MAX = 30
"""Tokens an appositive inside a list of names may hold ("A, a firm delivering ..., and B")."""


def _appositive_end(tokens: list[_Tok], comma: int) -> int | None:
    """Where a list of names goes on after the appositive that starts after ``tokens[comma]``
    (a comma before "a"/"an"): the index of the comma that ends it, when "and" and a name
    (or a name) follow that comma; None when the list ends with the appositive."""
    for j in range(comma + 2, min(len(tokens) - 1, comma + _APPOSITIVE_MAX)):
        if "\n" in tokens[j].gap or tokens[j].word in (";", ":") or tokens[j].word.endswith("."):
            return None
        if tokens[j].word != ",":
            continue
        nxt = tokens[j + 1].word
        if nxt == "and" and j + 2 < len(tokens) and _name_like(tokens[j + 2].word) or (
                _name_like(nxt) and nxt not in _LEGAL):
            return j
    return None


def _after_description(tokens: list[_Tok]) -> list[_Tok]:
    """An act's object slot without the description before its name: "with French
    advertising guru X" and "to companies X, Y" read from X; "by a for-profit company, X"
    from X (``descriptor_nouns`` in ``data/events.yaml``). Unchanged when no such
    description leads the slot."""
    nouns = event_words().descriptor_nouns
    for n, tok in enumerate(tokens[:8]):
        word = tok.word
        if n and "\n" in tok.gap:
            break
        if _bare(word).casefold() in nouns and word[0].islower():
            rest = tokens[n + 1 :]
            if rest and rest[0].word == ",":
                rest = rest[1:]
            return rest if rest and _name_like(rest[0].word) and rest[0].word not in _LEGAL else tokens
        lower_next = n + 1 < len(tokens) and tokens[n + 1].word[:1].islower()
        if word in ("a", "an", "the") and n == 0 or re.fullmatch(r"[a-z][a-z\-]*", word):
            continue
        if n <= 1 and word[:1].isupper() and lower_next and word.isalpha():
            continue  # "French", "Slovenian": an adjective of the description
        break
    return tokens


def _then(after: list[_Tok], taken: list[_Tok], word: str) -> list[_Tok]:
    """The tokens after the names ``taken`` read from ``after``, when ``word`` ("to", "by")
    comes right after those names: "awarded by X to Y", "awarded to X by (a company,) Y"."""
    if not taken:
        return []
    end = taken[-1].end
    i = next((k for k, t in enumerate(after) if t.start >= end), None)
    if i is None or after[i].word != word:
        return []
    return _after_description(after[i + 1 :])


def _names(tokens: list[_Tok], text: str, title: bool) -> Iterator[Candidate]:
    vocab = vocabulary()
    for piece in _pieces(_chunk(tokens, title)):
        if piece and piece[0].word in _HONORIFICS or any(_bare(t.word) in vocab.roles for t in piece):
            continue  # a person or a position: "signed by Mr. Lee", "Director of the X Office"
        inner = next((i for i, t in enumerate(piece) if t.word.startswith("(") and i), None)
        if inner is not None:
            piece = piece[:inner]  # "X Organization (XO) of India": the name before the brackets
        piece = _trim(piece)
        words = [t[0] for t in piece if not t[0].startswith("(")]
        if not _valid(words, title):
            continue
        start, end = piece[0][1], piece[-1][2]
        if _LOCATED.search(text, max(0, start - 40), start):
            continue  # "X, based out of West Palm Beach, has forged ...": a place
        surface = text[start:end]
        bare = _bare(surface)
        yield Candidate(start, start + len(bare), bare)


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    """Words of text[start:end], each with the text between it and the word before."""
    found = []
    last = start
    for m in _TOKEN.finditer(text, start, end):
        found.append((m.group(), m.start(), m.end(), text[last : m.start()]))
        last = m.end()
    return [_Tok(w, a, b, g) for w, a, b, g in found]


def act_names(text: str, title: bool = False) -> list[Candidate]:
    """Names in the subject and object slots of the partnership acts in ``text``.

    ``title``: the text is a Title Case headline (names also end at headline words).
    """
    if NEEDS.search(text) is None:
        return []
    found: list[Candidate] = []
    for m in acts(text):
        kind = m.lastgroup or ""
        if kind not in ("s", "sp"):
            after = _after_description(_tokens(text, m.end(), min(len(text), m.end() + WINDOW)))
            found.extend(_names(after, text, title))
            if kind in ("by", "to"):  # "awarded by X to Y", "awarded to X by a company, Y"
                more = _then(after, _chunk(after, title), "to" if kind == "by" else "by")
                found.extend(_names(more, text, title))
        if kind in WITH_SUBJECT:
            before = _tokens(text, max(0, m.start() - WINDOW), m.start())
            # "nom": only a possessive owner ("Skylark's alliance with Air Meridia").
            if kind == "nom" and (not before or _bare(before[-1][0]) == before[-1][0].rstrip(".,")):
                continue
            if kind == "inp" and (not before or before[-1].word != ","):
                continue  # "X, in partnership with Y": X; not "Organized in partnership with Y"
            subject = list(_names(list(reversed(_subject(before, title))), text, title))
            if kind == "sp" and len(subject) < 2:
                continue  # "X and Y signed an agreement": the pair; one subject alone says little
            if kind == "s" and len(subject) < 2 and not title:
                continue  # "X launched Y" in a body: as often a product as a company; a headline's
                # "X Launches Y" is its issuer's news, X most often the issuer
            found.extend(subject)
    return found


def _subject(before: list[_Tok], title: bool) -> list[_Tok]:
    """The tokens of the names right before an act, read backwards from it."""
    backwards = list(reversed(before))
    while backwards and backwards[0][0].lower() in ("the", "also", "today", "has", "have", "had",
                                                   "officially", "formally", "recently", "jointly"):
        backwards = backwards[1:]
    return _chunk(backwards, title, backward=True)
