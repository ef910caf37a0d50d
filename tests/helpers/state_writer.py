"""Subprocess used by the reader-state crash tests: writes stars and reports each one.

Usage: state_writer.py DB_PATH PREFIX COUNT [--toggle KEY]

Stars ``PREFIX-0``, ``PREFIX-1``, ... (forever when COUNT is 0) and prints each key
on its own line, flushed, only after ``set_starred`` has returned, i.e. after the
change is acknowledged as durable. With ``--toggle KEY`` it also toggles KEY once
per iteration (to test atomic toggles between processes). Exits 3 if the state
opened read-only or with a warning (for example after finding a damaged file).
"""

from __future__ import annotations

import sys

from medtui.state.store import ReaderState


def main(argv: list[str]) -> int:
    """Run the write loop described in the module docstring."""
    path, prefix, count = argv[0], argv[1], int(argv[2])
    toggle_key = argv[4] if len(argv) > 4 and argv[3] == "--toggle" else None
    state = ReaderState(path)
    if state.read_only or state.warning:
        print(f"state_writer: {state.warning}", file=sys.stderr, flush=True)
        return 3
    i = 0
    while count == 0 or i < count:
        key = f"{prefix}-{i}"
        state.set_starred(key, True)
        if toggle_key is not None:
            state.toggle_star(toggle_key)
        if state.read_only:
            print(f"state_writer: {state.warning}", file=sys.stderr, flush=True)
            return 3
        sys.stdout.write(key + "\n")
        sys.stdout.flush()
        i += 1
    state.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
