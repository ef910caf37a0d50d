"""The words partnership events are read with, from ``data/events.yaml`` (vocabulary is data).

Loaded once per process; the rules that use the words are in :mod:`medtui.extract.acts`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from medtui.extract.gazetteer import safe_load


@dataclass(frozen=True)
class EventWords:
    """The lists of ``events.yaml``, as sets (case-folded)."""

    descriptor_nouns: frozenset[str]
    """Nouns that describe a party just before its name ("guru" in "with advertising guru X")."""
    part_nouns: frozenset[str] = frozenset()
    """What one party is a part of another ("a division of Y"): see :mod:`medtui.extract.bystanders`."""
    subject_nouns: dict[str, str] = field(default_factory=dict)
    """"The <noun>" as an act's subject: the issuer of that kind (see :mod:`medtui.extract.subjects`)."""


@lru_cache(maxsize=1)
def event_words() -> EventWords:
    """The shipped event vocabulary (read once). Raises ``OSError``/``yaml.YAMLError`` only if
    the package is damaged."""
    text = resources.files("medtui").joinpath("data/events.yaml").read_text("utf-8")
    data = safe_load(text) or {}
    nouns = data.get("descriptor_nouns") or []
    parts = data.get("part_nouns") or []
    subjects = data.get("subject_nouns") or {}
    return EventWords(descriptor_nouns=frozenset(str(n).casefold() for n in nouns),
                      part_nouns=frozenset(str(n).casefold() for n in parts),
                      subject_nouns={str(n).casefold(): str(k) for n, k in subjects.items()})
