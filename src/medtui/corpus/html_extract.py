"""trafilatura's article text of an lxml tree that medtui parsed once, without copying it.

:func:`trafilatura.bare_extraction` given an lxml tree copies it first (the caller may
still need it), and builds its ``Extractor`` settings anew on every call (a
configparser read of eight settings). On the article-extraction benchmark's 119 news
pages the copy cost 0.17 CPU-s and the settings 0.06, a tenth of trafilatura's own
time. medtui reads what it needs from the tree before trafilatura runs
(:mod:`medtui.corpus.html`), so :func:`article_text` hands the tree to the same steps
``bare_extraction`` runs for medtui's settings (``output_format="python"``, no
metadata, no comments, no language or duplicate filter), with settings built once.

What trafilatura changes in the tree it is given: it deletes comment sections,
infinite-scroll containers and share-button bars from the raw tree before it cleans a
copy (``trafilatura.core.trafilatura_sequence``). Nothing else. A test compares the
text with ``bare_extraction``'s.

If trafilatura's internals move (an upgrade), the public ``bare_extraction`` is used.
"""

from __future__ import annotations

from typing import Any

_SETTINGS: dict[tuple[bool, bool], Any] = {}


def article_text(tree: Any, precision: bool = True, fast: bool = False) -> str | None:
    """trafilatura's text (one line per paragraph) of ``tree`` (an lxml tree, which it
    changes as the module docstring says, or an HTML string), or None when trafilatura
    finds nothing. Raises what trafilatura raises."""
    try:
        from trafilatura.core import trafilatura_sequence
        from trafilatura.settings import Extractor
        from trafilatura.xml import xmltotxt
    except ImportError:  # pragma: no cover - trafilatura's internals moved
        return _public(tree, precision, fast)
    if isinstance(tree, str):
        return _public(tree, precision, fast)
    options = _SETTINGS.get((precision, fast))
    if options is None:
        options = _SETTINGS[(precision, fast)] = Extractor(
            output_format="python", fast=fast, precision=precision, comments=False, tables=True)
    if options.max_tree_size or options.lang or options.dedup or options.with_metadata:  # pragma: no cover
        return _public(tree, precision, fast)  # settings medtui's shortcut does not apply
    postbody, text, _, comments = trafilatura_sequence(tree, options, None)
    if len(text) < options.min_output_size and len(comments) < options.min_output_comm_size:
        return None
    return str(xmltotxt(postbody, options.formatting))


def _public(html: Any, precision: bool, fast: bool) -> str | None:
    from trafilatura import bare_extraction

    doc = bare_extraction(html, favor_precision=precision, fast=fast, include_comments=False,
                          include_tables=True, with_metadata=False)
    return None if doc is None else str(getattr(doc, "text", "") or "")
