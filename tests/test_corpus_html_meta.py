"""An HTML page's own dates and characters (issue 9): a date the page labels as an update
is not its publication date; character references the parser decodes are normalised;
listing signs are cheap and let a listing without <article> elements through."""

from __future__ import annotations

from pathlib import Path

import pytest

from medtui.corpus.html import read_html
from medtui.corpus.html_fallback import listing_signs, parse
from medtui.corpus.reader import InputFile
from medtui.pipeline import default_matcher, process_document

PARA = [
    "Riverside University and Northgate Hospital opened a shared clinical research unit on the hospital's "
    "east campus this week, with twelve beds set aside for early-phase trials of new treatments.",
    "The unit will be run by a joint board of six members, three named by each institution, and will "
    "publish a yearly report on the trials it hosts and the patients who took part in them.",
    "Doctors from the hospital will teach two modules of the university's medical degree from the "
    "autumn, and final-year students will spend four weeks on the unit's wards as part of their training.",
]
BODY = "".join(f"<p>{p}</p>" for p in PARA)


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head><title>Research unit opens</title>{head}</head><body>{body}</body></html>"


def test_a_date_labelled_last_updated_is_not_the_publication_date() -> None:
    body = (f"<div class='content'><h1>Research unit opens</h1>{BODY}"
            "<div class='field'><div class='label'>Last Updated:&nbsp;</div><div>10/03/2017 - 08:59</div></div></div>")
    story = read_html(page(body)).stories[0]
    assert story.date is None
    assert PARA[0] in story.text


def test_a_page_published_and_updated_the_same_day_keeps_that_date() -> None:
    body = (f"<div class='content'><h1>Research unit opens</h1><p>Published 3 May 2025 | Updated 3 May 2025</p>"
            f"{BODY}</div>")
    story = read_html(page(body)).stories[0]
    assert story.date is not None and story.date.iso() == "2025-05-03"


def test_a_date_key_in_the_page_json_is_no_update_label() -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "dateModified": "2025-05-03", '
            '"datePublished": "2025-05-03"}</script>')
    story = read_html(page(f"<article><h1>Research unit opens</h1>{BODY}</article>", head)).stories[0]
    assert story.date is not None and story.date.iso() == "2025-05-03"


def test_entities_the_parser_decodes_are_normalised(tmp_path: Path) -> None:
    body = ("<article><h1>Memo&shy;randum signed</h1><p>12 February 2025</p><p>Lakeshore Uni&shy;versity and "
            "Pinecrest Hos&shy;pital signed a memo&shy;randum of under&shy;standing.</p><p>Greenfield University "
            "and Oakridge Hospital signed an agree&#8203;ment on tele&#8203;medicine&nbsp;services.</p></article>")
    path = tmp_path / "memo.html"
    path.write_text(page(body), encoding="utf-8")
    result = process_document(InputFile(path, "memo.html"), default_matcher())
    text = " ".join(s.title + " " + s.text for s in result.stories)
    assert "\u00ad" not in text and "\u200b" not in text and "\u00a0" not in text
    assert "Lakeshore University and Pinecrest Hospital signed a memorandum of understanding" in text
    assert "telemedicine services" in text
    kinds = {e.kind for s in result.stories for e in s.events}
    assert "mou" in kinds


def test_entities_are_normalised_in_the_fallback_cleaner_too() -> None:
    from medtui.corpus.html_fallback import html_to_page

    read = html_to_page(page("<main><h1>Uni&shy;versity news</h1><p>Lakeshore Uni&shy;versity grows.</p></main>"))
    assert "\u00ad" not in read.text and "Lakeshore University grows." in read.text


def test_listing_signs() -> None:
    article = page(f"<article><h1>Research unit opens</h1><p>4 March 2025</p>{BODY}</article>")
    assert not listing_signs(parse(article), article)
    items = "".join(f"<div class='item'><a href='/n/{i}'>Item {i} headline here</a><div>March {i + 3}, 2025</div>"
                    f"<p>{PARA[i]}</p></div>" for i in range(3))
    listing = page(f"<main>{items}</main>")
    assert listing_signs(parse(listing), listing)


TEASERS = "".join(f"<article><h3><a href='/n/{i}'>Lakeshore College names dean number {i}</a></h3></article>"
                  for i in range(4))


@pytest.mark.parametrize("holder", ["<aside>{}</aside>", "<nav>{}</nav>", "<div class='related-stories'>{}</div>",
                                    "<div role='navigation'>{}</div>", "<div id='sidebar'><div>{}</div></div>"])
def test_teasers_the_cleaner_drops_are_no_listing_signs(holder: str) -> None:
    html = page(f"<article><h1>Research unit opens</h1>{BODY}</article>{holder.format(TEASERS)}")
    assert not listing_signs(parse(html), html)


def test_listing_in_a_container_named_like_furniture_that_holds_the_page_keeps_its_signs() -> None:
    items = "".join(f"<article><h2><a href='/n/{i}'>Item {i} headline here</a></h2><p>{PARA[i]}</p></article>"
                    for i in range(3))
    for holder in (f"<div class='news-sidebar-layout'>{items}</div>",  # holds most of the page's words
                   f"<div class='menu-wrap'><h1>News</h1>{items}</div><div>{BODY}{BODY}</div>"):  # the headline
        html = page(holder)
        assert listing_signs(parse(html), html)
    teasers_in_article = page(f"<article><h1>Roundup</h1>{TEASERS}</article>")
    assert listing_signs(parse(teasers_in_article), teasers_in_article)


def test_live_blog_of_separated_entries_gives_one_story_per_entry() -> None:
    leads = [("LAKESHORE", "Lakeshore University says it will open a vaccine research centre with Pinecrest "
              "Hospital next spring, with forty staff."),
             ("NORTHGATE", "Northgate Hospital said Monday that its wards will close to visitors for two weeks "
              "as new cases rise across the county."),
             ("GREENFIELD, Ore.", "Greenfield University has moved all of its lectures online for the rest of "
              "the term after an outbreak in two of its halls."),
             ("OAKRIDGE", "Oakridge city council approved a testing site at the old fire station on Sunday, "
              "the first in the eastern district.")]
    parts = [f"<p>{place} \u2014 {text}</p><p>Officials said more details would follow later this week.</p>"
             for place, text in leads]
    teasers = ("<p>HERE'S WHAT YOU NEED TO KNOW:</p><p>\u2014 Hospital wards fill as winter nears</p>"
               "<p>\u2014 Schools weigh a return to remote classes</p>")
    body = "<p>___</p>".join([parts[0], teasers, *parts[1:]])
    head = '<meta property="article:published_time" content="2025-11-24T09:00:00Z">'
    html = page(f"<article><h1>The Latest: Lakeshore to open vaccine centre</h1>{body}</article>", head)
    read = read_html(html)
    assert read.reader == "entries"
    assert len(read.stories) == 4
    assert read.stories[0].title == "The Latest: Lakeshore to open vaccine centre"
    assert all(s.date is not None and s.date.iso() == "2025-11-24" for s in read.stories)
    assert "Northgate Hospital said Monday" in read.stories[1].text
    assert not any("Schools weigh" in s.text for s in read.stories)


def test_an_article_with_a_rule_line_is_no_live_blog() -> None:
    body = f"<article><h1>Research unit opens</h1><p>{PARA[0]}</p><p>___</p><p>{PARA[1]}</p><p>___</p>" \
           f"<p>{PARA[2]}</p></article>"
    read = read_html(page(body))
    assert read.reader == "trafilatura" and len(read.stories) == 1


def test_the_visible_headline_wins_over_a_stale_og_title() -> None:
    head = '<meta property="og:title" content="Northgate Hospital expands its car park">'
    read = read_html(page(f"<article><h1>Research unit opens at Northgate</h1>{BODY}</article>", head))
    assert read.stories[0].title == "Research unit opens at Northgate"
