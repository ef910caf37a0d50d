"""Documents in, a :class:`Corpus` out: read, clean, split, date, extract, merge.

Each document is processed on its own (:func:`process_document`, a pure function of
the file and the gazetteer, so it can run in worker processes and be cached); the
results are then merged, so that the same institution in two documents is one.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from medtui.corpus.clean import clean_lines
from medtui.corpus.html import html_to_page
from medtui.corpus.model import Corpus, Document, Event, Institution, PartialDate, Story
from medtui.corpus.reader import InputFile, discover_files, read_document_text
from medtui.corpus.stories import split_stories
from medtui.extract.events import FoundEvent, find_events
from medtui.extract.gazetteer import Gazetteer, load_gazetteer
from medtui.extract.mentions import Entity, GazetteerMatcher, find_mentions

ProgressCallback = Callable[[int, int, str], None]
"""Called as ``progress(done, total, current_path)`` while documents are processed."""

PARALLEL_THRESHOLD = 64
"""Below this many files, worker processes cost more than they save."""


@dataclass
class StoryResult:
    """One story of a document, with entity keys in order of first mention."""

    title: str
    text: str
    date: PartialDate | None
    entity_keys: list[str]
    events: list[FoundEvent]


@dataclass
class DocResult:
    """Everything one document gives, before ids are assigned across the corpus."""

    document: Document
    stories: list[StoryResult] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)


def bundled_seeds() -> Path:
    """The folder of seed documents shipped with medtui (the default corpus)."""
    here = Path(__file__).resolve().parent
    packaged = here / "seeds"
    if packaged.is_dir():
        return packaged
    return here.parents[1] / "seeds"


def gazetteer_files() -> list[Path]:
    """The user's gazetteer files: gazetteer.yaml in the config folder, plus config's list."""
    try:
        from medtui.config import load_config
        from medtui.paths import config_dir
    except ImportError:  # pragma: no cover - during development only
        return []
    files = [config_dir() / "gazetteer.yaml"]
    with contextlib.suppress(Exception):  # config problems are reported by the config loader
        files = list(dict.fromkeys([*files, *load_config().gazetteer_paths]))
    return files


@lru_cache(maxsize=4)
def _matcher_for(files: tuple[Path, ...]) -> GazetteerMatcher:
    return GazetteerMatcher(load_gazetteer(files))


def default_matcher() -> GazetteerMatcher:
    """The gazetteer matcher for the shipped gazetteer plus the user's files (built once)."""
    return _matcher_for(tuple(gazetteer_files()))


def process_document(item: InputFile, matcher: GazetteerMatcher) -> DocResult:
    """Read, clean, split, date and extract one document; problems become its warnings."""
    doc = Document(path=item.display)
    try:
        decoded = read_document_text(item.path)
        doc.encoding = decoded.encoding
        doc.warnings.extend(decoded.warnings)
        if decoded.text is None:
            return DocResult(doc)
        if decoded.is_html:
            page = html_to_page(decoded.text)
            clean = clean_lines(page.text, title_hint=page.title, publisher=page.publisher,
                                url=page.url, date_hint=page.date_hint)
        else:
            clean = clean_lines(decoded.text)
        doc.publisher, doc.url = clean.publisher, clean.url
        raw = split_stories(clean)
        if not raw:
            doc.warnings.append("no article text left after cleaning")
            return DocResult(doc)
        doc.title = clean.title_hint or raw[0].title
        mentions = find_mentions(matcher, [s.text for s in raw], [s.title for s in raw])
        result = DocResult(doc, entities=mentions.entities)
        n = len(raw)
        for i, story in enumerate(raw):
            body, title = mentions.spans[i], mentions.spans[n + i]
            keys: list[str] = []
            for span in sorted(title + body, key=lambda s: (s in body, s.start)):
                if span.key not in keys:
                    keys.append(span.key)
            events = find_events(story.text, body, story.title, title, story.date)
            result.stories.append(StoryResult(story.title, story.text, story.date, keys, events))
        return result
    except Exception as exc:  # noqa: BLE001 - one bad document must never stop the rest
        doc.warnings.append(f"could not be processed ({type(exc).__name__}: {exc})")
        return DocResult(doc)


_WORKER_MATCHER: GazetteerMatcher | None = None


def _init_worker(files: tuple[Path, ...]) -> None:
    global _WORKER_MATCHER
    _WORKER_MATCHER = _matcher_for(files)


def _work(item: InputFile) -> DocResult:
    assert _WORKER_MATCHER is not None
    return process_document(item, _WORKER_MATCHER)


def iter_results(
    files: Sequence[InputFile], *, workers: int | None = None
) -> Iterator[DocResult]:
    """Process files in order, in worker processes when there are many and cores to spare."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(files) < PARALLEL_THRESHOLD:
        matcher = default_matcher()
        for item in files:
            yield process_document(item, matcher)
        return
    gaz_files = tuple(gazetteer_files())
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(gaz_files,)) as pool:
        yield from pool.map(_work, files, chunksize=16)


class CorpusBuilder:
    """Merges document results into one Corpus, assigning ids as they come."""

    def __init__(self) -> None:
        self.corpus = Corpus()
        self._inst_ids: dict[str, str] = {}
        self._gazetteer: Gazetteer | None = None

    def add(self, result: DocResult) -> list[Story]:
        """Add one document's results; returns the stories it added."""
        corpus = self.corpus
        corpus.documents.append(result.document)
        added: list[Story] = []
        for index, sr in enumerate(result.stories):
            story = Story(id=f"s{len(corpus.stories) + 1}", document=result.document.path,
                          title=sr.title, text=sr.text, date=sr.date, index_in_document=index)
            story.institutions = [self._institution(result.entities, k).id for k in sr.entity_keys]
            for inst_id in story.institutions:
                inst = corpus.institution(inst_id)
                assert inst is not None
                inst.stories.append(story.id)
            for ev in sr.events:
                corpus.events.append(Event(
                    id=f"e{len(corpus.events) + 1}", story=story.id, kind=ev.kind, date=ev.date,
                    parties=[self._institution(result.entities, k).id for k in ev.parties],
                    evidence=ev.evidence))
            corpus.stories.append(story)
            added.append(story)
        return added

    def _institution(self, entities: dict[str, Entity], key: str) -> Institution:
        inst_id = self._inst_ids.get(key)
        ent = entities.get(key)
        if inst_id is None:
            inst_id = f"i{len(self._inst_ids) + 1}"
            self._inst_ids[key] = inst_id
            name = ent.name if ent else key.split(":", 1)[1]
            inst = Institution(id=inst_id, name=name, kind=ent.kind if ent else "other",
                               source="discovered" if key.startswith("d:") else "gazetteer")
            if key.startswith("g:"):
                entry = default_matcher().gazetteer.entries.get(key[2:])
                if entry is not None:
                    inst.aliases = [n for n in entry.names() if n != entry.name]
                    parent = default_matcher().gazetteer.entries.get(entry.parent or "")
                    inst.parent = parent.name if parent else None
            self.corpus.institutions.append(inst)
        found = self.corpus.institution(inst_id)
        assert found is not None
        inst = found
        if ent is not None:
            if key.startswith("d:") and len(ent.name) > len(inst.name):
                inst.aliases.append(inst.name)
                inst.name = ent.name
            for n in sorted(ent.names):
                if n != inst.name and n not in inst.aliases:
                    inst.aliases.append(n)
        return inst


def load_corpus(
    paths: Sequence[str | Path] | None = None,
    *,
    progress: ProgressCallback | None = None,
    workers: int | None = None,
) -> Corpus:
    """Read every document under ``paths`` (the bundled seeds when empty) into a Corpus.

    Raises :class:`medtui.errors.InputError` for a path that does not exist.
    """
    builder = CorpusBuilder()
    for _ in iter_load(paths, builder, progress=progress, workers=workers):
        pass
    return builder.corpus


def iter_load(
    paths: Sequence[str | Path] | None,
    builder: CorpusBuilder,
    *,
    progress: ProgressCallback | None = None,
    workers: int | None = None,
) -> Iterable[list[Story]]:
    """Load into ``builder`` document by document, yielding each document's new stories."""
    seeds = bundled_seeds()
    roots = list(paths) if paths else [seeds]
    files, warnings = discover_files(roots, seeds_root=None if paths else seeds)
    builder.corpus.warnings.extend(warnings)
    builder.corpus.warnings.extend(f"Gazetteer: {w}" for w in default_matcher().gazetteer.warnings)
    total = len(files)
    for done, result in enumerate(iter_results(files, workers=workers), 1):
        yield builder.add(result)
        if progress is not None:
            progress(done, total, result.document.path)
