"""Why a file cannot be read is a kind the reader sets (``Document.unreadable``), not a
warning's wording: each kind gives the contract's exit 2 with its one-sentence reason."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import medtui.cli as cli
from medtui.corpus.model import UNREADABLE_KINDS
from medtui.corpus.reader import read_document_text
from medtui.pipeline import load_corpus

STORY = ("Riverside University and Northgate Hospital signed a memorandum of understanding "
         "on 3 March 2025 to train nurses together.\n")


def refuse_open(monkeypatch: pytest.MonkeyPatch, name: str, error: OSError) -> None:
    """``os.open`` of a file called ``name`` fails with ``error`` (as root, chmod 000 does
    not stop reads, and a file cannot be made to vanish between listing and reading)."""
    real_open = os.open

    def fake_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.path.basename(os.fsdecode(path)) == name:
            raise error
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)


def nul_bytes(path: Path, _: pytest.MonkeyPatch) -> None:
    path.write_bytes(b"\x00\x01data\x00" * 50)


def png_image(path: Path, _: pytest.MonkeyPatch) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)


def undecodable(path: Path, _: pytest.MonkeyPatch) -> None:
    path.write_bytes("\ufffd".encode() * 500)  # decodes, but to nothing but U+FFFD


def fifo(path: Path, _: pytest.MonkeyPatch) -> None:
    os.mkfifo(path)


def permission_denied(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path.write_text(STORY)
    refuse_open(monkeypatch, path.name, PermissionError(errno.EACCES, "Permission denied"))


def vanished(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path.write_text(STORY)
    refuse_open(monkeypatch, path.name, FileNotFoundError(errno.ENOENT, "No such file"))


def io_error(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path.write_text(STORY)
    refuse_open(monkeypatch, path.name, OSError(errno.EIO, "Input/output error"))


Maker = Callable[[Path, pytest.MonkeyPatch], None]
CASES: list[tuple[Maker, str, str]] = [  # (make the file, its kind, words of the reason)
    (nul_bytes, "binary", "NUL bytes"),
    (png_image, "binary", "PNG image"),
    (undecodable, "binary", "undecodable"),
    (fifo, "not-regular", "not a regular file"),
    (permission_denied, "permission", "permission denied"),
    (vanished, "vanished", "vanished"),
    (io_error, "os-error", "Input/output error"),
]
IDS = [make.__name__ for make, _, _ in CASES]


@pytest.mark.parametrize(("make", "kind", "words"), CASES, ids=IDS)
def test_the_reader_says_which_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    make: Maker, kind: str, words: str) -> None:
    path = tmp_path / "data.txt"
    make(path, monkeypatch)
    decoded = read_document_text(path)
    assert decoded.text is None and decoded.unreadable == kind and kind in UNREADABLE_KINDS
    assert words in decoded.warnings[-1]  # the last warning says it in words


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"], ids=["empty", "blank"])
def test_an_empty_file_was_read_it_is_not_unreadable(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    decoded = read_document_text(path)
    assert decoded.text is None and decoded.unreadable is None
    assert decoded.warnings == ["empty file, skipped"]


def test_a_readable_file_has_no_kind(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    assert read_document_text(path).unreadable is None


def test_the_kind_reaches_the_corpus_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    nul_bytes(tmp_path / "b.txt", monkeypatch)
    (tmp_path / "c.txt").write_text("")
    corpus = load_corpus([tmp_path], cache=False, workers=1)
    kinds = {Path(d.path).name: d.unreadable for d in corpus.documents}
    assert kinds == {"a.txt": None, "b.txt": "binary", "c.txt": None}


@pytest.mark.parametrize(("make", "kind", "words"), CASES, ids=IDS)
def test_each_kind_is_unreadable_input_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    make: Maker, kind: str, words: str,
) -> None:
    """The only file named cannot be read: exit 2, one sentence with the reason, no stdout
    (twice: the second time through what the first run saved)."""
    path = tmp_path / "data.txt"
    make(path, monkeypatch)
    for _ in range(2):
        code = cli.main(["export", str(path)])
        out, err = capsys.readouterr()
        assert (code, out) == (2, ""), err
        assert err.count("\n") == 1 and "Traceback" not in err
        assert "Cannot read" in err and "data.txt" in err and words in err, err
        assert "only file found" in err and ", skipped" not in err


def test_a_wording_change_does_not_change_the_exit_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    """The decision is the kind's: a refusal worded in a way no prefix list knew still
    gives exit 2, and a readable file whose warning starts like a refusal does not."""
    from medtui.corpus import reader

    path = tmp_path / "data.txt"
    io_error(path, monkeypatch)
    real = reader._read_bytes

    def reworded(p: Path) -> tuple[bytes | None, list[str], str | None]:
        data, warnings, kind = real(p)
        return data, [f"the disk said no ({len(warnings)})"], kind

    monkeypatch.setattr(reader, "_read_bytes", reworded)
    code = cli.main(["export", "--format", "json", str(path)])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and "the disk said no (1)" in err, err
    monkeypatch.setattr(reader, "_read_bytes", real)
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n")
    monkeypatch.setattr(reader, "decode", lambda data, controls=None: (
        None, None, ["binary, one would say, but empty"]))
    code = cli.main(["export", "--format", "json", str(blank)])
    out, err = capsys.readouterr()
    assert code == 1 and "no story could be read" in err, err


def test_files_skipped_among_readable_ones_are_said_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    """A folder with one unreadable file among readable ones: the output is right (exit 0)
    and stderr says, in one sentence, that a file was skipped and where to see why."""
    (tmp_path / "a.txt").write_text(STORY)
    nul_bytes(tmp_path / "b.txt", pytest.MonkeyPatch())
    for argv in (["timeline", str(tmp_path)], ["institutions", str(tmp_path)]):
        code = cli.main(argv)
        out, err = capsys.readouterr()
        assert code == 0 and "Northgate Hospital" in out, err
        assert err.count("\n") == 1 and "1 file was skipped of 2" in err and "b.txt" in err, err
