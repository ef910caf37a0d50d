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
    if not any(c.isupper() for c in body):
        return []
    words = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(title)]
    found: list[TitleName] = []
    i = 0
    while i < len(words):
        best: TitleName | None = None
        if words[i][0] not in _SMALL:
            for j in range(min(len(words), i + MAX_WORDS) - 1, i, -1):
                part = words[i : j + 1]
                gaps = (title[a[2] : b[1]] for a, b in zip(part, part[1:], strict=False))
                if part[-1][0] in _SMALL or any(gap.strip() for gap in gaps):
                    continue
                letters = "".join(w[0][0] for w in part if w[0] not in _SMALL)
                if len(letters) < 3 or not any(is_head(w[0]) for w in part):
                    continue
                if re.search(r"(?<![\w-])" + letters + r"(?![\w-])", body):
                    start, end = part[0][1], part[-1][2]
                    name = title[start:end].rstrip(".")
                    for ending in ("'s", "\u2019s"):
                        name = name.removesuffix(ending)
                    best = TitleName(Candidate(start, start + len(name), name), letters)
                    break
        if best is not None:
            found.append(best)
            i = next((k for k, w in enumerate(words) if w[1] >= best.candidate.end), len(words))
        else:
            i += 1
    return found
