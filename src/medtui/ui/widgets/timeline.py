"""Pane 4: partnership events in timeline order under year/month headers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message

from medtui.corpus.model import Event
from medtui.search.asked import kinds_asked
from medtui.ui.model import BrowserModel
from medtui.ui.render import count, event_prompt, group_header, one_line
from medtui.ui.widgets.navlist import NavList


class TimelineList(NavList):
    """The events; Enter opens the story at its evidence sentence, e cycles the event kind."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "cycle_kind", "Event kind", id="timeline.kind"),
        Binding("E", "pick_kinds", "Pick kinds", id="timeline.kinds"),
    ]

    def action_cycle_kind(self) -> None:
        """Ask the app to show the next event kind only (then all again)."""
        self.post_message(TimelinePane.KindCycled())

    def action_pick_kinds(self) -> None:
        """Ask the app for the kind picker (several kinds at once)."""
        self.post_message(TimelinePane.KindsPicking())


class TimelinePane(Vertical):
    """Pane 4. Posts :class:`Chosen` and :class:`KindCycled`."""

    class Chosen(Message):
        """An event was chosen with Enter."""

        def __init__(self, event_id: str) -> None:
            super().__init__()
            self.event_id = event_id

    class KindCycled(Message):
        """The user asked for the next event kind."""

    class KindsPicking(Message):
        """The user asked to pick several event kinds."""

    def compose(self) -> ComposeResult:
        """Just the list."""
        yield TimelineList(id="timeline-list")

    @property
    def items(self) -> TimelineList:
        """The list widget (what pane key 4 focuses)."""
        return self.query_one(TimelineList)

    def show(self, groups: Sequence[tuple[str, Sequence[Event]]], model: BrowserModel) -> None:
        """Display the groups: a header line (not selectable), then one line per event."""
        rows: list[str] = []
        headers: list[str] = []
        events: dict[str, Event] = {}
        for label, group in groups:
            headers.append(f"group:{label}")
            rows.append(headers[-1])
            for event in group:
                rows.append(event.id)
                events[event.id] = event

        def render(row_id: str) -> Text:
            if row_id.startswith("group:"):
                return group_header(row_id[len("group:") :])
            event = events[row_id]
            story = model.corpus.story(event.story)
            names = model.parties_for_display(event)
            sources = len(model.sources.get(event.id, ()))
            return event_prompt(event, names, story.title if story else "", sources)

        self.items.replace(rows, render, headers=headers)
        kind = ", ".join(model.filters.event_kinds) or model.filters.event_kind or "all kinds"
        asked = kinds_asked(model.search.query) if model.search is not None else set()
        if asked:
            kind = f"{', '.join(sorted(asked))} (search)" if kind == "all kinds" else f"{kind} & search"
        self.border_subtitle = Text(f"{rows_count(events, model)} · {one_line(kind, 30)} (e)")

    @on(NavList.Selected, "#timeline-list")
    def _chosen(self, event: NavList.Selected) -> None:
        event.stop()
        self.post_message(self.Chosen(event.row_id))


def rows_count(events: dict[str, Event], model: BrowserModel) -> str:
    """What the rows stand for: "5 events", or "4 signings (6 events)" when some row
    is one signing reported by several stories (:attr:`BrowserModel.sources`)."""
    reported = sum(len(model.sources.get(event_id, ())) or 1 for event_id in events)
    if reported == len(events):
        return count(len(events), "event")
    return f"{count(len(events), 'signing')} ({count(reported, 'event')})"
