"""Run a program on a real pseudo-terminal and get the exact bytes it wrote there.

For tests that must see what reaches a terminal (escape sequences included), which a
pipe cannot show: programs write differently when their output is a terminal.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import termios
import time

HOSTILE_TITLE = (
    "Evil\x1b]0;PWNED-TITLE\x07 news \x1b[2J\x1b[31m[bold]not bold[/bold] "
    "[link=http://evil.example]click[/link] [@click=app.quit]quit[/]"
)
HOSTILE_BODY = (
    "The University of Hong Kong\u202e signed a memorandum of understanding with Zhejiang "
    "University on 11 March 2025. \x1b]52;c;SEVMTE8=\x07 The payload "
    "\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\ here. \x9b2J \x9d0;C1TITLE\x9c "
    "\u2066isolate\u2069 \u202aembed\u202c [red]Evil Institute[/red] of Harm\u202e signed an "
    "agreement with HKU. \x1b[?1049l\x1b[?25l\x1bc\x07\x08\x08\x08 tail.\n"
)
HOSTILE_DOCUMENT = HOSTILE_TITLE + "\n\n" + HOSTILE_BODY
HOSTILE_FILE_NAME = b"name\x1b]0;FILETITLE\x07\xc2\x9b2J\xe2\x80\xae.txt"
"""A file name holding an OSC title change, an 8-bit CSI (as UTF-8) and a bidi override."""

# Byte strings from the document that must never reach a terminal as they are.
FORBIDDEN = (
    b"SEVMTE8=\x07", b"\x1b]52", b"\x1b]0;", b"\x1b]8;", b"\x1b[2J\x1b[31m", b"\x1bc",
    b"PWNED-TITLE\x07", b"FILETITLE\x07", b"\x9b2J", b"\x9d0;",
)
# C1 controls as UTF-8, and bidi embedding/override/isolate controls as UTF-8.
FORBIDDEN_PATTERNS = (re.compile(rb"\xc2[\x80-\x9f]"), re.compile(rb"\xe2\x80[\xaa-\xae]"),
                      re.compile(rb"\xe2\x81[\xa6-\xa9]"))


def hostile_bytes(output: bytes) -> list[str]:
    """Which of the document's hostile sequences are in ``output`` (empty: none)."""
    found = [repr(b) for b in FORBIDDEN if b in output]
    found += [repr(m.group()) for p in FORBIDDEN_PATTERNS for m in p.finditer(output)]
    return found


def write_hostile_folder(folder: os.PathLike[str] | str) -> None:
    """A folder with the hostile document and a second document with a hostile file name."""
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "hostile.txt"), "w", encoding="utf-8") as fh:
        fh.write(HOSTILE_DOCUMENT)
    fd = os.open(os.path.join(os.fsencode(folder), HOSTILE_FILE_NAME), os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, b"Named story\n\nThe University of Hong Kong launched a new centre with "
                 b"Zhejiang University on 2 April 2025.\n")
    os.close(fd)


def run_on_pty(argv: list[str], env: dict[str, str], timeout: float = 120,
               columns: int = 200, lines: int = 50) -> tuple[int, bytes]:
    """Run ``argv`` with stdin/stdout/stderr on a new pseudo-terminal; (exit status, bytes)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                            close_fds=True, start_new_session=True)
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    data = os.read(master, 65536)
                except OSError:  # EIO: the program closed the terminal
                    break
                if not data:
                    break
                chunks.append(data)
            elif proc.poll() is not None:
                break
        else:
            proc.kill()
            raise TimeoutError(f"{argv[:3]} still running after {timeout} s")
        return proc.wait(timeout=10), b"".join(chunks)
    finally:
        os.close(master)
