"""An OptionList with vim keys that keeps its highlight when its options are replaced."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.dom import NoScreen
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist


def focus_now(widget: Widget) -> None:
    """Focus ``widget`` before the next key is handled.

    ``Widget.focus()`` defers the change, so keys typed right after ``/`` or ``f``
    would still reach the old widget (and run its bindings); this does not.
    """
    try:
        widget.screen.set_focus(widget)
    except NoScreen:
        widget.focus()


class NavList(OptionList):
    """The list used by every pane: j/k/g/G move, Enter selects."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g", "first", "First", show=False, id="list.first"),
        Binding("G", "last", "Last", show=False, id="list.last"),
    ]

    def highlighted_id(self) -> str | None:
        """The id of the highlighted option, or None."""
        index = self.highlighted
        if index is None or index >= self.option_count:
            return None
        return self.get_option_at_index(index).id

    def replace(self, options: Iterable[Option], keep: str | None = None) -> None:
        """Show ``options``, keeping the highlight on option ``keep`` (or the old one) if present.

        Otherwise the first enabled option is highlighted, so the keyboard always
        has something to act on.
        """
        wanted = keep if keep is not None else self.highlighted_id()
        items = list(options)
        self.set_options(items)
        target = None
        for index, option in enumerate(items):
            if option.disabled:
                continue
            if target is None:
                target = index
            if wanted is not None and option.id == wanted:
                target = index
                break
        self.highlighted = target

    def highlight_id(self, option_id: str) -> bool:
        """Move the highlight to the option with this id; False if it is not listed."""
        try:
            self.highlighted = self.get_option_index(option_id)
        except OptionDoesNotExist:
            return False
        return True
