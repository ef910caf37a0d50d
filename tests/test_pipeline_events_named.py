"""A story that names no institution reports no event (issue 9, HTML CPU): the pipeline
does not read such a story's sentences for acts (half of the news pages' stories name
none). What makes that safe is an invariant of :func:`medtui.extract.events.find_events`:
every party of an event is an institution the story or its headline names. These tests
hold it, for acts of every kind written with descriptions only ("the university", "we",
"the two institutions"), so that a change that lets an event arise without a named
institution fails here before the pipeline's shortcut hides it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.fuzz import FUZZ
from medtui.corpus.model import PartialDate
from medtui.corpus.reader import InputFile
from medtui.extract.events import find_events
from medtui.pipeline import default_matcher, process_document

SENTENCES = [
    "The university signed a memorandum of understanding with the hospital on Monday.",
    "The two institutions agreed to a five-year research partnership.",
    "We partnered with the college to open a clinic, and the company signed a supply agreement.",
    "The grants were awarded to the institute, the foundation and the ministry.",
    "The hospital launched a joint training programme together with the university.",
    "Both parties signed an MoU; the agency and the bank will collaborate on data sharing.",
    "* The university and the hospital",
    "Agreements were signed:",
    "The company hosted the delegation from the university at a signing ceremony.",
    "The company picks the university, the hospital and more as partners.",
]
TITLES = ["", "University and hospital sign MoU", "Company Picks Three Partners", "We partner with the college"]
KINDS = [None, {}, {"d:riverside university": "university", "d:northgate hospital": "hospital"}]


@pytest.mark.parametrize("kinds", KINDS)
@pytest.mark.parametrize("title", TITLES)
def test_events_need_named_institutions(title: str, kinds: dict[str, str] | None) -> None:
    text = "\n\n".join(SENTENCES)
    assert find_events(text, [], title, [], PartialDate(2025, 3, 4), kinds) == []


@FUZZ
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6), st.sampled_from(TITLES))
def test_no_sentences_of_acts_make_an_event_without_an_institution(parts: list[str], title: str) -> None:
    assert find_events(" ".join(parts), [], title, [], None, KINDS[2]) == []


def test_the_same_acts_with_named_institutions_are_events(tmp_path: Path) -> None:
    """The shortcut keeps the events of a story that names its institutions."""
    named = tmp_path / "named.txt"
    named.write_text("Riverside University and Northgate Hospital sign MoU\n\n"
                     "Riverside University signed a memorandum of understanding with Northgate Hospital on "
                     "4 March 2025 to train nurses together.\n", encoding="utf-8")
    unnamed = tmp_path / "unnamed.txt"
    unnamed.write_text("University and hospital sign MoU\n\n" + " ".join(SENTENCES[:3]) + "\n", encoding="utf-8")
    matcher = default_matcher()
    found = process_document(InputFile(named, named.name), matcher)
    assert [e.kind for s in found.stories for e in s.events] == ["mou"]
    none = process_document(InputFile(unnamed, unnamed.name), matcher)
    assert none.stories and all(not s.entity_keys and not s.events for s in none.stories)
