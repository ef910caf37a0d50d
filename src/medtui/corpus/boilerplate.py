"""Corpus-level boilerplate: lines a source repeats verbatim in many of its documents.

A site's "Advertisement - scroll to continue reading", a wire's disclaimer, an issuer's
"About" paragraph or contact block recur word for word (up to spacing and figures) in
document after document of one source, while a story's own sentences do not. Such a
line is boilerplate: it leaves the story text, and institutions and events found only
there do not count.

This is the one reading step that looks across documents. It runs after every
document was read (each document's result is cached on its own, so a change to one
document re-reads only that document; this step then runs again over all of them, from
memory). A *source* is the first folder under the folder loaded (a wire's folder in an
archive), or the folder loaded itself for the files directly in it. A line is counted
once per document, and documents with the same titles (one release filed twice) count
once, so that a duplicated story never erases itself.

Two steps work on each document alone, before its institutions and events are found (so
that nothing found only in boilerplate counts): the release tail is cut
(:mod:`medtui.corpus.tails`), and the lines medtui knows as wire boilerplate leave the
story: :data:`KNOWN_FILE`, mined from 25,000 press releases of 18 wires by
``scripts/mine_boilerplate.py`` (lines that recur in many releases with different titles),
so that a single document from a known wire is cleaned as well as a folder of thousands.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from medtui.corpus.tails import cut_tail

if TYPE_CHECKING:
    from medtui.extract.mentions import Span
    from medtui.pipeline import DocResult, StoryResult

MIN_DOCUMENTS = 3
"""A line is boilerplate when at least this many different documents of one source hold it.
Three is the smallest number that is more than a coincidence or a follow-up release
quoting its predecessor, and it still works on a folder of five documents."""

_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]{2}")
_MIN_KEPT_WORDS = 8
"""A story that would keep fewer words than this keeps its text as it was (a document
made only of lines seen elsewhere is a copy, not boilerplate)."""


KNOWN_FILE = Path(__file__).resolve().parents[1] / "data" / "boilerplate_lines.txt"
"""Known wire boilerplate: one line per line as :func:`normalise_line` gives it; lines that
start with "# " are comments. Written by ``scripts/mine_boilerplate.py``."""


def normalise_line(line: str) -> str:
    """A line with case, spacing and figures normalised ("Call 555-0100" -> "call 0-0")."""
    return _DIGITS.sub("0", " ".join(line.split()).casefold())


def line_key(line: str) -> int:
    """The identity of a line across documents and processes: a 64-bit hash of the line
    with case, spacing and figures normalised (0 for a line without a word: a blank line, a
    table's figure or dash, which recur everywhere and are never boilerplate)."""
    if not _WORD.search(line):
        return 0
    norm = normalise_line(line)
    return int.from_bytes(hashlib.blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


@lru_cache(maxsize=1)
def known_boilerplate() -> frozenset[int]:
    """The :func:`line_key` of every line of :data:`KNOWN_FILE` (read once per process;
    empty when the file is missing)."""
    try:
        text = KNOWN_FILE.read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    return frozenset(line_key(ln) for ln in text.split("\n") if ln.strip() and not ln.startswith("# "))


def known_fingerprint() -> str:
    """A short hash of :data:`KNOWN_FILE`, for the cache key (cached results depend on it)."""
    try:
        return hashlib.blake2b(KNOWN_FILE.read_bytes(), digest_size=6).hexdigest()
    except OSError:
        return "none"


def drop_release_boilerplate(text: str) -> tuple[str, str, list[int]]:
    """``text`` (one story) without its release tail and without known wire boilerplate lines,
    as (story text, issuer context, :func:`line_keys` of the story text). The issuer context
    holds the full names ("Acme Robotics Inc.") that only the dropped lines give of a name the
    story uses ("Acme Robotics"), one a line: see :func:`issuer_spans`. Nothing is dropped
    when fewer than ``_MIN_KEPT_WORDS`` words would be left."""
    text, tail = cut_tail(text)
    known = known_boilerplate()
    lines = text.split("\n")
    keys = [line_key(ln) for ln in lines]
    if not any(k in known for k in keys) or sum(
            len(ln.split()) for ln, k in zip(lines, keys, strict=True) if k not in known) < _MIN_KEPT_WORDS:
        return text, issuer_context(text, tail), keys
    story: list[tuple[str, int]] = []
    dropped: list[str] = [tail]
    for line, key in zip(lines, keys, strict=True):
        if key in known:
            dropped.append(line)
        elif line.strip() or story and story[-1][0].strip():  # one blank line between paragraphs
            story.append((line, key))
    while story and not story[-1][0].strip():
        story.pop()
    text = "\n".join(ln for ln, _ in story).strip()
    return text, issuer_context(text, "\n".join(dropped)), [k for _, k in story]


_LEGAL_SUFFIX = re.compile(
    r"(?:,\s*|\s+)(?:Inc|Incorporated|Ltd|Limited|Corp|Corporation|Co|LLC|L\.L\.C|PLC|plc|AG|GmbH|SE|"
    r"S\.A|N\.V|B\.V|Pty\.? Ltd|Pte\.? Ltd)\.?$")
_FULL_NAME = re.compile(
    r"\b([A-Z][\w&'\u2019.-]*(?:[ \t]+(?:[A-Z0-9][\w&'\u2019.-]*|of|and|&|for)){0,5}),?[ \t]+"
    r"(Inc|Incorporated|Ltd|Limited|Corp|Corporation|LLC|PLC|plc|AG|GmbH|SE|S\.A|N\.V|B\.V)\b\.?")
"""A company's full name with its legal form, as an "About" block gives it."""


def issuer_context(story: str, dropped: str) -> str:
    """The full names in ``dropped`` whose short form ``story`` uses, one a line
    ("Acme Robotics Inc."), for :func:`issuer_spans`; "" when there are none."""
    if not dropped:
        return ""
    names: set[str] = set()
    for m in _FULL_NAME.finditer(dropped):
        words = m.group(1).split()
        for start in range(len(words)):  # "About Acme Inc.": the name is "Acme"
            short = " ".join(words[start:])
            if len(short) >= 4 and short in story:
                names.add(f"{short} {m.group(2)}.")
                break
    return "\n".join(sorted(names))


def issuer_spans(text: str, spans: list[Span], dropped: list[Span]) -> list[Span]:
    """``spans`` (mentions in a story's ``text``) plus the mentions of an issuer that only its
    dropped "About" block names in full: "Acme Robotics Inc. is ..." there makes "Acme
    Robotics" in the story a mention (the block itself still counts for nothing)."""
    from medtui.extract.mentions import Span

    taken = [(s.start, s.end) for s in spans]
    extra: list[Span] = []
    for full in {s.surface: s for s in dropped if s.key.startswith("d:")}.values():
        short = _LEGAL_SUFFIX.sub("", full.surface).strip()
        if short == full.surface or len(short) < 3 or short not in text:
            continue
        for m in re.finditer(rf"(?<![\w]){re.escape(short)}(?![\w])", text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                extra.append(Span(m.start(), m.end(), full.key, short))
                taken.append((m.start(), m.end()))
    return sorted([*spans, *extra], key=lambda s: s.start) if extra else spans


def line_keys(text: str) -> list[int]:
    """:func:`line_key` of every line of ``text`` (computed once per document, in the worker
    that reads it, and cached with its result: the corpus step then only counts)."""
    return [line_key(ln) for ln in text.split("\n")]


def source_of(path: Path, roots: Sequence[Path | str]) -> str:
    """The source of a document: the first folder under the loaded folder holding it."""
    absolute = os.path.abspath(path)
    for root in roots:
        base = os.path.abspath(root)
        if absolute.startswith(base.rstrip(os.sep) + os.sep):
            parts = absolute[len(base.rstrip(os.sep)) + 1 :].split(os.sep)
            return os.path.join(base, parts[0]) if len(parts) > 1 else base
    return os.path.dirname(absolute)


def find_boilerplate(sources: Sequence[str], results: Sequence[DocResult]) -> set[tuple[str, int]]:
    """The (source, line key) pairs that are boilerplate among ``results`` (one per
    document, ``sources[i]`` the source of ``results[i]``)."""
    holders: dict[tuple[str, int], set[int]] = {}
    found: set[tuple[str, int]] = set()
    for source, result in zip(sources, results, strict=True):
        if not result.stories:
            continue
        identity = hash(tuple(s.title for s in result.stories))
        keys = {k for s in result.stories for k in _keys_of(s) if k}
        for key in keys:
            pair = (source, key)
            if pair in found:
                continue
            docs = holders.setdefault(pair, set())
            docs.add(identity)
            if len(docs) >= MIN_DOCUMENTS:
                found.add(pair)
                del holders[pair]
    return found


def strip_boilerplate(source: str, result: DocResult, boilerplate: set[tuple[str, int]]) -> None:
    """Take ``source``'s boilerplate lines out of ``result``'s stories, with the institutions
    and events found only in them (in place)."""
    for story in result.stories:
        lines = story.text.split("\n")
        keys = _keys_of(story)
        keep = [not k or (source, k) not in boilerplate for k in keys]
        if all(keep):
            continue
        kept = [ln for ln, k in zip(lines, keep, strict=True) if k]
        if sum(len(ln.split()) for ln in kept) < _MIN_KEPT_WORDS:
            continue
        dropped = "\n".join(ln for ln, k in zip(lines, keep, strict=True) if not k)
        story.text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
        story.line_keys = line_keys(story.text)
        story.events = [ev for ev in story.events
                        if ev.from_title or ev.evidence not in dropped or ev.evidence in story.text]
        in_events = {p for ev in story.events for p in ev.parties}
        story.entity_keys = [k for k in story.entity_keys
                             if k in in_events or _named_in(result, k, story.title, story.text)]


def _keys_of(story: StoryResult) -> list[int]:
    if len(story.line_keys) != story.text.count("\n") + 1:
        story.line_keys = line_keys(story.text)  # a result made without them
    return story.line_keys


def _named_in(result: DocResult, key: str, title: str, text: str) -> bool:
    entity = result.entities.get(key)
    if entity is None:
        return True
    return any(name in title or name in text for name in entity.names | {entity.name})
