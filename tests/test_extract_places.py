"""Places alone are no parties (session 5, trial of 2,000 random releases): a state after a
city, a place after "based in". Invented text only."""

from __future__ import annotations

from medtui.corpus.model import PartialDate
from medtui.extract.events import find_events
from medtui.extract.gazetteer import Gazetteer
from medtui.extract.mentions import GazetteerMatcher, find_mentions

_EMPTY = GazetteerMatcher(Gazetteer())


def _names_and_parties(text: str) -> tuple[set[str], set[frozenset[str]]]:
    mentions = find_mentions(_EMPTY, [text], [""])
    names = {k: e.name for k, e in mentions.entities.items()}
    found = find_events(text, mentions.spans[0], "", mentions.spans[1], PartialDate(2025, 3, 4),
                        {k: e.kind for k, e in mentions.entities.items()})
    return set(names.values()), {frozenset(names[p] for p in e.parties) for e in found}


def test_a_state_after_a_city_is_no_partner() -> None:
    text = ("Quillmark, a staffing company, announces its partnership with Hillcrest Health, a community "
            "health center in Millbrook, Maine.")
    names, parties = _names_and_parties(text)
    assert "Maine" not in names
    assert parties == {frozenset({"Quillmark", "Hillcrest Health"})}


def test_a_place_after_based_out_of_is_no_subject() -> None:
    text = ("Bengrove Technologies, based out of Palm Harbor, USA, has forged a strategic alliance with "
            "Harrowgate Capital.")
    names, parties = _names_and_parties(text)
    assert "Palm Harbor" not in names
    assert all("Palm Harbor" not in p for p in parties)


def test_a_name_ending_in_a_state_stays_whole() -> None:
    names, _ = _names_and_parties("Larchmont Builders Group Idaho (LBG Idaho) joins the show.")
    assert "Larchmont Builders Group Idaho" in names
