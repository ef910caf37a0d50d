"""HTML pages read by trafilatura with our fallback: one story per article, listings split,
dates from the page's own metadata, furniture dropped by kind (issue 9)."""

from __future__ import annotations

from pathlib import Path

import pytest

import medtui.corpus.html as html_mod
from medtui.corpus.html import FALLBACK_WARNING, is_listing, read_html
from medtui.corpus.html_furniture import drop_furniture
from medtui.corpus.reader import InputFile
from medtui.pipeline import DocResult, default_matcher, process_document

COOKIES = ('<div class="cookie-notice"><p>We use cookies to give you the best experience on our website. '
           "By continuing to browse you agree to our use of cookies.</p><button>Accept</button></div>")
PARA = [
    "Riverside University and Northgate Hospital opened a shared clinical research unit on the hospital's "
    "east campus this week, with twelve beds set aside for early-phase trials of new treatments.",
    "The unit will be run by a joint board of six members, three named by each institution, and will "
    "publish a yearly report on the trials it hosts and the patients who took part in them.",
    "Doctors from the hospital will teach two modules of the university's medical degree from the "
    "autumn, and final-year students will spend four weeks on the unit's wards as part of their training.",
    "The two institutions said the first trials would study new treatments for heart failure and for "
    "chronic kidney disease, both common among the older patients the hospital serves in the region.",
]
BODY = "".join(f"<p>{p}</p>" for p in PARA)
HEAD = ("<head><title>Riverside and Northgate open research unit | Example Times</title>"
        '<meta property="og:site_name" content="Example Times">{meta}</head>')


def page(body: str, meta: str = "") -> str:
    return f"<!DOCTYPE html><html>{HEAD.format(meta=meta)}<body>{body}</body></html>"


def process(tmp_path: Path, html: str, name: str = "page.html") -> DocResult:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return process_document(InputFile(path, name), default_matcher())


def test_article_in_aside_after_cookie_banner_is_one_story_with_its_event(tmp_path: Path) -> None:
    html = ("<html><body>" + COOKIES + "<aside><h1>T</h1><p>10 February 2025</p><p>Northgate Hospital has "
            "partnered with Coastal University to test a tool.</p></aside></body></html>")
    result = process(tmp_path, html)
    assert len(result.stories) == 1
    story = result.stories[0]
    assert story.title == "T"
    assert story.date is not None and story.date.iso() == "2025-02-10"
    assert "cookie" not in story.text.lower()
    assert "Northgate Hospital has partnered with Coastal University" in story.text
    assert [e.kind for e in story.events] == ["partnership"]


def test_page_wrapped_in_a_form_keeps_its_article() -> None:
    read = read_html(page(f"<form action='/search'><h1>Riverside and Northgate open research unit</h1>{BODY}</form>"))
    assert len(read.stories) == 1
    assert PARA[0] in read.stories[0].text and PARA[3] in read.stories[0].text


def test_article_container_whose_class_says_sidebar_is_kept() -> None:
    html = page('<nav><a href="/">Home</a><a href="/news">News</a></nav>'
                f'<div class="layout-with-sidebar"><div class="main-col"><h1>Unit opens</h1>{BODY}</div></div>')
    text = read_html(html).stories[0].text
    assert all(p in text for p in PARA)


def test_empty_article_element_is_not_taken_as_the_article() -> None:
    html = page(f'<article class="promo"></article><div class="story"><h1>Unit opens</h1>{BODY}</div>')
    read = read_html(html)
    assert len(read.stories) == 1 and all(p in read.stories[0].text for p in PARA)


def test_photo_credit_mid_article_does_not_cut_the_text() -> None:
    body = (f"<article><h1>Unit opens</h1><p>{PARA[0]}</p><p>{PARA[1]}</p>"
            "<figure><img src='a.jpg'><figcaption>© Jane Doe / Example Photo Agency</figcaption></figure>"
            f"<p>{PARA[2]}</p><p>{PARA[3]}</p></article>")
    text = read_html(page(body)).stories[0].text
    assert PARA[3] in text
    assert "Example Photo Agency" not in text


def test_article_ending_in_related_teasers_stays_one_story() -> None:
    teasers = "".join(
        f'<article class="teaser"><h3><a href="/n/{i}">Lakeshore College names new dean number {i}</a></h3>'
        f"<p>12 March 2025</p><p>A short teaser about the college's dean, item {i} of the list.</p></article>"
        for i in range(5))
    html = page(f"<article><h1>Riverside and Northgate open research unit</h1>{BODY}</article>"
                f"<section class='more'><h2>Related stories</h2>{teasers}</section>")
    read = read_html(html)
    assert len(read.stories) == 1
    assert read.stories[0].title == "Riverside and Northgate open research unit"
    assert "dean number" not in read.stories[0].text


def test_real_listing_page_splits_into_its_items() -> None:
    items = "".join(
        f'<article><h2><a href="/news/{i}">{title}</a></h2><p>{day} March 2025</p><p>{PARA[i]}</p></article>'
        for i, (title, day) in enumerate([("Research unit opens", 4), ("Board named", 11),
                                          ("Students join wards", 18), ("First trials chosen", 25)]))
    read = read_html(page(f"<main><h1>News</h1>{items}</main>"))
    assert read.reader == "listing"
    assert [s.title for s in read.stories] == ["Research unit opens", "Board named", "Students join wards",
                                               "First trials chosen"]
    assert [s.date.iso() if s.date else None for s in read.stories] == [
        "2025-03-04", "2025-03-11", "2025-03-18", "2025-03-25"]


@pytest.mark.parametrize("meta", [
    '<meta property="article:published_time" content="2025-03-04T10:00:00Z">'
    '<meta property="article:modified_time" content="2025-03-14T09:05:00Z">',
    '<script type="application/ld+json">{"@type": "NewsArticle", "dateModified": "2025-03-14T09:05:00Z", '
    '"datePublished": "2025-03-04T10:00:00Z"}</script>',
    '<meta itemprop="datePublished" value="2025-03-04T10:00:00Z">',
])
def test_published_date_from_metadata_wins_over_updated(meta: str) -> None:
    body = f"<article><h1>Unit opens</h1><p>Last updated: 14 March 2025</p>{BODY}</article>"
    story = read_html(page(body, meta)).stories[0]
    assert story.date is not None and story.date.iso() == "2025-03-04"
    assert "Last updated" not in story.text


def test_full_date_in_the_canonical_url_dates_the_page() -> None:
    meta = '<link rel="canonical" href="https://news.example.org/2024/11/05/research-unit-opens">'
    story = read_html(page(f"<article><h1>Unit opens</h1>{BODY}</article>", meta)).stories[0]
    assert story.date is not None and story.date.iso() == "2024-11-05"


def test_undated_page_stays_undated_and_placeholder_dates_are_refused() -> None:
    meta = '<meta property="article:published_time" content="0001-01-01T00:00:00Z">'
    story = read_html(page(f"<article><h1>Unit opens</h1>{BODY}</article>", meta)).stories[0]
    assert story.date is None  # never today, never the file's time


def test_trafilatura_failure_falls_back_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_mod, "_trafilatura", lambda html, precision=True, fast=False: None)
    read = read_html(page(f"<article><h1>Unit opens</h1>{BODY}</article>"))
    assert read.warnings == [FALLBACK_WARNING] and read.reader == "fallback"
    assert len(read.stories) == 1 and PARA[2] in read.stories[0].text


def test_paragraphs_are_kept_apart() -> None:
    text = read_html(page(f"<article><h1>Unit opens</h1>{BODY}</article>")).stories[0].text
    assert text.split("\n\n") == PARA


def test_furniture_kinds_are_dropped_and_prose_kept() -> None:
    lines = [PARA[0], "Related: Lakeshore College names new dean", "- Pinecrest Hospital expands",
             "- Greenfield University wins award", PARA[1], "(Reporting by Jane Doe; editing by John Roe)",
             "Follow us on Twitter @exampletimes", "Updated at 1:23 p.m.", "___", PARA[2],
             "Sign up for our daily newsletter", "12 comments"]
    assert drop_furniture(lines) == [PARA[0], PARA[1], PARA[2]]


def test_listing_is_told_from_article_with_teasers() -> None:
    assert is_listing([120, 110, 130, 90], 400)
    assert not is_listing([600, 40, 35, 30], 650)  # one article and its teasers
    assert not is_listing([30, 35, 40], 2000)  # our cleaner lost the article: trafilatura found it
    assert not is_listing([300], 300)


@pytest.mark.parametrize("depth", [100, 300, 600])
def test_deeply_nested_page_keeps_all_its_text(tmp_path: Path, depth: int) -> None:
    # lxml (libxml2) stops building the tree at 256 levels and drops the rest of the page;
    # the reader's depth cap lies below that, so trafilatura reads the whole page (not the
    # fallback cleaner) and the paragraphs after the nest are kept.
    nest = "<div>" * depth + f"<p>{PARA[0]}</p>" + "</div>" * depth
    result = process(tmp_path, page(f"<article><h1>Riverside and Northgate open research unit</h1>{nest}"
                                    f"{''.join(f'<p>{p}</p>' for p in PARA[1:])}</article>"))
    text = " ".join(story.text for story in result.stories)
    assert all(p in text for p in PARA), depth
    assert FALLBACK_WARNING not in result.document.warnings


_INLINE_SENTENCES = [
    "Riverside University and Northgate Hospital opened a shared clinical research unit on the east campus.",
    "The unit will be run by a joint board of six members, three named by each of the two institutions.",
    "Doctors from the hospital will teach two modules of the university's medical degree from the autumn.",
    "Final-year students will spend four weeks on the unit's wards as part of their clinical training.",
    "The first trials will study new treatments for heart failure and for chronic kidney disease.",
    "Both institutions said the unit would publish a yearly report on the trials it hosts.",
    "Patients who take part will be followed for five years after their treatment ends.",
    "The hospital said the unit would also train nurses in running early-phase trials.",
]
_INLINE_TEASERS = ["Harbour Ferry Timetable Changes From Monday", "Lakeside Library Reopens After Repairs",
                   "City Council Votes on New Cycle Lanes", "Storm Warning Issued for the Coast"]


def test_article_with_teasers_set_between_its_paragraphs_is_one_story() -> None:
    # News sites set "related story" links between an article's paragraphs; medtui's own
    # cleaner once cut such a page into one "•"-titled story per teaser.
    body = "".join(
        f"<div class='chunk'><div class='embedded article'><ul><li class='flag'><h3>"
        f"<a href='/news/local/{i}.html'>{_INLINE_TEASERS[i // 2]}</a></h3></li></ul></div>"
        f"<p>{_INLINE_SENTENCES[i]}</p><p>{_INLINE_SENTENCES[i + 1]}</p></div>"
        for i in range(0, len(_INLINE_SENTENCES), 2))
    read = read_html(page(f"<article><h1>Riverside and Northgate open research unit</h1>"
                          f"<p>Published Nov 18, 2019</p>{body}</article>"))
    assert len(read.stories) == 1
    story = read.stories[0]
    assert story.title == "Riverside and Northgate open research unit"
    assert all(s in story.text for s in _INLINE_SENTENCES)
    assert not any(t in story.text for t in _INLINE_TEASERS)
