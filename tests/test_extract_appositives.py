"""Names the text describes as organisations, and the other items of lists of known
institutions (issue 10, session 4), on invented text."""

from __future__ import annotations

import pytest

from medtui.extract.appositives import described, listed
from medtui.extract.gazetteer import Gazetteer
from medtui.extract.mentions import GazetteerMatcher, find_mentions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A grant was awarded to Lakeshore Health by a for-profit company, Quillon Systems. The aim",
         ["Quillon Systems"]),
        ("and Brightwater Tech, a division of Walbeck responsible for the shelters", ["Brightwater Tech"]),
        ("the Catalan landscaping and restoration company Gremi de Jardins de Vic, and a professor",
         ["Gremi de Jardins de Vic"]),
        ("missions went to companies Skyhook, Lunar Pathways and Orbit Yonder. Orbit Yonder left",
         ["Skyhook", "Lunar Pathways", "Orbit Yonder"]),
        ("with the Japanese company Sakura Pharma Co., Ltd. The project", ["Sakura Pharma Co., Ltd."]),
        ("Quillon Holdings, Inc., a leading maker of drones, said", ["Quillon Holdings, Inc."]),
        ("the consulting firm J.K. Mallow said", ["J.K. Mallow"]),
        # A boilerplate heading before the name is no part of it.
        ("About Quiet Dental, a Zemco company Quiet Dental makes appliances.", ["Quiet Dental"]),
        # Not an apposition: a person, a clause after "the company,", a sentence opener.
        ("said Jane Doe, a professor at the college.", []),
        ("The company, Dario said, will grow.", []),
        ("The company CEO Jane Roe spoke.", []),
    ],
)
def test_described_names(text: str, expected: list[str]) -> None:
    assert [c.name for c in described(text)] == expected


def test_list_items_beside_known_institutions() -> None:
    text = "NASA picked Northgate Robotics Inc., Lakeshore University, Skyhook Labs and Orbit Yonder today."
    known = [(text.index("Northgate"), text.index("Inc.") + 4),
             (text.index("Lakeshore"), text.index(", Skyhook"))]
    assert [c.name for c in listed(text, known)] == ["Skyhook Labs", "Orbit Yonder"]
    # One known item is not enough to call the others institutions.
    assert listed(text, known[:1]) == []


def test_list_of_two_is_no_list() -> None:
    text = "Lakeshore University and Jane Doe met."
    assert listed(text, [(0, 20)]) == []


def test_described_company_is_an_institution_of_the_document() -> None:
    text = "The award went to Brightwater Tech, a division of Walbeck, for its work."
    mentions = find_mentions(GazetteerMatcher(Gazetteer()), [text], [""])
    assert "Brightwater Tech" in {e.name for e in mentions.entities.values()}


def test_list_items_that_name_programmes_are_not_institutions() -> None:
    text = "through the Harbour Working Group, the Tidewater Research Center, and the Kelp Energy Protocol."
    known = [(text.index("Harbour"), text.index(", the Tide")),
             (text.index("Tidewater"), text.index(", and"))]
    assert listed(text, known) == []


def test_list_item_named_by_a_local_alias() -> None:
    """Items known only by the document's own aliases ("Quarry Tech (QT)" ... "QT") count."""
    text = ("Quarry Tech (QT) and Delmar University (DU) met. Researchers from QT, DU, the Saltmarsh "
            "Geological Survey, and the Lakeshore School of Mines attended.")
    mentions = find_mentions(GazetteerMatcher(Gazetteer()), [text], [""])
    assert "Saltmarsh Geological Survey" in {e.name for e in mentions.entities.values()}


def test_name_running_on_into_a_purpose_is_cut_where_the_document_names_it_alone() -> None:
    text = ("The Brannock Foundation has long supported us. Our project received funding from the "
            "Brannock Foundation for Data Skills and for CodeCamp through its programme.")
    mentions = find_mentions(GazetteerMatcher(Gazetteer()), [text], [""])
    assert {e.name for e in mentions.entities.values()} == {"Brannock Foundation"}


def test_name_without_its_legal_form_is_the_company() -> None:
    text = "Quillon Robotics Inc. opened a lab. Quillon Robotics will hire 40 engineers there."
    mentions = find_mentions(GazetteerMatcher(Gazetteer()), [text], [""])
    keys = [s.key for s in mentions.spans[0]]
    assert len(keys) == 2 and len(set(keys)) == 1
    # A generic word before the legal form names nobody on its own.
    text = "Global Inc. opened a lab. Global markets rose."
    mentions = find_mentions(GazetteerMatcher(Gazetteer()), [text], [""])
    assert len(mentions.spans[0]) <= 1
