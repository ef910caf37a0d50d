"""Partnership events: kinds, parties, dates, and what is not an event."""

from __future__ import annotations

import pytest

from medtui.corpus.model import PartialDate
from medtui.extract.events import FoundEvent, find_events
from medtui.extract.gazetteer import Gazetteer, load_gazetteer
from medtui.extract.mentions import GazetteerMatcher, find_mentions

STORY_DATE = PartialDate(2025, 3, 4)
_MATCHER = GazetteerMatcher(load_gazetteer())
_EMPTY = GazetteerMatcher(Gazetteer())


def events(text: str, title: str = "", date: PartialDate | None = STORY_DATE,
           gazetteer: bool = True) -> list[tuple[str, list[str], str | None]]:
    """(kind, party names, ISO date) of the events of a one-story document."""
    found, names = _events(text, title, date, gazetteer)
    return [(e.kind, [names[p] for p in e.parties], e.date.iso() if e.date else None) for e in found]


def _events(
    text: str, title: str, date: PartialDate | None, gazetteer: bool
) -> tuple[list[FoundEvent], dict[str, str]]:
    mentions = find_mentions(_MATCHER if gazetteer else _EMPTY, [text], [title])
    found = find_events(text, mentions.spans[0], title, mentions.spans[1], date)
    return found, {k: e.name for k, e in mentions.entities.items()}


LU, KRH = "Lakeshore University", "Kowloon Riverside Hospital"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Lakeshore University and Kowloon Riverside Hospital signed a memorandum of understanding.", "mou"),
        ("Lakeshore University signed an MoU with Kowloon Riverside Hospital.", "mou"),
        ("A Memorandum of Understanding was signed by Lakeshore University and Kowloon Riverside Hospital.",
         "mou"),
        ("Lakeshore University and Kowloon Riverside Hospital signed a clinical placement agreement.", "agreement"),
        ("Lakeshore University inked a five-year deal with Kowloon Riverside Hospital.", "agreement"),
        ("The plan of Lakeshore University was approved by Kowloon Riverside Hospital.", "approval"),
        ("Lakeshore University received approval from Kowloon Riverside Hospital.", "approval"),
        ("Lakeshore University secured a HK$5 million grant from Kowloon Riverside Hospital.", "grant"),
        ("Lakeshore University partnered with Kowloon Riverside Hospital on nurse training.", "partnership"),
        ("Lakeshore University and Kowloon Riverside Hospital established a strategic partnership.",
         "partnership"),
        ("Lakeshore University and Kowloon Riverside Hospital held a joint meeting on staffing.", "meeting"),
    ],
)
def test_event_kinds(sentence: str, kind: str) -> None:
    assert events(sentence) == [(kind, [LU, KRH], "2025-03-04")]


def test_launch_parties_are_the_launchers_only() -> None:
    text = "Lakeshore University launched the Kowloon Riverside Research Centre for coastal medicine."
    assert events(text) == [("launch", [LU], "2025-03-04")]


def test_meeting_parties_are_those_who_met() -> None:
    text = "Lakeshore University hosted a forum on the future of the Kowloon Riverside Hospital wards."
    assert events(text) == [("meeting", [LU], "2025-03-04")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Subject to the approval of Kowloon Riverside Hospital, Lakeshore University will sign an MoU.",
        "Lakeshore University plans to sign an agreement with Kowloon Riverside Hospital.",
        "Lakeshore University would sign an agreement with Kowloon Riverside Hospital if funds allow.",
        "If approved, Lakeshore University and Kowloon Riverside Hospital will sign a memorandum of understanding "
        "covering training, research and the exchange of staff between them.",
        "Lakeshore University and Kowloon Riverside Hospital have a long history of working side by side.",
        "Lakeshore University is a partner of many hospitals, including Kowloon Riverside Hospital.",
    ],
)
def test_not_events(sentence: str) -> None:
    assert events(sentence) == []


def test_a_proposal_that_was_approved_is_an_approval() -> None:
    text = "The proposal of Lakeshore University was approved by Kowloon Riverside Hospital."
    assert events(text) == [("approval", [LU, KRH], "2025-03-04")]


def test_may_the_month_is_no_hypothetical() -> None:
    text = "In May, Lakeshore University signed an MoU with Kowloon Riverside Hospital."
    assert events(text)[0][0] == "mou"


def test_sentence_date_wins_relative_date_as_precise_as_it_allows() -> None:
    text = ("Lakeshore University signed an MoU with Kowloon Riverside Hospital on 17 March 2025. "
            "Last year, Lakeshore University formed a partnership with the Tolo Harbour Institute of Science. "
            "Two years ago, Kowloon Riverside Hospital signed an agreement with the Tolo Harbour Institute of Science.")
    assert events(text) == [
        ("mou", [LU, KRH], "2025-03-17"),
        ("partnership", [LU, "Tolo Harbour Institute of Science"], "2024"),
        ("agreement", [KRH, "Tolo Harbour Institute of Science"], None),
    ]


def test_history_dates_do_not_date_the_event() -> None:
    text = ("Founded in March 1998, Lakeshore University signed an agreement with Kowloon Riverside Hospital.")
    assert events(text) == [("agreement", [LU, KRH], "2025-03-04")]


def test_undated_story_gives_undated_events() -> None:
    text = "Lakeshore University signed an MoU with Kowloon Riverside Hospital."
    assert events(text, date=None) == [("mou", [LU, KRH], None)]


def test_one_university_three_hospitals_is_an_mou_with_each() -> None:
    # Session 5: a subject's pact with a list is the subject's pact with each (the gold's pairs).
    text = ("Lakeshore University announced the signing of Memoranda of Understanding (MoUs) with three "
            "hospitals: Kowloon Riverside Hospital, Tolo Harbour Hospital and Sai Kung Bay Hospital.")
    assert events(text) == [
        ("mou", [LU, KRH], "2025-03-04"),
        ("mou", [LU, "Tolo Harbour Hospital"], "2025-03-04"),
        ("mou", [LU, "Sai Kung Bay Hospital"], "2025-03-04"),
    ]


def test_no_parties_from_a_relative_clause_after_the_act() -> None:
    text = ("Kowloon Riverside Hospital and Lakeshore University signed an agreement under which students "
            "of the Tolo Harbour Nursing School will train on the wards.")
    assert events(text) == [("agreement", [KRH, LU], "2025-03-04")]


def test_headline_only_event() -> None:
    title = "Lakeshore University Signs MoU With Kowloon Riverside Hospital"
    text = ("Lakeshore University and Kowloon Riverside Hospital will train nurses together. "
            "The programme starts in the autumn.")
    found, _ = _events(text, title, STORY_DATE, True)
    assert [(e.kind, e.from_title, e.evidence) for e in found] == [("mou", True, title)]
    assert events(text, title=title) == [("mou", [LU, KRH], "2025-03-04")]


def test_headline_adds_nothing_when_the_body_already_says_it() -> None:
    title = "Lakeshore University Signs MoU With Kowloon Riverside Hospital"
    text = "Lakeshore University and Kowloon Riverside Hospital signed an MoU on 17 March 2025."
    assert events(text, title=title) == [("mou", [LU, KRH], "2025-03-17")]


def test_same_parties_merge_to_the_strongest_kind() -> None:
    text = ("Lakeshore University partnered with Kowloon Riverside Hospital on training. "
            "Lakeshore University and Kowloon Riverside Hospital signed an MoU.")
    assert events(text) == [("mou", [LU, KRH], "2025-03-04")]


def test_single_party_grant_is_kept() -> None:
    assert events("Lakeshore University secured a HK$30 million grant for an English learning system.") == [
        ("grant", [LU], "2025-03-04"),
    ]


def test_gazetteer_institutions_with_discovered_ones() -> None:
    text = "The University of Hong Kong signed an MoU with Kowloon Riverside Hospital on 2 April 2025."
    assert events(text) == [("mou", ["The University of Hong Kong", KRH], "2025-04-02")]


def test_chinese_mou() -> None:
    gaz = load_gazetteer()
    gaz.entries["cuhk"].aliases.append("香港中文大學")
    gaz.entries["hku"].aliases.append("香港大學")
    matcher = GazetteerMatcher(gaz)
    text = "香港中文大學與香港大學今日簽署合作備忘錄，雙方將合作。兩校亦會交流。"
    mentions = find_mentions(matcher, [text], [""])
    found = find_events(text, mentions.spans[0], "", [], PartialDate(2025, 3, 18))
    assert [(e.kind, e.parties, e.date) for e in found] == [("mou", ["g:cuhk", "g:hku"], PartialDate(2025, 3, 18))]
    assert found[0].evidence == "香港中文大學與香港大學今日簽署合作備忘錄，雙方將合作。"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lakeshore University announced today the launch of its Ocean Data Centre.", [("launch", [LU])]),
        ("Lakeshore University and Kowloon Riverside Hospital launch a joint nursing academy.",
         [("launch", [LU, KRH])]),
        ("The MoU talks of Lakeshore University and the launch of a new ward went well.", []),
        ("Lakeshore University plans to launch a new academy next year.", []),
    ],
)
def test_launch_is_an_act_not_a_noun(sentence: str, expected: list[tuple[str, list[str]]]) -> None:
    assert [(kind, parties) for kind, parties, _ in events(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Lakeshore University will sign an MoU with Kowloon Riverside Hospital next month.",
        "Lakeshore University is set to partner with Kowloon Riverside Hospital on nurse training.",
        "Lakeshore University and Kowloon Riverside Hospital are to launch a joint academy.",
    ],
)
def test_future_acts_are_not_events(sentence: str) -> None:
    assert events(sentence) == []


def test_announced_partnership_is_a_partnership() -> None:
    text = "Lakeshore University announced a strategic research collaboration with Kowloon Riverside Hospital."
    assert events(text) == [("partnership", [LU, KRH], "2025-03-04")]


def test_yearless_date_takes_the_story_year() -> None:
    text = "On March 2, Lakeshore University signed an MoU with Kowloon Riverside Hospital."
    assert events(text)[0][2] == "2025-03-02"
    text = "On December 20, Lakeshore University signed an MoU with Kowloon Riverside Hospital."
    assert events(text, date=PartialDate(2025, 1, 5))[0][2] == "2024-12-20"
    assert events(text, date=None)[0][2] is None


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        ("The University of California, San Diego and Tidewater General Hospital signed a research alliance.",
         "", [("partnership", ["University of California, San Diego", "Tidewater General Hospital"])]),
        ("The Chinese University of Hong Kong, Shenzhen and Shenzhen People's Hospital signed a cooperation "
         "agreement.", "",
         [("agreement", ["The Chinese University of Hong Kong (Shenzhen)", "Shenzhen People's Hospital"])]),
        ("The Université de Lyon and the Universitätsklinikum Heidelberg signed a memorandum of understanding.",
         "", [("mou", ["Université de Lyon", "Universitätsklinikum Heidelberg"])]),
        ("The two institutions will share training facilities from next year.",
         "Escape Test University signs MoU with Quiet Hospital",
         [("mou", ["Escape Test University", "Quiet Hospital"])]),
        ("Northgate College and the Universidad de Montaña signed a Memorandum of Agreement.", "",
         [("agreement", ["Northgate College", "Universidad de Montaña"])]),
        ("Pinecrest Labs signed a letter of intent with the Istituto di Ricerca Alpina.", "",
         [("agreement", ["Pinecrest Labs", "Istituto di Ricerca Alpina"])]),
        ("Skyline Robotics signed with the Harbour Port Authority, while also closing deals with Nordlicht GmbH.",
         "", [("agreement", ["Skyline Robotics", "Harbour Port Authority"]),
              ("agreement", ["Skyline Robotics", "Nordlicht GmbH"])]),
    ],
)
def test_issue_small_inputs(text: str, title: str, expected: list[tuple[str, list[str]]]) -> None:
    found, names = _events(text, title, STORY_DATE, True)
    assert [(e.kind, [names[p] for p in e.parties]) for e in found] == expected


def test_list_of_signings_gives_one_event_per_item() -> None:
    text = ("The following memoranda of understanding were signed at the forum:\n"
            "1. Riverside University and Northgate Hospital\n"
            "2. Coastal Institute of Technology and Harbour Marine Laboratory\n")
    found, names = _events(text, "", STORY_DATE, False)
    assert sorted((e.kind, sorted(names[p] for p in e.parties)) for e in found) == [
        ("mou", ["Coastal Institute of Technology", "Harbour Marine Laboratory"]),
        ("mou", ["Northgate Hospital", "Riverside University"]),
    ]


def test_nominal_trigger_and_definite_description() -> None:
    text = ("Lakeshore University announced a new partnership between Brightwell Therapeutics Inc. and "
            "the University. Brightwell Therapeutics Inc. will fund two laboratories.")
    found, names = _events(text, "", STORY_DATE, False)
    kinds = {e.kind for e in found}
    assert "partnership" in kinds
    assert any(set(names[p] for p in e.parties) == {"Lakeshore University", "Brightwell Therapeutics Inc."}
               for e in found)
