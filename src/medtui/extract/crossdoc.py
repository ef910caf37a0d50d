"""One institution across documents when one document names it only by a short name.

The corpus joins documents' institutions by key (the gazetteer's id, else the name's
:func:`~medtui.extract.names.name_key`). Two kinds of name escape that join, seen in the
trials of session 5: a Chinese-only document's 河畔大學 is not the English document's
"Riverside University (河畔大學)", and a document that writes only "RU" is not the one that
defines "Riverside University (RU)". This module ties them, and only them:

- an institution a document names only by short names (one word, no Han characters: "RU")
  or by Han names ("河畔大學") is *weak*; one with a name of two words or more is *strong*;
- a strong institution's *linking names* are its Han names and its acronyms that spell the
  initials of one of its names ("RU" for "Riverside University", "NRCan" for "Natural
  Resources Canada"; never a word of the name such as "Riverside", which other
  institutions share);
- a weak institution joins the strong one whose linking name it uses; a strong institution
  adopts a weak one (still weak: no other strong one took it) that goes by one of its
  linking names;
- a linking name two strong institutions claim ("CAS": Chinese Academy of Sciences and
  Chemical Abstracts Service) links neither from then on; a strong institution never joins
  another through a short name (their full names differ).

Documents arrive in order and ids are given as they come, so the first strong institution
to claim a short name keeps what joined it before a second claimed it too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from medtui.corpus.model import Institution
from medtui.extract.names import name_key


def _han(name: str) -> bool:
    """Whether ``name`` holds CJK ideographs or Hangul (a name in Chinese, Japanese or Korean)."""
    return any("\u3400" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" or "\uf900" <= c <= "\ufaff"
               for c in name)


def _full(name: str) -> bool:
    """A name of two words or more in a Latin script ("Riverside University")."""
    return " " in name.strip() and not _han(name)


def _spells(acronym: str, full: str) -> bool:
    """Whether the capitals of one-word ``acronym`` are the initials of ``full``'s capitalised
    words ("RU": "Riverside University"; "NRCan": "Natural Resources Canada")."""
    capitals = "".join(c for c in acronym if c.isupper())
    initials = "".join(w[0] for w in full.replace("-", " ").split() if w[:1].isupper())
    return len(capitals) >= 2 and capitals == initials


def _key(name: str) -> str:
    """How a linking name is compared: a Han name by its name key (traditional and simplified
    alike), an acronym exactly ("CAS" is not "Cas")."""
    return name_key(name) if _han(name) else name.strip()


def _in_longer_name(short: str, texts: Iterable[str]) -> bool:
    """Whether ``short`` stands before a capitalised word in one of ``texts`` ("ACA Computers")."""
    if _han(short):
        return False
    after = re.compile(r"(?<![\w-])" + re.escape(short) + r"[ \t]+[A-Z][a-z]")
    return any(after.search(t) for t in texts)


def linking_names(names: Iterable[str]) -> list[str]:
    """The names of a strong institution that tie a weak one to it: its Han names and its
    acronyms that spell one of its full names' initials (empty for a weak institution)."""
    names = list(names)
    full = [n for n in names if _full(n)]
    if not full:
        return []
    return [n for n in names if _han(n) or not _full(n) and any(_spells(n.strip(), f) for f in full)]


def is_weak(names: Iterable[str]) -> bool:
    """Whether an institution is named only by short or Han names (see the module docstring)."""
    return not any(_full(n) for n in names)


class AliasJoin:
    """The linking names of the corpus's strong institutions, and its weak institutions.

    ``join`` is asked for an institution whose key the corpus has not seen; ``note`` is told
    every document's names of an institution once it has its id.
    """

    def __init__(self) -> None:
        self._linked: dict[str, str | None] = {}  # linking name's key -> id of the strong institution (None: two)
        self._weak: dict[str, str] = {}  # key of a weak institution's name -> its id
        self._strong: set[str] = set()  # ids of strong institutions (adopted ones too)

    def join(self, names: Iterable[str], texts: Iterable[str] = ()) -> str | None:
        """The id of the institution a new document institution with these names is, or None.

        ``texts``: the document's story bodies. A short name the document writes before
        another capitalised word ("ACA Computers, LLC (“ACA”)") is the short form of a
        longer name there, not another document's institution of the same initials."""
        names = list(names)
        if is_weak(names):
            for n in names:
                found = self._linked.get(_key(n))
                if found is not None and not _in_longer_name(n, texts):
                    return found
            return None
        for n in linking_names(names):
            weak = self._weak.get(_key(n))
            if weak is not None and weak not in self._strong and self._linked.get(_key(n), weak) == weak:
                return weak
        return None

    def note(self, inst_id: str, names: Iterable[str], texts: Iterable[str] = ()) -> None:
        """Record that the institution ``inst_id`` goes by ``names`` in one document (whose
        story bodies are ``texts``, see :meth:`join`)."""
        names = list(names)
        if is_weak(names):
            for n in names:
                key = _key(n)
                if key not in self._linked and not _in_longer_name(n, texts):
                    self._weak.setdefault(key, inst_id)
            return
        self._strong.add(inst_id)
        for n in linking_names(names):
            key = _key(n)
            if self._weak.get(key) == inst_id:
                del self._weak[key]  # adopted: strong from now on
            if key not in self._linked:
                self._linked[key] = inst_id
            elif self._linked[key] != inst_id:
                self._linked[key] = None  # claimed by two: links neither


def adopt(inst: Institution, name: str, kind: str, gazetteer: bool, names: Iterable[str]) -> None:
    """``inst`` joined by a strong document institution (``name``, ``kind``, ``names``;
    ``gazetteer``: a gazetteer entry): when ``inst`` was weak, it takes the strong one's name,
    kind and source (its short name becomes an alias)."""
    if is_weak([inst.name, *inst.aliases]) and not is_weak(names):
        if inst.name not in inst.aliases:
            inst.aliases.append(inst.name)
        inst.name, inst.kind = name, kind
        inst.source = "gazetteer" if gazetteer else "discovered"


__all__ = ["AliasJoin", "adopt", "is_weak", "linking_names"]
