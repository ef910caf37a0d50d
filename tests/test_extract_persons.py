"""People are no institutions (session 5, trial of 2,000 random releases): quote speakers,
founders, artists and consultants were the commonest wrong party. Invented text only."""

from __future__ import annotations

import pytest

from medtui.corpus.model import PartialDate
from medtui.extract.events import find_events
from medtui.extract.gazetteer import Gazetteer
from medtui.extract.mentions import GazetteerMatcher, find_mentions
from medtui.extract.persons import is_person, people, title_alone

_EMPTY = GazetteerMatcher(Gazetteer())


def _names_and_events(text: str, title: str = "") -> tuple[set[str], set[frozenset[str]]]:
    mentions = find_mentions(_EMPTY, [text], [title])
    names = {k: e.name for k, e in mentions.entities.items()}
    found = find_events(text, mentions.spans[0], title, mentions.spans[1], PartialDate(2025, 3, 4),
                        {k: e.kind for k, e in mentions.entities.items()})
    return set(names.values()), {frozenset(names[p] for p in e.parties) for e in found}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"It works," said Tomas Verdan, principal of Quellway.', {"Tomas Verdan"}),
        ('"It works," says Verdan.', {"Verdan"}),
        ("The menu was designed by Dr. Ilse Marrow and Ms Okafor.", {"Ilse Marrow", "Okafor"}),
        ("Co-founder Rosa Delacourt opened the store.", {"Rosa Delacourt"}),
        ("Rosa Delacourt, the firm's CEO, opened the store.", {"Rosa Delacourt"}),
        ("Yesterday Piet Anholt himself came.", {"Piet Anholt"}),
        # A role inside what follows "said" is no part of a name.
        ('"Fine," said Ardelion Co-Founder and CEO Mina Sol.', {"Mina Sol"}),
        # Companies in the same places are no people.
        ("Brightmoor Labs said it will grow. Lindqvist Ventures, the lead investor, agreed.", set()),
        ("Dinner at Chef Corner Bar & Grill, the venue.", set()),
        ("Tidewell Foods, Chef Anna Brook said, will open.", {"Anna Brook"}),
        # A lower-case role with a comma before the name; not an attribution's "President, X".
        ("The acclaimed dance artist, Mira Castell, released an album.", {"Mira Castell"}),
        ("It launched with local marketing expert Owen Talley today.", {"Owen Talley"}),
        ('"Great," said Ann Rowe, President, Harbor Gear. It grew.', {"Ann Rowe"}),
        # "expert", "designer" after a name describe firms too: only before a name a person's.
        ("Northgate Global, the leading expert on hiring abroad, grew.", set()),
        ("Lakeshore Couture, a leading designer of gowns, grew.", set()),
    ],
)
def test_people_a_story_names(text: str, expected: set[str]) -> None:
    assert people(text) == expected


def test_a_name_is_a_person_by_its_words_of_a_person_found() -> None:
    found = {"Tomas Verdan", "Okafor", "Ilse Marrow"}
    assert is_person("Verdan", found) and is_person("Tomas", found)
    assert is_person("Chef Marrow", found)
    assert is_person("Ilse Marrow of Harbour Advisory", found)
    assert is_person("Lena Okafor", found)  # "said Okafor" elsewhere
    assert not is_person("Quellway", found)
    assert not is_person("Okafor Logistics Group", found)
    assert not is_person("Verdan", set())


def test_titles_and_post_nominals_alone_name_no_one() -> None:
    assert title_alone("Rector") and title_alone("FACP") and title_alone("M.D") and title_alone("Sr")
    assert not title_alone("Quellway") and not title_alone("Rector Holdings")


def test_a_quoted_partner_person_is_no_party() -> None:
    text = ('Quellway Insurance today joined forces with Brookline Mutual. "We are excited to partner '
            'with Tomas Verdan and his team," said Mara Lind, co-founder of Quellway Insurance. '
            '"Quellway is a great fit," said Verdan, principal of Brookline Mutual.')
    names, events = _names_and_events(text)
    assert "Tomas Verdan" not in names and "Verdan" not in names
    assert frozenset({"Quellway Insurance", "Brookline Mutual"}) in events
    assert not any("Tomas Verdan" in e for e in events)


def test_a_consultant_named_as_collaborator_is_no_party() -> None:
    text = ("The plant was developed in close collaboration with Henrik Sollund, the Company's principal "
            "consultant. Mr. Sollund holds a degree in chemistry.")
    names, events = _names_and_events(text)
    assert "Henrik Sollund" not in names
    assert events == set()


def test_a_company_that_speaks_stays_an_institution() -> None:
    text = ("Tarnwick partnered with Ostrava Freight to ship parts. Tarnwick said the deal was "
            "its largest. Ostrava Freight, the carrier, agreed.")
    names, events = _names_and_events(text)
    assert {"Tarnwick", "Ostrava Freight"} <= names
    assert frozenset({"Tarnwick", "Ostrava Freight"}) in events


def test_an_expert_partnered_with_is_no_party() -> None:
    text = ("Tidewell Cleaning Ltd launched its website in collaboration with local marketing expert "
            "Owen Talley. Tidewell Cleaning Ltd partners with Owen Talley to grow.")
    _, found = _names_and_events(text, "Tidewell Cleaning Partners with Owen Talley")
    assert not any("Owen Talley" in pair for pair in found)
