"""Document text is data: the CLI never sends a document's escape sequences to a terminal.

A document (and a file name) holding OSC 52 clipboard writes, OSC 8 links, OSC 0 title
changes, CSI screen clears, C1 controls, Rich markup and bidi overrides is run through
every CLI output, both piped and on a real pseudo-terminal (where Rich draws tables).
The hostile bytes must not appear; the markup must show as the literal text it is.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest

from helpers.terminal import hostile_bytes, run_on_pty, write_hostile_folder

MEDTUI = [sys.executable, "-m", "medtui"]
COMMANDS = (
    ["search", "memorandum"], ["timeline"], ["institutions"], ["timeline", "--format", "md"],
    ["timeline", "--format", "csv"], ["timeline", "--format", "ics"],
)
JSON_COMMANDS = (["export"], ["search", "memorandum"], ["timeline", "--format", "json"],
                 ["institutions"])
C0 = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("inert") / "docs"
    write_hostile_folder(path)
    return path


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(MEDTUI_CACHE_DIR=str(tmp_path / "cache"), MEDTUI_CONFIG_DIR=str(tmp_path / "cfg"),
               MEDTUI_DATA_DIR=str(tmp_path / "data"), TERM="xterm-256color", COLUMNS="200")
    env.pop("NO_COLOR", None)
    return env


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_piped_output_has_no_control_characters(folder: Path, env: dict[str, str], args: list[str]) -> None:
    import subprocess

    result = subprocess.run([*MEDTUI, *args, str(folder)], capture_output=True, env=env,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert hostile_bytes(result.stdout + result.stderr) == []
    out = result.stdout.replace(b"\r\n", b"\n")  # iCalendar lines end in CRLF
    assert not C0.search(out) and b"\r" not in out


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_terminal_output_has_no_hostile_sequences(folder: Path, env: dict[str, str], args: list[str]) -> None:
    status, out = run_on_pty([*MEDTUI, *args, str(folder)], env)
    assert status == 0, out[-500:]
    assert hostile_bytes(out) == []
    if args == ["search", "memorandum"]:
        # Rich drew a table, but the document's markup was not taken as markup.
        for literal in (b"[bold]not bold[/bold]", b"[link=http://evil.example]click[/link]",
                        b"[@click=app.quit]quit[/]"):
            assert literal in out


@pytest.mark.parametrize("args", JSON_COMMANDS, ids=" ".join)
def test_json_output_escapes_controls_but_keeps_the_data(
    folder: Path, env: dict[str, str], args: list[str]
) -> None:
    extra = ["--json"] if args[0] in ("search", "institutions") else []
    status, out = run_on_pty([*MEDTUI, *args, str(folder), *extra], env)
    assert status == 0, out[-500:]
    assert hostile_bytes(out) == []
    start = out.index(b"{")
    text = out[start:].decode("utf-8").replace("\r\n", "\n")
    data = json.loads(text[: text.rindex("}") + 1])
    if args == ["export"]:
        # The data itself is unchanged: JSON escapes are decoded back to the characters.
        names = [d["path"] for d in data["documents"]]
        assert any("\x1b]0;FILETITLE\x07\x9b2J\u202e" in n for n in names)
        body = next(s["text"] for s in data["stories"] if "memorandum" in s["text"])
        assert "Hong Kong\u202e signed" in body and "[bold]" not in body
