"""Corpus -> the JSON-ready dicts of the outside contract (``export``, ``timeline``,
``search``, ``institutions``). Plain dicts and lists only, so ``json.dumps`` just works.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from medtui.corpus.model import Corpus, Event, PartialDate
from medtui.timeline import ordered_events

if TYPE_CHECKING:
    from medtui.search.index import SearchResult

EXPORT_VERSION = 1


@lru_cache(maxsize=1)
def _seeds_dir() -> Path:
    from medtui.pipeline import bundled_seeds

    return bundled_seeds().resolve()


def display_path(path: str) -> str:
    """How a document path is shown: ``seeds/<name>`` for a bundled seed, relative to the
    current directory when it is under it, otherwise as given."""
    try:
        resolved = Path(path).resolve()
    except (OSError, RuntimeError):
        return path
    if resolved.is_relative_to(_seeds_dir()):
        return Path("seeds", resolved.relative_to(_seeds_dir())).as_posix()
    try:
        cwd = Path.cwd().resolve()
    except OSError:
        return path
    if resolved.is_relative_to(cwd):
        return resolved.relative_to(cwd).as_posix()
    return path if os.sep == "/" else Path(path).as_posix()


def iso(value: PartialDate | None) -> str | None:
    """A partial date as the contract writes it, ``null`` when there is none."""
    return value.iso() if value is not None else None


def institution_stories(corpus: Corpus) -> dict[str, list[str]]:
    """Institution id -> ids of the stories about it, in corpus order.

    Joins both sides of the link (``Institution.stories`` and ``Story.institutions``)
    so that a count never depends on which side the extractor filled in.
    """
    order = {s.id: n for n, s in enumerate(corpus.stories)}
    found: dict[str, set[str]] = {i.id: set(i.stories) for i in corpus.institutions}
    for story in corpus.stories:
        for inst_id in story.institutions:
            found.setdefault(inst_id, set()).add(story.id)
    return {
        inst_id: sorted(ids, key=lambda s: (order.get(s, len(order)), s))
        for inst_id, ids in found.items()
    }


def event_dict(event: Event) -> dict[str, Any]:
    """One event as in ``export``."""
    return {
        "id": event.id,
        "story": event.story,
        "kind": event.kind,
        "date": iso(event.date),
        "parties": list(event.parties),
        "evidence": event.evidence,
    }


def export_corpus(corpus: Corpus) -> dict[str, Any]:
    """The whole corpus as ``medtui export --format json`` (version 1) prints it."""
    stories_of = institution_stories(corpus)
    return {
        "version": EXPORT_VERSION,
        "documents": [
            {
                "path": display_path(d.path),
                "title": d.title,
                "publisher": d.publisher,
                "url": d.url,
                "warnings": list(d.warnings),
            }
            for d in corpus.documents
        ],
        "stories": [
            {
                "id": s.id,
                "document": display_path(s.document),
                "title": s.title,
                "date": iso(s.date),
                "text": s.text,
                "institutions": list(s.institutions),
            }
            for s in corpus.stories
        ],
        "institutions": [
            {
                "id": i.id,
                "name": i.name,
                "aliases": list(i.aliases),
                "kind": i.kind,
                "stories": stories_of.get(i.id, []),
            }
            for i in corpus.institutions
        ],
        "events": [event_dict(e) for e in corpus.events],
    }


def party_names(corpus: Corpus, event: Event) -> list[str]:
    """The names of an event's parties (the id when an institution is unknown)."""
    names = []
    for party in event.parties:
        inst = corpus.institution(party)
        names.append(inst.name if inst is not None else party)
    return names


def timeline_event_dict(corpus: Corpus, event: Event) -> dict[str, Any]:
    """One timeline event: the export's fields plus ``story_title`` and ``party_names``."""
    story = corpus.story(event.story)
    return {
        **event_dict(event),
        "story_title": story.title if story is not None else None,
        "party_names": party_names(corpus, event),
    }


def timeline_dict(
    corpus: Corpus,
    events: Iterable[Event] | None = None,
    sources: dict[str, list[Event]] | None = None,
) -> dict[str, Any]:
    """``medtui timeline --format json``: ``{"events": [...]}`` in timeline order.

    With ``sources`` (one event per signing, see :func:`medtui.timeline.one_per_signing`)
    each event also has ``"sources"``: every story that reports that signing, itself first,
    as ``{"event", "story", "story_title", "date", "evidence"}``.
    """
    rows = []
    for event in ordered_events(corpus, events):
        row = timeline_event_dict(corpus, event)
        if sources is not None:
            row["sources"] = [source_dict(corpus, e) for e in sources.get(event.id, [event])]
        rows.append(row)
    return {"events": rows}


def source_dict(corpus: Corpus, event: Event) -> dict[str, Any]:
    """One report of a signing: the event, its story and the sentence that says so."""
    story = corpus.story(event.story)
    return {"event": event.id, "story": event.story,
            "story_title": story.title if story is not None else None,
            "date": iso(event.date), "evidence": event.evidence}


def search_dict(result: SearchResult) -> dict[str, Any]:
    """``medtui search --json``: query, total, suggestion and the ranked hits."""
    return {
        "query": result.query,
        "total": result.total,
        "suggestion": result.suggestion,
        "hits": [
            {
                "story": h.story,
                "title": h.title,
                "date": iso(h.date),
                "score": round(h.score, 4),
                "snippet": h.snippet,
            }
            for h in result.hits
        ],
    }


def institution_rows(corpus: Corpus) -> list[dict[str, Any]]:
    """Institutions with their story counts, most-covered first (then by name)."""
    stories_of = institution_stories(corpus)
    rows: list[dict[str, Any]] = [
        {
            "id": i.id,
            "name": i.name,
            "kind": i.kind,
            "story_count": len(stories_of.get(i.id, [])),
            "aliases": list(i.aliases),
        }
        for i in corpus.institutions
    ]
    rows.sort(key=lambda r: (-r["story_count"], r["name"].casefold(), r["id"]))
    return rows


def institutions_dict(corpus: Corpus) -> dict[str, Any]:
    """``medtui institutions --json``: ``{"institutions": [{id, name, kind, story_count,
    aliases}]}``."""
    return {"institutions": institution_rows(corpus)}
