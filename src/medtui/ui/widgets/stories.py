"""Pane 2: the stories (all of them, or the search hits), narrowed by the filters."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message

from medtui.corpus.model import Story
from medtui.ui.model import BrowserModel
from medtui.ui.render import count, story_prompt
from medtui.ui.widgets.navlist import NavList

if TYPE_CHECKING:
    from medtui.search.index import Hit


class StoryList(NavList):
    """The stories; Enter opens one in the article pane, o switches date/relevance order."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "toggle_sort", "Order", id="stories.sort"),
        Binding("c", "app.toggle_copies", "Copies", show=False, id="stories.copies"),
    ]

    def action_toggle_sort(self) -> None:
        """Ask the app to switch between newest-first and relevance order."""
        self.post_message(StoriesPane.SortToggled())


class StoriesPane(Vertical):
    """Pane 2. Posts :class:`Chosen` and :class:`SortToggled`."""

    class Chosen(Message):
        """A story was chosen with Enter."""

        def __init__(self, story_id: str) -> None:
            super().__init__()
            self.story_id = story_id

    class SortToggled(Message):
        """The user asked for the other order."""

    def compose(self) -> ComposeResult:
        """Just the list."""
        yield StoryList(id="story-list")

    @property
    def items(self) -> StoryList:
        """The list widget (what pane key 2 focuses)."""
        return self.query_one(StoryList)

    def show(
        self, rows: Sequence[tuple[Story, Hit | None]], model: BrowserModel, *, top: bool = False
    ) -> None:
        """Display ``rows`` (story, search hit or None) with star/unread markers.

        The cursor stays on the story it was on, or with ``top`` goes to the first row.

        A row's text is built when it is first drawn, reading the model then, so
        :meth:`redraw` after a star or a read mark shows the change.
        """
        terms = model.search.terms if model.search is not None else []
        # No id -> row map: rows are O(stories) and redrawn as a corpus grows; look-ups
        # are for the rows drawn only (the corpus keeps its own map).
        hit_of = ({story.id: hit for story, hit in rows if hit is not None}
                if model.search is not None else {})
        copy_ids = {c for group in model.copies.values() for c in group}
        corpus = model.corpus

        def render(story_id: str) -> Text:
            story, hit = corpus.story(story_id), hit_of.get(story_id)
            if story is None:
                return Text(story_id)
            if hit is not None:
                hit.fill()  # its snippet, if the search left it for when it is drawn
            return story_prompt(
                story,
                hit.snippet if hit is not None else "",
                hit.highlights if hit is not None else [],
                terms,
                starred=model.is_starred(story.id),
                read=model.is_read(story.id),
                copies=(_copies_label(len(model.copies[story.id])) if story.id in model.copies
                        else "↳ copy" if story.id in copy_ids else ""),
            )

        ids = [story.id for story, _ in rows]
        self.items.replace(ids, render, height=2, keep=ids[0] if top and ids else None)
        shown = set(ids)
        folded = sum(1 for sid in ids for c in model.copies.get(sid, ()) if c not in shown)
        # The status bar counts every story: say where the folded copies went.
        listed = f"{len(rows)} (+{folded} {'copy' if folded == 1 else 'copies'}, c)" if folded else f"{len(rows)}"
        if model.search is not None and model.search.total == 0:
            self.border_subtitle = "no hits"  # not "0 of 0 hits · by date (o)"
        elif model.search is not None:
            order = "by date" if model.story_sort == "date" else "by relevance"
            hits = count(model.search.total, "hit")
            self.border_subtitle = f"{listed} of {hits} · {order} (o)"
        else:
            self.border_subtitle = f"{listed} · newest first"

    def redraw(self, story_id: str) -> None:
        """Redraw one story's row (its star or read mark changed)."""
        self.items.redraw_row(story_id)

    @on(NavList.Selected, "#story-list")
    def _chosen(self, event: NavList.Selected) -> None:
        event.stop()
        self.post_message(self.Chosen(event.row_id))


def _copies_label(n: int) -> str:
    """The tag of a story carried elsewhere too: "+1 copy", "+3 copies"."""
    return f"+{n} {'copy' if n == 1 else 'copies'}"
