"""The whoosh schema, the private in-memory storage, and story -> index document.

Imports whoosh at import time: only :mod:`medtui.search.index` imports this module,
and only when an index is first built, so that starting medtui stays fast.
"""

from __future__ import annotations

import calendar
import os
import shutil
import tempfile
import weakref
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from whoosh import fields
from whoosh.analysis import Token, Tokenizer
from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.util import random_name

from medtui.corpus.model import Corpus, PartialDate, Story
from medtui.search.analysis import analyze, fold

# Field names. The user-facing ones can be named in a query as ``field:value``.
ID = "id"
TITLE = "title"
TEXT = "text"
INSTITUTION = "institution"  # names, aliases and ids of the story's institutions (analysed)
INST_ID = "inst_id"  # the institution ids, exact (filters and facets)
DATE = "date"  # what users type (``date:2025-03``): parsed as a DATETIME, matched from memory
KIND = "kind"  # kinds of the story's events (mou, agreement, ...)

PUBLIC_FIELDS = (TITLE, TEXT, INSTITUTION, DATE, KIND, ID)
DEFAULT_FIELDS = (TITLE, TEXT)


class MedtuiAnalyzer(Tokenizer):
    """whoosh's side of :func:`medtui.search.analysis.analyze` (the one analysis of medtui).

    ``stemmed``: Porter stems and no stop words (title, text); else words as they are
    (folded), stop words included (institution names). Pickled into the index's
    schema, so its module path is part of the saved index format.
    """

    def __init__(self, stemmed: bool = True) -> None:
        """An analyzer for title/text (``stemmed``) or for institution names."""
        self.stemmed = stemmed

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MedtuiAnalyzer) and other.stemmed == self.stemmed

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.stemmed))

    def __call__(  # noqa: PLR0913 - whoosh's tokenizer signature
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Any:
        """Yield whoosh Tokens (one object, reused, as whoosh's tokenizers do)."""
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        token.boost = 1.0
        token.stopped = False
        if not tokenize:  # a prefix or wildcard: the typed letters, folded
            token.text = fold(value)
            if keeporiginal:
                token.original = value
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar, token.endchar = start_char, start_char + len(value)
            yield token
            return
        stops = self.stemmed and removestops
        for term, pos, start, end in analyze(value, query=mode == "query", stemmed=self.stemmed,
                                             stops=stops):
            token.text = term
            if keeporiginal:
                token.original = value[start:end]
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar, token.endchar = start_char + start, start_char + end
            yield token


def build_schema() -> fields.Schema:
    """The schema: stemmed title/text for matching, institutions, dates and event kinds.

    Title, text and institution names share medtui's analysis (see
    :mod:`medtui.search.analysis`); a query word that analyses to several terms (a
    CJK run's bigrams) is matched as their phrase. (The unstemmed words for
    spelling and prefixes are kept beside it: see :mod:`medtui.search.vocabulary`.)
    """
    stemming = MedtuiAnalyzer(stemmed=True)
    return fields.Schema(
        **{
            ID: fields.ID(stored=True, unique=True, sortable=True),
            TITLE: fields.TEXT(analyzer=stemming, field_boost=2.0, multitoken_query="phrase"),
            TEXT: fields.TEXT(analyzer=stemming, multitoken_query="phrase"),
            INSTITUTION: fields.TEXT(analyzer=MedtuiAnalyzer(stemmed=False), field_boost=0.5,
                                     multitoken_query="phrase"),
            INST_ID: fields.KEYWORD(commas=True, lowercase=False, scorable=False),
            # Only for the query parser: nothing is indexed in it. Stories' dates are in
            # memory, and matching them there (medtui.search.matching.DaySpanQuery) is
            # ~15x faster than whoosh's numeric range terms at 25,000 stories.
            DATE: fields.DATETIME(),
            KIND: fields.KEYWORD(lowercase=True, scorable=False),
        }
    )


class PrivateRamStorage(RamStorage):
    """A RamStorage whose writer spills go to a temp folder of its own.

    whoosh's RamStorage spills to ``$TMPDIR/MAIN.tmp``, a fixed name: two medtui
    processes (or two indexes in one process) building at once delete each
    other's files and crash. Each storage here gets its own ``mkdtemp`` folder,
    made when a writer first needs it and removed by :meth:`remove_tempdir`
    (after each batch of commits), at garbage collection, or at exit.
    """

    def __init__(self) -> None:
        super().__init__()
        self.tempdir: str | None = None
        self._cleanup: weakref.finalize | None = None

    def temp_storage(self, name: str | None = None) -> Any:
        """A fresh on-disk storage inside this storage's private temp folder."""
        if self.tempdir is None:
            self.tempdir = tempfile.mkdtemp(prefix="medtui-index-")
            self._cleanup = weakref.finalize(self, shutil.rmtree, self.tempdir, True)
        name = name or f"{random_name()}.tmp"
        return FileStorage(os.path.join(self.tempdir, name)).create()

    def remove_tempdir(self) -> None:
        """Remove the temp folder now (it is made again when next needed).

        (Not named ``close``: whoosh calls ``storage.close()`` whenever a segment
        reader closes, in the middle of a commit.)
        """
        if self._cleanup is not None:
            self._cleanup()
        self.tempdir = self._cleanup = None


def period(value: PartialDate) -> tuple[datetime, datetime]:
    """First and last instant of the day, month or year a partial date names."""
    month = value.month or 1
    day = value.day or 1
    start = datetime(value.year, month, day)
    if value.day is not None:
        end = start + timedelta(days=1)
    elif value.month is not None:
        end = start + timedelta(days=calendar.monthrange(value.year, month)[1])
    else:
        end = datetime(value.year + 1, 1, 1)
    return start, end - timedelta(microseconds=1)


def institution_words(corpus: Corpus, inst_ids: Iterable[str]) -> str:
    """The text indexed in the ``institution`` field: every id, name and alias, one per line."""
    lines: list[str] = []
    for inst_id in inst_ids:
        lines.append(inst_id)
        inst = corpus.institution(inst_id)
        if inst is not None:
            lines.append(inst.name)
            lines.extend(inst.aliases)
    return "\n".join(lines)


def story_fields(corpus: Corpus, story: Story, kinds: Iterable[str]) -> dict[str, Any]:
    """The whoosh document for one story."""
    doc: dict[str, Any] = {
        ID: story.id,
        TITLE: story.title,
        TEXT: story.text,
    }
    if story.institutions:
        doc[INSTITUTION] = institution_words(corpus, story.institutions)
        doc[INST_ID] = ",".join(story.institutions)
    kind_text = " ".join(sorted(set(kinds)))
    if kind_text:
        doc[KIND] = kind_text
    return doc
