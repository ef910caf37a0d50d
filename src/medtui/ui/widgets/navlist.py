"""A keyboard list that draws only the rows on screen, for lists of any length.

Textual's OptionList measures every option when its options are replaced
(about 1 ms per two-line story prompt here: 20 s for 20,000 stories on each
filter change), and DataTable is not much cheaper to fill. This list keeps only
ids and row heights; each row's text is built by a callback when the row is
first drawn (Line API, like the article view). Replacing the rows is O(n) in
ids only, so filters and stars stay instant on large corpora.

Every row of a list has the same height (two lines for stories). Rows named
as headers are drawn bold and skipped by the cursor.
The cursor row is reversed (and bold), so it shows without colour.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.dom import NoScreen
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget


def focus_now(widget: Widget) -> None:
    """Focus ``widget`` before the next key is handled.

    ``Widget.focus()`` defers the change, so keys typed right after ``/`` or ``f``
    would still reach the old widget (and run its bindings); this does not.
    """
    try:
        widget.screen.set_focus(widget)
    except NoScreen:
        widget.focus()


Renderer = Callable[[str], Text]
"""Builds the text of the row with this id (called only for rows being drawn)."""


class NavList(ScrollView, can_focus=True):
    """The list used by every pane: j/k/g/G, arrows, PgUp/PgDn move; Enter selects."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"navlist--cursor", "navlist--header"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor(1)", "Down", show=False, id="list.down"),
        Binding("down", "cursor(1)", "Down", show=False, id="list.down_arrow"),
        Binding("k", "cursor(-1)", "Up", show=False, id="list.up"),
        Binding("up", "cursor(-1)", "Up", show=False, id="list.up_arrow"),
        Binding("g", "first", "First", show=False, id="list.first"),
        Binding("home", "first", "First", show=False, id="list.home"),
        Binding("G", "last", "Last", show=False, id="list.last"),
        Binding("end", "last", "Last", show=False, id="list.end"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="list.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="list.page_up"),
        Binding("enter", "select", "Select", show=False, id="list.select"),
    ]

    class Selected(Message):
        """Enter (or a click on the cursor row) chose a row."""

        def __init__(self, navlist: NavList, row_id: str) -> None:
            super().__init__()
            self.navlist = navlist
            self.row_id = row_id

        @property
        def control(self) -> NavList:
            """The list (so ``@on(NavList.Selected, "#id")`` works)."""
            return self.navlist

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._ids: list[str] = []
        self._headers: frozenset[str] = frozenset()
        self._height = 1
        self._row_renderer: Renderer = lambda row_id: Text(row_id)
        self._texts: dict[str, list[Text]] = {}
        self._index: dict[str, int] | None = None
        self.highlighted: int | None = None

    # ------------------------------------------------------------------ rows
    @property
    def row_ids(self) -> list[str]:
        """Every row id, in display order."""
        return list(self._ids)

    @property
    def row_count(self) -> int:
        """How many rows (headers included)."""
        return len(self._ids)

    def replace(
        self,
        ids: Sequence[str],
        render: Renderer,
        *,
        height: int = 1,
        headers: Collection[str] = (),
        keep: str | None = None,
    ) -> None:
        """Show rows ``ids`` drawn by ``render``; keep the cursor on ``keep`` (or its old row).

        A cursor on the first row stays on the first row (unless ``keep`` names a row):
        a list that grows and re-sorts while documents load, or is narrowed by a
        search, opens at its top, not at wherever its first row of the moment went.
        ``headers`` are ids the cursor skips. Otherwise the cursor goes to the
        first other row, so the keys always have something to act on.
        """
        at_top = self.highlighted is None or self.highlighted == self._next_enabled(0, 1)
        wanted = keep if keep is not None else None if at_top else self.highlighted_id()
        self._ids = list(ids)
        self._headers = frozenset(headers)
        self._height = max(height, 1)
        self._row_renderer = render
        self._texts.clear()
        self._index = None  # made when first asked for (O(n), and replace runs often)
        target = self._position(wanted) if wanted is not None else None
        if target is None or not self._enabled(target):
            target = self._next_enabled(0, 1)
        self.highlighted = target
        self.virtual_size = Size(self.scrollable_content_region.width, self._lines)
        self._show_cursor()
        self.refresh()

    def _position(self, row_id: str) -> int | None:
        """Where ``row_id`` is listed, or None: a scan (at C speed) for the first look-up
        after :meth:`replace`, an id -> position map built for the later ones."""
        if self._index is None:
            self._index = {}  # scanned once: the next look-up builds the map
            try:
                return self._ids.index(row_id)
            except ValueError:
                return None
        if not self._index and self._ids:
            self._index = {rid: n for n, rid in enumerate(self._ids)}
        return self._index.get(row_id)

    @property
    def _lines(self) -> int:
        return len(self._ids) * self._height

    def _enabled(self, index: int) -> bool:
        return not self._headers or self._ids[index] not in self._headers

    def redraw_row(self, row_id: str) -> None:
        """Rebuild one row's text (e.g. after starring) without touching the others."""
        if self._texts.pop(row_id, None) is not None:
            self.refresh()

    def highlighted_id(self) -> str | None:
        """The id of the cursor row, or None."""
        if self.highlighted is None or self.highlighted >= len(self._ids):
            return None
        return self._ids[self.highlighted]

    def highlight_id(self, row_id: str) -> bool:
        """Put the cursor on the row with this id; False if it is not listed or a header."""
        index = self._position(row_id)
        if index is None or not self._enabled(index):
            return False
        self._move_to(index)
        return True

    def _next_enabled(self, start: int, step: int) -> int | None:
        index = start
        while 0 <= index < len(self._ids):
            if self._enabled(index):
                return index
            index += step
        return None

    # --------------------------------------------------------------- drawing
    def _row_lines(self, index: int) -> list[Text]:
        row_id = self._ids[index]
        lines = self._texts.get(row_id)
        if lines is None:
            lines = list(self._row_renderer(row_id).split("\n", allow_blank=True))
            self._texts[row_id] = lines
        return lines

    def render_line(self, y: int) -> Strip:
        """Draw screen line ``y`` (Line API): only visible rows are ever built."""
        scroll_x, scroll_y = self.scroll_offset
        line_no = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if line_no >= self._lines or width <= 0:
            return Strip.blank(width, base)
        index, sub = divmod(line_no, self._height)
        lines = self._row_lines(index)
        text = lines[sub].copy() if sub < len(lines) else Text()
        text.end = ""
        text.truncate(width, overflow="ellipsis", pad=True)
        if not self._enabled(index):
            text.stylize(self.get_component_rich_style("navlist--header", partial=True))
        if index == self.highlighted:
            text.stylize(self.get_component_rich_style("navlist--cursor", partial=True))
        return Strip(text.render(self.app.console), width).apply_style(base)

    def on_resize(self, event: events.Resize) -> None:
        """Keep the virtual width in step with the widget, and the cursor's row in view;
        rows are built again for the new width (a row may lay itself out by its room)."""
        if self.scrollable_content_region.width != self.virtual_size.width:
            self._texts.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, self._lines)
        self._show_cursor()

    # --------------------------------------------------------------- cursor
    def _move_to(self, index: int | None) -> None:
        if index is None:
            return
        self.highlighted = index
        self._show_cursor()
        self.refresh()

    def _show_cursor(self) -> None:
        if self.highlighted is None:
            self.scroll_to(y=0, animate=False, force=True)
            return
        top = self.highlighted * self._height
        bottom = top + self._height
        height = self.scrollable_content_region.height
        if height <= 0:  # not laid out yet (a hidden pane): scrolled once it has its size
            return
        if top < self.scroll_offset.y:
            self.scroll_to(y=top, animate=False, force=True)
        elif bottom > self.scroll_offset.y + height:
            self.scroll_to(y=bottom - height, animate=False, force=True)
        elif self.highlighted == self._next_enabled(0, 1):
            self.scroll_to(y=0, animate=False, force=True)  # show headers above the first row

    def action_cursor(self, step: int) -> None:
        """Move the cursor to the next (1) or previous (-1) enabled row."""
        if self.highlighted is None:
            self._move_to(self._next_enabled(0, 1))
            return
        found = self._next_enabled(self.highlighted + step, step)
        self._move_to(self.highlighted if found is None else found)

    def action_first(self) -> None:
        """Cursor to the first row."""
        self._move_to(self._next_enabled(0, 1))

    def action_last(self) -> None:
        """Cursor to the last row."""
        self._move_to(self._next_enabled(len(self._ids) - 1, -1))

    def action_page(self, direction: int) -> None:
        """Move the cursor a screenful down (1) or up (-1)."""
        if self.highlighted is None or not self._ids:
            return
        rows = max(self.scrollable_content_region.height // self._height, 1)
        index = min(max(self.highlighted + direction * rows, 0), len(self._ids) - 1)
        found = self._next_enabled(index, direction)
        self._move_to(self._next_enabled(index, -direction) if found is None else found)

    def action_select(self) -> None:
        """Post :class:`Selected` for the cursor row."""
        row_id = self.highlighted_id()
        if row_id is not None and row_id not in self._headers:
            self.post_message(self.Selected(self, row_id))

    def on_click(self, event: events.Click) -> None:
        """A click moves the cursor; a click on the cursor row selects it."""
        offset = event.get_content_offset(self)
        if offset is None or not self._ids:
            return
        line = self.scroll_offset.y + offset.y
        if line >= self._lines:
            return
        index = line // self._height
        if not self._enabled(index):
            return
        if index == self.highlighted:
            self.action_select()
        else:
            self._move_to(index)
