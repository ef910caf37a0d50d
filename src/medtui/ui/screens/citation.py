"""y: the citation just sent to the clipboard, shown so it can be copied by hand.

``y`` sends the citation with OSC 52 (Textual's ``copy_to_clipboard``), which a
terminal may ignore without telling anyone: tmux does unless ``set-clipboard on``
(its default, ``external``, drops what applications send), and so do some SSH set-ups
and older terminals. So the citation is also shown here, where the terminal's own
selection can copy it. Its URL has a line of its own, never wrapped (a wrapped URL
copied by hand is broken): a long one runs past the dialog's edge and scrolls
sideways (left/right arrows, or the mouse).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalScroll, Vertical
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

    def __init__(self, citation: str, *, title: str = "Citation", link: str | None = None) -> None:
        """``citation``: the text sent (without its URL when ``link`` is given); ``title``:
        what it is (a citation, an institution); ``link``: the URL (or path), shown alone."""
        super().__init__()
        self.citation = citation
        self.title_text = title
        self.link = link

    def compose(self) -> ComposeResult:
        """Title, the citation, its URL on a line of its own, the note about OSC 52."""
        with Vertical(id="citation-box"):
            yield Static(Text(f"{self.title_text} — Escape closes", style="bold"), id="citation-title")
            yield Static(Text(safe(self.citation)), id="citation-text",
                         classes="with-link" if self.link is not None else "")
            if self.link is not None:
                with HorizontalScroll(id="citation-link-row"):
                    yield Static(Text(safe(self.link), no_wrap=True, overflow="ignore"), id="citation-link")
            yield Static(Text(NOTE, style="italic"), id="citation-note")

    def on_mount(self) -> None:
        """Focus the URL's row: left/right (Home/End) scroll a URL wider than the dialog."""
        for row in self.query("#citation-link-row"):
            row.focus()
        self.call_after_refresh(self._hint_scroll)

    def _hint_scroll(self) -> None:
        """Say so in the title when the URL runs past the dialog's edge (else the cut looks
        like the whole URL)."""
        for row in self.query_one("#citation-box").query(HorizontalScroll):
            if row.max_scroll_x > 0:
                self.query_one("#citation-title", Static).update(Text(
                    f"{self.title_text} — the URL runs on: ←/→ scroll it · Escape closes", style="bold"))

    def action_close(self) -> None:
        """Close the dialog."""
        self.dismiss(None)
