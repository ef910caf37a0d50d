"""Roles in grants, meetings and passive launches (medtui.extract.kinds), on invented stories."""

from __future__ import annotations

from medtui.corpus.model import PartialDate
from medtui.extract.events import find_events
from medtui.extract.gazetteer import Gazetteer
from medtui.extract.mentions import GazetteerMatcher, find_mentions
from medtui.extract.parties import pieces

_EMPTY = GazetteerMatcher(Gazetteer())
DATE = PartialDate(2025, 3, 4)


def pairs(text: str, title: str = "") -> set[tuple[str, frozenset[str]]]:
    """(kind, party names) of each event of a one-story document."""
    mentions = find_mentions(_EMPTY, [text], [title])
    names = {k: e.name for k, e in mentions.entities.items()}
    found = find_events(text, mentions.spans[0], title, mentions.spans[1], DATE)
    return {(e.kind, frozenset(names[p] for p in e.parties)) for e in found}


RF, NH, CU = "Riverside Foundation", "Northgate Hospital", "Coastal University"


def test_one_funder_several_recipients_gives_a_pair_each() -> None:
    text = "The Riverside Foundation awarded $500,000 in grants to Northgate Hospital and Coastal University."
    assert pairs(text) == {("grant", frozenset({RF, NH})), ("grant", frozenset({RF, CU}))}


def test_recipient_subject_and_funder_after_from() -> None:
    text = "Coastal University received a $1.2 million grant from the Riverside Foundation to study sleep."
    assert pairs(text) == {("grant", frozenset({CU, RF}))}


def test_passive_grant_with_funder_after_by() -> None:
    text = "A grant of $2 million has been awarded to Northgate Hospital by the Riverside Foundation."
    assert pairs(text) == {("grant", frozenset({NH, RF}))}


def test_recipients_of_a_funder_named_in_the_sentence_before() -> None:
    text = ("Patients gain access to new trials thanks to new grants from the Riverside Foundation. "
            "The grants were awarded to Northgate Hospital, for a biobank; and Coastal University, for a "
            "melanoma study.")
    assert pairs(text) == {("grant", frozenset({RF, NH})), ("grant", frozenset({RF, CU}))}


def test_co_funders_are_no_partners() -> None:
    text = "We have received new funding from the Riverside Foundation and the Harbor Trust."
    assert all(kind != "grant" or len(parties) < 2 or "Harbor Trust" not in parties or RF not in parties
               for kind, parties in pairs(text))


def test_session_brings_together_its_host_and_each_guest() -> None:
    text = ("Ridgeway Mining Corp. is deepening its collaboration with Coastal University through a "
            "technical working session today. The session brings together researchers from Northgate "
            "Hospital, Coastal University and the Lakeside Institute of Geology.")
    found = pairs(text)
    assert ("meeting", frozenset({"Ridgeway Mining Corp", CU})) in found
    assert ("meeting", frozenset({"Ridgeway Mining Corp", NH})) in found
    assert ("meeting", frozenset({"Ridgeway Mining Corp", "Lakeside Institute of Geology"})) in found
    assert not any(p == frozenset({NH, CU}) for _, p in found)  # guests are no partners of each other


def test_passive_launch_names_its_launchers_after_the_verb() -> None:
    text = ("The Young Makers Network was jointly launched by Coastal University, the Riverside "
            "Foundation and Northgate Hospital.")
    assert pairs(text) == {("launch", frozenset({CU, RF, NH}))}


def test_no_clause_cut_inside_brackets_or_before_a_last_list_item() -> None:
    text = "Ridgeway Mining Corp. (CSE: RWM; OTC: RWMF) met with Coastal University; and Northgate Hospital today."
    assert len(pieces(text)) == 1


def test_a_clause_after_the_funder_names_no_side() -> None:
    text = "Harbor Labs was awarded a grant from the Riverside Foundation, highlighting Coastal University's role."
    found = pairs(text)
    assert ("grant", frozenset({"Harbor Labs", RF})) in found
    assert not any(CU in p and RF in p and len(p) == 2 for _, p in found)
