"""The CLI in-process via main(argv), on a hand-built corpus: formats, exit codes, errors."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import types
from pathlib import Path

import pytest

import medtui.cli as cli
from medtui.cache.searchable import Searchable
from medtui.corpus.model import Corpus, Document, Event, Institution, PartialDate, Story
from medtui.search.index import StoryIndex

EVIL = "\x1b[31m[bold]Evil[/bold]\x1b]0;title\x07\u202e"


def make_corpus() -> Corpus:
    stories = [
        Story("s1", "a.txt", "Alpha and Beta sign MOU",
              "Alpha University and Beta Hospital signed a memorandum on medical training.",
              PartialDate(2025, 3, 11), ["i1", "i2"]),
        Story("s2", "b.txt", f"Title with {EVIL}", "Alpha University met Gamma, again.",
              None, ["i1", "i3"]),
    ]
    return Corpus(
        documents=[Document("a.txt"), Document("b.txt")],
        stories=stories,
        institutions=[
            Institution("i1", "Alpha University", ["AU"], "university", stories=["s1", "s2"]),
            Institution("i2", "Beta Hospital", [], "hospital", stories=["s1"]),
            Institution("i3", "Gamma | Agency", [], "government", stories=["s2"]),
        ],
        events=[
            Event("e3", "s2", "meeting", None, ["i1", "i3"], "They met, again."),
            Event("e2", "s1", "grant", PartialDate(2025, 3), ["i1"], 'A grant; "big", C:\\x'),
            Event("e1", "s1", "mou", PartialDate(2025, 3, 11), ["i1", "i2"],
                  "Alpha, Beta; signed.\nNext line " + "long " * 30),
        ],
    )


@pytest.fixture
def corpus(monkeypatch: pytest.MonkeyPatch) -> Corpus:
    built = make_corpus()
    monkeypatch.setattr(cli, "load", lambda paths: built)

    def searchable(paths: list[str]) -> Searchable:
        index = StoryIndex()
        index.add(built, built.stories)
        return Searchable(built, index)

    monkeypatch.setattr(cli, "load_searchable", searchable)
    return built


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = err.strip("\n").split("\n")
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# --- search ------------------------------------------------------------------------------


def test_search_json(corpus: Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "search", "alpha", "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert set(data) == {"query", "total", "suggestion", "hits"}
    assert data["query"] == "alpha" and data["total"] == 2
    assert {h["story"] for h in data["hits"]} == {"s1", "s2"}
    assert set(data["hits"][0]) == {"story", "title", "date", "score", "snippet"}


def test_search_no_hits_exits_1(corpus: Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "search", "zebra", "--json")
    assert code == 1
    assert json.loads(out)["total"] == 0
    assert "zebra" in one_line(err)


def test_search_suggestion_on_stderr(corpus: Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "search", "memorandm")
    assert code == 1 and out == ""
    assert "Did you mean: memorandum?" in one_line(err)


@pytest.mark.parametrize("query", ['"open', "me*", "date:2025-13"])
def test_search_bad_query_exits_2(
    corpus: Corpus, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    code, out, err = run(capsys, "search", query)
    assert code == 2 and out == ""
    assert one_line(err).startswith("medtui: ")


def test_search_plain_when_piped(corpus: Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "medical")
    assert code == 0
    header, row = out.splitlines()
    assert header.split("\t") == ["score", "date", "story", "title", "snippet"]
    assert row.split("\t")[1:4] == ["2025-03-11", "s1", "Alpha and Beta sign MOU"]


def test_search_institution_filter(corpus: Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "alpha", "--json", "--institution", "i3")
    assert code == 0
    assert [h["story"] for h in json.loads(out)["hits"]] == ["s2"]


def test_search_bad_limit(corpus: Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "search", "alpha", "--limit", "0")
    assert code == 2 and "--limit" in one_line(err)


def test_search_usage_names_query_only(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "search")
    line = one_line(err)
    assert (code, out) == (2, "")
    assert "required: QUERY (" in line and "PATH" not in line  # PATH defaults to the seeds


def test_unknown_kind_is_reported_with_the_known_kinds(
    corpus: Corpus, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "search", "kind:bogus", "--json")
    assert (code, json.loads(out)["total"]) == (1, 0)
    first = one_line(err)  # the unknown kind says why nothing matched: no second sentence
    assert first.startswith("medtui: unknown event kind 'bogus'")
    assert "mou, agreement, approval" in first
    code, out, err = run(capsys, "search", "kind:bogus OR alpha", "--json")
    assert (code, json.loads(out)["total"]) == (0, 2)  # it ran: the known part matched
    assert "unknown event kind 'bogus'" in one_line(err)
    code, out, err = run(capsys, "search", "kind:mou", "--json")
    assert (code, json.loads(out)["total"], err) == (0, 1, "")


def test_unknown_institution_id_is_reported_with_known_ids(
    corpus: Corpus, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "search", "alpha", "--institution", "nope", "--json")
    assert (code, json.loads(out)["total"]) == (1, 0)
    first = err.strip().split("\n")[0]
    assert first.startswith("medtui: unknown institution id 'nope'") and "i1, i2, i3" in first
    code, _, err = run(capsys, "search", "alpha", "--institution", "i1", "--json")
    assert (code, err) == (0, "")


LISTINGS = [["search", "alpha"], ["search", "date:2025"], ["institutions"], ["institutions", "--json"],
            ["timeline"], ["timeline", "--format", "json"], ["export"], ["export", "--format", "json"]]


@pytest.mark.parametrize("argv", LISTINGS)
def test_a_folder_without_documents_exits_1_for_every_listing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 not a format medtui reads")
    code, _, err = run(capsys, argv[0], *argv[1:], str(folder))
    assert code == 1
    assert err.strip().split("\n")[-1].startswith("medtui: no story could be read")


@pytest.mark.parametrize("contents", [[b"\x00\x01binary\x00" * 50],
                                      [b"\x00\x01binary\x00" * 50, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64]],
                         ids=["one-binary", "two-binary"])
@pytest.mark.parametrize("argv", LISTINGS)
def test_only_unreadable_files_is_unreadable_input_exit_2_for_every_listing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], contents: list[bytes]
) -> None:
    """Files exist but none decodes to text: the contract's "unreadable input" (exit 2),
    one sentence naming a file and why, nothing on stdout."""
    folder = tmp_path / "in"
    folder.mkdir()
    for n, content in enumerate(contents):
        (folder / f"data{n}.txt").write_bytes(content)
    for _ in range(2):  # the second time through the saved (empty) index
        code, out, err = run(capsys, argv[0], *argv[1:], str(folder))
        assert (code, out) == (2, "")
        assert err.count("\n") == 1 and "data0.txt" in err and "binary" in err, err


def test_a_readable_file_without_a_story_is_not_unreadable(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "blank.txt").write_text("   \n")
    (tmp_path / "data.txt").write_bytes(b"\x00\x01binary\x00" * 50)
    code, _, err = run(capsys, "institutions", str(tmp_path))
    assert code == 1 and "no story could be read" in err


def test_unknown_institution_id_is_the_only_sentence(corpus: Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "search", "alpha", "--institution", "zzz")
    assert code == 1
    assert err.count("\n") == 1 and "unknown institution id 'zzz'" in err and "no story matches" not in err
    code, _, err = run(capsys, "search", "kind:nosuchkind")
    assert code == 1 and err.count("\n") == 1 and "unknown event kind" in err


@pytest.mark.parametrize("query", ["", "   "])
def test_an_empty_query_is_bad_usage(corpus: Corpus, capsys: pytest.CaptureFixture[str], query: str) -> None:
    code, out, err = run(capsys, "search", query)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "query is empty" in err


# --- timeline ----------------------------------------------------------------------------


def test_timeline_json_order(corpus: Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "timeline", "--format", "json")
    assert code == 0
    events = json.loads(out)["events"]
    assert [e["id"] for e in events] == ["e1", "e2", "e3"]
    assert events[0]["party_names"] == ["Alpha University", "Beta Hospital"]
    assert events[0]["story_title"] == "Alpha and Beta sign MOU"


def test_timeline_narrowed_by_institution_and_kind(corpus: Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    def ids(*argv: str) -> list[str]:
        code, out, _ = run(capsys, "timeline", "--format", "json", *argv)
        assert code == (0 if json.loads(out)["events"] else 1)
        return [e["id"] for e in json.loads(out)["events"]]

    assert ids("--institution", "i2") == ["e1"]
    assert ids("--institution", "au", "--institution", "GAMMA | agency") == ["e3"]  # names, any case
    assert ids("--institution", "i1", "--kind", "grant", "--kind", "meeting") == ["e2", "e3"]
    code, _, err = run(capsys, "timeline", "--institution", "i9")
    assert code == 1 and "unknown institution 'i9'" in err and "i1" in err
    code, _, err = run(capsys, "timeline", "--kind", "merger")
    assert code == 2 and "invalid choice" in one_line(err)


def test_timeline_csv(corpus: Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "timeline", "--format", "csv")
    assert code == 0
    assert out.splitlines()[0] == (
        "id,date,kind,parties,party_names,story,story_title,evidence,sources,source_stories")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == ["e1", "e2", "e3"]
    assert rows[0]["parties"] == "i1;i2"
    assert rows[0]["party_names"] == "Alpha University; Beta Hospital"
    assert rows[1]["evidence"] == 'A grant; "big", C:\\x'
    assert rows[2]["date"] == ""
    assert "\x1b" not in out


def unfold(ics: str) -> list[str]:
    return ics.replace("\r\n ", "").split("\r\n")


def test_timeline_ics(corpus: Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "timeline", "--format", "ics")
    assert code == 0
    assert out.startswith("BEGIN:VCALENDAR\r\n") and out.endswith("END:VCALENDAR\r\n")
    assert "\n" not in out.replace("\r\n", "")  # every line ends with CRLF
    assert all(len(line.encode()) <= 75 for line in out.split("\r\n"))
    lines = unfold(out)
    assert lines.count("BEGIN:VEVENT") == 2 == lines.count("END:VEVENT")  # undated left out
    assert "1 event has no date" in one_line(err)
    assert "DTSTART;VALUE=DATE:20250311" in lines and "DTEND;VALUE=DATE:20250312" in lines
    assert "DTSTART;VALUE=DATE:20250301" in lines  # month-only date: the whole month
    assert "DTEND;VALUE=DATE:20250401" in lines
    descriptions = [line for line in lines if line.startswith("DESCRIPTION:")]
    assert descriptions[0].startswith("DESCRIPTION:Alpha\\, Beta\\; signed.\\nNext line")
    assert "A grant\\; \"big\"\\, C:\\\\x" in descriptions[1]
    assert "Date given only as 2025-03: the event spans the whole month." in descriptions[1]
    assert "SUMMARY:MoU: Alpha University\\, Beta Hospital" in lines
    assert all(line.startswith("UID:") and line.endswith("@medtui")
               for line in lines if line.startswith("UID"))


def test_ics_is_stable_with_source_date_epoch(
    corpus: Corpus, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    _, first, _ = run(capsys, "timeline", "--format", "ics")
    _, second, _ = run(capsys, "timeline", "--format", "ics")
    assert first == second and "DTSTAMP:20231114T221320Z" in first


def test_timeline_markdown(corpus: Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "timeline", "--format", "md")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "| Date | Kind | Parties | Story | Evidence | Sources |"
    assert lines[1] == "| --- | --- | --- | --- | --- | --- |"
    assert len(lines) == 5
    assert lines[4].startswith("| undated | Meeting | Alpha University, Gamma \\| Agency |")
    assert all(len(re.split(r"(?<!\\)\|", line)) == 8 for line in lines)  # 6 cells each


def test_timeline_table_plain(corpus: Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "timeline")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split("\t") == ["date", "kind", "parties", "story", "story_title", "sources"]
    assert [line.split("\t")[0] for line in lines[1:]] == ["2025-03-11", "2025-03", ""]
    assert "\x1b" not in out and "\u202e" not in out


def test_timeline_bad_format(corpus: Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "timeline", "--format", "pdf")
    assert code == 2 and "pdf" in one_line(err)


# --- institutions, export ------------------------------------------------------------------


def test_institutions(corpus: Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "institutions", "--json")
    assert code == 0
    rows = json.loads(out)["institutions"]
    assert [(r["id"], r["story_count"]) for r in rows] == [("i1", 2), ("i2", 1), ("i3", 1)]
    code, out, _ = run(capsys, "institutions")
    assert code == 0 and out.splitlines()[1].split("\t") == [
        "i1", "Alpha University", "university", "2", "AU",
    ]


def test_export(corpus: Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["version"] == 1 and len(data["stories"]) == 2 and len(data["events"]) == 3


# --- rich output on a terminal -------------------------------------------------------------


def test_rich_tables_escape_document_text(
    corpus: Corpus, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import medtui.cli_render as render

    monkeypatch.setattr(render, "is_terminal", lambda stream: True)
    monkeypatch.setenv("COLUMNS", "200")
    for argv in (["search", "again"], ["timeline"], ["institutions"]):
        code, out, _ = run(capsys, *argv)
        assert code == 0
        assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    code, out, _ = run(capsys, "search", "again")
    assert "[bold]Evil[/bold]" in out  # markup in a title is shown, not interpreted
    assert "┃" in out or "│" in out


# --- usage, paths, dispatch -----------------------------------------------------------------


def test_bad_path_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = str(tmp_path / "nope")
    for argv in (["export", missing], ["search", "x", missing], ["timeline", missing], [missing]):
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == ""
        assert one_line(err) == f"medtui: No such file or folder: {missing}."


def test_unknown_option_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "export", "--bogus")
    assert code == 2 and "--bogus" in one_line(err)
    code, _, err = run(capsys, "search")
    assert code == 2 and "QUERY" in one_line(err).upper()


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "export" in out and "timeline" in out
    code, out, _ = run(capsys, "search", "--help")
    assert code == 0 and "QUERY" in out
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("medtui ")


def fake_ui(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    calls: list[list[str]] = []
    module = types.ModuleType("medtui.ui.app")

    def fake_run(paths: list[str]) -> int:
        calls.append(paths)
        return 0

    module.run = fake_run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "medtui.ui.app", module)
    return calls


def test_no_subcommand_opens_the_ui(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls = fake_ui(monkeypatch)
    folder = tmp_path / "export"  # named like a subcommand, but given as a path
    folder.mkdir()
    assert cli.main([]) == 0
    assert cli.main([str(tmp_path)]) == 0
    assert cli.main([str(folder)]) == 0
    assert calls == [[], [str(tmp_path)], [str(folder)]]


def test_missing_ui_is_one_sentence(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "medtui.ui.app", None)
    code, _, err = run(capsys)
    assert code == 2 and "browser" in one_line(err)


def test_broken_pipe_is_quiet(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(args: object) -> int:
        raise BrokenPipeError

    monkeypatch.setitem(cli.COMMANDS, "export", boom)
    code, _, err = run(capsys, "export")
    assert code == 0 and err == ""


def test_internal_error_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(args: object) -> int:
        raise RuntimeError("kaput")

    monkeypatch.delenv(cli.DEBUG_ENV, raising=False)
    monkeypatch.setitem(cli.COMMANDS, "export", boom)
    code, _, err = run(capsys, "export")
    assert code == 2 and "kaput" in one_line(err)


def test_bench_without_module(capsys: pytest.CaptureFixture[str],
                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "medtui.bench", None)
    monkeypatch.delattr("medtui.bench", raising=False)  # imported by an earlier test
    code, _, err = run(capsys, "bench", "--json")
    assert code == 2 and "bench" in one_line(err)
