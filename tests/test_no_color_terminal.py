"""Under NO_COLOR no colour reaches the terminal: the installed medtui on a real
pseudo-terminal that claims true colour, every byte it writes checked for SGR colours."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from helpers.scenes import private_dirs

SGR = re.compile(rb"\x1b\[([0-9;:]*)m")
COLOUR_CODES = {38, 39, 48, 49, *range(30, 38), *range(40, 48), *range(90, 98),
                *range(100, 108)}
"""SGR parameters that set a colour (foreground, background, or back to the default)."""


def colour_codes(output: bytes) -> list[str]:
    """Every SGR sequence in ``output`` that sets a colour, as text."""
    found = []
    for match in SGR.finditer(output):
        params = [p for p in re.split(rb"[;:]", match.group(1)) if p]
        if any(int(p) in COLOUR_CODES for p in params[:1]) or any(
            int(p) in (38, 48) for p in params
        ):
            found.append(match.group().decode("ascii", "replace"))
    return found


def test_colour_codes_are_recognised() -> None:
    assert colour_codes(b"\x1b[1m\x1b[7mx\x1b[0m") == []
    assert colour_codes(b"\x1b[38;5;253mx") == ["\x1b[38;5;253m"]
    assert colour_codes(b"\x1b[1;48;2;1;2;3mx") == ["\x1b[1;48;2;1;2;3m"]
    assert colour_codes(b"\x1b[91mx\x1b[49m") == ["\x1b[91m", "\x1b[49m"]


def run_until_ready_then_quit(argv: list[str], env: dict[str, str], timeout: float = 90) -> bytes:
    """Run ``argv`` on a 100x30 pseudo-terminal, wait for 'Ready', search, press q; the bytes."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                            close_fds=True, start_new_session=True)
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    # Each key is sent once the screen shows what the one before did (machines may be loaded).
    steps = [b"Ready", b"hit", b"Institutions:"]
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    data = os.read(master, 65536)
                except OSError:
                    break
                if not data:
                    break
                chunks.append(data)
                if steps and steps[0] in b"".join(chunks):
                    step = steps.pop(0)
                    keys = {b"Ready": b"/medical", b"hit": b"\r\r", b"Institutions:": b"q"}
                    os.write(master, keys[step])
            elif proc.poll() is not None:
                break
        else:
            proc.kill()
            pytest.fail(f"medtui still running after {timeout} s")
        proc.wait(timeout=10)
        return b"".join(chunks)
    finally:
        os.close(master)


@pytest.mark.tmux  # a real terminal test, like the tmux ones
def test_no_sgr_colour_reaches_the_terminal_under_no_color(tmp_path: Path) -> None:
    medtui = Path(sys.executable).parent / "medtui"
    env = {k: v for k, v in os.environ.items() if k not in ("TMUX", "TMUX_PANE")}
    env.update(private_dirs(tmp_path), NO_COLOR="1", TERM="xterm-256color", COLORTERM="truecolor")
    output = run_until_ready_then_quit([str(medtui)], env)
    assert b"Ready" in output and b"Institutions:" in output  # searched and opened a story
    assert SGR.search(output), "emphasis (bold, reverse) is still drawn"
    assert colour_codes(output) == []
