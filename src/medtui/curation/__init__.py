"""Institution curation by the user: merge, rename, split off a name, not an institution.

The curation lives in the ``curation:`` block of the user's gazetteer.yaml (form in
:mod:`medtui.curation.store`), is applied after extraction (:mod:`.apply`), and is
changed from the UI through a :class:`~medtui.curation.session.Curator`.
:func:`curate_loaded` is what every loader (CLI and app) calls on a fresh corpus.
"""

from __future__ import annotations

from pathlib import Path

from medtui.corpus.model import Corpus
from medtui.curation.apply import applied_curation, uncurated
from medtui.curation.session import Curator

__all__ = ["Curator", "curate_loaded", "curator_for", "institution_names", "uncurated",
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


def institution_names(corpus: Corpus) -> dict[str, list[str]] | None:
    """While a curation is applied to ``corpus``: institution id -> every name it answers
    to now (its id, name and aliases, and the extracted ids merged into it); None when
    none is. The same dict until the curation changes. What the search index's
    ``curated_names`` asks for, so ``institution:`` queries follow the curated corpus.
    """
    applied = applied_curation(corpus)
    if applied is None or applied.curation.is_empty():
        return None
    if applied.names is None:
        applied.names = {inst.id: list(dict.fromkeys([inst.id, inst.name, *inst.aliases,
                                                      *applied.origins.get(inst.id, [])]))
                         for inst in corpus.institutions}
    return applied.names
