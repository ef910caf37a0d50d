"""Datelines in their wire shapes and positions (issue 9): after highlights, an embargo line
or subtitles; opening with the wire's name; run into a subtitle; a CJK date and comma."""

from __future__ import annotations

from pathlib import Path

import pytest

from medtui.corpus.clean import clean_lines
from medtui.corpus.datelines import dateline, first_dateline
from medtui.corpus.stories import RawStory, split_stories

LEAD = ("Riverside University and Northgate Hospital signed a memorandum of understanding to train "
        "nurses together, the two institutions said in a joint statement, adding that the first "
        "cohort of students will start their placements at the hospital next autumn.")
MORE = "The partners will review the programme after its first year of teaching."
HIGHLIGHTS = "\n".join([
    "Research Highlights:", "",
    " * Nurses trained at the hospital stayed longer in their first posts.",
    "* The programme cost less than the one it replaced.",
    "* Note: The study featured in this news release is a research abstract.",
])


def stories(raw: str) -> list[RawStory]:
    return split_stories(clean_lines(raw))


def iso(story: RawStory) -> str | None:
    return story.date.iso() if story.date else None


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # A wire dateline after a bullet list of highlights and an embargo line.
        (HIGHLIGHTS + "\n\nEmbargoed until 4 a.m. CT, Monday, Nov. 3, 2025\n\n"
         "PINECREST, TX - November 3, 2025 (NEWMEDIAWIRE) - ", "2025-11-03"),
        # The wire's name first, then the date and the place.
        (HIGHLIGHTS + "\n\n(NewMediaWire) - September 04, 2025 - LAKESHORE \u2014 ", "2025-09-04"),
        # Highlights without a heading, then the dateline.
        ("* Record enrolment\n* Two new clinics\n* A new dean\n\n"
         " HARBOUR CITY - November 6, 2025 (NEWMEDIAWIRE) - ", "2025-11-06"),
        # Four subtitle paragraphs, then a dateline naming its wire.
        ("A first subtitle about the agreement\n\nA second subtitle about the nurses\n\n"
         "A third subtitle about the hospital\n\nA fourth subtitle about the money\n\n"
         "OAKRIDGE, CO, May 18, 2026 \u2013 Example MediaWire (Press Release Service) \u2013 ", "2026-05-18"),
        # A subtitle run into the dateline on one line.
        ("Nurses Learn at the Bedside at Northgate Hospital GREENFIELD, CA - March 29, 2026 "
         "(NEWMEDIAWIRE) - ", "2026-03-29"),
        # A subtitle run into a dateline that opens with the wire's name.
        ("Nurses take a step forward at Northgate Hospital (NewMediaWire) - August 14, 2025 - "
         "Greenfield, CA \u2014 ", "2025-08-14"),
        # A quote or subtitle run into a dateline whose wire is named between slashes.
        ('"Every nurse learns best at the bedside" ~ Dean Ada Brook  PINECREST, NC, November 01, 2024 '
         "/Example-Release/ -- ", "2024-11-01"),
        # A space before the comma of the date.
        ("LAKESHORE, SC, October 03 , 2025 /Example-Release/ -- ", "2025-10-03"),
        # A release date line below a "for immediate release" line.
        ("FOR IMMEDIATE RELEASE\n\nRelease Date: May 30, 2025\n\n", "2025-05-30"),
        # A CJK full date opening the text, with a comma.
        ("2025年3月11日，", "2025-03-11"),
        ("北京，2025年3月11日，", "2025-03-11"),
    ],
)
def test_datelines_in_their_wire_shapes_and_positions(head: str, expected: str) -> None:
    [story] = stories("# Riverside University and Northgate Hospital sign MoU\n\n" + head + LEAD + "\n\n" + MORE)
    assert iso(story) == expected


@pytest.mark.parametrize(
    "head",
    [
        # A date in a bullet is a highlight's date, not the release's.
        "* Effective July 1, 2025 - the new rules apply to every hospital\n\n",
        # Event details above the text are the event's date.
        "* Date: Thursday, July 11, 2024\n* Place: Riverside Hall\n\n",
        # An event's details below the lead and a list heading.
        (LEAD + "\n\n" + MORE + "\n\nOpen Day Details:\n\nDATE: Tuesday, August 13, 2024\n\n"
         "WHEN: Tuesday, August 13, 2024, 2:30 to 3:15 p.m.\n\n"),
        # A plain date deep down, after several subtitles, without its wire's name.
        "One\n\nTwo subtitle\n\nThree subtitle\n\nFour subtitle\n\nLAKESHORE - July 11, 2024 - ",
        # A CJK date inside a sentence ("the company on 11 March 2025 announced").
        "公司于2025年3月11日，",
        # A CJK month without a day, as a sentence's time ("In March 2025, ...").
        "2025年3月，",
    ],
)
def test_dates_that_are_not_datelines(head: str) -> None:
    [story] = stories("# Riverside University and Northgate Hospital sign MoU\n\n" + head + LEAD + "\n\n" + MORE)
    assert story.date is None


def test_a_wire_dateline_after_the_lead_is_text() -> None:
    """A dateline is looked for only before the lead: a later one is a quoted release."""
    paragraphs = ["A subtitle", "Another subtitle", "A third subtitle", LEAD,
                  "HARBOUR CITY - November 6, 2025 (NEWMEDIAWIRE) - " + MORE]
    assert first_dateline(paragraphs) is None
    assert first_dateline(paragraphs[:3] + paragraphs[4:]) is not None


def test_a_wire_name_alone_is_no_dateline() -> None:
    assert dateline("The hospital paid by wire transfer on March 3, 2025 and the university agreed.") is None


@pytest.mark.parametrize(("head", "wire"), [
    ("RIVERSIDE, CA - March 29, 2026 (QUILLWIRE) - Riverside University said", "QUILLWIRE"),
    ("NORTHGATE\u2013(TERN WIRE)\u2013Northgate Hospital and", "TERN WIRE"),
    ("RIVERSIDE, March 3, 2025 /24-7Quillpress/ -- Riverside University", "24-7Quillpress"),
    ("Riverside University (the Wire) said so.", None),  # lower case: words, not a wire
    ("See https://riverside.example/news/ - the page", None),  # a link's path, no wire
    ("Riverside University signed an MoU. " * 30 + "(LATEWIRE)", None),  # past the head
])
def test_the_wire_a_release_head_names(head: str, wire: str | None) -> None:
    from medtui.corpus.datelines import wire_name

    assert wire_name(head) == wire


def test_a_wire_release_without_a_stated_publisher_gets_its_wire(tmp_path: Path) -> None:
    from medtui.pipeline import load_corpus

    (tmp_path / "a.md").write_text("# Riverside signs\n\nRIVERSIDE, March 3, 2025 (QUILLWIRE) - "
                                   "Riverside University signed an MoU with Northgate Hospital.\n")
    (tmp_path / "b.md").write_text("---\npublisher: Riverside News\n---\n# Riverside signs\n\n"
                                   "RIVERSIDE, March 3, 2025 (QUILLWIRE) - Riverside University grew.\n")
    corpus = load_corpus([tmp_path], cache=False, workers=1)
    assert {Path(d.path).name: d.publisher for d in corpus.documents} == {
        "a.md": "QUILLWIRE", "b.md": "Riverside News"}
