"""Terminal output of the CLI: Rich tables on a terminal, plain tab-separated text when piped.

Document text only ever reaches Rich inside :class:`rich.text.Text` objects
(never parsed as markup) and after :func:`medtui.textsafe.sanitize_line`.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from medtui.cli_formats import EVENT_KIND_LABELS
from medtui.corpus.model import Corpus, Event
from medtui.export import institution_rows, party_names
from medtui.textsafe import sanitize_line
from medtui.timeline import group_label

if TYPE_CHECKING:
    from rich.console import Console

    from medtui.search.index import SearchResult

HIGHLIGHT_STYLE = "bold underline"  # readable without colour (NO_COLOR, 16 colours)


def is_terminal(stream: TextIO) -> bool:
    """True when ``stream`` is an interactive terminal."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


# Characters JSON may leave raw that a terminal would act on (DEL, C1 controls such as
# the 8-bit CSI) or that reorder what is shown (bidi controls), and JavaScript's line ends.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def write_json(data: Any, stream: TextIO) -> None:
    """Pretty JSON; non-ASCII kept as is unless the stream cannot encode it.

    Controls and bidi marks are always written as ``\\uXXXX`` escapes (the data is
    unchanged; a terminal showing the output sees no control characters).
    """
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    text = json.dumps(data, ensure_ascii=encoding not in ("utf8", "utf16"), indent=2)
    stream.write(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
    stream.write("\n")


def _console(stream: TextIO) -> Console:
    from rich.console import Console

    return Console(file=stream, highlight=False, markup=False, emoji=False)


def _plain(rows: Sequence[Sequence[str]], stream: TextIO) -> None:
    for row in rows:
        stream.write("\t".join(sanitize_line(cell) for cell in row) + "\n")


def render_search(result: SearchResult, stream: TextIO) -> None:
    """Ranked hits: a Rich table with highlighted snippets, or TSV (score, date, story, title,
    snippet) when piped."""
    if not is_terminal(stream):
        rows = [["score", "date", "story", "title", "snippet"]]
        rows += [
            [f"{h.score:.3f}", h.date.iso() if h.date else "", h.story, h.title, h.snippet]
            for h in result.hits
        ]
        _plain(rows, stream)
        return
    from rich.table import Table
    from rich.text import Text

    title = f"{result.total} {'story matches' if result.total == 1 else 'stories match'}"
    if len(result.hits) < result.total:
        title += f" (the best {len(result.hits)} shown)"
    table = Table(title=Text(title), expand=True, show_lines=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Story", ratio=1)
    for n, hit in enumerate(result.hits, 1):
        snippet = Text(sanitize_line(hit.snippet))
        if len(snippet.plain) == len(hit.snippet):  # spans still valid
            for start, end in hit.highlights:
                snippet.stylize(HIGHLIGHT_STYLE, start, end)
        cell = Text()
        cell.append(sanitize_line(hit.title), style="bold")
        cell.append("\n")
        cell.append_text(snippet)
        table.add_row(str(n), hit.date.iso() if hit.date else "—", cell)
    _console(stream).print(table)


def render_timeline(corpus: Corpus, events: Sequence[Event], stream: TextIO,
                    sources: dict[str, list[Event]] | None = None) -> None:
    """The timeline: a Rich table with a section per month, or TSV when piped.

    ``sources``: one row per signing; the story column says how many stories report it."""
    def count(e: Event) -> int:
        return len(sources.get(e.id, [e])) if sources is not None else 1

    if not is_terminal(stream):
        rows = [["date", "kind", "parties", "story", "story_title", "sources"]]
        for e in events:
            story = corpus.story(e.story)
            rows.append(
                [
                    e.date.iso() if e.date else "",
                    e.kind,
                    "; ".join(party_names(corpus, e)),
                    e.story,
                    story.title if story else "",
                    str(count(e)),
                ]
            )
        _plain(rows, stream)
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text("Partnership timeline"), expand=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Kind", no_wrap=True)
    table.add_column("Parties", ratio=1)
    table.add_column("Story", ratio=2)
    previous: str | None = None
    for e in events:
        label = group_label(e.date)
        if previous is not None and label != previous:
            table.add_section()
        previous = label
        story = corpus.story(e.story)
        table.add_row(
            e.date.iso() if e.date else "undated",
            EVENT_KIND_LABELS.get(e.kind, e.kind),
            Text(sanitize_line(", ".join(party_names(corpus, e)))),
            Text(sanitize_line(story.title if story else e.story)
                 + (f" ({count(e)} sources)" if count(e) > 1 else "")),
        )
    _console(stream).print(table)


def render_institutions(corpus: Corpus, stream: TextIO) -> None:
    """Institutions with story counts: a Rich table, or TSV when piped."""
    rows = institution_rows(corpus)
    if not is_terminal(stream):
        plain = [["id", "name", "kind", "stories", "aliases"]]
        plain += [
            [r["id"], r["name"], r["kind"], str(r["story_count"]), "; ".join(r["aliases"])]
            for r in rows
        ]
        _plain(plain, stream)
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(f"{len(rows)} institutions"), expand=True)
    table.add_column("Name", ratio=2)
    table.add_column("Kind", no_wrap=True)
    table.add_column("Stories", justify="right", no_wrap=True)
    table.add_column("Also known as", ratio=1)
    for r in rows:
        table.add_row(
            Text(sanitize_line(r["name"])),
            r["kind"],
            str(r["story_count"]),
            Text(sanitize_line(", ".join(r["aliases"]))),
        )
    _console(stream).print(table)


ProgressFn = Callable[[int, int, str], None]


@contextmanager
def load_progress(enabled: bool) -> Iterator[ProgressFn | None]:
    """A progress bar on stderr for ``load_corpus`` (yields its callback), or None if disabled:
    the reading bar of :func:`load_and_index_progress`."""
    with load_and_index_progress(enabled) as (read, _index):
        yield read


@contextmanager
def load_and_index_progress(
    enabled: bool,
) -> Iterator[tuple[ProgressFn | None, Callable[[int, int], None] | None]]:
    """Progress bars on stderr for reading and then indexing (yields both callbacks),
    or (None, None) when disabled. One live display: the bars never fight."""
    if not enabled:
        yield None, None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

    progress = Progress(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[name]}", markup=False),
        console=Console(file=sys.stderr, highlight=False, markup=False),
        transient=True,
    )
    tasks: dict[str, TaskID] = {}

    def task(label: str) -> TaskID:
        if label not in tasks:
            tasks[label] = progress.add_task(label, total=None, name="")
        return tasks[label]

    def read(done: int, total: int, path: str) -> None:
        name = sanitize_line(Path(path).name)[:40]
        progress.update(task("Reading"), completed=done, total=total, name=name)

    def index(done: int, total: int) -> None:
        progress.update(task("Indexing"), completed=done, total=total)

    with progress:
        yield read, index


@contextmanager
def status(message: str, enabled: bool) -> Iterator[None]:
    """A spinner with ``message`` on stderr while a slow step runs (nothing if disabled)."""
    if not enabled:
        yield
        return
    from rich.console import Console

    with Console(file=sys.stderr, highlight=False, markup=False).status(message):
        yield
