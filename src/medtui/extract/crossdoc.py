"""One institution across documents when one document names it only by a short name.

The corpus joins documents' institutions by key (the gazetteer's id, else the name's
:func:`~medtui.extract.names.name_key`). Two kinds of name escape that join, seen in the
trials of session 5: a Chinese-only document's 河畔大學 is not the English document's
"Riverside University (河畔大學)", and a document that writes only "RU" is not the one that
defines "Riverside University (RU)". This module ties them, and only them:

- an institution a document names only by short names (one word, no Han characters: "RU")
  or by Han names ("河畔大學") is *weak*; one with a name of two words or more is *strong*;
- a strong institution's *linking names* are its Han names and its acronyms that spell the
  initials of one of its names ("RU" for "Riverside University", "NQCan" for "Northgate
  Quill Canada"; never a word of the name such as "Riverside", which other
  institutions share);
- a weak institution joins the strong one whose linking name it uses; a strong institution
  adopts a weak one (still weak: no other strong one took it) that goes by one of its
  linking names;
- a linking name two strong institutions claim ("CAS": Chinese Academy of Sciences and
  Chemical Abstracts Service) links neither from then on; a strong institution never joins
  another through a short name (their full names differ).

And a company's name with and without its legal form is one company across documents
("Acme Robotics Inc." here, "Acme Robotics" or "Acme Robotics Corporation" there; one of the
two names with a legal form, so that two names without one never join this way): on 2,000
random releases 69 companies were listed twice so (session 6), as the corpus key kept the
legal form.

Documents arrive in order and ids are given as they come, so the first strong institution
to claim a short name keeps what joined it before a second claimed it too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from medtui.corpus.model import Institution
from medtui.extract.discover import GENERIC, is_head
from medtui.extract.names import name_key
from medtui.extract.vocabulary import is_generic_name

_HAN = re.compile("[\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _han(name: str) -> bool:
    """Whether ``name`` holds CJK ideographs or Hangul (a name in Chinese, Japanese or Korean)."""
    return not name.isascii() and _HAN.search(name) is not None


def _full(name: str) -> bool:
    """A name of two words or more in a Latin script ("Riverside University")."""
    return " " in name.strip() and not _han(name)


def _spells(acronym: str, full: str) -> bool:
    """Whether the capitals of one-word ``acronym`` are the initials of ``full``'s capitalised
    words ("RU": "Riverside University"; "NQCan": "Northgate Quill Canada")."""
    capitals = "".join(c for c in acronym if c.isupper())
    initials = "".join(w[0] for w in full.replace("-", " ").split() if w[:1].isupper())
    return len(capitals) >= 2 and capitals == initials


def _key(name: str) -> str:
    """How a linking name is compared: a Han name by its name key (traditional and simplified
    alike), an acronym exactly ("CAS" is not "Cas")."""
    return name_key(name) if _han(name) else name.strip()


_LEGAL_FORM = re.compile(
    r"(?:,?\s+(?:Inc|Ltd|LLC|LLP|L\.P|LP|Corp|Corporation|Co|PLC|plc|Limited|GmbH|AG|SE|S\.A|N\.V|B\.V|AB|ASA|"
    r"Oyj?|S\.p\.A|SpA|Pty|Pte|Pvt|Bhd|Tbk)\.?)+$")


def _formal(name: str) -> bool:
    """Whether ``name`` ends with a company's legal form ("Acme Inc.")."""
    return _LEGAL_FORM.search(name) is not None


@lru_cache(maxsize=65536)
def company_key(name: str) -> str | None:
    """The name key of ``name`` without its legal form ("Acme Robotics, Inc." and "Acme
    Robotics Corp": "acme robotics"); None for a name in Han characters or one whose rest is
    shorter than three letters or generic ("Holdings Inc.")."""
    if _han(name):
        return None
    bare = _LEGAL_FORM.sub("", name).rstrip(" ,")
    if len(bare) < 3 or is_generic_name(bare) or bare in GENERIC or " " not in bare and is_head(bare):
        return None
    return name_key(bare)


def _in_longer_name(short: str, texts: Iterable[str]) -> bool:
    """Whether ``short`` stands before a capitalised word in one of ``texts`` ("ACA Computers")."""
    if _han(short):
        return False
    after = _before_name_word(short)
    return any(short in t and after.search(t) for t in texts)


@lru_cache(maxsize=4096)
def _before_name_word(short: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(short) + r"[ \t]+[A-Z][a-z]")


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
        # company key of a discovered name -> (id, whether a name with a legal form gave it)
        self._companies: dict[str, tuple[str, bool]] = {}

    def join(self, names: Iterable[str], texts: Iterable[str] = (), discovered: bool = False) -> str | None:
        """The id of the institution a new document institution with these names is, or None.
        ``discovered``: not a gazetteer entry (only those join by their legal form).

        ``texts``: the document's story bodies. A short name the document writes before
        another capitalised word ("ACA Computers, LLC (“ACA”)") is the short form of a
        longer name there, not another document's institution of the same initials."""
        names = list(names)
        if discovered:
            for n in names:
                key = company_key(n)
                company = self._companies.get(key) if key is not None else None
                if company is not None and (company[1] or _formal(n)):
                    return company[0]  # "Acme Inc." and "Acme" (one of them with its legal form)
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

    def note(self, inst_id: str, names: Iterable[str], texts: Iterable[str] = (), discovered: bool = False) -> None:
        """Record that the institution ``inst_id`` goes by ``names`` in one document (whose
        story bodies are ``texts``, see :meth:`join`; ``discovered``: no gazetteer entry)."""
        names = list(names)
        if discovered:
            for n in names:
                key = company_key(n)
                if key is not None:
                    had = self._companies.get(key)
                    if had is None or had[0] == inst_id and not had[1]:
                        self._companies[key] = (inst_id, _formal(n))
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
    """``inst`` joined by another document's institution (``name``, ``kind``, ``names``;
    ``gazetteer``: a gazetteer entry): when ``inst`` was weak and that one is strong, it takes
    the strong one's name, kind and source (its short name becomes an alias); a kind other
    than "other" replaces "other" ("Acme" typed other, "Acme Inc." company)."""
    if is_weak([inst.name, *inst.aliases]) and not is_weak(names):
        if inst.name not in inst.aliases:
            inst.aliases.append(inst.name)
        inst.name, inst.kind = name, kind
        inst.source = "gazetteer" if gazetteer else "discovered"
    elif inst.kind == "other":
        inst.kind = kind


__all__ = ["AliasJoin", "adopt", "company_key", "is_weak", "linking_names"]
