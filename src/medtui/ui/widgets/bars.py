"""One-line bars: the active filters, the pane tabs (narrow terminals) and the status line."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

from medtui.ui.model import BrowserModel
from medtui.ui.render import count, one_line

PANES = (("institutions", "Institutions"), ("stories", "Stories"), ("article", "Article"),
         ("timeline", "Timeline"))


def filter_text(model: BrowserModel) -> Text:
    """What the filter bar says: every active filter and the search, most telling first."""
    filters = model.filters
    text = Text(no_wrap=True, overflow="ellipsis")
    if not filters.active() and model.search is None:
        text.append("No filters", style="dim")
        text.append(" (Enter: institution · / search · S starred · u unread · e kind)", "dim")
        return text
    parts: list[Text] = []
    if filters.institutions:
        names = " + ".join(one_line(model.short_name(i), 30) for i in filters.institutions)
        part = Text("✓ ", style="bold")
        shared = model.shared()
        if shared is not None:  # first, so a narrow terminal still shows it
            part.append(f"shared: {count(shared[0], 'story', 'stories')}, "
                        f"{count(shared[1], 'event')} — ", style="bold")
        part.append(names, style="bold reverse")
        parts.append(part)
    if model.search is not None:
        part = Text("/ ", style="bold")
        part.append(f"“{one_line(model.search.query, 30)}”", style="bold reverse")
        stories, events = len(model.visible_stories()), len(model.visible_events())
        part.append(f" → {stories} stor{'ies' if stories != 1 else 'y'}, "
                    f"{events} event{'s' if events != 1 else ''}", style="bold")
        parts.append(part)
    if filters.starred_only:
        parts.append(Text("★ starred only", style="bold"))
    if filters.unread_only:
        parts.append(Text("● unread only", style="bold"))
    if filters.event_kinds or filters.event_kind:
        kinds = ", ".join(filters.event_kinds) or str(filters.event_kind)
        parts.append(Text(f"kind: {one_line(kinds, 40)}", style="bold"))
    text.append_text(Text(" · ").join(parts))
    return text


def filter_keys(model: BrowserModel) -> Text:
    """The keys that drop the filters (kept short: it always shows, right-aligned)."""
    if not model.filters.active() and model.search is None:
        return Text()
    keys = Text(style="dim")
    if model.filters.institutions:
        keys.append("⌫ drop · ")
    keys.append("x clear")
    return keys


class FilterBar(Horizontal):
    """The active filters (cut with … when long) and, always visible, the keys to drop them."""

    def compose(self) -> ComposeResult:
        """The filters, then the keys."""
        yield Static(id="filter-text")
        yield Static(id="filter-keys")

    def show(self, model: BrowserModel) -> None:
        """Redraw from the model."""
        self.query_one("#filter-text", Static).update(filter_text(model))
        self.query_one("#filter-keys", Static).update(filter_keys(model))


class PaneTabs(Static):
    """On narrow terminals only one pane shows; this line says which, and the keys to the rest."""

    def show(self, active: str) -> None:
        """Mark the active pane with brackets and reverse video."""
        text = Text()
        for number, (name, label) in enumerate(PANES, 1):
            if name == active:
                text.append(f"[{number} {label}]", style="bold reverse")
            else:
                text.append(f" {number} {label} ", style="dim")
            text.append(" ")
        text.append(" Tab: next pane", style="dim")
        self.update(text)


class StatusBar(Horizontal):
    """Progress while reading and indexing, then corpus counts, warnings and the last message."""

    def compose(self) -> ComposeResult:
        """A progress bar (hidden when idle) and a line of text."""
        yield ProgressBar(id="progress", show_eta=False)
        yield Static(id="status-text")

    def progress(self, done: int, total: int) -> None:
        """Show the progress bar at ``done`` of ``total``."""
        bar = self.query_one(ProgressBar)
        bar.display = True
        bar.update(total=max(total, 1), progress=done)

    def idle(self) -> None:
        """Hide the progress bar."""
        self.query_one(ProgressBar).display = False

    def show(self, parts: Sequence[Text | str]) -> None:
        """Show ``parts`` separated by ' · '."""
        texts = [p if isinstance(p, Text) else Text(p) for p in parts if p]
        self.query_one("#status-text", Static).update(Text(" · ").join(texts))
