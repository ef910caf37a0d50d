"""The command line sees the curated corpus, and one timeline row per signing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medtui import cli

PACT = (
    "Riverside University and Northgate Hospital sign research pact\n\n18 June 2024\n\n"
    "Riverside University signed a memorandum of understanding with Northgate Hospital on "
    "18 June 2024 to set up a joint clinical research centre.\n"
)
WIRE = (
    "Northgate Hospital partners with Riverside University\n\nJune 2024\n\n"
    "Northgate Hospital and Riverside University signed a memorandum of understanding in "
    "June 2024. The two will share laboratories.\n"
)


@pytest.fixture
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(PACT)
    (folder / "b.txt").write_text(WIRE)
    monkeypatch.setenv("MEDTUI_CONFIG_DIR", str(tmp_path / "config"))
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert cli.main(list(argv)) == 0
    return capsys.readouterr().out


def test_timeline_json_names_every_source(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    events = json.loads(run(capsys, "timeline", "--format", "json", str(docs)))["events"]
    assert len(events) == 1
    assert events[0]["date"] == "2024-06-18" and events[0]["kind"] == "mou"
    assert [s["story"] for s in events[0]["sources"]] == ["s1", "s2"]
    assert {"event", "story", "story_title", "date", "evidence"} == set(events[0]["sources"][1])
    csv = run(capsys, "timeline", "--format", "csv", str(docs)).splitlines()
    assert csv[1].endswith(",2,s1;s2")
    ics = run(capsys, "timeline", "--format", "ics", str(docs))
    assert ics.count("BEGIN:VEVENT") == 1 and "Also reported in 1 other story" in ics


def test_hand_edited_curation_reaches_the_cli(docs: Path, capsys: pytest.CaptureFixture[str],
                                              tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "gazetteer.yaml").write_text(
        "curation:\n"
        "  institutions:\n"
        "    - name: Riverside University Health\n"
        "      aliases: [Riverside University, Northgate Hospital]\n"
    )
    rows = run(capsys, "institutions", str(docs)).splitlines()[1:]
    assert [r.split("\t")[1] for r in rows] == ["Riverside University Health"]
    out = json.loads(run(capsys, "search", 'institution:"Riverside University Health"', "--json",
                         str(docs)))
    assert out["total"] == 2


def test_not_institutions_by_hand(docs: Path, capsys: pytest.CaptureFixture[str],
                                  tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "gazetteer.yaml").write_text(
        "curation:\n  not_institutions:\n    - Northgate Hospital\n")
    rows = run(capsys, "institutions", str(docs)).splitlines()[1:]
    assert [r.split("\t")[1] for r in rows] == ["Riverside University"]
    events = json.loads(run(capsys, "timeline", "--format", "json", str(docs)))["events"]
    assert [e["party_names"] for e in events] == [["Riverside University"]] * 2  # one party: kept apart


def test_search_follows_a_split(docs: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (docs / "c.txt").write_text(
        "Northgate Clinic opens a new wing\n\n3 July 2024\n\n"
        "Northgate Clinic opened a new wing for children on 3 July 2024.\n")
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "gazetteer.yaml").write_text(  # a gazetteer entry that conflates two
        "institutions:\n"
        "  - {id: northgate, name: Northgate Hospital, kind: hospital, aliases: [Northgate Clinic]}\n"
        "curation:\n"
        "  institutions:\n"
        "    - id: northgate-clinic\n"
        "      name: Northgate Clinic\n"
        "      split_from: Northgate Hospital\n"
    )
    hits = json.loads(run(capsys, "search", 'institution:"Northgate Clinic"', "--json", str(docs)))["hits"]
    assert [h["title"] for h in hits] == ["Northgate Clinic opens a new wing"]
    out = json.loads(run(capsys, "search", "northgate", "--institution", "c:northgate-clinic",
                         "--json", str(docs)))
    assert out["total"] == 1
    ids = {r.split("\t")[1]: r.split("\t")[0] for r in run(capsys, "institutions", str(docs)).splitlines()[1:]}
    assert ids["Northgate Clinic"] == "c:northgate-clinic"
    out = json.loads(run(capsys, "search", "northgate", "--institution", ids["Northgate Hospital"],
                         "--json", str(docs)))
    assert out["total"] == 2  # a.txt and b.txt name the hospital; c.txt only the clinic
