"""Institution-shaped names in a headline that the story refers to by their initials.

A headline capitalises every word, so its runs of capitalised words are no names by
themselves ("Change of Era Triggers Lakeshore University of Avalon to Launch ..."). A part
of one that holds an institution's head word and whose initials the body uses as a word
("LUA") is the name the body abbreviates: "Lakeshore University of Avalon", alias LUA.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from medtui.extract.boundaries import Candidate

_TOKEN = re.compile(r"[A-Z][\w&'\u2019.\-]*|of|for|and|the|de|on|&")
_SMALL = frozenset({"of", "for", "and", "the", "de", "on", "&"})
MAX_WORDS = 8


class TitleName(NamedTuple):
    """A name found in a headline and the initials the body knows it by."""

    candidate: Candidate
    acronym: str


def initialled(title: str, body: str, is_head: Callable[[str], bool]) -> list[TitleName]:
    """Names in ``title`` with a head word (``is_head``: word -> bool) whose initials (three
    or more capitals) ``body`` uses as a word; the longest at each place, left to right."""
    words = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(title)]
    if sum(w[0] not in _SMALL for w in words) < 3 or not any(is_head(w[0]) for w in words):
        return []
    known: dict[str, bool] = {}

    def in_body(initials: str) -> bool:
        """Whether ``body`` uses ``initials`` as a word (a plain search, then the bounds)."""
        if initials not in known:
            at, found = body.find(initials), False
            while at >= 0 and not found:
                end = at + len(initials)
                found = (at == 0 or not (body[at - 1].isalnum() or body[at - 1] in "-_")) and (
                    end == len(body) or not (body[end].isalnum() or body[end] in "-_"))
                at = body.find(initials, at + 1)
            known[initials] = found
        return known[initials]

    found: list[TitleName] = []
    i = 0
    while i < len(words):
        best: TitleName | None = None
        if words[i][0] not in _SMALL:
            letters, parts = "", []
            for j in range(i, min(len(words), i + MAX_WORDS)):
                if j > i and title[words[j - 1][2] : words[j][1]].strip():
                    break  # punctuation between two words: the name cannot run on
                if words[j][0] not in _SMALL:
                    letters += words[j][0][0]
                    parts.append((j, letters))
            for j, initials in reversed(parts):
                part = words[i : j + 1]
                if len(initials) >= 3 and any(is_head(w[0]) for w in part) and in_body(initials):
                    start, end = part[0][1], part[-1][2]
                    name = title[start:end].rstrip(".")
                    for ending in ("'s", "\u2019s"):
                        name = name.removesuffix(ending)
                    best = TitleName(Candidate(start, start + len(name), name), initials)
                    break
        if best is not None:
            found.append(best)
            i = next((k for k, w in enumerate(words) if w[1] >= best.candidate.end), len(words))
        else:
            i += 1
    return found


def named_in_body(name: str, body: str) -> bool:
    """Whether a headline's act party ``name`` (no head word) is a name the body uses.

    A headline capitalises every word, so "Partners With Media Outlets", "Celebrates
    One-Year Anniversary" or "Announces New Product Launches" make phrases look like names.
    The body writes the same words in lower case ("media outlets", "its anniversary"), but a
    name's words never: ``name`` counts when one of its words with a capital letter appears
    in ``body`` with a capital and nowhere in lower case ("Quillcase", "ZEPH", and "Lantrix"
    written "LANTRIX"). A name none of whose words the body has in any case is kept too
    ("Harbor Agency Picks Tidal Machines and More", the body naming none of them): only the
    body's lower case tells a phrase. Found in the session 5 trial of 2,000 random releases,
    where such headline phrases were a common wrong party.
    """
    seen = False
    folded = body.casefold() if len(body.casefold()) == len(body) else None
    for word in re.findall(r"[\w'\u2019&.\-]+", name):
        word = word.strip(".'\u2019-")
        if not word or word.lower() == word or not any(c.isalpha() for c in word):
            continue
        capital = lower = False
        for at, found in _occurrences(body, folded, word):
            seen = True
            if not found.islower():
                capital = True  # "Quillcase", also "Quillcase.com"
            elif not ("." in word or body[at - 1 : at] in (".", "/", "@")
                      or re.match(r"\.\w", body[at + len(found) : at + len(found) + 2])):
                lower = True  # in lower case, and not in a web or mail address ("www.quillcase.com")
                break
        if capital and not lower:
            return True
    return not seen


def _occurrences(body: str, folded: str | None, word: str) -> list[tuple[int, str]]:
    """Where ``word`` stands in ``body`` as a whole word, in any case: (offset, as written).
    ``folded``: ``body`` case-folded, when that keeps its length (a plain search then)."""
    if folded is None:
        return [(m.start(), m.group()) for m in
                re.finditer(rf"(?<![\w&-]){re.escape(word)}(?![\w&-])", body, re.I)]
    key, out = word.casefold(), []
    at = folded.find(key)
    while at >= 0:
        end = at + len(key)
        if not (at and (body[at - 1].isalnum() or body[at - 1] in "_&-")) and not (
                end < len(body) and (body[end].isalnum() or body[end] in "_&-")):
            out.append((at, body[at:end]))
        at = folded.find(key, at + 1)
    return out
