"""Turning corpus data into Rich ``Text`` for the widgets, safely.

Document text is data: it is passed through :func:`medtui.textsafe.sanitize`
(control characters and escape sequences removed) and only ever placed in
``rich.text.Text`` objects, never in markup strings, so ``[bold]`` in an
article shows as those eight characters. Meaning never rests on colour alone:
markers (★, ●, ✓) and bold/underline/reverse carry it too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rich.cells import cell_len
from rich.text import Text

from medtui.corpus.model import Event, Institution, PartialDate, Story
from medtui.textsafe import sanitize

PRECISION_LABEL = {"day": "exact day", "month": "month only", "year": "year only"}


def safe(value: str | None) -> str:
    """Document text made safe for the screen ('' for None)."""
    return sanitize(value) if value else ""


def count(number: int, noun: str, plural: str | None = None) -> str:
    """``number`` and the noun, singular for exactly one: '1 event', '3 events', '0 stories'."""
    return f"{number} {noun if number == 1 else (plural or noun + 's')}"


def one_line(value: str | None, limit: int = 200) -> str:
    """Safe text squeezed onto one line (whitespace collapsed), cut at ``limit`` chars."""
    flat = " ".join(safe(value).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def date_label(date: PartialDate | None) -> str:
    """``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY``, or 'undated'."""
    return date.iso() if date else "undated"


def date_with_precision(date: PartialDate | None) -> str:
    """A date with how precise it is, e.g. '2025-03 (month only)'."""
    if date is None:
        return "no date in the text"
    return f"{date.iso()} ({PRECISION_LABEL.get(date.precision, date.precision)})"


FULL_NAME_ROOM = 24
"""Fewest cells an institution's full name gets after the short-name column; with less,
the row puts the full name first (:func:`institution_prompt`)."""


def institution_prompt(
    inst: Institution,
    selected: bool,
    hits: int | None = None,
    *,
    short: str | None = None,
    events: int = 0,
    shared: tuple[int, int] | None = None,
    short_width: int = 0,
    room: int | None = None,
) -> Text:
    """One line of the institutions list: marker, counts, short name, full name, kind.

    Counts are events ('ev') and stories ('st'): the institution's own, or with
    ``shared`` given (another institution is selected) the (events, stories) it
    shares with the selection. ``✓`` marks a selected institution, ``↔`` one that
    shares events with the selection (a partner); rows sharing nothing are dim.
    While a search is active, ``hits`` (the search facet) comes first. Short names
    are padded to ``short_width`` cells so the columns line up.
    The kind comes last, so in a narrow pane the names are what is cut least.
    ``room``: the cells the row has; when the full name would get fewer than
    :data:`FULL_NAME_ROOM` of them after the short-name column but at least that many
    without it, the full name comes first and the short one after it (a four-pane layout
    at 120 columns cut full names to ten characters, issue 12); narrower still, the short
    name leads (it is whole at least).
    """
    short = one_line(short or inst.name, 120)
    full = one_line(inst.name, 160)
    events_count, stories_count = shared if shared is not None else (events, len(inst.stories))
    text = Text(no_wrap=True, overflow="ellipsis")
    if selected:
        text.append("✓", style="bold")
    elif shared is not None and shared[0]:
        text.append("↔", style="bold")
    else:
        text.append(" ")
    strong = selected or (shared is not None and shared[0] > 0)
    if hits is not None:
        text.append(f"{hits:>3} hit{'s' if hits != 1 else ' '}", style="bold" if hits else "dim")
    text.append(f"{events_count:>3} ev{stories_count:>4} st  ", style="bold" if strong else "")
    name_style = "bold underline" if selected else ("bold" if strong else "")
    left = None if room is None else room - text.cell_len - max(short_width, cell_len(short)) - 2
    if (full != short and room is not None and left is not None and left < FULL_NAME_ROOM
            and room - text.cell_len >= FULL_NAME_ROOM):
        text.append(full, style=name_style)  # the full name first: it is what gets cut
        text.append(f"  {short}", style="dim")
    else:
        text.append(short, style=name_style)
        if full != short:
            text.append(" " * max(short_width - cell_len(short), 0))
            text.append(f"  {full}", style="dim")
    text.append(f"  {inst.kind}", style="italic dim")  # last: the names get the room
    if shared is not None and not any(shared):
        text.stylize("dim")
    return text


def highlight_spans(text: Text, spans: Iterable[tuple[int, int]], style: str) -> Text:
    """Apply ``style`` over each (start, end) span of ``text``; returns ``text``."""
    for start, end in spans:
        if 0 <= start < end:
            text.stylize(style, start, end)
    return text


def story_prompt(
    story: Story,
    snippet: str,
    spans: Sequence[tuple[int, int]],
    terms: Sequence[str] = (),
    *,
    starred: bool,
    read: bool,
    copies: str = "",
) -> Text:
    """Two lines of the stories list: markers, date and title; then a one-line snippet.

    ``★`` marks a starred story, ``●`` (and a bold title) an unread one; ``copies``
    (e.g. "+2 copies", "↳ copy") goes before the title.
    """
    text = Text()
    text.append("★" if starred else " ", style="bold")
    text.append("●" if not read else " ", style="bold")
    text.append(f" {date_label(story.date):<10} ", style="dim" if story.date is None else "")
    if copies:
        text.append(f"{copies} ", style="reverse")
    text.append(one_line(story.title, 160), style="" if read else "bold")
    text.append("\n    ")
    raw = snippet if snippet else story.text[:400]  # the start is all one line needs
    clean = one_line(raw, 160)
    line = Text(clean, style="dim italic")
    if snippet and clean == snippet:
        highlight_spans(line, spans, "bold underline")
    elif terms:
        highlight_spans(line, term_spans(clean, terms), "bold underline")
    text.append_text(line)
    return text


def event_prompt(event: Event, party_names: Sequence[str], story_title: str,
                 sources: int = 1) -> Text:
    """One timeline line: date, kind, how many stories report it (if more than one), the
    parties (short names, in the order given), the story.

    The caller puts the selected institution last, so the partner shows first.
    """
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"{date_label(event.date):<10} ", style="dim" if event.date is None else "")
    text.append(f"{event.kind.upper():<11} ", style="bold")
    if sources > 1:
        text.append(f"{sources} sources", style="reverse")
        text.append(" ")
    text.append(" ↔ ".join(one_line(name, 80) for name in party_names))
    if story_title:
        text.append(f"  — {one_line(story_title, 80)}", style="dim italic")
    return text


def group_header(label: str) -> Text:
    """A timeline group header, e.g. '── 2025 (year only) ──' or '── Undated ──'."""
    if label.isdigit():
        label = f"{label} (year only)"
    return Text(f"── {label} ──", style="bold")


def term_spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Where any search term occurs in ``text``: case-insensitive word starts, sorted.

    A term also matches longer words it begins (stems like 'partner' find
    'partnership'); overlapping matches are merged.
    """
    words = sorted({t.strip() for t in terms if t and t.strip()}, key=len, reverse=True)
    if not words:
        return []
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")\w*", re.IGNORECASE
    )
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def find_sentence(text: str, sentence: str) -> tuple[int, int] | None:
    """Where ``sentence`` (an event's evidence) is in ``text``, ignoring spacing and case."""
    if not sentence.strip():
        return None
    at = text.find(sentence)
    if at >= 0:
        return at, at + len(sentence)
    words = [re.escape(w) for w in sentence.split()]
    match = re.search(r"\s+".join(words), text, re.IGNORECASE)
    return (match.start(), match.end()) if match else None


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Split ``text`` into screen lines of at most ``width`` cells, as (start, end) offsets.

    Word wrap on spaces, hard breaks on newlines, over-long words cut. Knowing
    each line's offsets lets the article scroll exactly to a match or a sentence.
    """
    width = max(width, 8)
    lines: list[tuple[int, int]] = []
    start = 0
    for paragraph in text.split("\n"):
        end_of_par = start + len(paragraph)
        pos = start
        if not paragraph.strip():
            lines.append((start, end_of_par))
            start = end_of_par + 1
            continue
        while pos < end_of_par:
            line_start = pos
            used = 0
            last_break = -1
            while pos < end_of_par:
                char_width = cell_len(text[pos])
                if used + char_width > width:
                    break
                if text[pos] == " ":
                    last_break = pos
                used += char_width
                pos += 1
            if pos < end_of_par and text[pos] == " ":  # the last word fits exactly
                lines.append((line_start, pos))
                pos += 1
            elif pos < end_of_par and last_break > line_start:
                pos = last_break + 1
                lines.append((line_start, last_break))
            else:
                if pos == line_start:  # a single wide character wider than the line
                    pos += 1
                lines.append((line_start, pos))
            while pos < end_of_par and text[pos] == " " and pos != line_start:
                pos += 1
        start = end_of_par + 1
    return lines
