"""The ``medtui`` command line's grammar: the parser of each command, and usage errors
as one sentence (:class:`~medtui.errors.UsageError`, exit 2) instead of argparse's exit.

The commands themselves are in :mod:`medtui.cli`; the formats and exit codes they keep
are the contract's.
"""

from __future__ import annotations

import argparse
from typing import NoReturn

from medtui import __version__
from medtui.errors import UsageError

PROG = "medtui"
SUBCOMMANDS = ("export", "search", "timeline", "institutions", "bench")
TIMELINE_FORMATS = ("table", "json", "csv", "ics", "md")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error becomes :class:`UsageError` (one sentence, exit 2)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{_only_required(self, message)} (see '{self.prog} --help').")


_REQUIRED = "the following arguments are required: "


def _only_required(parser: argparse.ArgumentParser, message: str) -> str:
    """argparse's message without the optional positionals it names as required.

    ``parse_intermixed_args`` (so that ``search QUERY --json PATH`` works) reports every
    positional as required when none is given: ``QUERY, PATH``, though PATH defaults to
    the bundled seeds (contract: ``medtui search QUERY [PATH ...]``).
    """
    if not message.startswith(_REQUIRED):
        return message
    optional = {a.metavar or a.dest for a in parser._actions  # noqa: SLF001 - argparse's own list
                if not a.option_strings and a.nargs in ("*", "?")}
    names = [n for n in message[len(_REQUIRED):].split(", ") if n not in optional]
    return _REQUIRED + ", ".join(names) if names else message


def _paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", metavar="PATH",
        help="files or folders (read recursively); default: the bundled seed documents",
    )


def open_parser() -> argparse.ArgumentParser:
    """The parser of ``medtui [PATH ...]`` (open the browser); its help lists the commands."""
    parser = _Parser(
        prog=PROG,
        description="Browse news and press releases about institutions and their partnerships.",
        epilog=(
            "commands (run 'medtui COMMAND --help'):\n"
            "  export [PATH ...] --format json       the whole extracted corpus\n"
            "  search QUERY [PATH ...] [--json]      ranked hits (exit 1: none)\n"
            "  timeline [PATH ...] [--format FMT]    table, json, csv, ics or md\n"
            "  institutions [PATH ...] [--json]      institutions and story counts\n"
            "  bench [PATH ...] --json               performance figures"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _paths(parser)
    return parser


def sub_parser(name: str) -> argparse.ArgumentParser:
    """The parser of the command ``name`` (export, search, timeline or institutions)."""
    parser = _Parser(prog=f"{PROG} {name}")
    if name == "export":
        parser.description = "Print the whole extracted corpus as JSON (version 1)."
        _paths(parser)
        parser.add_argument("--format", choices=("json",), default="json")
    elif name == "search":
        from medtui.search.results import QUERY_SYNTAX

        parser.description = "Search the stories. QUERY syntax:\n" + "\n".join(
            f"  {example:<34} {meaning}" for example, meaning in QUERY_SYNTAX
        )
        parser.formatter_class = argparse.RawDescriptionHelpFormatter
        parser.add_argument("query", metavar="QUERY")
        _paths(parser)
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.add_argument("--limit", type=int, default=20, help="hits to show (default 20)")
        parser.add_argument(
            "--institution", action="append", metavar="ID",
            help="only stories involving this institution id (repeatable: all of them)",
        )
    elif name == "timeline":
        from medtui.corpus.model import EVENT_KINDS

        parser.description = "Print the partnership timeline, oldest first, undated last."
        _paths(parser)
        parser.add_argument("--format", choices=TIMELINE_FORMATS, default="table")
        parser.add_argument(
            "--institution", action="append", metavar="ID",
            help="only events with this institution id among the parties (repeatable: all of them)",
        )
        parser.add_argument("--kind", action="append", choices=EVENT_KINDS,
                            help="only events of this kind (repeatable: any of them)")
    elif name == "institutions":
        parser.description = "List the institutions with the number of stories about each."
        _paths(parser)
        parser.add_argument("--json", action="store_true", help="print JSON")
    return parser
