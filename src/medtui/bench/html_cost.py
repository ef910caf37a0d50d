"""The CPU cost of reading HTML pages, against trafilatura alone on the same pages.

Issue 9's target: reading, cleaning and extracting an HTML page (medtui's
:func:`medtui.pipeline.process_document`, which runs trafilatura, htmldate, our
listing detector and furniture filter, then institutions and events) costs at most
1.5x the CPU of ``trafilatura.extract`` alone (``favor_precision``, no comments) on
the same decoded pages. Both are timed in this one process with ``time.process_time``,
page by page in turn, after a warm-up page (imports are not counted); files are read
once beforehand (medtui's side reads each again, as it does when loading).
trafilatura's one-time load of justext's stop-word lists (about 0.3 s of CPU, spent by
whichever side first meets a page that needs justext) is part of the warm-up too, so
that it is charged to neither side.
"""

from __future__ import annotations

import contextlib
import time
from typing import Any

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MAX_PAGES = 300
"""At most this many HTML pages are timed (the first in path order)."""


def html_cost(paths: list[str]) -> dict[str, Any] | None:
    """``html_pages``, ``html_cpu_s`` (medtui), ``trafilatura_cpu_s`` and their ``html_cpu_ratio``;
    None when the paths hold no HTML page."""
    import trafilatura

    from medtui.corpus.reader import read_document_text
    from medtui.pipeline import default_matcher, discover_inputs, process_document

    _roots, files, _warnings = discover_inputs(paths)
    pages = [f for f in files if f.path.suffix.lower() in HTML_SUFFIXES][:MAX_PAGES]
    texts = [read_document_text(f.path).text or "" for f in pages]
    if not pages:
        return None
    matcher = default_matcher()
    process_document(pages[0], matcher)  # warm-up: imports and first-use caches
    trafilatura.extract(texts[0], favor_precision=True, include_comments=False)
    _load_justext_stoplists()
    ours = alone = 0.0
    for i, (item, text) in enumerate(zip(pages, texts, strict=True)):
        # Page by page, each side first on every other page: a change in the machine's
        # load during the run weighs on both sides alike (timing all of one side, then
        # all of the other, gave ratios from 1.2 to 1.7 for the same code under load).
        for side in ((0, 1) if i % 2 == 0 else (1, 0)):
            start = time.process_time()
            if side == 0:
                process_document(item, matcher)
                ours += time.process_time() - start
            else:
                trafilatura.extract(text, favor_precision=True, include_comments=False)
                alone += time.process_time() - start
    return {"html_pages": len(pages), "html_cpu_s": round(ours, 3), "trafilatura_cpu_s": round(alone, 3),
            "html_cpu_ratio": round(ours / alone, 2) if alone > 0 else None}


def _load_justext_stoplists() -> None:
    """Load the stop-word lists trafilatura's justext fallback builds on first use (kept
    in ``trafilatura.external.JT_STOPLIST``), as the warm-up does with imports."""
    with contextlib.suppress(ImportError, AttributeError):
        from trafilatura import external

        if external.JT_STOPLIST is None:
            external.jt_stoplist_init()
