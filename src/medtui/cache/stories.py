"""What a search hit shows, saved beside a snapshot's index: a story table and the texts.

``medtui search`` needs, of the whole corpus, only each story's id, title, date and
institution ids (for the index's per-segment tables) and the text of the ten or
twenty stories it shows a snippet of. Unpickling the whole corpus for that (about
100 MB at 25,000 stories) cost most of a second search's time; these two files
cost a fraction of it:

- ``stories.bin``: a header (magic, length, CRC-32), then one pickled tuple of
  parallel lists (ids, documents, titles, dates, institution ids, index in the
  document, byte offset of each text in ``texts.bin``, one more offset at the end);
- ``texts.bin``: every story's text, UTF-8, one after the other; a hit's text is
  read with one seek (see :class:`StoryTexts`).

Both are written with the snapshot and their sizes are in its pointer file, so a
damaged or cut file is never trusted (the snapshot is then opened the usual way).
"""

from __future__ import annotations

import pickle
import struct
import zlib
from collections.abc import Sequence
from pathlib import Path

from medtui.corpus.model import PartialDate, Story

STORIES_FILE = "stories.bin"
TEXTS_FILE = "texts.bin"
MAGIC = b"MEDTUI-STORIES-1\n"
_HEADER = struct.Struct("<QI")  # payload length, CRC-32


def write_story_table(folder: Path, stories: Sequence[Story]) -> None:
    """Write ``stories.bin`` and ``texts.bin`` into ``folder`` (OSError if that fails).

    Not atomic by itself: the snapshot's pointer file, written after, is what makes
    the folder's files count (see :mod:`medtui.cache.snapshot`).
    """
    offsets = [0]
    with open(folder / TEXTS_FILE, "wb") as texts:
        for story in stories:
            data = story.text.encode("utf-8", "surrogatepass")
            texts.write(data)
            offsets.append(offsets[-1] + len(data))
    table = (
        [s.id for s in stories],
        [s.document for s in stories],
        [s.title for s in stories],
        [(s.date.year, s.date.month, s.date.day) if s.date else None for s in stories],
        [tuple(s.institutions) for s in stories],
        [s.index_in_document for s in stories],
        offsets,
    )
    payload = pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL)
    with open(folder / STORIES_FILE, "wb") as fh:
        fh.write(MAGIC + _HEADER.pack(len(payload), zlib.crc32(payload)) + payload)


class StoryTexts:
    """The texts of a saved story table, read one story at a time from ``texts.bin``."""

    def __init__(self, path: Path, spans: dict[str, tuple[int, int]]) -> None:
        """``spans``: story id -> (start, end) byte offsets in the file at ``path``."""
        self.path = path
        self.spans = spans

    def text(self, story: Story) -> str:
        """The story's text (its own ``text`` when not in the table). OSError if the file is gone."""
        span = self.spans.get(story.id)
        if span is None:
            return story.text
        start, end = span
        with open(self.path, "rb") as fh:
            fh.seek(start)
            data = fh.read(end - start)
        return data.decode("utf-8", "surrogatepass")


def read_story_table(folder: Path) -> tuple[list[Story], StoryTexts]:
    """The stories of ``folder``'s table, their texts left empty, and where the texts are.

    Raises ValueError when the table is damaged, OSError when it cannot be read.
    """
    from medtui.cache import gc_paused
    from medtui.cache.docs import load_result

    data = (folder / STORIES_FILE).read_bytes()
    head = len(MAGIC) + _HEADER.size
    if not data.startswith(MAGIC) or len(data) < head:
        raise ValueError("the saved story table has no valid header")
    length, crc = _HEADER.unpack_from(data, len(MAGIC))
    payload = memoryview(data)[head:]
    if len(payload) != length or zlib.crc32(payload) != crc:
        raise ValueError("the saved story table is truncated or damaged")
    with gc_paused():
        table = load_result(payload.tobytes())
        ids, documents, titles, dates, institutions, positions, offsets = table
        if not len(ids) == len(titles) == len(dates) == len(institutions) == len(offsets) - 1:
            raise ValueError("the saved story table is inconsistent")
        stories = [
            Story(sid, doc, title, "", PartialDate(*date) if date else None, list(insts), pos)
            for sid, doc, title, date, insts, pos in zip(
                ids, documents, titles, dates, institutions, positions, strict=True)
        ]
        spans = {sid: (offsets[n], offsets[n + 1]) for n, sid in enumerate(ids)}
    return stories, StoryTexts(folder / TEXTS_FILE, spans)
