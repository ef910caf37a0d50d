"""y: the citation just sent to the clipboard, shown so it can be copied by hand.

``y`` sends the citation with OSC 52 (Textual's ``copy_to_clipboard``), which a
terminal may ignore without telling anyone: tmux does unless ``set-clipboard on``
(its default, ``external``, drops what applications send), and so do some SSH set-ups
and older terminals. So the citation is also shown here, where the terminal's own
selection can copy it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from medtui.ui.render import safe

NOTE = (
    "Sent to the clipboard with OSC 52. Some terminals ignore it (tmux without "
    "`set-clipboard on`, some SSH sessions): if nothing arrived, select the text above "
    "with the mouse (Shift+drag in many terminals) and copy it by hand."
)


class CitationScreen(ModalScreen[None]):
    """A small dialog with the citation; Escape, Enter, q or y closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q,y", "close", "Close", id="citation.close"),
    ]

    def __init__(self, citation: str, *, title: str = "Citation") -> None:
        """``citation``: the text sent; ``title``: what it is (a citation, an institution)."""
        super().__init__()
        self.citation = citation
        self.title_text = title

    def compose(self) -> ComposeResult:
        """Title, the citation, the note about OSC 52."""
        with Vertical(id="citation-box"):
            yield Static(Text(f"{self.title_text} — Escape closes", style="bold"), id="citation-title")
            yield Static(Text(safe(self.citation)), id="citation-text")
            yield Static(Text(NOTE, style="italic"), id="citation-note")

    def action_close(self) -> None:
        """Close the dialog."""
        self.dismiss(None)
