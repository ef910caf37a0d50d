"""One parse per HTML page (issue 9, HTML CPU): what medtui reads from the lxml tree
trafilatura reads agrees with what it read from its own lexbor tree (page facts, the
listing verdict), and trafilatura's text of the shared tree is ``bare_extraction``'s."""

from __future__ import annotations

import pytest

import medtui.corpus.html as html_mod
from medtui.corpus.html import _clean, is_listing, read_html
from medtui.corpus.html_extract import article_text
from medtui.corpus.html_fallback import html_to_page, listing_signs, page_meta, parse
from medtui.corpus.html_listing import listing_items, may_be_listing
from medtui.corpus.html_meta import load_tree
from medtui.corpus.html_page import page_facts
from medtui.corpus.stories import split_stories
from test_corpus_html_read import BODY, PARA  # the same invented article

NEWS = [
    "Lakeshore College opened a new library wing with room for four hundred students and a quiet floor.",
    "Pinecrest Hospital named a new chief nurse, who joins from a children's hospital across the state.",
    "Greenfield University signed a teaching agreement with Oakridge Clinic for its nursing students.",
    "Coastal Institute received a grant to study how storms change the shoreline of the northern bay.",
    "Harbor Health opened two walk-in clinics in the city's east end, open every day until ten at night.",
]


def page(body: str, head: str = "<title>Research unit opens</title>") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


HEADS = [
    '<meta property="og:title" content="Unit  opens"><meta property="og:site_name" content="Example Times">'
    '<link rel="canonical" href="https://example.org/unit"><meta property="article:published_time" '
    'content="2025-03-04T10:00:00Z">',
    '<meta NAME="Date" content="x"><link rel="Canonical" href="u"><meta property="OG:title" content="t">'
    '<meta name="pubdate" content><meta name="date" content="2025-01-02"><title>Fallback title</title>',
    '<script type="application/LD+json">{"@type": "NewsArticle", "datePublished": "2024-12-16"}</script>'
    '<meta name="twitter:title" content=" Tweet  title "><meta name="application-name" content="App">',
    '<meta itemprop="datePublished" content="2025-02-10"><meta name="author" content="Jo Reporter">'
    '<meta property="og:url" content="https://example.org/a">',
    "",
]
BODIES = [
    f"<article><h1>Unit opens</h1>{BODY}</article>",
    f"<svg><title>Icon</title></svg><main><time datetime='2025-05-02'>2 May</time>{BODY}</main>",
    f"<div><h1>Uni&shy;versity news</h1>{BODY}<time>undated</time></div>",
]


@pytest.mark.parametrize("head", HEADS)
@pytest.mark.parametrize("body", BODIES)
def test_page_facts_from_the_lxml_tree_are_the_lexbor_readers(head: str, body: str) -> None:
    html = page(body, head)
    assert page_facts(load_tree(html)) == page_meta(parse(html))


def _listing_by_the_cleaner(html: str, article_words: int) -> bool:
    """The listing verdict as it was made before: the cleaner on every page with signs."""
    lexbor = parse(html)
    if not listing_signs(lexbor, html):
        return False
    own = html_to_page(html, lexbor)
    stories = split_stories(_clean(own.text, own))
    return is_listing([len(s.text.split()) for s in stories], article_words)


def _items(kind: str) -> str:
    if kind == "articles":
        return "".join(f"<article><h2>Item {i} headline here</h2><p>March {i + 3}, 2025</p><p>{n}</p></article>"
                       for i, n in enumerate(NEWS))
    if kind == "linked":
        return "".join(f"<div class='item'><h3><a href='/n/{i}'>Item {i} headline here</a></h3>"
                       f"<p>{n} {n}</p></div>" for i, n in enumerate(NEWS))
    return "".join(f"<div class='card'><h4>Item {i} headline here</h4><p>{n}</p><div>{i + 3} March 2025</div>"
                   f"<div>View Article</div></div>" for i, n in enumerate(NEWS))


TEASERS = "".join(f"<article><h3><a href='/n/{i}'>Lakeshore College names dean number {i}</a></h3>"
                  f"<div>March {i + 3}, 2025</div></article>" for i in range(5))
PAGES = {
    **{f"listing of {kind}": page(f"<main><h1>News</h1>{_items(kind)}</main>")
       for kind in ("articles", "linked", "dated")},
    "listing in a furniture-named holder": page(f"<div class='news-sidebar-layout'>{_items('linked')}</div>"),
    "article": page(f"<article><h1>Research unit opens</h1><p>4 March 2025</p>{BODY}</article>"),
    "article with teasers after it": page(f"<article><h1>Research unit opens</h1>{BODY}{BODY}</article>"
                                          f"<section>{TEASERS}</section>"),
    "article with teasers inside it": page(f"<article><h1>Research unit opens</h1>{BODY}{TEASERS}</article>"),
    "article with teasers in an aside": page(f"<main><h1>Research unit opens</h1>{BODY}</main>"
                                             f"<aside>{TEASERS}</aside>"),
    "short article with teasers": page(f"<div><h1>Unit opens</h1><p>{PARA[0]}</p></div><div>{TEASERS}</div>"),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_listing_verdict_is_the_cleaners(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    html = PAGES[name]
    words: list[int] = []

    def spy(items: list[list[int]], article_words: int) -> bool:
        words.append(article_words)
        return may_be_listing(items, article_words)

    monkeypatch.setattr(html_mod, "may_be_listing", spy)
    read = read_html(html)
    expected = name.startswith("listing")
    assert _listing_by_the_cleaner(html, words[0]) == expected  # the pages are what their names say
    assert (read.reader == "listing") == expected
    if expected:
        assert len(read.stories) >= 3


def test_a_long_article_with_small_teasers_is_no_possible_listing() -> None:
    html = PAGES["article with teasers after it"]
    items = listing_items(load_tree(html), html)
    assert items  # it has the signs: several articles, linked headlines, dates
    assert not may_be_listing(items, article_words=2 * sum(len(p.split()) for p in PARA))
    assert may_be_listing(items, article_words=10)


def test_a_page_without_signs_has_no_items() -> None:
    html = page(f"<article><h1>Research unit opens</h1>{BODY}</article>")
    assert listing_items(load_tree(html), html) == []


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize(("precision", "fast"), [(True, False), (False, True)])
def test_article_text_of_the_shared_tree_is_bare_extractions(name: str, precision: bool, fast: bool) -> None:
    from trafilatura import bare_extraction

    html = PAGES[name]
    doc = bare_extraction(html, favor_precision=precision, fast=fast, include_comments=False,
                          include_tables=True, with_metadata=False)
    expected = None if doc is None else doc.text
    assert article_text(load_tree(html), precision=precision, fast=fast) == expected


def test_an_h1_that_names_the_site_is_no_headline() -> None:
    head = ('<title>Research unit opens | Lakeshore Health Notes</title><meta property="og:site_name" '
            'content="Lakeshore Health Notes"><meta property="og:title" content="Research unit opens">')
    html = page(f"<div id='header'><h1><a href='/'>Lakeshore Health Notes</a></h1></div>"
                f"<div class='post'><h2>Research unit opens</h2>{BODY}</div>", head)
    assert read_html(html).stories[0].title == "Research unit opens"


def test_the_site_name_rule_is_what_keeps_the_title() -> None:
    from medtui.corpus.html import _headline

    assert _headline(["Lakeshore Health Notes"], "Research unit opens") == "Lakeshore Health Notes"
    assert _headline(["Lakeshore Health Notes"], "Research unit opens", ("Lakeshore Health Notes",)) == \
        "Research unit opens"
