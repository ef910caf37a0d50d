"""The line cleaner: menus, footers and syndication text out; the article, its lists and metadata kept."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from helpers.fuzz import FUZZ
from medtui.corpus.clean import clean_lines, is_sentence

LEAD = (
    "The Hong Kong Polytechnic University and Peking University Health Science Center signed a "
    "Memorandum of Understanding to explore collaboration in medical technology."
)
SECOND = "The two universities will exchange faculty members and students from the autumn term onwards."


def text_of(raw: str, **kw: str) -> str:
    return "\n".join(clean_lines(raw, **kw).lines)


def test_menu_dropped_article_bullets_kept() -> None:
    raw = "\n".join([
        LEAD,
        "",
        "The agreement covers:",
        "\u2022 joint research in medical imaging;",
        "\u2022 faculty exchanges;",
        "\u2022 student placements;",
        "\u2022 shared laboratory equipment.",
        "",
        SECOND,
        "",
        "  \u2022 Home",
        "  \u2022 About Us",
        "    \u2022 Message from the Director",
        "    \u2022 History",
        "  \u2022 Clinical Services",
        "  \u2022 Contact Us",
    ])
    lines = clean_lines(raw).lines
    assert "\u2022 joint research in medical imaging;" in lines
    assert "\u2022 shared laboratory equipment." in lines
    assert SECOND in lines
    assert not any("About Us" in ln or "Message from the Director" in ln for ln in lines)


def test_run_of_short_unpunctuated_lines_is_furniture() -> None:
    raw = "\n".join(["Home", "World", "Hong Kong", "Business", "Health", "Opinion", "Search", "", LEAD, SECOND])
    assert clean_lines(raw).lines == [LEAD, SECOND]


def test_source_url_and_published_on() -> None:
    raw = "\n".join([
        "Example Hospital",
        "Published on Example Hospital (https://www.example-hospital.org)",
        "",
        LEAD,
        "",
        "Source URL: https://www.example-hospital.org/en/news/mou-2025",
    ])
    doc = clean_lines(raw)
    assert doc.publisher == "Example Hospital"
    assert doc.url == "https://www.example-hospital.org/en/news/mou-2025"
    assert doc.lines == [LEAD]


def test_drupal_footnote_links_dropped() -> None:
    raw = "\n".join([LEAD, SECOND, "", "Links", "[1] https://www.example.org/a", "[2] https://www.example.org/b"])
    assert clean_lines(raw).lines == [LEAD, SECOND]
    raw = "\n".join([LEAD, "Please click here [1] for more information.", "[1] https://www.example.org/a", SECOND])
    assert "https://www.example.org/a" not in text_of(raw)


def test_syndication_disclaimer_cuts_the_rest() -> None:
    raw = "\n".join([
        LEAD, SECOND, "",
        "/Public Release. This material from the originating organization/author(s) might be of the point-in-time "
        "nature, and edited for clarity, style and length. View in full here.",
        "Mirage News does not take institutional positions or sides.",
    ])
    assert clean_lines(raw).lines == [LEAD, SECOND]


def test_markdown_links_images_emphasis_and_headings() -> None:
    raw = "\n".join([
        "# PolyU and **PKU** sign an MoU",
        "",
        "![logo](https://cdn.example.org/logo.png) " + LEAD.replace("Peking University", "[Peking University](https://pku.example)"),
        "",
        "* first point of the plan;",
        "* second point of the plan.",
    ])
    doc = clean_lines(raw)
    assert doc.title_hint == "PolyU and PKU sign an MoU"
    assert doc.lines[0] == "PolyU and PKU sign an MoU"
    assert 0 in doc.headings
    assert LEAD in doc.lines
    assert "\u2022 first point of the plan;" in doc.lines
    assert "](" not in "\n".join(doc.lines) and "logo" not in "\n".join(doc.lines)


def test_press_release_footer() -> None:
    raw = "\n".join([
        "# Clinic and college sign agreement",
        "",
        "ROSWELL, GA, May 08, 2024 /24-7PressRelease/ -- " + LEAD,
        "",
        SECOND,
        "",
        "[Original Press Release](https://www.24-7pressrelease.com/press-release/123/clinic-and-college)",
        "",
        "Pickup - Reddit Post - Newsramp",
        "",
        "![Blockchain Registration, Verification & Enhancement provided by NewsRamp\u2122](https://cdn.example/x.png)",
    ])
    doc = clean_lines(raw)
    assert doc.url == "https://www.24-7pressrelease.com/press-release/123/clinic-and-college"
    body = "\n".join(doc.lines)
    for gone in ("Original Press Release", "Pickup", "Newsramp", "Blockchain"):
        assert gone not in body
    assert doc.lines[-1] == SECOND


def test_source_press_release_link_gives_url() -> None:
    raw = "\n".join([LEAD, "", "[Source Press Release](https://wire.example.com/news/42)"])
    doc = clean_lines(raw)
    assert doc.url == "https://wire.example.com/news/42"
    assert doc.lines == [LEAD]


def test_breadcrumb_gives_title_hint_and_goes() -> None:
    raw = "Home > News > PolyU and PKU sign a Memorandum of Understanding\n\n" + LEAD
    doc = clean_lines(raw)
    assert doc.title_hint == "PolyU and PKU sign a Memorandum of Understanding"
    assert doc.lines == [LEAD]


def test_copyright_and_contact_lines_after_the_article() -> None:
    raw = "\n".join([
        LEAD, SECOND, "",
        "Kowloon Riverside Hospital, 88 Riverside Road, Kowloon",
        "Hotline: 2345 6789 | Email: info@krh.example.org",
        "Copyright \u00a9 2025 Kowloon Riverside Hospital. All rights reserved.",
        "Privacy Policy | Terms of Use",
    ])
    assert clean_lines(raw).lines == [LEAD, SECOND]


def test_copyright_line_at_the_top_does_not_cut_the_article() -> None:
    raw = "\n".join(["\u00a9 Example Times", "", LEAD, SECOND])
    assert LEAD in clean_lines(raw).lines


def test_metadata_passed_in_is_kept() -> None:
    doc = clean_lines(LEAD, title_hint="T", publisher="P", url="https://u.example", date_hint="2025-03-11")
    assert (doc.title_hint, doc.publisher, doc.url, doc.date_hint) == ("T", "P", "https://u.example", "2025-03-11")


def test_blank_lines_collapsed_and_trimmed() -> None:
    assert clean_lines("\n\n\n" + LEAD + "\n\n\n\n" + SECOND + "\n\n").lines == [LEAD, "", SECOND]


def test_dated_end_mark_ends_the_article_and_dates_it() -> None:
    raw = "\n".join([LEAD, SECOND, "", "Ends/Tuesday, March 4, 2025", "Issued at HKT 15:30", "", "NNNN"])
    doc = clean_lines(raw)
    assert doc.lines == [LEAD, SECOND]
    assert doc.date_hint == "Tuesday, March 4, 2025"
    assert clean_lines(raw, date_hint="2025-03-05").date_hint == "2025-03-05"  # the page's own metadata wins


_SENTENCE_END = re.compile(r"[.!?:;\u3002\uff01\uff1f\"\u201d\u2019']\s*$")
"""How a sentence's end was found before (a regex search), the reference for is_sentence."""


@FUZZ
@given(st.lists(st.sampled_from(["a", ".", "!", ":", "\u3002", "\u201d", "'", '"', " ", "\t", "\u00a0", "\u3000",
                                 "\n", "\x1c", "\u2028", "-", ")"]), max_size=12).map("".join))
def test_a_sentence_ends_where_the_search_found_its_end(line: str) -> None:
    """Every kind of space Python's ``\\s`` matches (no-break, ideographic, separators)
    is stepped over as ``str.rstrip`` steps over it, and a line end too."""
    assert is_sentence(line) == bool(_SENTENCE_END.search(line))


def test_a_site_name_that_is_an_address_becomes_the_host() -> None:
    from medtui.corpus.clean import publisher_name

    assert publisher_name("https://www.riverside-news.example/") == "riverside-news.example"
    assert publisher_name("www.harbour.example") == "harbour.example"
    assert publisher_name("Riverside News") == "Riverside News"
    assert publisher_name("Acme Inc.") == "Acme Inc."
    assert publisher_name(None) is None
