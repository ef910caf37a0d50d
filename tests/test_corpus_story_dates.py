"""Story dates the document itself states: labelled dates, numeric dates in the document's order."""

from __future__ import annotations

from medtui.corpus.clean import clean_lines
from medtui.corpus.stories import RawStory, split_stories

AGREEMENT = "Riverside University signed an agreement with Northgate Hospital."
CLINIC = "Coastal University opened a teaching clinic in Pinecrest for the families of the district."


def stories(raw: str) -> list[RawStory]:
    return split_stories(clean_lines(raw))


def iso(story: RawStory) -> str | None:
    return story.date.iso() if story.date else None


def test_a_listing_proves_the_order_of_its_numeric_dates() -> None:
    raw = "\n".join(["# Teaching clinic opens", "15/4/2025", "", CLINIC, "",
                     "# Agreement signed", "2/5/2025", "", AGREEMENT])
    first, second = stories(raw)
    assert (first.title, iso(first)) == ("Teaching clinic opens", "2025-04-15")
    assert (second.title, iso(second)) == ("Agreement signed", "2025-05-02")


def test_month_first_documents_are_read_month_first() -> None:
    raw = "\n".join(["# Teaching clinic opens", "4/15/2025", "", CLINIC, "",
                     "# Agreement signed", "5/2/2025", "", AGREEMENT])
    assert [iso(s) for s in stories(raw)] == ["2025-04-15", "2025-05-02"]


def test_a_lone_ambiguous_numeric_date_gives_its_year() -> None:
    [story] = stories("\n".join(["Agreement signed", "03/04/2025", "", AGREEMENT]))
    assert iso(story) == "2025"
    assert "03/04/2025" not in story.text


def test_received_and_accepted_dates_lose_to_the_published_date() -> None:
    raw = "\n".join(["Agreement signed", "",
                     "Received: 16 December 2024 | Accepted: 20 December 2024 | Published: 2 January 2025",
                     "", AGREEMENT])
    [story] = stories(raw)
    assert iso(story) == "2025-01-02"
    assert story.text == AGREEMENT


def test_an_updated_date_loses_to_the_published_date() -> None:
    raw = "\n".join(["Agreement signed", "", "Updated: 14 March 2025, 9:05 am \u00b7 Published: 3 March 2025",
                     "", AGREEMENT])
    [story] = stories(raw)
    assert iso(story) == "2025-03-03"


def test_an_updated_date_alone_is_neither_the_date_nor_text() -> None:
    [story] = stories("\n".join(["Agreement signed", "", "Last updated: 14 March 2025", "", AGREEMENT]))
    assert story.date is None
    assert story.text == AGREEMENT


def test_press_release_datelines() -> None:
    lead = ("ROSWELL, GA, May 08, 2024 /24-7PressRelease/ -- " + AGREEMENT)
    [story] = stories("\n".join(["# Agreement signed", "", lead]))
    assert iso(story) == "2024-05-08"
    lead = ("HONG KONG SAR - [Media OutReach Newswire](https://www.example.com/) - 24 June 2026 - " + AGREEMENT)
    [story] = stories("\n".join(["# Agreement signed", "", lead]))
    assert iso(story) == "2026-06-24"


def test_an_issuers_about_block_is_no_story_of_its_own() -> None:
    raw = "\n".join([
        "# Riverside University opens a research park",
        "",
        "RIVERSIDE - Example Newswire - 16 March 2026 - Riverside University (RU) today opened a research "
        "park with Northgate Hospital and three partners from the region.",
        "",
        "About Riverside UniversityRiverside University (RU) is a public university known for its research "
        "and teaching in medicine, engineering and the arts.",
    ])
    [story] = stories(raw)
    assert story.title == "Riverside University opens a research park"
    assert iso(story) == "2026-03-16"
