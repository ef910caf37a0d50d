"""Owners named in an appositive are no parties of the act (session 5, trial of 2,000 random
releases: divisions, affiliates, joint ventures, national laboratories). Invented text only."""

from __future__ import annotations

from medtui.corpus.model import PartialDate
from medtui.extract.bystanders import in_slot, owner_slots
from medtui.extract.events import find_events
from medtui.extract.gazetteer import Gazetteer
from medtui.extract.mentions import GazetteerMatcher, find_mentions

_EMPTY = GazetteerMatcher(Gazetteer())


def parties(text: str) -> set[frozenset[str]]:
    """The party names of each event of a one-story document."""
    mentions = find_mentions(_EMPTY, [text], [""])
    names = {k: e.name for k, e in mentions.entities.items()}
    found = find_events(text, mentions.spans[0], "", mentions.spans[1], PartialDate(2025, 3, 4),
                        {k: e.kind for k, e in mentions.entities.items()})
    return {frozenset(names[p] for p in e.parties) for e in found}


def test_a_division_of_an_owner_partners_alone() -> None:
    text = ("Tallis Games Ltd, the gaming division of Harbor Holdings Inc. (ticker: HRBH), has announced "
            "a strategic partnership with Quarrel Studios.")
    assert parties(text) == {frozenset({"Tallis Games Ltd", "Quarrel Studios"})}


def test_the_owners_of_a_joint_venture_are_no_parties() -> None:
    text = ("Kestrel Cover Inc., a joint venture between Alder Group, LLC (\u201cAlder\u201d) and Birchway "
            "Group, LLC (\u201cBirchway\u201d), announced today that it has entered into a partnership "
            "with Marlin Insurance Brokerage.")
    assert parties(text) == {frozenset({"Kestrel Cover Inc", "Marlin Insurance Brokerage"})}


def test_an_affiliate_after_a_long_description() -> None:
    text = ("Fernhill Wealth Partners, a leading registered investment advisory firm and an "
            "affiliate of Alder Group, LLC, announced today that it has partnered with Oakridge "
            "Planning, LLC, a financial planning firm.")
    assert parties(text) == {frozenset({"Fernhill Wealth Partners", "Oakridge Planning, LLC"})}


def test_a_laboratory_named_by_its_agency_before_the_noun() -> None:
    text = ("The program was developed in collaboration between Quarry Ventures and NWRL, a Department "
            "of Tides national laboratory, and has selected five startups.")
    assert parties(text) == {frozenset({"Quarry Ventures", "NWRL"})}


def test_an_owner_before_subsidiary_is_no_party() -> None:
    text = "Ostrel Energy entered into a collaboration with Tamsin Group subsidiary Veltra to test cells."
    assert parties(text) == {frozenset({"Ostrel Energy", "Veltra"})}


def test_an_owner_that_is_also_a_partner_stays() -> None:
    text = ("Solwick Supply collaborated with Walder Group, a solar firm, and Zenor Tech, a division of "
            "Walder Group responsible for the shelters.")
    assert parties(text) == {frozenset({"Solwick Supply", "Walder Group"}), frozenset({"Solwick Supply", "Zenor Tech"})}


def test_slots_cover_only_the_owner() -> None:
    text = "Alpha Unit, part of the Beta Agency, to support Gamma."
    slots = owner_slots(text, 0, len(text))
    beta = text.index("Beta Agency")
    assert in_slot(slots, beta, beta + len("Beta Agency"))
    assert not in_slot(slots, 0, len("Alpha Unit"))
    assert not in_slot(slots, text.index("Gamma"), len(text) - 1)


def test_a_subject_partnering_with_a_list_pairs_with_each() -> None:
    text = "Brightmoor Labs Inc. has partnered with Quillon Group, Tarn Holdings and Veltra Foundation."
    assert parties(text) == {frozenset({"Brightmoor Labs Inc", p})
                             for p in ("Quillon Group", "Tarn Holdings", "Veltra Foundation")}


def test_two_subjects_with_one_partner_stay_one_event() -> None:
    text = "Quillon Group and Tarn Holdings signed an agreement with Veltra Foundation."
    assert parties(text) == {frozenset({"Quillon Group", "Tarn Holdings", "Veltra Foundation"})}


def test_a_partnership_between_a_list_is_not_paired_with_its_announcer() -> None:
    text = ("Harbor Holdings Inc. announced a partnership between Quillon Group, Tarn Holdings and "
            "Veltra Foundation.")
    assert all(len(p) > 2 or "Harbor Holdings Inc" not in p for p in parties(text))


def test_its_subsidiary_signs_without_its_owner() -> None:
    text = ("Harbor Holdings Inc., a maker of marine parts, announced that its wholly owned subsidiary, "
            "Tallis Games Ltd, has signed a licensing agreement with Quarrel Studios.")
    assert parties(text) == {frozenset({"Tallis Games Ltd", "Quarrel Studios"})}


def test_an_owner_and_its_division_partner_as_the_division() -> None:
    text = ("Harbor Holdings and its division, Tallis Games Ltd, have announced a new partnership "
            "with Riverside University.")
    assert parties(text) == {frozenset({"Tallis Games Ltd", "Riverside University"})}


def test_a_partners_subsidiary_after_the_act_stays() -> None:
    text = ("Riverside University signed an agreement with Northgate Hospital and its subsidiary "
            "Northgate Labs Inc. on testing.")
    assert {"Riverside University", "Northgate Hospital"} <= set().union(*parties(text))


def test_a_sentence_opening_as_a_division_of_an_owner() -> None:
    text = ("As a division of Harbor Holdings Inc. (ticker: HRBH), a leader in marine parts, Tallis "
            "Games Ltd partnered with Quarrel Studios.")
    assert parties(text) == {frozenset({"Tallis Games Ltd", "Quarrel Studios"})}


def test_a_headlines_owner_before_its_ticker_and_subsidiary() -> None:
    slots = owner_slots("Harbor Holdings (OTC: HRBH) Subsidiary Tallis Signs Deal With Quarrel", 0, 70)
    assert (15, 15) in slots


def test_a_description_written_as_a_name_is_no_party() -> None:
    text = ("Tallis Metals LLC signed an agreement with Harbor Regional Corporation, Inc., a Lakeland "
            "Native Corporation that owns the land.")
    assert parties(text) == {frozenset({"Tallis Metals LLC", "Harbor Regional Corporation"})}
    text = ("Quarrel Studios Ltd, your premier full-service Design Agency, announced a partnership "
            "with Riverside University.")
    assert parties(text) == {frozenset({"Quarrel Studios Ltd", "Riverside University"})}


def test_a_list_of_parties_is_no_description() -> None:
    text = "Quarrel Studios signed an agreement with Riverside University, Northgate Hospital and Tallis Games Ltd."
    assert len(set().union(*parties(text))) == 4


def test_a_headline_naming_owner_and_unit_is_the_units_act() -> None:
    text = ("Harbor Holdings and its division, Tallis Games Ltd, have announced a new partnership "
            "with Riverside University.")
    title = "Harbor Holdings and Tallis Games Ltd Partner With Riverside University"
    mentions = find_mentions(_EMPTY, [text], [title])
    found = find_events(text, mentions.spans[0], title, mentions.spans[1], PartialDate(2025, 3, 4),
                        {k: e.kind for k, e in mentions.entities.items()})
    assert len(found) == 1 and len(found[0].parties) == 2
