"""The page's JSON-LD read as trafilatura reads it (issue 9, HTML CPU):
:func:`medtui.corpus.html_meta.meta_json` is ``extract_meta_json`` with a faster
whitespace removal, and gives the same metadata."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from trafilatura.metadata import JSON_MINIFY, examine_meta, extract_meta_json

from helpers.fuzz import FUZZ
from medtui.corpus.html_meta import _JSON_MINIFY, load_tree, meta_json


@FUZZ
@given(st.lists(st.sampled_from(['"', "\\", " ", "\n", "\t", "a", "{", ":", '\\"', "\\\n", "\u3000"]),
                max_size=40).map("".join))
def test_whitespace_is_removed_as_trafilatura_removes_it(text: str) -> None:
    """Escaped quotes, an escaped line end (which ends no string), unclosed strings and
    runs of spaces of every kind give what trafilatura's own pattern gives."""
    assert _JSON_MINIFY.sub(r"\1", text) == JSON_MINIFY.sub(r"\1", text)


_LD = '<script type="application/ld+json">{}</script>'
PAGES = [
    _LD.format('{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Riverside  University '
               'opens a clinic", "publisher": {"@type": "Organization", "name": "Lakeshore Times"}, '
               '"url": "https://example.org/a b"}'),
    _LD.format('{"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "name": "Northgate \\"Hospital\\"'
               ' news"}, {"@type": "Organization", "name": "Coastal\\nPress"}]}'),
    _LD.format('{"@context": "https://schema.org", "@type": "Article", "headline": "Broken, "publisher": '
               '{"name": "Pinecrest Daily"}'),  # not JSON: trafilatura's regexes read it
    '<meta property="og:title" content="Greenfield University"><script type="application/settings+json">'
    '{"path": {"baseUrl": "/"}, "site": "Oakridge  Clinic"}</script>',
    "",
]


@pytest.mark.parametrize("head", PAGES)
def test_the_metadata_is_trafilaturas(head: str) -> None:
    html = f"<!DOCTYPE html><html><head>{head}<title>T</title></head><body><p>Text.</p></body></html>"
    tree = load_tree(html, controls_removed=True)
    ours = meta_json(tree, examine_meta(tree))
    theirs = extract_meta_json(tree, examine_meta(tree))
    assert _fields(ours) == _fields(theirs)


def _fields(meta: Any) -> dict[str, object]:
    """A trafilatura ``Document``'s metadata (its empty body elements aside: new objects each)."""
    return {k: v for k, v in meta.as_dict().items() if k not in ("body", "commentsbody")}


def test_the_pages_metadata_is_read_from_json_ld() -> None:
    """The comparison above compares something: the first page's title and site come from its JSON-LD."""
    tree = load_tree(f"<html><head>{PAGES[0]}</head><body><p>Text.</p></body></html>", controls_removed=True)
    meta = meta_json(tree, examine_meta(tree))
    assert (meta.title, meta.sitename) == ("Riverside University opens a clinic", "Lakeshore Times")
