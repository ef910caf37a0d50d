"""Event kinds fixed in session 4 (issue 10): joint launches, reduced-relative grants,
second clauses, selections, dates of acts. Invented stories only."""

from __future__ import annotations

from medtui.corpus.model import PartialDate
from medtui.extract.events import find_events
from medtui.extract.gazetteer import Gazetteer
from medtui.extract.mentions import GazetteerMatcher, find_mentions

_EMPTY = GazetteerMatcher(Gazetteer())
DATE = PartialDate(2025, 3, 4)
RF, NH, CU = "Riverside Foundation", "Northgate Hospital", "Coastal University"


def events(text: str, title: str = "", date: PartialDate | None = DATE) -> set[tuple[str, frozenset[str], str | None]]:
    """(kind, party names, ISO date) of each event of a one-story document."""
    mentions = find_mentions(_EMPTY, [text], [title])
    names = {k: e.name for k, e in mentions.entities.items()}
    found = find_events(text, mentions.spans[0], title, mentions.spans[1], date,
                        {k: e.kind for k, e in mentions.entities.items()})
    return {(e.kind, frozenset(names[p] for p in e.parties), e.date.iso() if e.date else None) for e in found}


def test_a_launch_done_in_partnership_is_a_launch_of_both_whatever_it_launched() -> None:
    text = "Coastal University, in partnership with Northgate Hospital, launched Tidewatch, an online booking tool."
    assert events(text) == {("launch", frozenset({CU, NH}), "2025-03-04")}


def test_a_product_launched_by_one_is_still_no_event() -> None:
    assert events("Coastal University launched Tidewatch, an online booking tool.") == set()


def test_grant_named_by_its_participle_takes_the_funder_named_before() -> None:
    text = ("The study is funded by a research grant from the Riverside Foundation. "
            "The grant awarded to Northgate Hospital supports two nurses.")
    assert events(text) == {("grant", frozenset({RF, NH}), "2025-03-04")}


def test_a_second_clause_takes_its_subject_from_the_same_sentence_only() -> None:
    text = ("Coastal University signed an agreement with the Riverside Foundation. "
            "The new wing will let Northgate Hospital grow, while keeping its close collaboration with Harbor Clinic.")
    assert events(text) == {("agreement", frozenset({CU, RF}), "2025-03-04"),
                            ("partnership", frozenset({NH, "Harbor Clinic"}), "2025-03-04")}
