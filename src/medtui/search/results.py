"""What a search gives back (:class:`SearchResult`, one :class:`Hit` per story) and the
query syntax examples the help screens show; no whoosh import (imported at start-up)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from medtui.corpus.model import PartialDate

QUERY_SYNTAX: tuple[tuple[str, str], ...] = (
    ("medical school", "both words, in any form (schools...)"),
    ('"medical school"', "the exact phrase"),
    ("hkust OR polyu", "either word"),
    ("hkust NOT grant / hkust -grant", "the first word without the second"),
    ("medic*", "words starting with medic (3+ letters)"),
    ("title:agreement", "in the title (also text:, kind:)"),
    ('institution:"Zhejiang University"', "about an institution (name or alias)"),
    ("kind:mou", "stories with an event of that kind"),
    ("kind:mou,agreement", "an event of either kind (or kind:(mou OR agreement))"),
    ("date:2025-03", "dated in March 2025 (or 2025, 2025-03-15)"),
    ("date:[2025-01 to 2025-03]", "dated in a range (or date:>2025-02)"),
)
"""Query syntax examples and what they mean, for help screens (no whoosh import needed)."""


@dataclass
class Hit:
    """One story that matched, with a highlighted snippet."""

    story: str
    title: str
    date: PartialDate | None
    score: float
    snippet: str
    highlights: list[tuple[int, int]] = field(default_factory=list)
    later: Callable[[], None] | None = field(default=None, repr=False, compare=False)
    """Makes ``snippet`` and ``highlights`` when a search left them for later (see
    :meth:`StoryIndex.search`'s ``snippets``); :meth:`fill` calls it."""

    def fill(self) -> Hit:
        """This hit, with its snippet made now if the search left it for later."""
        later, self.later = self.later, None
        if later is not None:
            later()
        return self


@dataclass
class SearchResult:
    """Everything one search found, or the one sentence saying why it could not run."""

    query: str
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    suggestion: str | None = None
    terms: list[str] = field(default_factory=list)
    facets: dict[str, int] = field(default_factory=dict)
    error: str | None = None
    notes: list[str] = field(default_factory=list)
    """Sentences for the user about the query that ran anyway (an unknown event kind or
    institution id: they match nothing), e.g. for stderr."""


__all__ = ["QUERY_SYNTAX", "Hit", "SearchResult"]
