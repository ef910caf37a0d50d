"""Name boundaries by kind (issue 10, session 4), on invented text: where a discovered name
starts and ends, and what is no institution's name."""

from __future__ import annotations

import pytest

from medtui.extract.discover import discover


def names(text: str) -> list[str]:
    """Discovered names in order, each once (a listed company is found twice, as a name and
    before its ticker)."""
    return list(dict.fromkeys(c.name for c in discover(text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A full stop after a legal form or an initial ends the name where a sentence starts.
        ("DCO will serve as engineer for Marlow Tide Corp. In conjunction with it, DCO will plan.",
         ["Marlow Tide Corp."]),
        ("She joined Harbour Biotech Ltd. Jane Roe said so.", ["Harbour Biotech Ltd."]),
        ("A partnership with Quillon Labs X. We believe it works.", []),
        # Initials inside a name do not end it.
        ("She studied at the Lakeshore J.K. Rowan School of Public Health and at home.",
         ["Lakeshore J.K. Rowan School of Public Health"]),
        # A country's abbreviation before a name is not part of it.
        ("The U.S. Department of Marine Affairs said so.", ["Department of Marine Affairs"]),
        # A cashtag is no part of a name.
        ("$QRTZ Quartzline Holdings, Inc. (OTC: QRTZ) reported results.", ["Quartzline Holdings"]),
    ],
)
def test_sentence_ends_initials_and_cashtags(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "on" after an institution's head word runs the name on ...
        ("The Northgate Institute on Healthy Aging (NIHA) funds studies.",
         ["Northgate Institute on Healthy Aging"]),
        ("The Lakeshore Council on Coastal Resilience, formed in 2020, met.",
         ["Lakeshore Council on Coastal Resilience"]),
        # ... but not into a day or a street.
        ("Staff at Riverside Hospital on Monday and at Riverside Hospital on Elm Street.",
         ["Riverside Hospital"]),
        # A second "for" after "and" starts a purpose.
        ("funding from the Brannock Foundation for Data Skills and for CodeCamp 2018 through X.",
         ["Brannock Foundation for Data Skills"]),
    ],
)
def test_names_through_on_and_for(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A word after the last head keeps the name only if it is a place, legal form or District.
        ("funded by the Lakeshore University Building Research Careers in Nursing programme.", []),
        ("a deficit in the state's Transit Trust Fund, according to an audit.", []),
        ("Harrow Agency Activities are listed here.", []),
        ("Pupils of the Fenwick Unified School District took part.", ["Fenwick Unified School District"]),
        ("She studied at Riverside College London until 2020.", ["Riverside College London"]),
        ("Shares of Quillon Group SE rose.", ["Quillon Group SE"]),
        # A ranking is no institution.
        ("In the latest Best Global Universities Rankings, Best Global Universities for Law", []),
        # A possessive followed by more words and no head ends the name there ...
        ("enter it into the Northgate Center for Missing Children's Temporary Shelter Registry.",
         ["Northgate Center for Missing Children"]),
        # ... but not before a field or "of".
        ("The Lindell Institute for Women's Health opened.", ["Lindell Institute for Women's Health"]),
        ("The Rescue Bureau of the Ministry of Transport of the People's Republic of Zembla said.",
         ["Rescue Bureau of the Ministry of Transport of the People's Republic of Zembla"]),
        # A word that describes ("Texas-based", "NIH-funded") leads no name.
        ("Ohio-based Quillon Robotics Inc. signed it.", ["Quillon Robotics Inc"]),
        ("In the Zemblan-occupied West Bank, officials met.", []),
        # Kinds of schools name none; "Board of X" is X's board.
        ("Public Middle and High School students apply.", []),
        ("said Joan Lee, President of the Board of Clearwater Eye Trust.", ["Clearwater Eye Trust"]),
        ("said Joan Lee, President of the Board of Bright Sight.", ["Bright Sight"]),
        ("The Board of Directors of Quillon Robotics Inc. met.", ["Quillon Robotics Inc"]),
        ("The Board of Directors met.", []),
        # A word before "of" that is no role, and one word after it: one name we cannot cut.
        ("members of the Code of Ethics Committee", []),
        ("Patients of Kowloon Riverside Hospital were moved.", ["Kowloon Riverside Hospital"]),
        ("said Ann Poe, VP of Quillon Labs.", ["Quillon Labs"]),
    ],
)
def test_what_ends_a_name(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An acronym in a possessive still spells out its name.
        ("co-chairing the Northgate Heart, Lung, and Sleep Institute's (NHLSI's) workshop",
         ["Northgate Heart, Lung, and Sleep Institute"]),
        # A word glued to the next by a lost line break ends the name.
        ("About the Lakeshore Institute of CookeryFounded in 1946, the institute teaches.",
         ["Lakeshore Institute of Cookery"]),
        # "and" inside the complement of "of".
        ("a two-year Institute of Harbour and Estuary Services (IHES) grant",
         ["Institute of Harbour and Estuary Services"]),
    ],
)
def test_possessive_acronyms_glued_words_and_complements(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_headline_name_the_body_abbreviates() -> None:
    """A headline's institution-shaped name counts when the body uses its initials."""
    from medtui.extract.gazetteer import Gazetteer
    from medtui.extract.mentions import GazetteerMatcher, find_mentions

    title = "Change of Era Triggers Lakeshore University of Avalon to Launch AI Degrees"
    body = "Graduates from LUA will find work. The degrees start in May."
    mentions = find_mentions(GazetteerMatcher(Gazetteer()), [body], [title])
    found = {e.name: e.names for e in mentions.entities.values()}
    assert set(found) == {"Lakeshore University of Avalon"}
    assert "LUA" in found["Lakeshore University of Avalon"]
    # Without the initials in the body, a Title Case headline gives no name.
    mentions = find_mentions(GazetteerMatcher(Gazetteer()), ["The degrees start in May."], [title])
    assert mentions.entities == {}


def test_hard_wrapped_name_after_a_connector() -> None:
    text = "a grant from The Leona Q. and\nHarold B. Brannock Charitable Trust. The grant"
    assert names(text) == ["Leona Q. and Harold B. Brannock Charitable Trust"]
    # A line that ends with a name's last word still ends the name there.
    assert names("Lakeshore University\nNorthgate Hospital") == ["Lakeshore University", "Northgate Hospital"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "NIH-funded", "directed funds": no act, so no party named "NIH-".
        ("Her Northgate-funded research has focused on sleep.", []),
        ("could use Harbour-directed funds more cost-effectively", []),
        ("The Quillon Initiative funds pyLakeshore to grow its community.", ["pyLakeshore", "Quillon Initiative"]),
        # A new sentence after an initial, and a cashtag, end a party's name.
        ("through our partnership with Quarry X. We believe it works.", ["Quarry X"]),
        ("resilience.\n\n$QRTZ Quartzline Holdings partners with Tidewater Labs to deploy it.",
         ["Tidewater Labs", "Quartzline Holdings"]),
    ],
)
def test_act_party_names(text: str, expected: list[str]) -> None:
    from medtui.extract.acts import act_names

    assert [c.name for c in act_names(text)] == expected


def test_name_glued_to_itself_by_a_lost_line_break() -> None:
    assert names("About Vibrant Nutrition LabsVibrant Nutrition Labs is a maker.") == ["Vibrant Nutrition Labs"]


def test_a_person_after_and_is_no_part_of_a_name() -> None:
    text = "led by Professor Ann Poe at the University of Avalon and Dr. Tian Lee at the Northgate Institute."
    assert names(text) == ["University of Avalon", "Northgate Institute"]
    # "Sir" and "Dame" name institutions after people: the name runs on.
    assert names("Secretary of the CPC Committee of the Sir Alan Poe Hospital.") == [
        "CPC Committee of the Sir Alan Poe Hospital"]
