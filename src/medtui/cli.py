"""The ``medtui`` command: open the browser, or export / search / timeline / institutions.

``medtui [PATH ...]`` opens the terminal browser; a first argument that is a
subcommand name runs that subcommand instead (so a folder called ``seeds/`` is
never mistaken for a command). Exit status: 0 success, 1 nothing matched or found
(search, timeline, institutions: as ``grep``; JSON is printed all the same), 2 bad
usage or unreadable input, always with one sentence on stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from medtui.cli_args import PROG, open_parser, sub_parser
from medtui.corpus.model import Corpus, Event
from medtui.errors import NOTHING_READ, InputError, MedtuiError, UsageError

if TYPE_CHECKING:
    from medtui.cache.searchable import Searchable

DEBUG_ENV = "MEDTUI_DEBUG"


def _say(message: str) -> None:
    """One line on stderr, prefixed with the program name."""
    print(f"{PROG}: {message}", file=sys.stderr)


def check_paths(paths: Sequence[str]) -> None:
    """Raise :class:`InputError` for a path that does not exist or cannot be read."""
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"No such file or folder: {raw}.")
        if not os.access(path, os.R_OK) or (path.is_dir() and not os.access(path, os.X_OK)):
            raise InputError(f"Cannot read {raw}: permission denied.")


def _read_errors(exc: Exception) -> InputError:
    """An OSError or UnicodeError while reading, as one sentence for the user."""
    if isinstance(exc, OSError):
        where = exc.filename or "the input"
        return InputError(f"Cannot read {where}: {exc.strerror or exc}.")
    return InputError(f"Cannot decode the input: {exc}.")


def load(paths: Sequence[str]) -> Corpus:
    """Check the paths and read them into a Corpus, with a progress bar on a terminal.

    The corpus the app or an earlier ``medtui search`` saved for these very files
    (every file unchanged) is opened instead of reading them again.
    """
    from medtui.cache.searchable import try_snapshot
    from medtui.cli_render import is_terminal, load_progress
    from medtui.pipeline import discover_inputs, load_corpus

    check_paths(paths)
    try:
        inputs = discover_inputs(list(paths) or None)
        found, warnings = try_snapshot(list(paths) or None, inputs)
        if found is not None:
            from medtui.curation import curate_loaded

            found.index.close()
            found.corpus.warnings.extend(warnings)
            curate_loaded(found.corpus)  # a snapshot keeps the corpus as extracted
            return found.corpus
        with load_progress(is_terminal(sys.stderr)) as progress:
            corpus = load_corpus(list(paths) or None, progress=progress, inputs=inputs)
        corpus.warnings.extend(warnings)
        return corpus
    except MedtuiError:
        raise
    except (OSError, UnicodeError) as exc:
        raise _read_errors(exc) from exc


def load_searchable(paths: Sequence[str]) -> Searchable:
    """The corpus of ``paths`` and its search index: the saved pair when nothing changed.

    Otherwise the files are read (through the document cache), indexed, and the
    pair is saved for the next ``medtui search`` and the app (the same cache key).
    Progress goes to stderr only when stderr is a terminal.
    """
    from medtui.cache.searchable import load_searchable as load_pair
    from medtui.cli_render import is_terminal, load_and_index_progress

    check_paths(paths)
    try:
        with load_and_index_progress(is_terminal(sys.stderr)) as (reading, indexing):
            return load_pair(list(paths) or None, progress=reading, index_progress=indexing)
    except MedtuiError:
        raise
    except (OSError, UnicodeError) as exc:
        raise _read_errors(exc) from exc


def _saved_index(paths: Sequence[str]) -> Any:
    """The saved index of ``paths`` without its corpus, when no file changed (else None)."""
    from medtui.cache.searchable import open_search_index

    check_paths(paths)
    return open_search_index(list(paths) or None)


# --- subcommands -------------------------------------------------------------------------


def cmd_open(args: argparse.Namespace) -> int:
    """``medtui [PATH ...]``: the terminal browser (imported only now: it is heavy)."""
    check_paths(args.paths)
    try:
        from medtui.ui.app import run
    except ModuleNotFoundError as exc:
        if exc.name and (exc.name == "medtui.ui" or exc.name.startswith("medtui.ui.")):
            _say("the terminal browser is not part of this build yet; try 'medtui export'.")
            return 2
        raise
    return run(list(args.paths))


def cmd_export(args: argparse.Namespace) -> int:
    """``medtui export [PATH ...] --format json``: the whole corpus as contract JSON."""
    from medtui.cli_render import write_json
    from medtui.export import export_corpus

    corpus = load(args.paths)
    check_readable(corpus)
    write_json(export_corpus(corpus), sys.stdout)
    if not corpus.stories:
        _say(NOTHING_READ)
        return 1
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    """``medtui search QUERY [PATH ...] [--json]``: ranked hits; exit 1 when none."""
    from medtui.cli_render import render_search, write_json
    from medtui.export import search_dict

    if not args.query.strip():
        raise UsageError("The search query is empty: give the words to look for "
                         "(see 'medtui search --help').")
    if args.limit < 1:
        raise UsageError("The --limit must be at least 1.")
    index = _saved_index(args.paths) or load_searchable(args.paths).index
    if index.size == 0:  # nothing read: say why (unreadable files: exit 2)
        try:
            check_readable(load(args.paths))
        except InputError:
            index.close()
            raise
    result = index.search(args.query, limit=args.limit, institutions=args.institution or ())
    nothing_read = index.size == 0
    index.close()
    if result.error:
        raise UsageError(result.error)
    for note in result.notes:  # an unknown kind or institution id: why nothing matched
        _say(note)
    if args.json:
        write_json(search_dict(result), sys.stdout)
    elif result.hits:
        render_search(result, sys.stdout)
    if result.total == 0:
        hint = f" Did you mean: {result.suggestion}?" if result.suggestion else ""
        if nothing_read:
            _say(NOTHING_READ)
        elif not result.notes:  # a note (unknown id or kind) already said why nothing matched
            _say(f"no story matches {args.query!r}.{hint}")
        return 1
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    """``medtui timeline [PATH ...] [--format table|json|csv|ics|md]``."""
    from medtui import cli_formats
    from medtui.cli_render import render_timeline, write_json
    from medtui.export import timeline_dict
    from medtui.timeline import one_per_signing

    corpus = load(args.paths)
    check_readable(corpus)
    wanted = _wanted_events(corpus, args.institution or (), args.kind or ())
    events, sources = one_per_signing(corpus, wanted)  # one row per signing, naming its sources
    fmt = args.format
    if fmt == "json":
        write_json(timeline_dict(corpus, events, sources), sys.stdout)
    elif fmt == "csv":
        sys.stdout.write(cli_formats.timeline_csv(corpus, events, sources))
    elif fmt == "md":
        sys.stdout.write(cli_formats.timeline_markdown(corpus, events, sources))
    elif fmt == "ics":
        text, skipped = cli_formats.timeline_ics(corpus, events, sources)
        sys.stdout.write(text)
        if skipped:
            plural = "event has" if skipped == 1 else "events have"
            _say(f"{skipped} {plural} no date and cannot be in a calendar; left out.")
    elif events:
        render_timeline(corpus, events, sys.stdout, sources)
    if not events:
        _say_empty(corpus, "no partnership events found.")
        return 1
    return 0


def _wanted_events(corpus: Corpus, institutions: Sequence[str], kinds: Sequence[str]) -> list[Event]:
    """The events ``timeline --institution/--kind`` asks for: every named institution among
    the parties, and one of the kinds (none named: all). An institution is named by its id
    (``medtui institutions``) or by one of its names, in any case; one the corpus does not
    know is named on stderr with examples, as ``search --institution`` does."""
    known = {inst.id for inst in corpus.institutions}
    by_name: dict[str, set[str]] = {}
    for inst in corpus.institutions:
        for name in (inst.name, *inst.aliases):
            by_name.setdefault(name.casefold(), set()).add(inst.id)
    ids: list[str] = []
    missing: list[str] = []
    for asked in dict.fromkeys(institutions):
        named = by_name.get(asked.casefold(), set())
        if asked in known or len(named) == 1:
            ids.append(asked if asked in known else next(iter(named)))
        else:
            missing.append(asked)
    if missing:
        examples = ", ".join(sorted(known, key=lambda i: (len(i), i))[:5])
        _say(f"unknown institution {', '.join(repr(i) for i in missing)}: "
             f"'medtui institutions' lists the ids and names (e.g. {examples}).")
        return []
    return [e for e in corpus.events
            if all(i in e.parties for i in ids) and (not kinds or e.kind in kinds)]


def _say_empty(corpus: Corpus, what: str) -> None:
    """Why a listing is empty: nothing could be read (an empty folder, only binary or
    unsupported files), or nothing was found in what was read."""
    if not corpus.stories:
        _say(NOTHING_READ)
    else:
        _say(what)


def check_readable(corpus: Corpus) -> None:
    """Raise :class:`InputError` (exit 2) when files were found but none could be read.

    The contract's "unreadable input": every document binary, undecodable or refused, as
    the reader says in :attr:`~medtui.corpus.model.Document.unreadable` (its last warning
    gives the reason in words). A corpus with stories, no documents at all, or a readable
    file that holds no story passes (the caller says "nothing read" and exits 1).
    """
    skipped = [doc for doc in corpus.documents if doc.unreadable]
    if skipped and corpus.stories:  # some files skipped: said once, the output is still right
        first = skipped[0]
        reason = (first.warnings[-1] if first.warnings else str(first.unreadable)).removesuffix(", skipped")
        files = "1 file was" if len(skipped) == 1 else f"{len(skipped)} files were"
        _say(f"{files} skipped of {len(corpus.documents)}, not readable as text ({first.path}: "
             f"{reason}); 'medtui export' lists each under warnings.")
    if corpus.stories or not corpus.documents:
        return
    if all(doc.unreadable for doc in corpus.documents):
        first = corpus.documents[0]
        reason = (first.warnings[-1] if first.warnings else str(first.unreadable)).removesuffix(", skipped")
        if len(corpus.documents) == 1:
            raise InputError(f"Cannot read {first.path} as text: {reason}; it is the only file found.")
        raise InputError(f"None of the {len(corpus.documents)} files found can be read as text "
                         f"({first.path}, for one: {reason}).")


def cmd_institutions(args: argparse.Namespace) -> int:
    """``medtui institutions [PATH ...] [--json]``: institutions with their story counts."""
    from medtui.cli_render import render_institutions, write_json
    from medtui.export import institutions_dict

    corpus = load(args.paths)
    check_readable(corpus)
    if args.json:
        write_json(institutions_dict(corpus), sys.stdout)
    elif corpus.institutions:
        render_institutions(corpus, sys.stdout)
    if not corpus.institutions:
        _say_empty(corpus, "no institutions found.")
        return 1
    return 0


def cmd_bench(argv: list[str]) -> int:
    """``medtui bench``: handed whole to ``medtui.bench.main(argv)`` when that module exists."""
    try:
        from medtui import bench  # type: ignore[attr-defined,unused-ignore]
    except ModuleNotFoundError as exc:
        if exc.name != "medtui.bench":
            raise
        _say("the bench command is not part of this build yet.")
        return 2
    result: int = bench.main(argv)
    return result


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "export": cmd_export,
    "search": cmd_search,
    "timeline": cmd_timeline,
    "institutions": cmd_institutions,
}


def run(argv: list[str]) -> int:
    """Parse ``argv`` and run the command (errors propagate; :func:`main` reports them)."""
    if argv and argv[0] == "bench":
        return cmd_bench(argv[1:])
    if argv and argv[0] in COMMANDS:
        args = sub_parser(argv[0]).parse_intermixed_args(argv[1:])
        return COMMANDS[argv[0]](args)
    return cmd_open(open_parser().parse_args(argv))


def _quiet_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the exit flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``medtui``: run the command line, return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        code = run(args)
        sys.stdout.flush()
        return code
    except BrokenPipeError:  # `medtui ... | head` closed the pipe: not an error
        _quiet_stdout()
        return 0
    except KeyboardInterrupt:
        return 130
    except SystemExit as exc:  # argparse --help / --version
        return exc.code if isinstance(exc.code, int) else 0
    except MedtuiError as exc:
        _say(str(exc))
        return 2
    except Exception as exc:
        if os.environ.get(DEBUG_ENV):
            raise
        _say(f"internal error ({type(exc).__name__}: {exc}); set {DEBUG_ENV}=1 for details.")
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
