"""The real app in a real terminal (tmux) never passes a document's escape sequences on.

medtui runs in a detached 80x24 tmux session on a folder with a hostile document (OSC 52
clipboard write, OSC 8 link, OSC 0 title, CSI screen clear, C1 controls, Rich/Textual
markup, bidi overrides) and hostile file names. Every byte the app writes is captured
with ``tmux pipe-pane``; the test opens the article, the other panes, a search and the
warnings screen, then checks the bytes, the screen and the terminal title.
"""

from __future__ import annotations

import base64
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers.terminal import hostile_bytes, write_hostile_folder

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]
WARN_NAME = b"empty\x1b]0;WARNTITLE\x07\x1b[2J\xe2\x80\xae.txt"
"""An empty file (so it is listed on the warnings screen) with a hostile name."""


class Tmux:
    """A private tmux server (its own socket) with one 80x24 session."""

    def __init__(self, tmp: Path) -> None:
        self.socket = f"medtui-inert-{uuid.uuid4().hex[:8]}"
        self.tmp = tmp

    def __call__(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, "-f", os.devnull, *args],
                                capture_output=True, text=True, timeout=30, check=False)
        return result.stdout

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", "app")

    def wait_for(self, text: str, seconds: float = 60) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        pytest.fail(f"{text!r} never appeared; the screen was:\n{self.screen()}")

    def keys(self, *keys: str, pause: float = 0.4) -> None:
        for key in keys:
            if key.startswith("literal:"):
                self("send-keys", "-t", "app", "-l", key[len("literal:"):])
            else:
                self("send-keys", "-t", "app", key)
            time.sleep(pause)

    def title(self) -> str:
        return self("display-message", "-p", "-t", "app", "#{pane_title}").strip()

    def alive(self) -> bool:
        return "app" in self("list-sessions", "-F", "#{session_name}")


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    server = Tmux(tmp_path)
    yield server
    server("kill-server")


def start_app(tmux: Tmux, folder: Path, raw: Path) -> None:
    """Start medtui in the session, with every output byte going to ``raw`` from the first."""
    go = tmux.tmp / "go"
    env = {"MEDTUI_CACHE_DIR": tmux.tmp / "cache", "MEDTUI_CONFIG_DIR": tmux.tmp / "cfg",
           "MEDTUI_DATA_DIR": tmux.tmp / "data"}
    script = tmux.tmp / "run.sh"
    script.write_text(
        "#!/bin/sh\n"
        f"while [ ! -e {shlex.quote(str(go))} ]; do sleep 0.05; done\n"
        + "".join(f"export {k}={shlex.quote(str(v))}\n" for k, v in env.items())
        + f"exec {shlex.quote(sys.executable)} -m medtui {shlex.quote(str(folder))}\n"
    )
    script.chmod(0o755)
    tmux("new-session", "-d", "-s", "app", "-x", "80", "-y", "24", str(script))
    tmux("set-option", "-t", "app", "remain-on-exit", "on")
    tmux("pipe-pane", "-o", "-t", "app", f"cat >> {shlex.quote(str(raw))}")
    go.touch()


def test_hostile_document_in_the_real_app_reaches_the_terminal_as_plain_text(
    tmux: Tmux, tmp_path: Path
) -> None:
    folder = tmp_path / "docs"
    write_hostile_folder(folder)
    fd = os.open(os.path.join(os.fsencode(folder), WARN_NAME), os.O_WRONLY | os.O_CREAT, 0o644)
    os.close(fd)
    raw = tmp_path / "raw.bin"
    start_app(tmux, folder, raw)
    tmux.wait_for("Ready")
    title_before = tmux.title()

    tmux.keys("2", "Enter")  # open the first story: the hostile one (newest first, undated)
    screen = tmux.wait_for("Source:")
    assert "]0;PWNED-TITLE" in screen and "[bold]not bold[/bold]" in screen
    assert "[@click=app.quit]quit[/]" in screen
    tmux.keys("G", "Escape", "j", "Enter")  # to the end of it, back, open the second story
    tmux.keys("1", "4", "/", "literal:memorandum", "Enter")
    tmux.wait_for("1 hit")
    tmux.keys("Enter", "w")  # the article of the hit, then the warnings screen
    screen = tmux.wait_for("closes")  # the warnings screen's title (the status line says "warning" too)
    assert "empty" in screen
    tmux.keys("Escape", "2", "g", "Enter", "y")  # copy the hostile story's citation (OSC 52)
    assert tmux.alive(), "the app quit: document text acted as a [@click] action"
    title_after = tmux.title()
    tmux.keys("q")
    deadline = time.monotonic() + 20
    while "Pane is dead" not in tmux.screen() and time.monotonic() < deadline:
        time.sleep(0.2)
    output = raw.read_bytes()

    assert len(output) > 1000  # the capture did see the app draw
    # The app's own clipboard write ("y") is the only OSC 52 allowed: base64 of a citation
    # that is one line of plain text.
    copies = re.findall(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)(?:\x07|\x1b\\)", output)
    assert len(copies) == 1
    citation = base64.b64decode(copies[0]).decode("utf-8")
    assert "PWNED-TITLE" in citation and "[bold]" in citation
    assert not re.search("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", citation)
    output = output.replace(b"\x1b]52;c;" + copies[0], b"")
    assert hostile_bytes(output) == []
    # Textual itself never sends these; any occurrence would come from a document.
    for sequence in (b"\x1b]0;", b"\x1b]2;", b"\x1b]52;", b"\x1b]8;", b"\x1b[2J", b"\x1bc"):
        assert sequence not in output, sequence
    assert title_after == title_before
    assert not any(word in title_after for word in ("PWNED", "FILETITLE", "WARNTITLE", "C1TITLE"))


def test_the_app_on_the_input_zoo_loads_the_rest_and_warns_once_per_problem(
    tmux: Tmux, tmp_path: Path
) -> None:
    from helpers.zoo import build_zoo

    specimens = build_zoo(tmp_path / "zoo")
    stories = len([s for s in specimens if s.marker is not None])
    problems = sum(len(s.warnings) for s in specimens)
    start_app(tmux, tmp_path / "zoo", tmp_path / "raw.bin")
    screen = tmux.wait_for("Ready", seconds=120)
    assert f"Ready · {stories} stories" in screen
    assert f"{problems} warnings (w)" in screen
    tmux.keys("w")
    tmux.wait_for(f"{problems} warnings —")
    tmux.keys("Escape", "/", "literal:quebecname", "Enter")  # the file whose name is not UTF-8
    tmux.wait_for("1 hit")
    assert tmux.alive()
