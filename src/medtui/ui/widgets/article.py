"""Pane 3: the open story — title, date with precision, publisher, source, institutions, text.

A Line API widget that wraps the text itself, so it knows on which screen line
every character sits: n/N scroll exactly to the next search match, and a
timeline event opens the story scrolled to its evidence sentence. Search terms
are bold+underlined, the current match reversed, the evidence underlined and
italic: readable without colour.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from medtui.corpus.model import Story
from medtui.ui.render import find_sentence, safe, term_spans, wrap_offsets

EVIDENCE = -1
"""Span marker for the evidence sentence (match spans carry their match index)."""

EMPTY_HINT = "No story open. Pick one in Stories (2) or Timeline (4) and press Enter."


class ArticleView(ScrollView, can_focus=True):
    """The article reader; scroll with j/k, space, PgUp/PgDn, g/G; n/N between matches.

    Escape goes back to the pane the story was opened from.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article--title",
        "article--meta",
        "article--match",
        "article--current",
        "article--evidence",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "down", "Scroll down", show=False, id="article.down"),
        Binding("down", "down", "Scroll down", show=False, id="article.down_arrow"),
        Binding("k", "up", "Scroll up", show=False, id="article.up"),
        Binding("up", "up", "Scroll up", show=False, id="article.up_arrow"),
        Binding("space", "page(1)", "Page down", show=False, id="article.page_down"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="article.pagedown"),
        Binding("b", "page(-1)", "Page up", show=False, id="article.page_up"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="article.pageup"),
        Binding("g", "top", "Top", show=False, id="article.top"),
        Binding("home", "top", "Top", show=False, id="article.home"),
        Binding("G", "bottom", "Bottom", show=False, id="article.bottom"),
        Binding("end", "bottom", "Bottom", show=False, id="article.end"),
        Binding("escape", "app.leave_article", "Back", id="article.back"),
        Binding("n", "match(1)", "Next match", id="article.next_match"),
        Binding("N", "match(-1)", "Previous match", id="article.prev_match"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.story: Story | None = None
        self._meta: list[tuple[str, str]] = []  # (text, component class)
        self._body = ""
        self._matches: list[tuple[int, int]] = []
        self._evidence: tuple[int, int] | None = None
        self.current_match = -1
        # Screen lines: text plus spans (start, end, match index or EVIDENCE) and,
        # for body lines, the body offset where the line starts.
        self._lines: list[tuple[str, str, list[tuple[int, int, int]]]] = []
        self._body_starts: list[int] = []
        self._first_body_line = 0
        self._width = 0
        self._anchor: int | None = None
        """Body offset to keep in view (evidence or current match) until the user scrolls."""

    # ----------------------------------------------------------------- content
    def show(
        self,
        story: Story | None,
        meta: Sequence[str] = (),
        terms: Sequence[str] = (),
        evidence: str | None = None,
    ) -> None:
        """Open ``story`` with its ``meta`` lines; highlight ``terms``; scroll to ``evidence``."""
        self.story = story
        if isinstance(self.parent, Widget):  # an empty pane gives its room to the timeline
            self.parent.set_class(story is None, "-empty")
        if story is None:
            self._meta = [(EMPTY_HINT, "article--meta")]
            self._body = ""
        else:
            self._meta = [(safe(story.title), "article--title")]
            self._meta += [(safe(line), "article--meta") for line in meta]
        self._body = safe(story.text) if story is not None else ""
        self._evidence = find_sentence(self._body, safe(evidence)) if evidence else None
        self._set_matches(terms)
        self._rebuild()
        self._anchor = self._evidence[0] if self._evidence is not None else None
        self._reanchor()
        # A pane hidden by the one-pane layout has no size yet: wrap and scroll again
        # once it is shown and laid out (on_resize does it too).
        self.call_after_refresh(self._fit)

    def set_terms(self, terms: Sequence[str]) -> None:
        """Change the highlighted search terms, keeping the scroll position."""
        self._set_matches(terms)
        self._rebuild()

    def _set_matches(self, terms: Sequence[str]) -> None:
        self._matches = term_spans(self._body, terms) if self._body else []
        self.current_match = -1
        self._update_subtitle()

    @property
    def match_count(self) -> int:
        """How many search-term matches the open story has."""
        return len(self._matches)

    @property
    def plain_lines(self) -> list[str]:
        """The screen lines as plain text (for tests and debugging)."""
        return [text for text, _, _ in self._lines]

    def _update_subtitle(self) -> None:
        parent = self.parent
        if not isinstance(parent, Widget):
            return
        if not self._matches:
            parent.border_subtitle = ""
        elif self.current_match < 0:
            count = len(self._matches)
            parent.border_subtitle = f"{count} match{'es' if count != 1 else ''} (n/N)"
        else:
            parent.border_subtitle = (
                f"match {self.current_match + 1}/{len(self._matches)} (n/N)"
            )

    # ------------------------------------------------------------------ layout
    def _rebuild(self) -> None:
        width = self.scrollable_content_region.width or self.size.width
        self._width = width
        lines: list[tuple[str, str, list[tuple[int, int, int]]]] = []
        for text, component in self._meta:
            for start, end in wrap_offsets(text, width):
                lines.append((text[start:end], component, []))
        if self.story is not None:
            lines.append(("─" * max(width, 1), "article--meta", []))
        self._first_body_line = len(lines)
        spans: list[tuple[int, int, int]] = [(s, e, i) for i, (s, e) in enumerate(self._matches)]
        if self._evidence is not None:
            spans.append((*self._evidence, EVIDENCE))
        spans.sort()
        self._body_starts = []
        for start, end in wrap_offsets(self._body, width) if self._body else []:
            local = [
                (max(s, start) - start, min(e, end) - start, tag)
                for s, e, tag in spans
                if s < end and e > start
            ]
            self._body_starts.append(start)
            lines.append((self._body[start:end], "", local))
        self._lines = lines
        self.virtual_size = Size(width, len(lines))
        self.refresh()

    def on_resize(self, event: Resize) -> None:
        """Re-wrap for the new width, keeping the evidence, the match or the top text in view."""
        self._fit()

    def _fit(self) -> None:
        width = self.scrollable_content_region.width or self.size.width
        if width == self._width:
            if self._anchor is not None:  # the height may have changed: a third down again
                self._reanchor()
            return
        top = self.top_offset
        self._rebuild()
        if self._anchor is not None:
            self._reanchor()
        elif top is not None:
            self.scroll_to(y=self.line_of_offset(top), animate=False, force=True)

    def _reanchor(self) -> None:
        if self._anchor is not None:
            self._scroll_to_offset(self._anchor)
        else:
            self.scroll_to(y=0, animate=False, force=True)

    @property
    def top_offset(self) -> int | None:
        """The body offset of the top screen line (None while the title or meta is on top)."""
        index = self.scroll_offset.y - self._first_body_line
        if not self._body_starts or index < 0:
            return None
        return self._body_starts[min(index, len(self._body_starts) - 1)]

    def line_of_offset(self, offset: int) -> int:
        """The screen line showing body character ``offset``."""
        if not self._body_starts:
            return 0
        return self._first_body_line + max(bisect_right(self._body_starts, offset) - 1, 0)

    def _scroll_to_offset(self, offset: int) -> None:
        """Show body ``offset`` a third down the pane; from the top if the first page shows it
        (with a few lines after it), so the title stays in view."""
        line = self.line_of_offset(offset)
        height = self.scrollable_content_region.height
        top = 0 if line < height - 3 else line - height // 3
        self.scroll_to(y=top, animate=False, force=True)

    # --------------------------------------------------------------- rendering
    def render_line(self, y: int) -> Strip:
        """Draw screen line ``y`` (Line API) with its highlights."""
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        plain, component, spans = self._lines[index]
        text = Text(plain, end="")
        if component:
            text.stylize(self.get_component_rich_style(component, partial=True))
        for start, end, tag in spans:
            if tag == EVIDENCE:
                name = "article--evidence"
            else:
                name = "article--current" if tag == self.current_match else "article--match"
            text.stylize(self.get_component_rich_style(name, partial=True), start, end)
        strip = Strip(text.render(self.app.console), text.cell_len).apply_style(base)
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    # ----------------------------------------------------------------- actions
    def _user_scrolled(self) -> None:
        self._anchor = None

    def on_mouse_scroll_down(self) -> None:
        """The wheel moved the text: a resize keeps this text on top, not the evidence."""
        self._user_scrolled()

    def on_mouse_scroll_up(self) -> None:
        """The wheel moved the text: a resize keeps this text on top, not the evidence."""
        self._user_scrolled()

    def action_down(self) -> None:
        """Scroll one line down."""
        self._user_scrolled()
        self.scroll_relative(y=1, animate=False)

    def action_up(self) -> None:
        """Scroll one line up."""
        self._user_scrolled()
        self.scroll_relative(y=-1, animate=False)

    def action_page(self, direction: int) -> None:
        """Scroll a page down (1) or up (-1)."""
        self._user_scrolled()
        if direction > 0:
            self.scroll_page_down(animate=False)
        else:
            self.scroll_page_up(animate=False)

    def action_top(self) -> None:
        """Scroll to the start."""
        self._user_scrolled()
        self.scroll_to(y=0, animate=False)

    def action_bottom(self) -> None:
        """Scroll to the end."""
        self._user_scrolled()
        self.scroll_to(y=self.max_scroll_y, animate=False)

    def action_match(self, step: int) -> None:
        """Highlight the next (1) or previous (-1) search match and scroll to it."""
        if not self._matches:
            self.app.bell()
            return
        if self.current_match < 0:
            self.current_match = 0 if step > 0 else len(self._matches) - 1
        else:
            self.current_match = (self.current_match + step) % len(self._matches)
        self._update_subtitle()
        self._anchor = self._matches[self.current_match][0]
        self._scroll_to_offset(self._anchor)
        self.refresh()
