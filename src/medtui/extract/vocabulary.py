"""The words institution names and partnership acts are read with, from ``data/vocabulary.yaml``.

Vocabulary is data (heads of names in other languages, Chinese and Japanese suffixes,
generic phrases that are no institution, role words, month names, headline words); the
rules that use it are in :mod:`medtui.extract.discover` and :mod:`medtui.extract.acts`.
Loaded once per process (about 1 ms).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from medtui.extract.gazetteer import safe_load


@dataclass(frozen=True)
class Vocabulary:
    """The lists of ``vocabulary.yaml``, as sets (``generic`` case-folded)."""

    heads: frozenset[str]
    cjk_suffixes: tuple[str, ...]
    cjk_kinds: dict[str, str]
    """The institution kind each CJK ending makes (大學 -> university)."""
    cjk_leading: tuple[str, ...]
    cjk_generic: frozenset[str]
    generic: frozenset[str]
    roles: frozenset[str]
    months: frozenset[str]
    title_words: frozenset[str]
    places: frozenset[str]
    """Places and nationalities alone (case-folded): no institution; cities included."""
    openers: frozenset[str]
    """Words that open a sentence: after "Corp." or "X." they start a new one, not a name."""
    on_heads: frozenset[str]
    """Heads a name runs on from through "on" ("Institute on Aging")."""
    name_tails: frozenset[str]
    generic_words: frozenset[str]
    board_subjects: frozenset[str]
    descriptors: frozenset[str]
    not_name_tails: frozenset[str]
    number_words: frozenset[str] = frozenset()
    cities: frozenset[str] = frozenset()
    """Cities of ``places`` (case-folded): a university's campus may be one."""
    persons: dict[str, frozenset[str]] = field(default_factory=dict)
    """The words people are named with (``speech_verbs``, ``titles``, ``roles``,
    ``post_nominals``): see
    :mod:`medtui.extract.persons`."""
    kind_phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    descriptor_kinds: dict[str, str] = field(default_factory=dict)
    """The kind a descriptor gives a name it describes ("Acme, a robotics company"): word -> kind."""
    """Phrases that decide a name's kind before its head words do ("High School" is no
    university's, "Central Bank" no company's): kind -> phrases."""
    """"Two", "Eleven": a number word alone is no name."""
    """Last words of names of things, not organisations ("Fossil Energy Protocol")."""
    """Words for kinds of organisation: "Acme, a robotics company" makes Acme a name."""
    """Words after "Board of" that make the board no institution's organ ("Directors")."""
    """Words that name a kind, not one institution ("Elementary School"): a name needs another."""
    """Words that may end a name after its head ("School District", "University System")."""


def _words(data: dict[str, object], key: str) -> list[str]:
    value = data.get(key) or []
    return [str(v) for v in value] if isinstance(value, list) else []


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The shipped vocabulary (read once). Raises ``OSError``/``yaml.YAMLError`` only if the
    package is damaged."""
    text = resources.files("medtui").joinpath("data/vocabulary.yaml").read_text("utf-8")
    data = safe_load(text) or {}
    roles = set(_words(data, "roles"))
    by_kind = data.get("cjk_suffixes") or {}
    cjk_kinds = {str(suffix): str(kind) for kind, suffixes in by_kind.items() for suffix in suffixes or []
                 } if isinstance(by_kind, dict) else {}
    return Vocabulary(
        heads=frozenset(_words(data, "heads")),
        # Longest first, so that 研究中心 is tried before 中心-like shorter endings.
        cjk_suffixes=tuple(sorted(cjk_kinds, key=len, reverse=True)),
        cjk_kinds=cjk_kinds,
        cjk_leading=tuple(sorted(set(_words(data, "cjk_leading")), key=len, reverse=True)),
        cjk_generic=frozenset(_words(data, "cjk_generic")),
        generic=frozenset(g.casefold() for g in _words(data, "generic")),
        roles=frozenset(roles),
        months=frozenset(_words(data, "months")),
        title_words=frozenset(_words(data, "title_words")),
        places=frozenset(p.casefold() for p in _words(data, "places") + _words(data, "cities")
                         + _words(data, "demonyms")),
        cities=frozenset(c.casefold() for c in _words(data, "cities")),
        openers=frozenset(_words(data, "openers")),
        on_heads=frozenset(_words(data, "on_heads")),
        name_tails=frozenset(_words(data, "name_tails")),
        generic_words=frozenset(_words(data, "generic_words")),
        board_subjects=frozenset(_words(data, "board_subjects")),
        descriptors=frozenset(_words(data, "descriptors")),
        not_name_tails=frozenset(_words(data, "not_name_tails")),
        number_words=frozenset(_words(data, "number_words")),
        persons=_persons(data.get("persons")),
        kind_phrases=_kind_phrases(data.get("kind_phrases")),
        descriptor_kinds={word.casefold(): kind for kind, words in _kind_phrases(data.get("descriptor_kinds")).items()
                          for word in words},
    )


def _persons(value: object) -> dict[str, frozenset[str]]:
    """``persons`` of the vocabulary: each of its lists (empty when missing)."""
    lists = value if isinstance(value, dict) else {}
    keys = ("speech_verbs", "titles", "roles", "roles_before_name", "post_nominals")
    return {key: frozenset(_words(lists, key)) for key in keys}


def _kind_phrases(value: object) -> dict[str, tuple[str, ...]]:
    """``kind_phrases`` of the vocabulary: kind -> its phrases (empty when missing)."""
    lists = value if isinstance(value, dict) else {}
    return {str(kind): tuple(_words(lists, kind)) for kind in lists}


def is_generic_name(name: str) -> bool:
    """Whether ``name`` is a generic phrase ("Board of Directors"), a place or a nationality
    alone ("Hong Kong", "French") of the vocabulary."""
    folded = " ".join(name.split()).casefold()
    folded = folded[4:] if folded.startswith("the ") else folded
    vocab = vocabulary()
    if folded in vocab.generic or folded in vocab.places:
        return True
    return "." in folded and folded + "." in vocab.places  # "U.S" of "U.S. drone companies"
