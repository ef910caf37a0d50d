"""HTML pages to article lines: site furniture dropped, the article and its lists kept, metadata read."""

from __future__ import annotations

from medtui.corpus.html_fallback import html_to_page

PROSE = (
    "The Hong Kong University of Science and Technology and Zhejiang University signed an "
    "agreement on joint medical research, covering clinical trials, shared laboratories and "
    "exchanges of doctoral students between the two cities over the next five years. "
)

PAGE = f"""<!DOCTYPE html>
<html><head>
<title>HKUST and ZJU sign agreement | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-03-11T09:00:00+08:00">
<link rel="canonical" href="https://news.example.org/2025/03/hkust-zju">
<script>var tracking = "SCRIPT TEXT";</script>
<style>body {{ color: red; }}</style>
</head><body>
<nav><a href="/">Home</a><a href="/world">World</a><a href="/health">Health</a></nav>
<header><div class="logo">EXAMPLE NEWS MASTHEAD</div></header>
<article>
<h1>HKUST and ZJU sign agreement</h1>
<p>{PROSE}</p>
<p>The agreement covers:</p>
<ul><li>joint clinical trials;</li><li>shared laboratories;</li><li>student exchanges.</li></ul>
<p>{PROSE}</p>
<div class="share-buttons">Share on Facebook Share on X</div>
</article>
<aside>Most read: ASIDE STORY</aside>
<footer>FOOTER TEXT Copyright 2025 Example News</footer>
<noscript>NOSCRIPT TEXT</noscript>
</body></html>"""


def test_furniture_dropped_article_kept() -> None:
    page = html_to_page(PAGE)
    for gone in ("SCRIPT TEXT", "color: red", "World", "MASTHEAD", "ASIDE STORY", "FOOTER TEXT",
                 "NOSCRIPT TEXT", "Share on Facebook"):
        assert gone not in page.text
    assert "HKUST and ZJU sign agreement" in page.text
    assert PROSE.strip() in page.text


def test_lists_become_bullet_lines() -> None:
    lines = html_to_page(PAGE).text.split("\n")
    bullets = [ln for ln in lines if ln.startswith("\u2022")]
    assert bullets == ["\u2022 joint clinical trials;", "\u2022 shared laboratories;", "\u2022 student exchanges."]


def test_metadata() -> None:
    page = html_to_page(PAGE)
    assert page.publisher == "Example News"
    assert page.url == "https://news.example.org/2025/03/hkust-zju"
    assert page.title == "HKUST and ZJU sign agreement | Example News"
    assert page.date_hint == "2025-03-11T09:00:00+08:00"


def test_og_title_wins_over_title_tag() -> None:
    html = ('<html><head><title>Site | Long title</title><meta property="og:title" content="Short title">'
            "</head><body><p>Text.</p></body></html>")
    page = html_to_page(html)
    assert page.title == "Short title"
    assert page.publisher is None and page.url is None


def test_main_element_is_the_article_root() -> None:
    html = (f"<html><body><div>OUTSIDE MAIN</div><main><p>{PROSE}</p></main>"
            "<div>ALSO OUTSIDE</div></body></html>")
    text = html_to_page(html).text
    assert "OUTSIDE" not in text and PROSE.strip() in text


def test_link_lists_dropped_whatever_their_class_names() -> None:
    links = "".join(f'<a href="/n/{i}">Other headline number {i}</a><br>' for i in range(6))
    menu = "".join(f'<a href="/m/{i}">Menu {i}</a>' for i in range(8))
    html = (f'<html><body><div class="gh-links">{menu}</div><div class="col-left"><h1>Title</h1>'
            f'<p>{PROSE}</p><p>{PROSE} See <a href="/x">the full text</a>.</p></div>'
            f'<div class="col-right"><h3>Latest News</h3>{links}</div></body></html>')
    text = html_to_page(html).text
    assert "Other headline" not in text and "Latest News" not in text and "Menu 3" not in text
    assert "See the full text." in text  # a link inside prose stays


def test_page_of_linked_headlines_keeps_them() -> None:
    items = "".join(f'<li><a href="/n/{i}">University signs agreement number {i}</a></li>' for i in range(6))
    html = f"<html><body><h1>News</h1><ul>{items}</ul></body></html>"
    text = html_to_page(html).text
    assert "\u2022 University signs agreement number 5" in text


def test_tables_and_boilerplate_classes() -> None:
    html = (f'<html><body><div id="cookie-banner">We use cookies</div><p>{PROSE}</p>'
            "<table><tr><td>Signed</td><td>11 March 2025</td></tr></table>"
            '<div class="breadcrumb">Home &gt; News</div><div id="bottom">Hotline 1234</div></body></html>')
    text = html_to_page(html).text
    assert "cookies" not in text and "Home > News" not in text and "Hotline" not in text
    assert "Signed" in text and "11 March 2025" in text


def test_empty_and_broken_html_do_not_crash() -> None:
    assert html_to_page("").text == ""
    page = html_to_page("<html><body><p>Unclosed <b>bold <i>text")
    assert page.text == "Unclosed bold text"


def test_linked_headlines_mark_listing_items() -> None:
    items = "".join(
        f'<div class="item"><p>2025/03/0{i}</p><h3><a href="/n/{i}">Headline number {i} of the list</a></h3>'
        f"<p>Teaser {i}. {PROSE}</p></div>" for i in range(1, 4)
    )
    text = html_to_page(f"<html><body><h1>News</h1>{items}</body></html>").text
    blocks = text.split("\ue000")
    assert len(blocks) == 4 and "News" in blocks[0]
    assert blocks[1].split()[:2] == ["2025/03/01", "Headline"]  # the date goes with its item


def test_section_headings_of_an_article_do_not_split_it() -> None:
    sections = "".join(f"<h2>Section {i}</h2><p>{PROSE}</p>" for i in range(4))
    text = html_to_page(f"<html><body><h1>Title</h1>{sections}</body></html>").text
    assert "\ue000" not in text
