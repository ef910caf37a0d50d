"""The kind a release gives a name in apposition ("Acme, a robotics company": company),
where the name's own words give none (vocabulary ``descriptor_kinds``); invented text."""

from __future__ import annotations

import pytest

from medtui.extract.gazetteer import Gazetteer
from medtui.extract.mentions import GazetteerMatcher, find_mentions


def _kinds(text: str) -> dict[str, str]:
    mentions = find_mentions(GazetteerMatcher(Gazetteer()), [text], [""])
    return {e.name: e.kind for e in mentions.entities.values()}


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Zorblax, a leading provider of quill software, signed a deal with Northgate Hospital.",
     "Zorblax", "company"),
    ("Quillon Robotics (NASDAQ: QRX), the world's largest maker of quill robots, partnered with "
     "Riverside University.", "Quillon Robotics", "company"),
    ("Brightwater Trust, a nonprofit provider of meals, partnered with Riverside University.",
     "Brightwater Trust", "other"),
    ("Quill Surveys Research, a market research firm, partnered with Riverside University.",
     "Quill Surveys Research", "company"),
])
def test_a_name_takes_the_kind_its_apposition_gives(text: str, name: str, kind: str) -> None:
    assert _kinds(text).get(name) == kind


@pytest.mark.parametrize(("text", "name", "kind"), [
    # No apposition: a clause's subject, a possessive, a descriptor of the next name.
    ("Zorblax partnered with Northgate Hospital. Together with Zorblax, the company grew.",
     "Zorblax", "other"),
    ("Zorblax signed with Northgate Hospital. Brightwater Holdings Trust, the company's largest "
     "shareholder, agreed.", "Zorblax", "other"),
    ("Zorblax partnered with the Riverside Quill Institute (RQI), the quill company Northgate "
     "Quill Works, and Riverside University.", "Riverside Quill Institute", "research"),
    # A kind the name's own words decide stays.
    ("Riverside University, a leading provider of quill courses, partnered with Zorblax Inc.",
     "Riverside University", "university"),
])
def test_no_apposition_no_kind(text: str, name: str, kind: str) -> None:
    assert _kinds(text).get(name) == kind


def test_an_apposition_after_a_legal_form_and_tickers() -> None:
    text = ("Zorblax, Inc. (NASDAQ: ZBX) (TSX: ZB), a leading quill technology company, partnered "
            "with Riverside University.")
    assert _kinds(text).get("Zorblax, Inc.", _kinds(text).get("Zorblax")) == "company"
