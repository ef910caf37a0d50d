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
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from medtui.pipeline import DocResult, StoryResult

MIN_DOCUMENTS = 3
"""A line is boilerplate when at least this many different documents of one source hold it.
Three is the smallest number that is more than a coincidence or a follow-up release
quoting its predecessor, and it still works on a folder of five documents."""

_DIGITS = re.compile(r"\d+")
_MIN_KEPT_WORDS = 8
"""A story that would keep fewer words than this keeps its text as it was (a document
made only of lines seen elsewhere is a copy, not boilerplate)."""


def line_key(line: str) -> int:
    """The identity of a line across documents and processes: a 64-bit hash of the line
    with case, spacing and figures normalised (0 for a blank line)."""
    if not line.strip():
        return 0
    norm = _DIGITS.sub("0", " ".join(line.split()).casefold())
    return int.from_bytes(hashlib.blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


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
