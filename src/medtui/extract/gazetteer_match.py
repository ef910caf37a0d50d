"""Gazetteer names found in a text in one pass, as word-bounded mentions (:class:`Span`).

Two Aho-Corasick automata (pyahocorasick): names whose case matters (acronyms, "WHO") and
the others case-folded; a name's spelling variants ("&"/"and", Centre/Center, without "The")
are added to them. A bare alias needs its entry's context words in the text; an upper-case
label opening a line ("WHO:") is no mention. Part of :mod:`medtui.extract.mentions`.
"""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick

from medtui.extract.appositives import KindWord, kind_words
from medtui.extract.gazetteer import Gazetteer
from medtui.extract.names import case_sensitive

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'"})


@dataclass(frozen=True)
class Span:
    """A mention: characters [start, end) of the text name the institution ``key``."""

    start: int
    end: int
    key: str
    surface: str


def _variants(name: str) -> set[str]:
    base = name.translate(_QUOTES)
    out = {base}
    if base.lower().startswith("the "):
        out.add(base[4:])
    for v in list(out):
        if "&" in v:
            out.add(v.replace("&", "and"))
        if " and " in v:
            out.add(v.replace(" and ", " & "))
        if "Centre" in v:
            out.add(v.replace("Centre", "Center"))
        if "Center" in v:
            out.add(v.replace("Center", "Centre"))
    return out


class GazetteerMatcher:
    """Finds every gazetteer name in a text in one pass (two automata: by case and not)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._exact = ahocorasick.Automaton()
        self._folded = ahocorasick.Automaton()
        for entry in gazetteer.entries.values():
            for name in entry.names():
                for v in _variants(name):
                    if case_sensitive(v):
                        self._exact.add_word(v, (entry.id, len(v), name))
                    else:
                        self._folded.add_word(v.lower(), (entry.id, len(v), name))
        for word in kind_words():  # found in the same pass, for appositions ("Acme, a company")
            if not self._exact.exists(word):
                self._exact.add_word(word, ("", len(word), word))
        for automaton in (self._exact, self._folded):
            if len(automaton):
                automaton.make_automaton()

    def find(self, text: str) -> list[Span]:
        """Gazetteer mentions with word boundaries; bare aliases only with their context."""
        return self.find_all(text)[0]

    def find_all(self, text: str) -> tuple[list[Span], list[KindWord]]:
        """Gazetteer mentions (as :meth:`find`) and the words for kinds of organisation
        (:func:`medtui.extract.appositives.kind_words`) standing as words in ``text``."""
        kinds: list[KindWord] = []
        norm = text.replace("\u2019", "'").replace("\u2018", "'")  # as _QUOTES, without a per-character map
        lowered = norm.lower()
        if len(lowered) != len(norm):
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in norm)
        spans: list[Span] = []
        for automaton, haystack in ((self._exact, norm), (self._folded, lowered)):
            if not len(automaton):
                continue
            for end_idx, (entry_id, length, name) in automaton.iter(haystack):
                start, end = end_idx - length + 1, end_idx + 1
                if not _bounded(norm, start, end) or _line_label(norm, start, end):
                    continue
                if not entry_id:
                    kinds.append((start, end, name))
                    continue
                entry = self.gazetteer.entries[entry_id]
                if entry.needs_context(name) and not any(
                    c.lower() in lowered for c in entry.context
                ):
                    continue
                spans.append(Span(start, end, f"g:{entry_id}", text[start:end]))
        return spans, kinds


def _line_label(text: str, start: int, end: int) -> bool:
    """An upper-case word opening a line before a colon is a label ("WHO: Speakers ...",
    "WHAT:", "WHEN:" of a media advisory: 21 of the 25k releases), no mention of WHO."""
    if text[end:end + 1] != ":" or not text[start:end].isupper():
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" \t*#>-")


def _ideograph(ch: str) -> bool:
    return "\u3040" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


CJK_MIN_UNBOUNDED = 3
"""Chinese and Japanese names of this many characters match inside running text (which
has no spaces); shorter ones ("中大") only between punctuation, lest they match inside words."""


def _bounded(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands as a word: alphanumerics may not run on past either
    end, except in Chinese or Japanese text, which has no spaces between words."""
    cjk = _ideograph(text[start]) and _ideograph(text[end - 1])
    if cjk and end - start >= CJK_MIN_UNBOUNDED:
        return True
    if start > 0 and text[start - 1].isalnum() and not (_ideograph(text[start - 1]) and not cjk):
        return False
    return not (end < len(text) and text[end].isalnum() and not (_ideograph(text[end]) and not cjk))
