"""What is no partnership event or no institution (issue 10, by kind, on invented text):
one-party acts whose partner is named but not found, product launches, approvals with no
partner, codes and decades taken for names; and Chinese names found by their endings."""

from __future__ import annotations

import pytest

from medtui.corpus.model import PartialDate
from medtui.extract.acts import act_names
from medtui.extract.cjk import cjk_names
from medtui.extract.events import find_events
from medtui.extract.gazetteer import Gazetteer
from medtui.extract.mentions import GazetteerMatcher, find_mentions

_EMPTY = GazetteerMatcher(Gazetteer())


def events(text: str, title: str = "") -> list[tuple[str, set[str]]]:
    """(kind, party names) of a one-story document, entity kinds given as the pipeline does."""
    mentions = find_mentions(_EMPTY, [text], [title])
    kinds = {k: e.kind for k, e in mentions.entities.items()}
    found = find_events(text, mentions.spans[0], title, mentions.spans[1], PartialDate(2025, 3, 4), kinds)
    names = {k: e.name for k, e in mentions.entities.items()}
    return [(e.kind, {names[p] for p in e.parties}) for e in found]


@pytest.mark.parametrize("text", [
    # The partner is named, but by no institution's name (a person): no one-party event.
    "Lakeshore University signed a memorandum of understanding with Dr. Alan Tan.",
    "Northgate Robotics Inc. partnered with Mr. Lee Wong to bring its arms to clinics.",
    # "partners with" as a noun phrase, an approval of a product, a launch of a product.
    "Northgate Robotics Inc. serves customers and partners with agile, secure solutions.",
    "The Board of Northgate Robotics Inc. approved a capital raise of $5 million.",
    "Northgate Robotics Inc. launched its new Pebble smartwatch in March.",
    # A company-less name: "Zorblax launched ..." is a product or a brand, not a partnership.
    "Zorblax launched a new trading challenge for its users.",
])
def test_no_one_party_noise(text: str) -> None:
    assert events(text) == []


def test_partner_without_head_word_is_a_party() -> None:
    text = "Lakeshore University signed a memorandum of understanding with Quillfeather."
    assert events(text) == [("mou", {"Lakeshore University", "Quillfeather"})]


@pytest.mark.parametrize(("text", "kind", "party"), [
    ("Northgate Robotics Inc. signed a supply agreement with a leading hospital group.", "agreement",
     "Northgate Robotics Inc"),
    ("Lakeshore University launched a new scholarship programme for nursing students.", "launch",
     "Lakeshore University"),
])
def test_one_party_kept_when_the_partner_is_unnamed(text: str, kind: str, party: str) -> None:
    assert events(text) == [(kind, {party})]


def test_two_party_launch_of_a_programme() -> None:
    text = "Riverside University and Northgate Hospital launched a joint training programme."
    assert events(text) == [("launch", {"Riverside University", "Northgate Hospital"})]


def test_product_launch_by_two_companies_is_no_event() -> None:
    text = "Riverside Labs Inc. and Northgate Devices Ltd. launched a new phone case."
    assert events(text) == []


@pytest.mark.parametrize("text", [
    "In the early 2000s, Wall and Gould partnered to develop a recovery drink.",
    "GEO-CM04S1 demonstrates robust immunogenicity against COVID-19, the company said.",
    "The first Gen-3 satellite launched in the second quarter.",
    "Zorblax became an exclusive Web3 partner with Quillfeather last year.",
])
def test_decades_codes_and_technologies_are_no_names(text: str) -> None:
    found = {c.name for c in act_names(text)}
    assert not found & {"2000s", "GEO-CM04S1", "COVID-19", "Gen-3", "Gen-3 Satellite", "Web3"}


def test_possessive_place_is_no_party() -> None:
    found = {c.name for c in act_names("A collaboration with Zorblax Sdn Bhd, Malaysia's largest insurer.")}
    assert found == {"Zorblax Sdn Bhd"}


def test_cjk_mou_with_alias() -> None:
    text = "香港科技大學（科大）與浙江大學於2025年3月11日簽署合作備忘錄，推動雙方合作。"
    mentions = find_mentions(_EMPTY, [text], [""])
    by_name = {e.name: e for e in mentions.entities.values()}
    assert set(by_name) == {"香港科技大學", "浙江大學"}
    assert "科大" in by_name["香港科技大學"].names
    assert by_name["浙江大學"].kind == "university"
    kinds = {k: e.kind for k, e in mentions.entities.items()}
    [event] = find_events(text, mentions.spans[0], "", [], None, kinds)
    assert event.kind == "mou"
    assert {mentions.entities[p].name for p in event.parties} == {"香港科技大學", "浙江大學"}
    assert event.date is not None and event.date.iso() == "2025-03-11"


@pytest.mark.parametrize(("text", "expected"), [
    # Leading words (today, by) are cut; a conjunction ends a name; a faculty joins its university.
    ("今日河畔大學經濟學院和北港醫院簽署協議", ["河畔大學經濟學院", "北港醫院"]),
    ("由河畔大学主办的论坛", ["河畔大学"]),
    # A first character that is also a leading word stays when the name needs it.
    ("同濟大學與日本大學合作", ["同濟大學", "日本大學"]),
    # Generic phrases and one-character names are no names; an ending used as a noun is none.
    ("本公司的全資子公司與本大學合作", []),
    ("學生將可於醫院進行臨床實習", []),
])
def test_cjk_names(text: str, expected: list[str]) -> None:
    assert [c.name for c in cjk_names(text)] == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Zorblax Announces $1.2M Award from the Riverside Charitable Trust", {"Zorblax", "Riverside Charitable Trust"}),
    ("Quillfeather Receives Grant from the Northgate Foundation", {"Quillfeather", "Northgate Foundation"}),
])
def test_receiver_of_a_grant_from_a_funder(title: str, expected: set[str]) -> None:
    assert {c.name for c in act_names(title, title=True)} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("In 2023, the Riverside Trust and The Codeworks began a partnership, allowing both to grow.",
     {"Riverside Trust", "Codeworks"}),
    ("Zorblax and Quillfeather signed a memorandum of understanding on data.", {"Zorblax", "Quillfeather"}),
    # One subject alone is no pair: nothing is read from it.
    ("Zorblax signed a memorandum of understanding on data.", set()),
])
def test_pair_that_signed_or_began_a_pact(text: str, expected: set[str]) -> None:
    assert {c.name for c in act_names(text)} == expected


def test_passive_grants_go_from_the_funder_named_before() -> None:
    text = ("Clinics gain access to new treatments thanks to new grants from the Riverside Foundation. "
            "The grants were awarded to Northgate University, for a melanoma study; and Lakeshore "
            "Hospital, for a lung cancer study.")
    found = {(kind, frozenset(parties)) for kind, parties in events(text)}
    assert ("grant", frozenset({"Riverside Foundation", "Northgate University"})) in found
    assert ("grant", frozenset({"Riverside Foundation", "Lakeshore Hospital"})) in found
    assert ("grant", frozenset({"Northgate University", "Lakeshore Hospital"})) not in found


@pytest.mark.parametrize(("text", "expected"), [
    # The party approved by an unnamed authority is news; the approver alone is not.
    ("The Council has approved the proposal of Lakeshore University to open a school.",
     [("approval", {"Lakeshore University"})]),
    ("Zorbanol, a tablet, was approved by the Riverside Medicines Agency in 2015.", []),
])
def test_one_party_approval(text: str, expected: list[tuple[str, set[str]]]) -> None:
    assert events(text) == expected
