"""Hard-wrapped paragraphs of plain text and Markdown are joined where the break falls
inside a sentence, and never across list items, headings, tables, fields or headlines
(issue 9, :mod:`medtui.corpus.unwrap`)."""

from __future__ import annotations

from pathlib import Path

from medtui.corpus.clean import clean_lines
from medtui.corpus.reader import InputFile
from medtui.corpus.unwrap import unwrap_lines
from medtui.pipeline import default_matcher, process_document

WRAPPED = """\
Lakeshore University announced on Tuesday that it has signed a memorandum
of understanding with the regional health board to train rural nurses, and
that the first cohort of forty students will begin their placements at
clinics across the northern valley in the spring of next year. The
programme is funded for five years by [the Greenfield Community
Foundation](https://example.org/greenfield) and by the university itself.
"""


def test_wrapped_paragraph_becomes_one_line_and_its_link_is_stripped() -> None:
    lines = [ln for ln in clean_lines(WRAPPED, unwrap=True).lines if ln]
    assert len(lines) == 1
    assert "memorandum of understanding with the regional health board" in lines[0]
    assert "by the Greenfield Community Foundation and by the university itself." in lines[0]
    assert "](" not in lines[0]


def test_without_unwrap_the_lines_stay_apart() -> None:
    assert len([ln for ln in clean_lines(WRAPPED).lines if ln]) == 6


def test_a_sentence_split_over_a_wrap_gives_its_event(tmp_path: Path) -> None:
    text = ("# Riverside and Northgate sign agreement\n\n"
            "SPRINGFIELD, March 3, 2025 -- After two years of talks about a shared research\n"
            "programme, Riverside University and Northgate Hospital signed a memorandum of\n"
            "understanding on Monday to open a joint clinical research unit next year.\n")
    path = tmp_path / "release.md"
    path.write_text(text, encoding="utf-8")
    story = process_document(InputFile(path, "release.md"), default_matcher()).stories[0]
    assert "signed a memorandum of understanding on Monday" in story.text
    assert "mou" in [e.kind for e in story.events]


def test_capital_after_the_first_line_is_a_headline_not_a_wrap() -> None:
    lines = ["Riverside University Opens Research Centre for Rural Health Care",
             "Springfield officials welcomed the new centre on Monday morning.",
             "",
             "Greenfield University and Oakridge Hospital said on Friday that they had",
             "agreed to share a laboratory, and the two partners named the director of",
             "Oakridge Research Institute as its first head for the coming three",
             "years."]
    out = unwrap_lines(lines)
    assert out[:3] == lines[:3]
    assert out[3] == " ".join(lines[3:])


def test_lists_headings_tables_fields_and_short_lines_are_never_joined() -> None:
    lines = ["The partners listed the three programmes that the agreement will fund for",
             "- nurse training at clinics across the valley and in the northern towns of",
             "- a shared laboratory for the analysis of samples from the rural clinics in",
             "## and a heading that starts in lower case after a long list line of text",
             "| Partner | Role in the programme of the agreement signed with the board |",
             "| Riverside University | training of nurses and doctors at the clinics |",
             "Contact: Jordan Vale, media office, Riverside University, Springfield and",
             "Media relations office for",
             "press enquiries",
             "```",
             "code that is wrapped at a column because it is long and has no end and",
             "continues here in lower case",
             "```",
             "Line ending with a hard break in Markdown, two spaces and no punctuation  ",
             "continues in lower case but must stay apart"]
    assert unwrap_lines(lines) == lines


def test_sentence_ends_and_blank_lines_keep_paragraphs_apart() -> None:
    lines = ["Riverside University will open the new centre in the spring of next year.",
             "it said the building would cost twelve million and hold sixty laboratories",
             "",
             "and a new paragraph after a blank line stays a paragraph of its own here."]
    assert unwrap_lines(lines) == lines
