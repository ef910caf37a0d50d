"""Names that are parties of a partnership act, with or without an institution-shaped word."""

from __future__ import annotations

import pytest

from medtui.extract.acts import act_names


def names(text: str, title: bool = False) -> list[str]:
    return sorted(c.name for c in act_names(text, title))


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Brightwave and 12Forge Partner With NCSU to Provide Training for Students",
         ["12Forge", "Brightwave", "NCSU"]),
        ("Q-Lattice (NYSE: QLAT) Renews Agreement with Northgate to Advance Research",
         ["Northgate", "Q-Lattice"]),
        ("Harbourlight Medical And CORVA Team Up To Advance Treatments For Burns With Grant",
         ["CORVA", "Harbourlight Medical"]),
        ("Ellis and Mara Quill Foundation and Tern Initiative Partner to Support The Codeworks",
         ["Ellis and Mara Quill Foundation", "Tern Initiative"]),
        ("rSciKit Announces $1.2M Award from the Ashgrove Charitable Trust",
         ["Ashgrove Charitable Trust", "rSciKit"]),  # the receiver is a party of the grant
        ("Oakline Supply, Inc. Expands Partnership with City of Fairport's Transit Project",
         ["City of Fairport", "Oakline Supply"]),
        ("Escape Test University signs MoU with Quiet Hospital", ["Escape Test University", "Quiet Hospital"]),
        # A plural subject's plain verb, no article (82 such headlines in the 25k releases).
        ("Quillwave and Tern Labs Announce Strategic Partnership to Grow", ["Quillwave", "Tern Labs"]),
        ("Brightmoor and ZORVA Forge Partnership", ["Brightmoor", "ZORVA"]),
        ("Ashgrove Health and Pellow Enter Into Agreement", ["Ashgrove Health", "Pellow"]),
        ("Northgate Signs MoU with Harbour Labs Fostering Collaboration in Research",
         ["Harbour Labs", "Northgate"]),
        ("Pinewood, Brook Counseling, and The Lakeshore State University Launch Pilot Project",
         ["Brook Counseling", "Lakeshore State University", "Pinewood"]),
    ],
)
def test_headline_parties(title: str, expected: list[str]) -> None:
    assert names(title, title=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u2022 Seaweed expert Algaro, signed with GreenNest, a Korean climate company.",
         ["Algaro", "GreenNest"]),
        ("Skyjet\u2019s alliance with Air Meridia will promote flights.", ["Air Meridia", "Skyjet"]),
        ("pyWidgets has officially partnered with the StarPy Project through its programme.",
         ["StarPy Project", "pyWidgets"]),
        ("The first MOU was signed by the Harbor Trade Center (HTC) and the Institute of Startup and "
         "Enterprise Development (ISED), while the second partnership is between the Future Fund (FF) "
         "and the Venture Investment Corporation (VIC).",
         ["Future Fund", "Harbor Trade Center", "Institute of Startup and Enterprise Development",
          "Venture Investment Corporation"]),
        ("Our partnership with Immigration, Refugees and Citizenship Westland (IRCW) is to help.",
         ["Immigration, Refugees and Citizenship Westland"]),
        ("Coastal University received a grant from the National Heart, Lung, and Blood Institute (NHLBI).",
         ["Coastal University", "National Heart, Lung, and Blood Institute"]),
        ("Collaboration with the U.S. Army Corps of Engineers: tailoring the plant.",
         ["U.S. Army Corps of Engineers"]),
        # A dotted legal form, then a capitalised word: a new sentence, not one long name.
        ("The firm signed with Harbour Labs Inc. Mount Hope Clinic joined later.",
         ["Harbour Labs"]),
    ],
)
def test_body_parties(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The first agreement was signed by Mr. Alan Forde, Executive Director of the Free Zone.",
        "Gov. Jane Rowe announced a partnership with state police.",
        "The company will partner with local schools next year.",
        "It signed with them in March.",
    ],
)
def test_people_positions_and_lowercase_words_are_no_parties(text: str) -> None:
    assert names(text) == []
