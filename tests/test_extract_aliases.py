"""Bracketed short forms after a name (issue 10, item 7): an alias is kept only when it can
be a name of that institution, never a date, a grant number, a person or a place alone.
Invented names throughout."""

from __future__ import annotations

import pytest

from medtui.extract.aliases import alias_fits
from medtui.extract.gazetteer import Gazetteer
from medtui.extract.mentions import GazetteerMatcher, find_mentions

_EMPTY = GazetteerMatcher(Gazetteer())


def names_of(text: str) -> dict[str, set[str]]:
    """Each found institution's name -> all the names the document gives it."""
    mentions = find_mentions(_EMPTY, [text], [""])
    return {e.name: set(e.names) for e in mentions.entities.values()}


@pytest.mark.parametrize(("short", "full"), [
    ("RHA", "Riverside Heart Association"),
    ("the Company", "Northgate Robotics Inc."),
    ("Northgate", "Northgate Health System"),
    ("Quillon Health", "Quillon Health Network"),
    ("NR3", "Northgate Robotics"),              # an acronym with a digit
    ("Zorb Works", "ZorbWorks LLC"),           # the name with its words apart
    ("RVR UTD", "Riverview United FC"),         # capital abbreviations
    ("Careers in Lakeshore Arts", "CLA"),       # the long form in the brackets
])
def test_names_are_aliases(short: str, full: str) -> None:
    assert alias_fits(short, full)


@pytest.mark.parametrize(("short", "full"), [
    ("March 2021", "Riverside Heart Association"),  # a date
    ("Jan. 2022", "Riverside Heart Association"),
    ("May 28", "Riverside Heart Association"),
    ("Tuesday", "Riverside Heart Association"),
    ("Alan Tanwick", "Zorblax"),                   # a person
    ("Nadia Korrel and Tim B", "Quillon Music Group"),
    ("R35 QM121212", "National Riverside Institutes"),  # grant numbers and codes
    ("Grant No. 2024Q1515", "Riverside Science Foundation"),
    ("Booth 4242", "Zorb Compressor"),
    ("France", "Northgate Labs"),                  # a place alone
    ("Lake County", "Lakeshore High School"),
    ("formerly Quillon Solar", "Northgate Energy"),  # a phrase
    ("CEO", "Northgate Robotics"),                  # a role
])
def test_non_names_are_no_aliases(short: str, full: str) -> None:
    assert not alias_fits(short, full)


def test_document_keeps_acronym_drops_date() -> None:
    text = ("The Riverside Heart Association (RHA) published new guidance. A statement by the "
            "Northgate Heart Society (March 2021) and Zorblax Labs (Alan Tanwick) followed; "
            "the RHA welcomed it.")
    found = names_of(text)
    assert "RHA" in found["Riverside Heart Association"]
    assert all("March 2021" not in names for names in found.values())
    assert all("Alan Tanwick" not in names for names in found.values())
