"""The filters the user switched on, and what they keep.

:class:`Filters` is what the filter bar shows; :func:`story_filter` is the test a story
must pass; :func:`same_institutions` keeps a selection meaning the same institutions
when the corpus is replaced while documents are read. Plain Python (no Textual), used by
:class:`medtui.ui.model.BrowserModel`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from medtui.corpus.model import Corpus, Story


@dataclass
class Filters:
    """The filters the user has switched on (shown in the filter bar)."""

    institutions: list[str] = field(default_factory=list)
    starred_only: bool = False
    unread_only: bool = False
    event_kind: str | None = None
    event_kinds: list[str] = field(default_factory=list)
    """Several kinds at once (the kind picker, E); used instead of ``event_kind`` when set."""

    def active(self) -> bool:
        """True when any filter narrows what is shown."""
        return bool(
            self.institutions or self.starred_only or self.unread_only or self.event_kind
            or self.event_kinds
        )


def same_institutions(old: Corpus, new: Corpus, inst_ids: Sequence[str]) -> list[str]:
    """``inst_ids`` of ``old`` as ids of ``new``, found by name: the corpus shown while
    documents are read numbers institutions in the order it met them, the final one
    (after the boilerplate step) may number them otherwise, and a selection made
    meanwhile must keep meaning the same institutions. An id whose name ``new`` does not
    know (as a name, else as another name) is dropped; unknown ids are kept as they are."""
    mapped: list[str] = []
    by_name: dict[str, str] | None = None
    for inst_id in inst_ids:
        before, after = old.institution(inst_id), new.institution(inst_id)
        if before is None or (after is not None and after.name == before.name):
            mapped.append(inst_id)
            continue
        if by_name is None:  # built once, only when an id moved
            by_name = {}
            for inst in reversed(new.institutions):  # first listed wins; names over aliases
                by_name.update((alias.casefold(), inst.id) for alias in inst.aliases)
            for inst in reversed(new.institutions):
                by_name[inst.name.casefold()] = inst.id
        found = by_name.get(before.name.casefold())
        if found is not None and found not in mapped:
            mapped.append(found)
    return mapped


def story_filter(filters: Filters, starred: set[str], read: set[str],
                 keys: dict[str, str]) -> Callable[[Story], bool] | None:
    """A test for the active story filters (institutions, starred, unread); None if none.

    ``starred`` and ``read`` hold story keys (:meth:`BrowserModel.key`), ``keys`` maps a
    story id to its key (a story missing from it is its own key).
    """
    chosen = set(filters.institutions)
    starred_only, unread_only = filters.starred_only, filters.unread_only
    if not (chosen or starred_only or unread_only):
        return None

    def passes(story: Story) -> bool:
        if chosen and not chosen.issubset(story.institutions):
            return False
        key = keys.get(story.id, story.id)
        if starred_only and key not in starred:
            return False
        return not (unread_only and key in read)

    return passes
