"""E: a small picker of event kinds, to show several kinds on the timeline at once.

Space (or x) toggles the kind under the cursor, a toggles all, Enter applies and
Escape leaves the filter as it was. Dismisses with the chosen kinds (an empty
list: every kind), or None when cancelled.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.widgets import OptionList, SelectionList, Static
from textual.widgets.option_list import OptionDoesNotExist

from medtui.ui.render import safe

TICKED = "[x] "
UNTICKED = "[ ] "
"""The marks before each kind: told apart by their glyph, not by colour (NO_COLOR,
16 colours), unlike SelectionList's own button (the same glyph in two colours)."""


class KindChecklist(SelectionList[str]):
    """A SelectionList whose ticks are ``[x]``/``[ ]`` in the text's own style."""

    def render_line(self, y: int) -> Strip:
        """The option's line (as OptionList draws it) after its mark."""
        line = OptionList.render_line(self, y)
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return line
        mark = TICKED if option.value in self._selected else UNTICKED
        style = next(iter(line)).style if line.cell_length else None
        return Strip([Segment(mark, style), *line], line.cell_length + len(mark))


class KindPickerScreen(ModalScreen[list[str] | None]):
    """A checklist of the event kinds present; the ones shown now are ticked."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "apply", "Apply kinds", id="kinds.apply", priority=True),
        Binding("escape,q", "cancel", "Cancel", id="kinds.cancel"),
        Binding("a", "toggle_all", "All / none", id="kinds.all"),
        Binding("x", "toggle_kind", "Toggle kind", show=False, id="kinds.toggle"),
        Binding("j", "move(1)", "Down", show=False, id="kinds.down"),
        Binding("k", "move(-1)", "Up", show=False, id="kinds.up"),
    ]

    def __init__(self, kinds: Sequence[tuple[str, int]], chosen: Sequence[str]) -> None:
        """``kinds``: (kind, number of events) in display order; ``chosen``: ticked now."""
        super().__init__()
        self.kinds = list(kinds)
        self.chosen = set(chosen)

    def compose(self) -> ComposeResult:
        """A title, the checklist and a line of keys (kind names are data: escaped)."""
        options = [
            (Text.assemble(safe(kind), (f"  {count}", "dim")), kind, kind in self.chosen)
            for kind, count in self.kinds
        ]
        with Vertical(id="kinds-box"):
            yield Static(Text("Event kinds to show", style="bold"), id="kinds-title")
            yield KindChecklist(*options, id="kinds-list")
            yield Static(Text("Space/x toggle · a all/none · Enter apply · Esc cancel",
                              style="dim"), id="kinds-foot")

    def on_mount(self) -> None:
        """Focus the checklist so the keys act on it."""
        self.query_one("#kinds-list").focus()

    @property
    def _list(self) -> KindChecklist:
        return self.query_one("#kinds-list", KindChecklist)

    def action_toggle_kind(self) -> None:
        """Toggle the kind under the cursor (as Space does)."""
        checklist = self._list
        if checklist.highlighted is not None:
            checklist.toggle(checklist.get_option_at_index(checklist.highlighted).value)

    def action_toggle_all(self) -> None:
        """Tick every kind, or none when all are ticked."""
        checklist = self._list
        if len(checklist.selected) == len(self.kinds):
            checklist.deselect_all()
        else:
            checklist.select_all()

    def action_move(self, step: int) -> None:
        """Move the cursor down (1) or up (-1)."""
        checklist = self._list
        if step > 0:
            checklist.action_cursor_down()
        else:
            checklist.action_cursor_up()

    def action_apply(self) -> None:
        """Close with the ticked kinds, in display order (all ticked means: every kind)."""
        ticked = set(self._list.selected)
        ordered = [kind for kind, _count in self.kinds if kind in ticked]
        self.dismiss([] if len(ordered) == len(self.kinds) else ordered)

    def action_cancel(self) -> None:
        """Close without changing the filter."""
        self.dismiss(None)
