"""Session 6, round 2 (2,000 + 4,000 random releases): one company written under two names
("doing business as", "formerly", a defined short name), a person's act in a biography, a
trademark notice's licence and a launch tally made wrong events. Invented names only."""

from __future__ import annotations

import pytest

from medtui.extract.doubles import _ONE_COMPANY_GAP, unlinked
from medtui.extract.subjects import not_an_act
from test_extract_subjects import parties

_events = parties  # (kind-less) party names of each event of a one-story document


@pytest.mark.parametrize("gap", [
    ", now doing business as ", " (OTC: RVRX), doing business as ", " (formerly ", ", formerly known as ",
    " d/b/a ", " (to be renamed ", ", Inc. (OTC: RVRX), doing business as ",
    " (NASDAQ: RVRX) (\u201c", ' (the "', ", known as ",
])
def test_what_joins_two_names_of_one_company(gap: str) -> None:
    assert _ONE_COMPANY_GAP.fullmatch(gap)


@pytest.mark.parametrize("gap", [
    " and \u201c", ", ", " with ", ", a unit of ", ' ("Northgate" and ', " (NASDAQ: RVRX) and ",
])
def test_what_joins_two_companies(gap: str) -> None:
    assert not _ONE_COMPANY_GAP.fullmatch(gap)


def test_unlinked_keeps_the_first_name() -> None:
    links = {frozenset(("a", "b"))}
    assert unlinked(["a", "c", "b"], links) == ["a", "c"]
    assert unlinked(["c", "b"], links) == ["c", "b"]


def test_a_company_and_its_trade_name_are_one_party() -> None:
    text = ("Riverbend Holdings Inc. (OTC: RVBH), doing business as Tallowmere Networks, today "
            "announced a partnership with Northgate Hospital.")
    found = _events(text)
    assert found and all(len(p) == 2 and "Northgate Hospital" in p for p in found)
    assert not any({"Riverbend Holdings Inc", "Tallowmere Networks"} <= p for p in found)


def test_a_company_and_its_defined_short_name_are_one_party() -> None:
    text = ('Harbor Crest Technologies Ltd. (CSE: HCT) ("Crestec" or the "Company") has signed a '
            "memorandum of understanding with Riverside University. Mark Dale, Riverside's director, said: "
            '"In this new partnership with Crestec, we can deliver more."')
    assert _events(text) == {frozenset({"Harbor Crest Technologies Ltd.", "Riverside University"})}


@pytest.mark.parametrize("sentence", [
    "He is actively involved in the startup ecosystem as a member of Coldwater Venture Group and Harbor "
    "Ridge Angel Group, and as a partner with LearnTide, a leading edtech accelerator.",
    "Additionally, he is a member of the Board of Coldwater Holding Company, Inc., where he leads the "
    "Digital Committee in partnership with Northgate Foundation to build tools.",
])
def test_a_persons_activity_is_no_event(sentence: str) -> None:
    assert _events("Tomas Verdan is the founder of Lindqvist Ventures. " + sentence) == set()


def test_an_institutions_act_after_a_person_is_kept() -> None:
    text = "Riverside University partnered with Northgate Hospital, where he works."
    assert frozenset({"Riverside University", "Northgate Hospital"}) in _events(text)
    assert not not_an_act("Shell Harbor Group partnered with Northgate Hospital.", 19)


def test_a_trademark_notice_is_no_licence() -> None:
    text = ("The Tidewater 40 and Gullmark marks are trademarks of Harbor Indices LLC and have been "
            "licensed for use by Riverside Exchange Inc.")
    assert _events(text) == set()
    assert not not_an_act("Riverside Exchange Inc. signed a trademark licence agreement with Harbor "
                          "Indices LLC.", 24)


def test_a_launch_tally_is_no_launch() -> None:
    text = ("Since the Northgate Research Foundation was founded 20 years ago, it has raised $90 million "
            "and opened nearly 40 clinical trials.")
    assert _events(text) == set()
    kept = "The Northgate Research Foundation opened a clinical trial network for rare cancers."
    assert _events(kept) == {frozenset({"Northgate Research Foundation"})}


@pytest.mark.parametrize(("text", "expected"), [
    ("Northgate Robotics, a developer of drones, and Gull Acquisition Corp. I (GAC), a SPAC led by the "
     "management team of Tarn Asset Management, which will be renamed Gull Acquisition Corp IV (Nasdaq: "
     "GACQ), announced today that they have entered into a definitive business combination agreement.", set()),
    ("Gull Acquisition Corp. I, to be renamed Gull Acquisition Corp IV, signed a business combination "
     "agreement with Northgate Robotics Inc.", {frozenset({"Gull Acquisition Corp.", "Northgate Robotics Inc"})}),
])
def test_a_spac_and_its_new_name_are_one_party(text: str, expected: set[frozenset[str]]) -> None:
    assert _events(text) == expected


def test_the_combined_companys_name_is_no_party() -> None:
    text = ('Tallowmere Technologies Ltd. and Harbor Equity Acquisition Corp. II ("HEAC") entered into a '
            'business combination agreement that will result in the combined company Tallowmere Global '
            'Holdings Ltd. ("PubCo") becoming listed in the United States.')
    found = _events(text)
    assert found == {frozenset({"Tallowmere Technologies Ltd.", "Harbor Equity Acquisition Corp."})}
