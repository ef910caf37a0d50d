"""Colours that respect the terminal: none at all under NO_COLOR, search matches that do
not read as errors under 16 colours.

Textual's own NO_COLOR handling turns colours into greys (its ``Monochrome`` filter
still sends 256-colour codes such as ``38;5;253``); https://no-color.org asks for no
colour at all, so :class:`Colourless` drops every colour from what is drawn and the
emphasis is left to bold, reverse and underline (styles/medtui.tcss, ``:nocolor``).
On a 16-colour terminal a tinted background is rounded to the nearest of the 16
colours, and the article's amber match tint became bright red; the app then gets the
``-ansi16`` class, and the stylesheet gives matches a plain yellow background instead.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter, Monochrome

ANSI16_CLASS = "-ansi16"
"""App class on terminals of 16 colours (Rich's 'standard' colour system) or fewer."""


class Colourless(LineFilter):
    """Removes every colour (foreground and background) from the segments drawn; bold,
    italic, underline, reverse and dim stay."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        """``segments`` without colours (see :class:`textual.filter.LineFilter`)."""
        return [
            Segment(text, style.without_color if style is not None else None, control)
            for text, style, control in segments
        ]


def use_no_colour(filters: list[LineFilter]) -> None:
    """Replace Textual's NO_COLOR filter (greys) in ``filters`` by :class:`Colourless`."""
    filters[:] = [f for f in filters if not isinstance(f, Monochrome)]
    filters.append(Colourless())


def few_colours(color_system: str | None) -> bool:
    """Whether Rich's ``color_system`` has 16 colours or fewer ('standard', 'windows')."""
    return color_system in ("standard", "windows")
