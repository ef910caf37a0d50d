"""Names the text says are institutions, whatever their words.

- Described names: "Nimbus Tech, a division of Harlow", "Acme, a leading provider of ...",
  "the landscaping company Jardins del Nord", "to companies Starhop and Lunar Reach": a
  capitalised name next to a word for a kind of organisation (``descriptors`` in
  ``data/vocabulary.yaml``) is an organisation's name.
- Listed names: in a list of three or more names ("Starhop, Red Comet, Vesta Robotics and
  Orbly"), where most items are institutions already found, the others are institutions too.

Used by :mod:`medtui.extract.mentions`; the names found here are "discovered" ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import ahocorasick

from medtui.extract.boundaries import Candidate
from medtui.extract.runs import LEGAL
from medtui.extract.vocabulary import is_generic_name, vocabulary

_WORD = r"(?:(?:Inc|Corp|Ltd|Co|Bhd)\.|(?:[A-Z]\.)+(?=[ \t]+[A-Z])|[A-Z0-9][\w&'\u2019\-]*(?:\.[A-Z][\w]*)*)"
_JOIN = r"(?:[ \t]+(?:(?:of|de|du|des|di|del|la|le|van|von|der|for|&)[ \t]+)?)"
_NAME = _WORD + r"(?:" + _JOIN + _WORD + r"){0,6}"
_NOT_BETWEEN = r"(?!(?:that|which|who|whose|with|of|in|for|at|to|by|on|from|the|its|their|his|her|and|or)\b)"
_OPENING = frozenset({"The", "A", "An", "Its", "Their", "Our", "This", "That", "And", "But", "Both", "About"})


KindWord = tuple[int, int, str]
"""(start, end, word) of a word for a kind of organisation in a text."""


def kind_words() -> list[str]:
    """The words for kinds of organisation an apposition is read from (``descriptors`` in
    ``data/vocabulary.yaml``, and two plurals that lead lists)."""
    return sorted({*vocabulary().descriptors, "companies", "firms"})


@lru_cache(maxsize=1)
def _patterns() -> tuple[ahocorasick.Automaton, re.Pattern[str], re.Pattern[str]]:
    vocab = vocabulary()
    kinds = "|".join(sorted(map(re.escape, vocab.descriptors), key=len, reverse=True))
    # The kind words themselves: the text is searched for these first (one Aho-Corasick pass;
    # the gazetteer matcher's pass finds them too, see mentions.GazetteerMatcher.find_all).
    kind = ahocorasick.Automaton()
    for word in kind_words():
        kind.add_word(word, word)
    kind.make_automaton()
    # "<Name>, a [few words] <kind>": the name is before the comma.
    after = re.compile(r",[ \t]+an?[ \t]+(?:" + _NOT_BETWEEN + r"[\w'\u2019\-]+[ \t]+){0,5}?(?:" + kinds
                       + r")$")
    name_end = re.compile(r"(" + _NAME + r")$")
    return kind, after, name_end


def _kind_words(text: str, kind: ahocorasick.Automaton) -> list[KindWord]:
    """(start, end, word) of each kind word standing as a word in ``text``."""
    found = []
    for end_index, word in kind.iter(text):
        start, end = end_index - len(word) + 1, end_index + 1
        if (start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "-_")) and (
                end == len(text) or not (text[end].isalnum() or text[end] in "-_")):
            found.append((start, end, word))
    return found


_NAME_NEXT = re.compile(r"(,)?[ \t]+(?=[A-Z0-9])")
_NAME_AT = re.compile(_NAME)
_LIST_TAIL = re.compile(r"(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)(?:the[ \t]+)?(" + _NAME + r")")


def _rejected(name: str) -> bool:
    vocab = vocabulary()
    words = name.split()
    if not words or sum(w[0].isupper() for w in words) > 7 or is_generic_name(name) or words[0] in vocab.roles:
        return True
    if words[-1] in vocab.roles or words[0] in vocab.months or name in LEGAL or words[-1] in vocab.not_name_tails:
        return True
    if _DESCRIBING.search(words[-1]):
        return True  # "Phoenix-based": a word that describes, not a name
    return len(name) < 3 or not any(c.isalpha() for c in name)


_DESCRIBING = re.compile(r"-[a-z]+(?:ed|ing)$")


_LEGAL_TAIL = re.compile(r"(?:,?[ \t]+(?:Inc|Ltd|LLC|Corp|Co|Limited|PLC|plc|GmbH|AG|LLP)\b\.?)+")


def _candidate(text: str, start: int, name: str) -> Candidate | None:
    """A candidate for ``name`` found at ``start`` (leading openers dropped; a legal tail
    after a comma kept: "Acme Co., Ltd.")."""
    tail = _LEGAL_TAIL.match(text, start + len(name))
    if tail is not None:
        name = text[start : tail.end()]
    lead = 0
    words = name.split()
    while words and (words[0] in _OPENING or words[0] in vocabulary().months):
        lead = name.index(words[0], lead) + len(words[0])
        while lead < len(name) and name[lead] in " \t":
            lead += 1
        words = words[1:]
    name = name[lead:]
    if name.endswith(".") and words and words[-1] not in LEGAL and not re.fullmatch(r"(?:[A-Z]\.)+", words[-1]):
        name = name[:-1]
    if _rejected(name):
        return None
    return Candidate(start + lead, start + lead + len(name), name)


def described(text: str, kinds: list[KindWord] | None = None) -> list[Candidate]:
    """Names the text describes as organisations (see the module docstring). ``kinds``: the
    kind words of ``text`` when already found (else they are looked for here)."""
    kind, after, name_end = _patterns()
    found: list[Candidate] = []
    for hit_start, hit_end, word in sorted(kinds) if kinds is not None else _kind_words(text, kind):
        comma = text.rfind(", a", max(0, hit_start - 80), hit_start)
        m = after.search(text, comma, hit_end) if comma >= 0 else None
        if m is not None:
            cand = _before_comma(text, m.start(), name_end)
            if cand is not None:
                found.append(cand)
            continue
        nxt = _NAME_NEXT.match(text, hit_end)
        if nxt is None:
            continue
        words_before = text[max(0, hit_start - 60) : hit_start].split()[-5:]
        if nxt.group(1) and "a" not in words_before and "an" not in words_before:
            continue  # "the company, Dario said": a clause, not "a for-profit company, Acme"
        first = _NAME_AT.match(text, nxt.end())
        if first is None:
            continue
        items = [(first.start(), first.group())]
        if word in ("companies", "firms"):
            at = first.end()
            while (tail := _LIST_TAIL.match(text, at)) is not None:
                items.append((tail.start(1), tail.group(1)))
                at = tail.end()
        for start, name in items:
            cand = _candidate(text, start, name)
            if cand is not None:
                found.append(cand)
    return found


def _before_comma(text: str, comma: int, name_end: re.Pattern[str]) -> Candidate | None:
    """The name that ends at ``comma`` ("Acme Robotics, a company"; "Acme, Inc., a company")."""
    window_start = max(0, comma - 100)
    head = name_end.search(text, window_start, comma)
    if head is None:
        return None
    start, name = head.start(1), head.group(1)
    if name.rstrip(".") in _LEGAL_BARE:  # "Solar Supply, Inc., a company": the name before ", Inc."
        head = name_end.search(text, window_start, max(window_start, start - 2))
        if head is None or text[head.end(1) : start].strip() != ",":
            return None
        start, name = head.start(1), head.group(1)
    return _candidate(text, start, name)


_LEGAL_BARE = frozenset(w.rstrip(".") for w in LEGAL)


_LIST = re.compile(r"(?:the[ \t]+)?(" + _NAME + r")")


def listed(text: str, known: Iterable[tuple[int, int]]) -> list[Candidate]:
    """Items of lists of three or more names of which at least two, and half, are ``known``
    (the spans of institutions found already): the other items are institutions too."""
    spans = {(a, b) for a, b in known}
    if len(spans) < 2:
        return []
    starts = {a for a, _ in spans}
    found: list[Candidate] = []
    at = 0
    for a in sorted(starts):
        if a < at:
            continue
        first = _NAME_AT.match(text, a)
        if first is None:
            continue
        items: list[tuple[int, re.Match[str] | None]] = [(a, first)]
        pos = first.end()
        while (nxt := _LIST_TAIL.match(text, pos)) is not None:
            items.append((nxt.start(1), nxt))
            pos = nxt.end()
        at = pos
        if len(items) < 3:
            continue
        bounds = [(s, s + len(_item_text(m))) for s, m in items]
        hits = [b for b in bounds if any(2 * (min(b[1], e) - max(b[0], s)) > b[1] - b[0] for s, e in spans)]
        if len(hits) < 2 or 2 * len(hits) < len(items):
            continue
        for s, e in bounds:
            if (s, e) in hits:
                continue
            cand = _candidate(text, s, text[s:e])
            if cand is not None:
                found.append(cand)
    return found


def _item_text(m: re.Match[str] | None) -> str:
    assert m is not None
    return m.group(1) if m.re is _LIST_TAIL else m.group()


# "<name>, a [few words] <kind word>", "<name>, the leading <kind word>": the words between the
# comma and the kind word (no comma among them).
# "X, the company" with no word between is a clause's subject ("Based in X, the company works").
_APPOSED = re.compile(r",[ \t]+(?:an?[ \t]+(?:[\w$.&'\u2019\-]+[ \t]+){0,5}?"
                      r"|the[ \t]+(?:[\w$.&'\u2019\-]+[ \t]+){1,5}?)$")
# Between a name and its apposition: a legal form, tickers ("Acme, Inc. (NASDAQ: ACME) (TSX: AC)").
_BEFORE_APPOSITION = re.compile(r"(?:,?[ \t]+(?:Inc|LLC|Ltd|Corp|Co)\.?)?(?:[ \t]*\([^()\n]{1,60}\))*$")


def described_kinds(text: str, kinds: Iterable[KindWord], ends: dict[int, str]) -> dict[str, str]:
    """The kinds ``text`` gives names in apposition ("Acme, a robotics company": company;
    "Acme Inc. (NASDAQ: ACME), the leading provider of ...": company), by the vocabulary's
    ``descriptor_kinds``. ``kinds``: the text's kind words; ``ends``: the end offset of each
    name found in ``text`` -> its key. Returns key -> kind; a name described as two kinds
    is left out, but for a nonprofit ("a nonprofit provider"): other."""
    table = vocabulary().descriptor_kinds
    seen: dict[str, set[str]] = {}
    for start, end, word in kinds:
        kind = table.get(word.casefold())
        if kind is None or text[end : end + 1] in ("'", "\u2019") or _NAME_NEXT.match(text, end):
            continue  # "X, the company's largest shareholder", "X, the robotics company Y": not X's
        m = _APPOSED.search(text, max(0, start - 80), start)
        if m is None:
            continue
        at = m.start()
        extra = _BEFORE_APPOSITION.search(text, max(0, at - 120), at)
        key = ends.get(at) or (ends.get(extra.start()) if extra is not None else None)
        if key is not None:
            seen.setdefault(key, set()).add(kind)
    return {key: (found.pop() if len(found) == 1 else "other") for key, found in seen.items()
            if len(found) == 1 or "other" in found}
