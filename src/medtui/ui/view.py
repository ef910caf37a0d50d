"""Drawing the browser from its model, the pane layout, and where the focus is.

Part of :class:`medtui.ui.app.MedtuiApp` (a mixin): every redraw reads
:class:`medtui.ui.model.BrowserModel`, so the screen never holds state of its own.
Below :data:`NARROW_WIDTH` columns only the active pane is shown, full size.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.timer import Timer
from textual.widget import Widget

from medtui.ui.loading import LoadingMixin
from medtui.ui.model import BrowserModel
from medtui.ui.render import count
from medtui.ui.widgets.bars import PANES, FilterBar, PaneTabs, StatusBar
from medtui.ui.widgets.institutions import InstitutionsPane
from medtui.ui.widgets.navlist import focus_now
from medtui.ui.widgets.searchbar import SearchInput
from medtui.ui.widgets.stories import StoriesPane
from medtui.ui.widgets.timeline import TimelinePane

PANE_ORDER = tuple(name for name, _ in PANES)
PANE_FOCUS = {
    "institutions": "#inst-list",
    "stories": "#story-list",
    "article": "#article",
    "timeline": "#timeline-list",
}
NARROW_WIDTH = 100
"""Below this many columns only the active pane is shown."""
MESSAGE_SECONDS = 4.0
"""How long a message ('Starred …', 'Filters cleared') stays in the status line."""


class ViewMixin(LoadingMixin):
    """Redraws, layout and pane focus for the app."""

    model: BrowserModel
    warnings: list[str]
    active_pane: str
    phase: str
    message: str
    _state: Any
    _message_timer: Timer | None = None
    _message_shown: str = ""

    # ---------------------------------------------------------------- drawing
    def refresh_all(self, *, top: bool = False) -> None:
        """Redraw every pane and bar from the model; ``top``: the stories' cursor to the first row."""
        self.refresh_institutions()
        self.refresh_stories(top=top)
        self.refresh_timeline()
        self.refresh_filters()
        self.refresh_status()

    def refresh_institutions(self) -> None:
        """Redraw pane 1."""
        self.query_one(InstitutionsPane).show(self.model.institution_rows(), self.model)

    def refresh_stories(self, *, top: bool = False) -> None:
        """Redraw pane 2; with ``top`` the cursor goes to the first row (a new search's
        top hit), else it stays on the story it was on."""
        self.query_one(StoriesPane).show(self.model.visible_stories(), self.model, top=top)

    def refresh_timeline(self) -> None:
        """Redraw pane 4."""
        self.query_one(TimelinePane).show(self.model.timeline_groups(), self.model)

    def refresh_filters(self) -> None:
        """Redraw the filter bar."""
        self.query_one(FilterBar).show(self.model)

    def refresh_status(self) -> None:
        """Redraw the status line: last message, warnings, phase, counts.

        The message and warnings come first so a narrow terminal still shows them.
        A message fades after :data:`MESSAGE_SECONDS` (whichever code set it).
        """
        if self.message != self._message_shown:
            self._message_shown = self.message
            if self._message_timer is not None:
                self._message_timer.stop()
                self._message_timer = None
            if self.message:
                self._message_timer = self.set_timer(MESSAGE_SECONDS, self._fade_message)
        corpus = self.model.corpus
        counts = " · ".join((
            count(len(corpus.stories), "story", "stories"),
            count(len(corpus.institutions), "institution"),
            count(len(corpus.events), "event"),
        ))
        parts: list[Text | str] = []
        if self.message:
            parts.append(Text(self.message, style="italic"))
        if self.warnings:
            parts.append(Text(f"⚠ {count(len(self.warnings), 'warning')} (w)", "bold"))
        parts += [self.phase, counts]
        self.query_one(StatusBar).show(parts)

    def _fade_message(self) -> None:
        self._message_timer = None
        self.message = ""
        self.refresh_status()

    # ----------------------------------------------------------------- layout
    def on_resize(self, event: events.Resize) -> None:
        """Switch between the four-pane and the one-pane layout, for the new size.

        This handler runs before Textual's own ``App._on_resize`` (subclass first in
        the MRO), which is what updates ``self.size``: reading ``self.size`` here gave
        the size before this resize, so the layout was always one resize behind.
        """
        self._layout(event.size.width)

    def _layout(self, width: int | None = None) -> None:
        narrow = (self.size.width if width is None else width) < NARROW_WIDTH
        self.query_one("#main").set_class(narrow, "-narrow")
        self.query_one(PaneTabs).display = narrow
        self._mark_active()

    def _mark_active(self) -> None:
        for name in PANE_ORDER:
            self.query_one(f"#pane-{name}").set_class(name == self.active_pane, "-active")
        left = self.active_pane in ("institutions", "stories")
        self.query_one("#left").set_class(left, "-has-active")
        self.query_one("#right").set_class(not left, "-has-active")
        self.query_one(PaneTabs).show(self.active_pane)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Remember which pane holds the focus (the search box belongs to none)."""
        for node in event.widget.ancestors_with_self:
            node_id = getattr(node, "id", None) or ""
            if node_id.startswith("pane-") and node_id[5:] != self.active_pane:
                self.active_pane = node_id[5:]
                self._mark_active()
                break

    def focus_widget(self, widget: Widget) -> None:
        """Focus ``widget``, first showing its pane (narrow layouts hide the others)."""
        for node in widget.ancestors_with_self:
            node_id = getattr(node, "id", None) or ""
            if node_id.startswith("pane-"):
                self.active_pane = node_id[5:]
                self._mark_active()
        focus_now(widget)

    # ---------------------------------------------------------------- actions
    def action_focus_pane(self, name: str) -> None:
        """Jump to a pane (keys 1-4)."""
        self.active_pane = name
        self._mark_active()
        focus_now(self.query_one(PANE_FOCUS[name]))

    def action_next_pane(self) -> None:
        """Go to the next pane (Tab, l)."""
        position = PANE_ORDER.index(self.active_pane)
        self.action_focus_pane(PANE_ORDER[(position + 1) % len(PANE_ORDER)])

    def action_prev_pane(self) -> None:
        """Go to the previous pane (Shift+Tab, h)."""
        position = PANE_ORDER.index(self.active_pane)
        self.action_focus_pane(PANE_ORDER[(position - 1) % len(PANE_ORDER)])

    def action_focus_search(self) -> None:
        """Put the cursor in the search box with its query selected, so typing replaces it (/).

        Like a browser's address bar: from anywhere, and in the search box itself,
        ``/`` selects the whole query; a second ``/`` types a '/'. The binding has
        priority (keys typed right after it reach the box), so in the institutions
        filter box ``/`` goes to the search box too.
        """
        box = self.query_one(SearchInput)
        if self.focused is box:
            start, end = sorted(box.selection)
            if (start, end) == (0, len(box.value)):  # all selected, or empty: type it
                box.replace("/", start, end)
            else:
                box.select_all()
            return
        focus_now(box)
        box.select_all()
