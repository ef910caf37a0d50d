"""Documents in, a :class:`Corpus` out: read, clean, split, date, extract, merge.

TEMPORARY BODY: the real reader/cleaner/extractor is being written in corpus/ and
extract/. The signatures here are the stable interface the CLI, search and UI use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from medtui.corpus.model import Corpus, Document, Story

ProgressCallback = Callable[[int, int, str], None]
"""Called as ``progress(done, total, current_path)`` while documents are processed."""


def bundled_seeds() -> Path:
    """The folder of seed documents shipped with medtui (the default corpus)."""
    here = Path(__file__).resolve().parent
    packaged = here / "seeds"
    if packaged.is_dir():
        return packaged
    return here.parents[1] / "seeds"


def load_corpus(
    paths: Sequence[str | Path] | None = None,
    *,
    progress: ProgressCallback | None = None,
) -> Corpus:
    """Read every document under ``paths`` (the bundled seeds when empty) into a Corpus."""
    roots = [Path(p) for p in paths] if paths else [bundled_seeds()]
    files = sorted(f for r in roots for f in ([r] if r.is_file() else r.rglob("*")) if f.is_file())
    corpus = Corpus()
    for n, f in enumerate(files, 1):
        text = f.read_text(encoding="utf-8", errors="replace")
        corpus.documents.append(Document(path=str(f)))
        title = next((ln.strip() for ln in text.splitlines() if ln.strip()), f.name)
        corpus.stories.append(Story(id=f"s{n}", document=str(f), title=title, text=text))
        if progress:
            progress(n, len(files), str(f))
    return corpus
