"""Splitting a cleaned page into stories, with titles and dates."""

from __future__ import annotations

import pytest

from medtui.corpus.clean import clean_lines
from medtui.corpus.stories import RawStory, shorten, split_stories

BODY = (
    "The Hong Kong Polytechnic University (PolyU) and Peking University Health Science Center signed a "
    "Memorandum of Understanding to explore collaboration in the field of medical technology."
)
MORE = "The collaboration will combine the research capabilities of both universities in the years ahead."


def stories(raw: str, **kw: str) -> list[RawStory]:
    return split_stories(clean_lines(raw, **kw))


def iso(story: RawStory) -> str | None:
    return story.date.iso() if story.date else None


def test_single_article_title_and_date_line() -> None:
    raw = "\n".join([
        "PolyU and Peking University explore collaboration in medical technology",
        "",
        "24 February 2025 | News",
        "",
        BODY,
        "",
        MORE,
    ])
    [story] = stories(raw)
    assert story.title == "PolyU and Peking University explore collaboration in medical technology"
    assert iso(story) == "2025-02-24"
    assert story.text.startswith(BODY) and story.text.endswith(MORE)
    assert "24 February 2025" not in story.text


def test_label_line_and_byline_above_the_headline() -> None:
    raw = "\n".join([
        "Health | Education",
        "",
        "Lakeshore University medical school wins government approval",
        "",
        "By Martin Cheung, Health Correspondent",
        "Tuesday, 4 March 2025, 6:15pm",
        "",
        BODY,
    ])
    [story] = stories(raw)
    assert story.title == "Lakeshore University medical school wins government approval"
    assert iso(story) == "2025-03-04"
    assert story.text == BODY


def test_title_hint_repeated_on_the_page_wins() -> None:
    raw = "\n".join(["Site Name", "Menu", "", "The real headline of the article", "", BODY])
    [story] = stories(raw, title_hint="The real headline of the article | Site Name")
    assert story.title == "The real headline of the article"
    assert story.text == BODY


def test_date_hint_used_only_when_the_text_has_no_date() -> None:
    [story] = stories("A headline\n\n" + BODY, date_hint="2025-03-11T08:00:00Z")
    assert iso(story) == "2025-03-11"
    [story] = stories("A headline\n\n11 March 2024\n\n" + BODY, date_hint="2025-03-11T08:00:00Z")
    assert iso(story) == "2024-03-11"


def test_no_date_means_none() -> None:
    [story] = stories("A headline\n\nToday the universities signed an agreement. " + MORE)
    assert story.date is None


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("(11 March 2025, Hong Kong) ", "2025-03-11"),
        ("ROSWELL, GA, May 08, 2024 /24-7PressRelease/ -- ", "2024-05-08"),
        ("HONG KONG SAR - [Media OutReach Newswire](https://www.media-outreach.com/) - 24 June 2026 - ",
         "2026-06-24"),
        ("MILFORD and BRIGHTON, MI, August 01, 2025 /24-7PressRelease/ -- ", "2025-08-01"),
        ("Scottsdale, AZ (Newsworthy.ai) Monday Nov 27, 2023 @ 10:20 AM Eastern \u2014 ", "2023-11-27"),
        ("Zug, Switzerland \u2013 July 8, 2024. ", "2024-07-08"),
        ("DALLAS, TX -- November 14th, 2024 -- ", "2024-11-14"),
    ],
)
def test_wire_datelines(lead: str, expected: str) -> None:
    raw = "# Clinic and university sign an agreement\n\n" + lead + BODY + " " + MORE
    [story] = stories(raw)
    assert iso(story) == expected
    assert story.title == "Clinic and university sign an agreement"


def test_dateline_after_a_subtitle_paragraph() -> None:
    raw = "# Headline\n\nA subtitle that explains the headline\n\nBEIJING, March 4, 2025 /Wire/ -- " + BODY
    assert iso(stories(raw)[0]) == "2025-03-04"


@pytest.mark.parametrize(
    "lead",
    [
        "On January 29, 2014, the platform announced a new service for its users. ",
        "Kevin Atticks was appointed Secretary of Agriculture in January 2023. ",
        "In December 2023, the country elected a new president after a long campaign. ",
    ],
)
def test_dates_in_a_first_sentence_are_not_datelines(lead: str) -> None:
    raw = "# A headline\n\n" + lead + BODY + " " + MORE
    assert stories(raw)[0].date is None


LISTING_LABELS = "\n".join([
    "Press Releases and Stories",
    "2025",
    "",
    "Press Releases",
    "Lakeshore University Signs Agreement with Kowloon Riverside Hospital",
    "Lakeshore University and Kowloon Riverside Hospital have signed a clinical placement agreement today.",
    "",
    "Press Releases",
    "Lakeshore University Launches Ocean Data Centre",
    "Lakeshore University announced today the launch of its Ocean Data Centre for coastal research.",
    "Press Releases",
    "Lakeshore University Secures Grant for Marine Biology",
    "Lakeshore University received a grant from the Research Grants Council for a marine biology archive.",
])


def test_listing_with_repeated_label_lines_and_year_heading() -> None:
    found = stories(LISTING_LABELS)
    assert [s.title for s in found] == [
        "Lakeshore University Signs Agreement with Kowloon Riverside Hospital",
        "Lakeshore University Launches Ocean Data Centre",
        "Lakeshore University Secures Grant for Marine Biology",
    ]
    assert [iso(s) for s in found] == ["2025", "2025", "2025"]
    assert found[1].text == (
        "Lakeshore University announced today the launch of its Ocean Data Centre for coastal research."
    )


def test_listing_with_dates_above_titles_and_read_more_after_items() -> None:
    raw = "\n".join([
        "Newsroom",
        "",
        "18 Mar 2025",
        "Lakeshore and Kowloon Riverside Hospital agree on clinical placements",
        "Lakeshore University and Kowloon Riverside Hospital signed an agreement on 17 March 2025.",
        "Read more",
        "04 Mar 2025",
        "Government approves Lakeshore University School of Medicine",
        "The Education Bureau approved the university's plan for a school of medicine in the city.",
        "Read more",
        "11 Feb 2025",
        "Library extends opening hours during examinations",
        "The main library will stay open until 2 am from 1 April to 15 May to give students more space.",
        "Read more",
        "1 2 3 Next",
    ])
    found = stories(raw)
    assert [s.title for s in found] == [
        "Lakeshore and Kowloon Riverside Hospital agree on clinical placements",
        "Government approves Lakeshore University School of Medicine",
        "Library extends opening hours during examinations",
    ]
    assert [iso(s) for s in found] == ["2025-03-18", "2025-03-04", "2025-02-11"]
    assert all("Read more" not in s.text and "Newsroom" not in s.text for s in found)


def test_listing_of_teaser_paragraphs_titleless_items_get_a_short_title() -> None:
    first = ("With the support of the government, The Lakeshore University of Marine Science (LUMS) has "
             "commenced preparations to establish a new medical school. Dedicated to training doctors, the "
             "school will open in 2027.")
    second = ("The Lakeshore University of Marine Science (LUMS) today held the Eighth Inauguration Ceremony "
              "of Named Professorships to honour seven outstanding faculty members and their donors.")
    third = ("The establishment of a new medical school at The Lakeshore University of Marine Science (LUMS) "
             "was approved today by the government after a long review by its committees and advisers.")
    raw = "\n".join(["News & Stories", "Our latest stories from the campus.", first, second, third])
    found = stories(raw)
    assert len(found) == 3
    assert found[0].title == ("With the support of the government, The Lakeshore University of Marine Science "
                              "(LUMS) has commenced\u2026")
    assert found[2].text == third
    assert all(s.date is None for s in found)


def test_articles_marked_apart_by_the_page() -> None:
    raw = "\n".join(["First headline", BODY, "\ue000", "Second headline", MORE])
    found = stories(raw)
    assert [s.title for s in found] == ["First headline", "Second headline"]


def test_shorten() -> None:
    assert shorten("Short sentence. Another one.") == "Short sentence"
    long = "word " * 40
    cut = shorten(long.strip() + ".")
    assert cut.endswith("\u2026") and len(cut) <= 101 and not cut[:-1].endswith(" ")


def test_empty_page_has_no_story() -> None:
    assert split_stories(clean_lines("")) == []
    assert split_stories(clean_lines("\n\n  \n")) == []


def test_more_links_are_not_item_text() -> None:
    raw = "\n".join(["First headline", BODY, "Read more \u00bb", "\ue000", "Second headline", MORE, "Continue reading"])
    found = stories(raw)
    assert [s.text for s in found] == [BODY, MORE]


def test_a_title_from_a_first_sentence_is_not_cut_at_an_abbreviation() -> None:
    assert shorten("PORTLAND, Ore. (AP) - Riverside Clinic opened a ward. It has ten beds.") == (
        "PORTLAND, Ore. (AP) - Riverside Clinic opened a ward")
    assert shorten("Acme Inc. signed an agreement with Northgate Hospital. More follows.") == (
        "Acme Inc. signed an agreement with Northgate Hospital")
