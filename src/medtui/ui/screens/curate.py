"""Small dialogs for curation and for lists of sources: type a name, or pick from a list.

:class:`NameDialog` asks for one line of text (rename). :class:`PickDialog` is a
filter box over a list (merge target, name to split off, a signing's sources):
typing narrows the list, Up/Down move, Enter picks, Escape cancels. Keyboard only;
names from documents are data and are escaped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from medtui.ui.render import one_line

DIALOG_CSS = """
#dialog-box { width: 70; max-width: 100%; height: auto; max-height: 90%;
              border: round $accent; background: $surface; padding: 0 1; }
#dialog-list { height: auto; max-height: 12; }
"""


def match_rank(folded: str, label: str) -> int:
    """How well ``label`` matches the typed ``folded`` text: 0 the name itself (a label
    may add a count, "Name  (12)"), 1 a name with a word starting with it, 2 one containing
    it. Within a rank the choices keep their order (the merge picker's: most stories first),
    so "lakeshore" offers "University of Lakeshore (4)" before "Lakeshore Board of X (1)"."""
    name = label.casefold().split("  (", 1)[0].strip()
    if name == folded:
        return 0
    return 1 if re.search(rf"(?<!\w){re.escape(folded)}", name) else 2


class NameDialog(ModalScreen[str | None]):
    """One line of text; Enter gives it, Escape gives None."""

    DEFAULT_CSS = "NameDialog { align: center middle; }" + DIALOG_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ]

    def __init__(self, title: str, value: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value

    def compose(self) -> ComposeResult:
        """Title, the box, a hint."""
        with Vertical(id="dialog-box", classes="dialog"):
            yield Static(Text(one_line(self.title_text, 200), style="bold"))
            yield Input(self.value, id="dialog-input")
            yield Static(Text("Enter: save · Escape: cancel", style="dim"), id="dialog-note")

    def on_mount(self) -> None:
        """Type at once."""
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():  # say so rather than close as if cancelled
            self.query_one("#dialog-note", Static).update(
                Text("A name cannot be empty: type one, or Escape to cancel.", style="bold"))
            return
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        """Close without a value."""
        self.dismiss(None)


class PickDialog(ModalScreen[str | None]):
    """Pick one of ``choices`` (id, label); typing filters them. Enter picks, Escape cancels."""

    DEFAULT_CSS = "PickDialog { align: center middle; }" + DIALOG_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
        Binding("down", "move(1)", "Next", show=False, id="dialog.down"),
        Binding("up", "move(-1)", "Previous", show=False, id="dialog.up"),
    ]

    def __init__(self, title: str, choices: Sequence[tuple[str, str]],
                 *, filter_box: bool = True) -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.filter_box = filter_box

    def compose(self) -> ComposeResult:
        """Title, the filter box, the list, a hint."""
        with Vertical(id="dialog-box", classes="dialog"):
            yield Static(Text(one_line(self.title_text, 200), style="bold"))
            if self.filter_box:
                yield Input(placeholder="type to filter", id="dialog-filter")
            yield OptionList(id="dialog-list")
            yield Static(Text("↑/↓ move · Enter: choose · Escape: cancel", style="dim"))

    def on_mount(self) -> None:
        """Fill the list; focus the filter box (or the list when there is none)."""
        self._fill("")
        if self.filter_box:
            self.query_one("#dialog-filter", Input).focus()
        else:
            self.query_one(OptionList).focus()

    def _fill(self, needle: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        folded = needle.casefold().strip()
        found = [(choice_id, label) for choice_id, label in self.choices
                 if not folded or folded in label.casefold()]
        if folded:  # the name typed exactly first, then names starting with it, then the rest
            found.sort(key=lambda choice: match_rank(folded, choice[1]))
        options.add_options([Option(Text(one_line(label, 200)), id=choice_id)
                             for choice_id, label in found])
        if options.option_count:
            options.highlighted = 0

    @on(Input.Changed, "#dialog-filter")
    def _filter(self, event: Input.Changed) -> None:
        event.stop()
        self._fill(event.value)

    @on(Input.Submitted, "#dialog-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._pick()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_move(self, step: int) -> None:
        """Move the highlight in the list (from the filter box too)."""
        options = self.query_one(OptionList)
        if options.option_count:
            current = options.highlighted if options.highlighted is not None else -step
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    def _pick(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None and options.option_count:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    def action_cancel(self) -> None:
        """Close without a choice."""
        self.dismiss(None)
