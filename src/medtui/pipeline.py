"""Documents in, a :class:`Corpus` out: read, clean, split, date, extract, merge.

Each document is processed on its own (:func:`process_document`, a pure function of
the file and the gazetteer, so it can run in worker processes and be cached); the
results are then merged, so that the same institution in two documents is one.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from medtui import inputs
from medtui.corpus.boilerplate import drop_release_boilerplate, issuer_spans, known_fingerprint
from medtui.corpus.clean import CleanDoc, clean_lines, publisher_name
from medtui.corpus.datelines import wire_name
from medtui.corpus.dates import first_date
from medtui.corpus.frontmatter import FrontMatter
from medtui.corpus.html import read_html
from medtui.corpus.model import Corpus, Document, Event, Institution, PartialDate, Story
from medtui.corpus.reader import InputFile, read_document_text
from medtui.corpus.stories import RawStory, split_stories
from medtui.extract.crossdoc import AliasJoin, adopt
from medtui.extract.events import FoundEvent, find_events
from medtui.extract.gazetteer import Gazetteer
from medtui.extract.mentions import Entity, GazetteerMatcher, find_mentions
from medtui.inputs import bundled_seeds as bundled_seeds  # its old home: still imported from here
from medtui.inputs import default_matcher, discover_inputs, gazetteer_files
from medtui.workpool import in_order

if TYPE_CHECKING:
    from medtui.cache.docs import CacheStats, DocCache
    from medtui.cache.load import Loaded, Outcome

T = TypeVar("T")
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
    line_keys: list[int] = field(default_factory=list)
    """:func:`medtui.corpus.boilerplate.line_key` of each line of ``text``."""


@dataclass
class DocResult:
    """Everything one document gives, before ids are assigned across the corpus."""

    document: Document
    stories: list[StoryResult] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)


def process_document(item: InputFile, matcher: GazetteerMatcher) -> DocResult:
    """Read, clean, split, date and extract one document; problems become its warnings."""
    doc = Document(path=item.display)
    try:
        decoded = read_document_text(item.path)
        doc.encoding = decoded.encoding
        doc.warnings.extend(decoded.warnings)
        if decoded.text is None:
            doc.unreadable = decoded.unreadable
            return DocResult(doc)
        if decoded.is_html:
            html = read_html(decoded.text, controls_removed=True)
            clean, raw = html.clean, html.stories
            doc.warnings.extend(html.warnings)
            if decoded.front is not None:
                _use_front_matter(clean, doc, decoded.front)
                if len(raw) == 1:  # the page is one article: what its front matter states wins
                    stated = first_date(clean.published) if clean.published else None
                    raw[0] = RawStory(clean.stated_title or raw[0].title, raw[0].text, stated or raw[0].date)
        else:
            clean = clean_lines(decoded.text)
            if decoded.front is not None:
                _use_front_matter(clean, doc, decoded.front)
            raw = split_stories(clean)
        doc.publisher, doc.url = publisher_name(clean.publisher), clean.url
        if not raw:
            doc.warnings.append("no article text left after cleaning")
            return DocResult(doc)
        doc.publisher = doc.publisher or wire_name(raw[0].text)  # "(BUSINESS WIRE)" in its dateline
        doc.title = clean.stated_title or clean.title_hint or raw[0].title
        parts = [drop_release_boilerplate(s.text) for s in raw]  # (story text, issuer context, line keys)
        raw = [RawStory(s.title, text, s.date) for s, (text, _, _) in zip(raw, parts, strict=True)]
        n = len(raw)
        mentions = find_mentions(matcher, [*(s.text for s in raw), *(c for _, c, _ in parts)],
                                 [s.title for s in raw])
        result = DocResult(doc, entities=mentions.entities)
        for i, story in enumerate(raw):
            dropped = mentions.spans[n + i]  # found only in boilerplate: counts for nothing ...
            body = issuer_spans(story.text, mentions.spans[i], dropped)  # ... but names the issuer
            title = issuer_spans(story.title, mentions.spans[2 * n + i], dropped)
            # Institutions in order of first mention: the headline's first, then the body's.
            keys = list(dict.fromkeys(s.key for s in [*title, *body]))
            # An event's parties are institutions the story names: none named, no event
            # (test_events_need_named_institutions); its sentences are not read for acts.
            events = find_events(story.text, body, story.title, title, story.date,
                                 {k: e.kind for k, e in mentions.entities.items()}) if keys else []
            result.stories.append(StoryResult(story.title, story.text, story.date, keys, events,
                                              parts[i][2]))
            for span in (*title, *body):
                mentions.entities[span.key].names.add(span.surface)
        used = {k for st in result.stories for k in st.entity_keys}
        result.entities = {k: e for k, e in mentions.entities.items() if k in used}
        return result
    except Exception as exc:  # noqa: BLE001 - one bad document must never stop the rest
        doc.warnings.append(f"could not be processed ({type(exc).__name__}: {exc})")
        return DocResult(doc)


def _use_front_matter(clean: CleanDoc, doc: Document, front: FrontMatter) -> None:
    """What the document's front matter states wins over what the text suggests."""
    clean.stated_title = front.title
    clean.published = front.date
    clean.url = front.url or clean.url
    clean.publisher = front.publisher or clean.publisher
    doc.author = front.author


_WORKER_MATCHER: GazetteerMatcher | None = None


def _init_worker(files: tuple[Path, ...]) -> None:
    global _WORKER_MATCHER
    gc.freeze()  # the parent's objects, inherited by fork: never collected here (see segments)
    _WORKER_MATCHER = inputs.matcher_for(files)


def _work(item: InputFile) -> DocResult:
    assert _WORKER_MATCHER is not None
    return process_document(item, _WORKER_MATCHER)


def _work_for_cache(item: InputFile) -> Outcome:
    from medtui.cache.load import process_for_cache

    return process_for_cache(item, _work)


def _start(func: Callable[[InputFile], T], files: Sequence[InputFile], workers: int | None,
           nice: int = 0) -> Iterator[T]:
    """Start ``func`` on the files, in worker processes when there are many and cores to
    spare (see :func:`medtui.workpool.in_order`); the results come back in order."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    gaz_files = tuple(gazetteer_files())
    if workers <= 1 or len(files) < PARALLEL_THRESHOLD:
        _init_worker(gaz_files)
        return (func(item) for item in files)
    return in_order(func, files, workers, _init_worker, (gaz_files,), nice)


def iter_results(
    files: Sequence[InputFile], *, workers: int | None = None, cache: DocCache | None = None
) -> Iterator[DocResult]:
    """Process files in order, in worker processes when there are many and cores to spare.

    With an open ``cache``, unchanged files come from it and new results go into it.
    """
    from medtui.cache.docs import CacheStats

    for loaded in _iter_loaded(files, workers, cache, CacheStats(), 0):
        yield loaded.result


def _iter_loaded(
    files: Sequence[InputFile], workers: int | None, cache: DocCache | None, stats: CacheStats,
    nice: int,
) -> Generator[Loaded, None, None]:
    from medtui.cache.load import Loaded, iter_cached, process_for_cache

    if cache is None or not cache.active:
        for item, result in zip(files, _start(_work, files, workers, nice), strict=True):
            stats.processed += 1
            yield Loaded(item, result, None)
        return
    yield from iter_cached(
        files,
        cache,
        lambda todo: _start(_work_for_cache, todo, workers, nice),
        lambda item: process_for_cache(item, lambda i: process_document(i, default_matcher())),
    )


class CorpusBuilder:
    """Merges document results into one Corpus, assigning ids as they come."""

    def __init__(self) -> None:
        from medtui.cache.docs import CacheStats

        self.corpus = Corpus()
        self._inst_ids: dict[str, str] = {}
        self._insts: dict[str, Institution] = {}  # by id: corpus.institution() re-maps as it grows
        self._gazetteer: Gazetteer | None = None
        self._aliases = AliasJoin()
        self._texts: list[str] = []  # the story bodies of the document being added
        self._noted: set[str] = set()  # keys whose names the alias join has from this document
        self.stats: CacheStats = CacheStats()
        """How many documents came from the cache and how many were processed."""
        self.corpus_key: str | None = None
        """After a cached load: a hash of every document's path and bytes, and of the code
        that read them (the same key means the same corpus); None when unknown."""

    def add(self, result: DocResult) -> list[Story]:
        """Add one document's results; returns the stories it added."""
        corpus = self.corpus
        corpus.documents.append(result.document)
        added: list[Story] = []
        self._texts = [sr.text for sr in result.stories]
        self._noted = set()
        for index, sr in enumerate(result.stories):
            story = Story(id=f"s{len(corpus.stories) + 1}", document=result.document.path,
                          title=sr.title, text=sr.text, date=sr.date, index_in_document=index)
            # Two names of the story may join one institution (the corpus joins a name with
            # and without its legal form, or an acronym): each institution is listed once.
            story.institutions = list(dict.fromkeys(
                self._institution(result.entities, k).id for k in sr.entity_keys))
            for inst_id in story.institutions:
                self._insts[inst_id].stories.append(story.id)
            for ev in sr.events:
                corpus.events.append(Event(
                    id=f"e{len(corpus.events) + 1}", story=story.id, kind=ev.kind, date=ev.date,
                    parties=list(dict.fromkeys(self._institution(result.entities, k).id for k in ev.parties)),
                    evidence=ev.evidence))
            corpus.stories.append(story)
            added.append(story)
        return added

    def _institution(self, entities: dict[str, Entity], key: str) -> Institution:
        inst_id = self._inst_ids.get(key)
        ent = entities.get(key)
        if inst_id is None and ent is not None:
            # Named in another document by a Chinese name or an acronym only (extract/crossdoc.py).
            inst_id = self._aliases.join(ent.names, self._texts, key.startswith("d:"))
            if inst_id is not None:
                self._inst_ids[key] = inst_id
                adopt(self._insts[inst_id], ent.name, ent.kind, key.startswith("g:"), ent.names)
        if inst_id is None:
            inst_id = f"i{len(self._insts) + 1}"
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
            self._insts[inst_id] = inst
        inst = self._insts[inst_id]
        if ent is not None:
            if key not in self._noted:
                self._noted.add(key)
                self._aliases.note(inst_id, ent.names, self._texts, key.startswith("d:"))
            if key.startswith("d:") and len(ent.name) > len(inst.name):
                inst.aliases.append(inst.name)
                inst.name = ent.name
            for n in sorted(ent.names):
                if n != inst.name and n not in inst.aliases:
                    inst.aliases.append(n)
        return inst


def _drop_boilerplate(roots: Sequence[Path | str], loaded: list[Loaded]) -> None:
    """The corpus step: lines each source repeats in many documents leave the stories."""
    from medtui.corpus.boilerplate import find_boilerplate, source_of, strip_boilerplate

    sources = [source_of(item.item.path, roots) for item in loaded]
    results = [item.result for item in loaded]
    boilerplate = find_boilerplate(sources, results)
    if boilerplate:
        for source, result in zip(sources, results, strict=True):
            strip_boilerplate(source, result, boilerplate)


def load_corpus(
    paths: Sequence[str | Path] | None = None,
    *,
    progress: ProgressCallback | None = None,
    workers: int | None = None,
    cache: bool | None = None,
    builder: CorpusBuilder | None = None,
    inputs: tuple[list[Path | str], list[InputFile], list[str]] | None = None,
) -> Corpus:
    """Read every document under ``paths`` (the bundled seeds when empty) into a Corpus.

    ``cache``: reuse and store per-document results in the cache folder (default: yes,
    unless ``MEDTUI_NO_CACHE=1``). ``builder``: load into this one (to read its
    ``stats`` and ``corpus_key`` afterwards). ``inputs``: see :func:`iter_load`.
    Raises :class:`medtui.errors.InputError` for a path that does not exist.
    """
    builder = builder if builder is not None else CorpusBuilder()
    for _ in iter_load(paths, builder, progress=progress, workers=workers, cache=cache,
                       inputs=inputs):
        pass
    from medtui.curation import curate_loaded

    curate_loaded(builder.corpus)  # the user's curation, applied after extraction
    return builder.corpus


def cache_fingerprint() -> str:
    """What cached results depend on besides the files: medtui's code and the gazetteer."""
    from medtui.cache import code_fingerprint
    from medtui.cache.docs import PIPELINE_CODE

    return f"{code_fingerprint(*PIPELINE_CODE)}-{default_matcher().gazetteer.fingerprint}-{known_fingerprint()}"


def iter_load(
    paths: Sequence[str | Path] | None,
    builder: CorpusBuilder,
    *,
    progress: ProgressCallback | None = None,
    workers: int | None = None,
    cache: bool | None = None,
    inputs: tuple[list[Path | str], list[InputFile], list[str]] | None = None,
    on_read: Callable[[DocResult], None] | None = None,
    nice: int = 0,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[list[Story]]:
    """Load into ``builder``, yielding each document's new stories, document by document, once
    every document is read and the corpus step (boilerplate, :mod:`medtui.corpus.boilerplate`) ran.

    With the cache (see :func:`load_corpus`), ``builder.stats`` says how many documents
    were processed and ``builder.corpus_key`` identifies the corpus when it is complete.
    ``inputs``: what :func:`discover_inputs` gave for ``paths``, if it was called already.
    ``on_read``: called with each document's result as soon as it is read, before the
    corpus step changes it (what the app shows while the rest is read); it must not
    change the result. ``nice``: added to the worker processes' niceness (the app's UI
    process then wins the CPU from its own readers). ``cancelled``: asked after each
    document; once true, reading stops (the worker processes are killed, the document
    cache keeps the whole documents read so far) and nothing more is yielded.
    """
    from medtui.cache import cache_enabled
    from medtui.cache.docs import CorpusKey, DocCache, cache_key

    roots, files, warnings = inputs if inputs is not None else discover_inputs(paths)
    builder.corpus.warnings.extend(warnings)
    gazetteer = default_matcher().gazetteer
    builder.corpus.warnings.extend(f"Gazetteer: {w}" for w in gazetteer.warnings)
    doc_cache = None
    if cache if cache is not None else cache_enabled():
        doc_cache = DocCache.open(None, cache_fingerprint())
    key = CorpusKey(doc_cache.fingerprint if doc_cache else "")
    total = len(files)
    try:
        stats = doc_cache.stats if doc_cache is not None else builder.stats
        everything: list[Loaded] = []
        loads = _iter_loaded(files, workers, doc_cache, stats, nice)
        for done, loaded in enumerate(loads, 1):
            if cancelled is not None and cancelled():
                loads.close()  # kills the worker processes (medtui.workpool.in_order)
                return
            key.add(loaded.item.display, loaded.digest)
            everything.append(loaded)
            if progress is not None:
                progress(done, total, loaded.result.document.path)
            if on_read is not None:
                on_read(loaded.result)
        _drop_boilerplate(roots, everything)
        for loaded in everything:
            yield builder.add(loaded.result)
        if doc_cache is not None:
            folders = [r for r in roots if Path(r).is_dir()]
            doc_cache.prune(folders, {cache_key(item.path) for item in files})
        builder.corpus_key = key.value() if doc_cache and doc_cache.active else None
    finally:
        if doc_cache is not None:
            doc_cache.close()
            builder.stats = doc_cache.stats
            builder.corpus.warnings.extend(doc_cache.warnings)
