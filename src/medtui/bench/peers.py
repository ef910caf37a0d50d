"""What plain engines do with the same stories and the same words (``bench`` peers).

- whoosh with its plainest schema: an id and one stored text field, default analyzer;
- tantivy (optional: ``pip install medtui[bench]``), in RAM, default tokenizer;
- ``rg -c`` over the raw files, once per single-word query (no index at all).

Each gets the text kinds of the query mix (word, AND, phrase, prefix): they have no
institutions or dates. A query = parse, top 10, hit count, a ~200-character
highlight of each hit, like medtui's own. Nothing here is imported by medtui itself.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Sequence
from typing import Any

from medtui.bench.queries import TEXT_KINDS, BenchQuery
from medtui.bench.stats import percentile

Story = tuple[str, str]
"""(id, title + text) of one story."""


def _timed(queries: Sequence[BenchQuery], run: Any) -> dict[str, Any]:
    times: list[float] = []
    errors = 0
    for q in queries:
        start = time.perf_counter()
        try:
            run(q)
        except Exception:  # noqa: BLE001 - a query a peer cannot run is counted, not fatal
            errors += 1
            continue
        times.append((time.perf_counter() - start) * 1000)
    return {
        "queries": len(times),
        "query_errors": errors,
        "query_p50_ms": percentile(times, 50),
        "query_p95_ms": percentile(times, 95),
    }


def whoosh_plain(stories: Sequence[Story], queries: Sequence[BenchQuery]) -> dict[str, Any]:
    """Index with whoosh's plainest schema in RAM and run the text queries."""
    from whoosh import fields, qparser

    from medtui.search.schema import PrivateRamStorage

    text_queries = [q for q in queries if q.kind in TEXT_KINDS]
    schema = fields.Schema(id=fields.ID(stored=True), text=fields.TEXT(stored=True))
    storage = PrivateRamStorage()  # whoosh's own RamStorage spills to a shared temp name
    try:
        start = time.perf_counter()
        ix = storage.create_index(schema)
        writer = ix.writer(limitmb=256)
        for story_id, text in stories:
            writer.add_document(id=story_id, text=text)
        writer.commit()
        index_s = time.perf_counter() - start
        parser = qparser.QueryParser("text", schema, group=qparser.AndGroup)
        with ix.searcher() as searcher:

            def run(q: BenchQuery) -> None:
                results = searcher.search(parser.parse(q.plain), limit=10)
                results.fragmenter.maxchars = 200
                len(results)  # the hit count
                for hit in results:
                    hit.highlights("text")

            figures = _timed(text_queries[:3], run)  # warm-up, not counted
            figures = _timed(text_queries, run)
    finally:
        storage.remove_tempdir()
    return {"engine": "whoosh (plain schema)", "index_s": index_s, **figures}


def tantivy_peer(stories: Sequence[Story], queries: Sequence[BenchQuery]) -> dict[str, Any]:
    """Index with tantivy in RAM and run the text queries; a note when it is not installed."""
    try:
        import tantivy
    except ImportError:
        return {"engine": "tantivy", "skipped": "tantivy is not installed (pip install tantivy)"}
    text_queries = [q for q in queries if q.kind in TEXT_KINDS]
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("text", stored=True)
    schema = builder.build()
    start = time.perf_counter()
    index = tantivy.Index(schema)
    writer = index.writer(heap_size=256_000_000, num_threads=0)
    for story_id, text in stories:
        writer.add_document(tantivy.Document(id=story_id, text=text))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    index_s = time.perf_counter() - start
    searcher = index.searcher()

    def parse(q: BenchQuery) -> Any:
        if q.kind == "prefix":  # the parser takes "abc*" literally: expand it by hand
            terms = searcher.terms_with_prefix("text", q.words[0], limit=256)
            return tantivy.Query.term_set_query(schema, "text", [t for t, _ in terms])
        return index.parse_query(q.plain, ["text"], conjunction_by_default=True)

    def run(q: BenchQuery) -> None:
        query = parse(q)
        result = searcher.search(query, 10)
        _ = getattr(result, "count", None)  # the hit count, as a real client would read it
        snippets = tantivy.SnippetGenerator.create(searcher, query, schema, "text")
        snippets.set_max_num_chars(200)
        for _score, address in result.hits:
            snippets.snippet_from_doc(searcher.doc(address)).fragment()

    _timed(text_queries[:3], run)
    return {"engine": "tantivy", "index_s": index_s, **_timed(text_queries, run)}


def ripgrep_peer(paths: Sequence[str], queries: Sequence[BenchQuery]) -> dict[str, Any]:
    """``rg -c -i -w WORD PATH...`` for each single-word query (no index: every query reads all)."""
    rg = shutil.which("rg")
    if rg is None:
        return {"engine": "rg", "skipped": "ripgrep (rg) is not installed"}
    words = [q for q in queries if q.kind == "word"]

    def run(q: BenchQuery) -> None:
        subprocess.run(
            [rg, "-c", "-i", "-w", "-L", "--no-messages", "--", q.words[0], *paths],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
        )

    _timed(words[:2], run)
    return {"engine": "rg -c (no index)", "index_s": 0.0, **_timed(words, run)}
