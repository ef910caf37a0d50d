"""Timeline order and grouping on hand-built events (the contract's order)."""

from __future__ import annotations

from medtui.corpus.model import Corpus, Event, PartialDate
from medtui.timeline import group_label, grouped_events, ordered_events


def ev(event_id: str, date: PartialDate | None) -> Event:
    return Event(event_id, "s1", "mou", date, ["i1", "i2"], f"evidence {event_id}")


def make_corpus() -> Corpus:
    # Deliberately shuffled.
    events = [
        ev("undated", None),
        ev("y2025", PartialDate(2025)),
        ev("d0402", PartialDate(2025, 4, 2)),
        ev("m03", PartialDate(2025, 3)),
        ev("d0311", PartialDate(2025, 3, 11)),
        ev("y2024", PartialDate(2024)),
        ev("d2026", PartialDate(2026, 1, 5)),
    ]
    return Corpus(events=events)


def test_contract_order() -> None:
    corpus = make_corpus()
    assert [e.id for e in ordered_events(corpus)] == [
        "y2024", "d0311", "m03", "d0402", "y2025", "d2026", "undated",
    ]


def test_exact_example_from_the_brief() -> None:
    events = [ev("e5", None), ev("e4", PartialDate(2025)), ev("e3", PartialDate(2025, 4, 2)),
              ev("e2", PartialDate(2025, 3)), ev("e1", PartialDate(2025, 3, 11))]
    assert [e.id for e in ordered_events(Corpus(events=events))] == [
        "e1", "e2", "e3", "e4", "e5",
    ]


def test_same_date_keeps_corpus_order() -> None:
    events = [ev("b", PartialDate(2025, 3, 11)), ev("a", PartialDate(2025, 3, 11)),
              ev("c", None), ev("d", None)]
    assert [e.id for e in ordered_events(Corpus(events=events))] == ["b", "a", "c", "d"]


def test_subset_of_events() -> None:
    corpus = make_corpus()
    subset = [e for e in corpus.events if e.id in {"undated", "d0311"}]
    assert [e.id for e in ordered_events(corpus, subset)] == ["d0311", "undated"]
    assert ordered_events(corpus, []) == []


def test_groups() -> None:
    groups = grouped_events(make_corpus())
    assert [(label, [e.id for e in events]) for label, events in groups] == [
        ("2024", ["y2024"]),
        ("2025-03", ["d0311", "m03"]),
        ("2025-04", ["d0402"]),
        ("2025", ["y2025"]),
        ("2026-01", ["d2026"]),
        ("Undated", ["undated"]),
    ]


def test_group_label() -> None:
    assert group_label(PartialDate(2025, 3, 11)) == "2025-03"
    assert group_label(PartialDate(2025, 3)) == "2025-03"
    assert group_label(PartialDate(2025)) == "2025"
    assert group_label(None) == "Undated"


def test_empty() -> None:
    assert grouped_events(Corpus()) == []


def sev(event_id: str, story: str, date: PartialDate | None, parties: tuple[str, ...] = ("i1", "i2"),
        kind: str = "mou") -> Event:
    return Event(event_id, story, kind, date, list(parties), f"evidence {event_id}")


def test_one_row_per_signing() -> None:
    from medtui.timeline import one_per_signing

    events = [
        sev("a", "s9", PartialDate(2024, 5)),  # the month contains the day: one signing
        sev("j", "s1", PartialDate(2024, 6)),  # June holds two signings: joins neither
        sev("b", "s2", PartialDate(2024, 6, 18), ("i2", "i1")),  # parties in another order
        sev("c", "s3", PartialDate(2024, 6, 18)),
        sev("d", "s4", PartialDate(2024, 6, 20)),  # another day: another signing
        sev("k", "s4", PartialDate(2024, 5, 2)),
        sev("l", "s5", PartialDate(2024)),  # holds all three signings: joins none
        sev("e", "s5", PartialDate(2024, 6, 18), kind="grant"),  # another kind
        sev("f", "s6", PartialDate(2024, 6, 18), ("i1", "i3")),  # other parties
        sev("g", "s1", PartialDate(2024, 6, 18)),  # same story as a: not a copy of a
        sev("m", "s6", PartialDate(2024, 7, 1), ("i9",), kind="approval"),
        sev("o", "s7", PartialDate(2024, 7, 1), ("i9",), kind="approval"),  # one party: kept
        sev("h", "s7", None),  # undated: never merged
        sev("i", "s8", None),
    ]
    rows, sources = one_per_signing(Corpus(events=events))
    assert [[e.id for e in sources[r.id]] for r in rows] == [
        ["k", "a"], ["b", "c", "g"], ["e"], ["f"], ["d"], ["j"], ["m"], ["o"], ["l"], ["h"], ["i"],
    ]
