"""End to end in a real terminal: the installed ``medtui`` in tmux at 80x24, driven by keys.

Starts the venv's ``bin/medtui`` (next to the Python running the tests) on the
bundled seeds, with private data/config/cache folders, in a detached tmux
session on a socket of its own (parallel runs never share a server). Reads the
screen with ``capture-pane`` and waits for what should appear, with a deadline,
never a fixed sleep. Skipped when tmux is not installed.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from helpers.scenes import private_dirs

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

DEADLINE_S = 60.0
"""Longest wait for any screen (a cold start reads and indexes the seeds in about a second)."""

READY = re.compile(r"Ready · \d+ stories · \d+ institutions")
"""The status line once the documents are read and indexed."""

TITLE = "HKUST Signs MoU with Microsoft Research Asia"
"""The start of the title of the one story matching the query."""


class Tmux:
    """One tmux server on a private socket, holding one 80x24 session."""

    def __init__(self, socket: str, env: dict[str, str]) -> None:
        self.socket = socket
        self.env = env
        self.socket_path: Path | None = None

    def start(self, command: str) -> None:
        """Open the 80x24 session running ``command`` (a shell command line)."""
        self.run("new-session", "-d", "-s", "medtui", "-x", "80", "-y", "24", command)
        path = self.run("display-message", "-p", "#{socket_path}").stdout.strip()
        self.socket_path = Path(path) if path else None

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run a tmux command on this server (no user config, not nested in any tmux)."""
        return subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True, text=True, env=self.env, check=check, timeout=20,
        )

    def screen(self) -> str:
        """The pane's visible text, one line per terminal row."""
        result = self.run("capture-pane", "-p", "-t", "medtui", check=False)
        return result.stdout if result.returncode == 0 else ""

    def keys(self, *keys: str, literal: bool = False) -> None:
        """Type ``keys`` (tmux key names, or literal text with ``literal``)."""
        self.run("send-keys", "-t", "medtui", *(["-l"] if literal else []), *keys)

    def alive(self) -> bool:
        """Whether the session still exists (it ends when medtui exits)."""
        return self.run("has-session", "-t", "medtui", check=False).returncode == 0

    def wait_for(self, condition: Callable[[str], bool], what: str) -> str:
        """Poll the screen until ``condition(screen)``; fail showing the last screen."""
        deadline = time.monotonic() + DEADLINE_S
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if condition(screen):
                return screen
            time.sleep(0.05)
        pytest.fail(f"the terminal never showed {what}; last screen:\n{screen}")


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    """A private tmux server (always killed afterwards, its socket file removed)."""
    env = {k: v for k, v in os.environ.items() if k not in ("TMUX", "TMUX_PANE")}
    server = Tmux(f"medtui-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}", env)
    try:
        yield server
    finally:
        server.run("kill-server", check=False)
        if server.socket_path is not None:
            server.socket_path.unlink(missing_ok=True)


def test_search_open_and_quit_in_a_real_terminal(tmux: Tmux, tmp_path: Path) -> None:
    medtui = Path(sys.executable).parent / "medtui"
    assert medtui.is_file(), f"medtui is not installed next to {sys.executable}"
    status_file = tmp_path / "exit-status"
    variables = [f"{name}={value}" for name, value in private_dirs(tmp_path).items()]
    # The shell records medtui's exit status, then the pane (and the session) closes.
    command = (
        f"env {shlex.join(variables)} {shlex.quote(str(medtui))}; "
        f"echo $? > {shlex.quote(str(status_file))}"
    )
    tmux.start(command)
    size = tmux.run("display-message", "-p", "-t", "medtui", "#{window_width}x#{window_height}")
    assert size.stdout.strip() == "80x24"

    screen = tmux.wait_for(lambda s: READY.search(s) is not None, "the corpus read and indexed")
    tmux.keys("1")
    screen = tmux.wait_for(lambda s: "[1 Institutions]" in s and " HKUST " in s
                           and "The Hong Kong University of S" in s,  # short name, then full
                           "the institutions pane")
    assert "HKSH Medical Group" in screen

    tmux.keys("/")
    tmux.keys("Microsoft", literal=True)
    screen = tmux.wait_for(lambda s: s_line(s, 0).startswith("/ Microsoft") and "1 hit" in s_line(s, 0),
                           "one hit for 'Microsoft' in the search line")
    tmux.keys("Enter")  # to the hits
    screen = tmux.wait_for(lambda s: "[2 Stories]" in s and TITLE[:40] in s, "the hit listed")
    tmux.keys("Enter")  # open it
    screen = tmux.wait_for(lambda s: "[3 Article]" in s and "Institutions:" in s, "the article")
    body = " ".join(line.strip("┃│ ") for line in screen.splitlines())
    assert TITLE in " ".join(body.split()), screen
    assert "Microsoft Research Asia to enhance" in " ".join(body.split()), screen

    tmux.keys("q")
    deadline = time.monotonic() + DEADLINE_S
    while tmux.alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not tmux.alive(), f"medtui did not quit on q; screen:\n{tmux.screen()}"
    assert status_file.read_text().strip() == "0"


def s_line(screen: str, number: int) -> str:
    """Line ``number`` of a captured screen ('' if there are fewer)."""
    lines = screen.splitlines()
    return lines[number] if number < len(lines) else ""


def start_medtui(tmux: Tmux, tmp_path: Path) -> None:
    """medtui on the bundled seeds in the 80x24 session, private folders; wait until Ready."""
    medtui = Path(sys.executable).parent / "medtui"
    variables = [f"{name}={value}" for name, value in private_dirs(tmp_path).items()]
    tmux.start(f"env {shlex.join(variables)} {shlex.quote(str(medtui))}")
    tmux.wait_for(lambda s: READY.search(s) is not None, "the corpus read and indexed")


def four_panes(screen: str) -> bool:
    """All four pane titles on screen (the wide layout), no pane tabs."""
    return all(t in screen for t in ("1 Institutions", "2 Stories", "3 Article", "4 Timeline")) \
        and "[2 Stories]" not in screen


def one_pane(screen: str) -> bool:
    """The narrow layout: the pane tabs line, the stories pane alone."""
    return "[2 Stories]" in screen and "4 Timeline ─" not in screen


def test_the_layout_follows_each_resize_of_a_running_medtui(tmux: Tmux, tmp_path: Path) -> None:
    start_medtui(tmux, tmp_path)
    assert one_pane(tmux.screen())
    for width, height, wide in ((120, 40, True), (80, 24, False), (100, 30, True),
                                (99, 30, False), (100, 30, True), (80, 24, False)):
        tmux.run("resize-window", "-t", "medtui", "-x", str(width), "-y", str(height))
        screen = tmux.wait_for(
            lambda s, w=width, h=height: len(s.splitlines()) == h
            and max(len(line) for line in s.splitlines()) <= w and s.splitlines()[-1].strip() != "",
            f"the window at {width}x{height}",
        )
        screen = tmux.wait_for(four_panes if wide else one_pane,
                               f"the {'four-pane' if wide else 'one-pane'} layout at {width}x{height}")
        assert (four_panes if wide else one_pane)(screen)


def test_a_new_search_then_enter_enter_opens_its_top_hit(tmux: Tmux, tmp_path: Path) -> None:
    start_medtui(tmux, tmp_path)
    tmux.run("resize-window", "-t", "medtui", "-x", "120", "-y", "40")
    tmux.wait_for(four_panes, "the four-pane layout")
    # Select (and open) a story the query also finds, one not at its top: the Council's.
    tmux.keys("2")
    opened: str | None = None  # the article shown before: the next one must differ (a loaded machine)
    for _ in range(12):
        tmux.keys("Enter")
        screen = tmux.wait_for(lambda s, before=opened: "Institutions:" in s and right_column(s) != before,
                               "the next story open")
        opened = right_column(screen)
        if "HKUST Council Advisory Group" in opened:
            break
        # Escape and j sent together read as alt+j: j goes once the article has let go of focus.
        tmux.keys("Escape")
        tmux.wait_for(lambda s: "┏━ 3 Article" not in s, "the article unfocused")
        tmux.keys("j")
    else:
        pytest.fail("the Council story was never selected")
    tmux.keys("Escape")  # back in the stories, the Council story under the cursor
    tmux.keys("/")
    tmux.keys("medical school", literal=True)
    screen = tmux.wait_for(lambda s: re.search(r"\d+ hits", s_line(s, 0)) is not None,
                           "the hits of 'medical school'")
    tmux.keys("Enter")
    screen = tmux.wait_for(lambda s: "of " in s and "hits ·" in s, "the hits listed")
    row = re.compile(r"^[│┃][★ ][● ] (?:\d{4}(?:-\d\d){0,2}|undated) +(.+?)(?:…|[│┃])")
    titles = [m.group(1).strip() for line in screen.splitlines() if (m := row.match(line))]
    assert len(titles) >= 2 and any(t.startswith("HKUST Council") for t in titles[1:]), screen
    tmux.keys("Enter")  # open the top hit, not the Council story selected before
    # The article's own title (above its Date: line), not the timeline's rows under it.
    screen = tmux.wait_for(lambda s: "Institutions:" in s and titles[0][:25] in
                           " ".join(right_column(s).split("Date:")[0].split()), f"the top hit {titles[0]!r} open")
    assert "HKUST Council Advisory" not in right_column(screen).split("Date:")[0]


def right_column(screen: str) -> str:
    """The text of the right-hand panes (article, timeline) of the four-pane layout."""
    return " ".join(line[line.find("│", 2) + 1:] if "│" in line[2:] else ""
                    for line in screen.splitlines())
