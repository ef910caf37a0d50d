"""Institution curation by the user: merge, rename, split off a name, not an institution.

The curation lives in the ``curation:`` block of the user's gazetteer.yaml (form in
:mod:`medtui.curation.store`), is applied after extraction (:mod:`.apply`), and is
changed from the UI through a :class:`~medtui.curation.session.Curator`.
:func:`curate_loaded` is what every loader (CLI and app) calls on a fresh corpus.
"""

from __future__ import annotations

import re
from pathlib import Path

from medtui.corpus.model import Corpus
from medtui.curation.apply import applied_curation, uncurated
from medtui.curation.session import Curator

__all__ = ["Curator", "curate_loaded", "curator_for", "expand_institution_query", "uncurated",
           "user_gazetteer_path"]
CURATOR = "_curator"


def user_gazetteer_path() -> Path:
    """The user's gazetteer.yaml in the config folder (where curation is saved)."""
    from medtui.config import USER_GAZETTEER_FILE
    from medtui.paths import config_dir

    return config_dir() / USER_GAZETTEER_FILE


def curate_loaded(corpus: Corpus, path: Path | None = None) -> Curator:
    """Apply the user's curation to a just-loaded ``corpus``; the :class:`Curator` for more.

    A problem with the file becomes ONE warning in ``corpus.warnings`` (replacing the
    gazetteer loader's warning about the same file, which says less).
    """
    from medtui.curation.store import read_curation

    path = path if path is not None else user_gazetteer_path()
    found = read_curation(path)
    if found.warnings:
        where = str(path)
        corpus.warnings[:] = [w for w in corpus.warnings
                              if not (w.startswith("Gazetteer: ") and where in w)]
        corpus.warnings.extend(w for w in found.warnings if w not in corpus.warnings)
    curator = Curator(corpus, found)
    corpus.__dict__[CURATOR] = curator
    return curator


def curator_for(corpus: Corpus) -> Curator:
    """The corpus's :class:`Curator` (the user's curation applied), made if not yet."""
    found = corpus.__dict__.get(CURATOR)
    return found if isinstance(found, Curator) else curate_loaded(corpus)


_FIELD = re.compile(r'(?<![\w:])institution:(?:"([^"]*)"|([^\s()"]+))', re.IGNORECASE)


def expand_institution_query(text: str, corpus: Corpus) -> str:
    """``text`` with each ``institution:VALUE`` also matching the extracted institutions
    now merged into a curated one named VALUE (the search index knows their old names
    and ids only). Unchanged when no curation is applied or nothing matches.
    """
    applied = applied_curation(corpus)
    if applied is None or applied.curation.is_empty() or "institution:" not in text.casefold():
        return text

    def expand(match: re.Match[str]) -> str:
        value = (match.group(1) if match.group(1) is not None else match.group(2)).strip()
        words = re.compile(rf"(?<!\w){re.escape(value)}(?!\w)", re.IGNORECASE)
        raw: list[str] = []
        for inst in corpus.institutions:
            if any(words.search(n) for n in [inst.name, *inst.aliases]):
                raw += [r for r in applied.origins.get(inst.id, []) if r not in raw]
        if not value or not raw:
            return match.group(0)
        return "(" + " OR ".join([match.group(0), *(f"institution:{r}" for r in raw)]) + ")"

    return _FIELD.sub(expand, text)
