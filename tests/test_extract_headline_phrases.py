"""Title Case phrases of a headline are no parties unless the body uses them as names
(session 5, trial of 2,000 random releases). Invented text only."""

from __future__ import annotations

import pytest

from medtui.corpus.model import PartialDate
from medtui.extract.events import find_events
from medtui.extract.gazetteer import Gazetteer
from medtui.extract.headlines import named_in_body
from medtui.extract.mentions import GazetteerMatcher, find_mentions

_EMPTY = GazetteerMatcher(Gazetteer())


@pytest.mark.parametrize(
    ("name", "body", "expected"),
    [
        ("Media Outlets", "Growers are working with media outlets to reach buyers.", False),
        ("One-Year Anniversary", "Quillcase marks its one-year anniversary this week.", False),
        ("Product", "Product news: the product ships in May.", False),
        ("Quillcase", "Quillcase, a storage firm, signed. Quillcase will grow.", True),
        # Written in capitals or as a web address in the body: still a name.
        ("Lantrix", "LANTRIX is a security firm.", True),
        ("Mixly", "Mixly.com, a social platform, grows.", True),
        ("Quillcase", "Quillcase grows; see www.quillcase.com for more.", True),
        ("Tidebot.ai", "Tidebot.ai launches a tool. Visit tidebot.ai today.", True),
        # Words the body writes in lower case only, or never at all (then it may be a name the
        # body does not repeat).
        ("Experiences New Growth", "Acme Corp reports new growth.", False),
        ("Tidal Machines", "The five firms can now bid.", True),
    ],
)
def test_named_in_body(name: str, body: str, expected: bool) -> None:
    assert named_in_body(name, body) is expected


def _party_names(text: str, title: str) -> set[frozenset[str]]:
    mentions = find_mentions(_EMPTY, [text], [title])
    names = {k: e.name for k, e in mentions.entities.items()}
    found = find_events(text, mentions.spans[0], title, mentions.spans[1], PartialDate(2025, 3, 4),
                        {k: e.kind for k, e in mentions.entities.items()})
    return {frozenset(names[p] for p in e.parties) for e in found}


def test_a_headline_phrase_written_in_lower_case_in_the_body_is_no_party() -> None:
    title = "Tarnwell Celebrates One-Year Anniversary and Partners With Safety Loop"
    body = ("Tarnwell, a training provider, marks its one-year anniversary. Tarnwell has partnered "
            "with Safety Loop to expand trainings.")
    assert _party_names(body, title) == {frozenset({"Tarnwell", "Safety Loop"})}


def test_a_headline_only_pair_of_names_the_body_repeats_stays() -> None:
    title = "Quillcase Partners With Brightwater to Expand Storage"
    body = "The two companies will share warehouses. Quillcase and Brightwater expect growth."
    assert frozenset({"Quillcase", "Brightwater"}) in _party_names(body, title)
